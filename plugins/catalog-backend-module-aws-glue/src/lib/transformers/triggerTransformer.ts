import { Entity } from '@backstage/catalog-model';
import type { Trigger } from '@aws-sdk/client-glue';
import {
  GLUE_ANNOTATIONS as A,
  GLUE_ENTITY_TYPES,
  glueConsoleUrls,
  writeGlueTriggerActions,
  writeGlueTriggerPredicate,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { describeTrigger } from '../describeTrigger';
import { baseEntity, consoleLink, runnableSpec } from './baseEntity';
import { compact, entityTag } from './entityParts';
import { GlueUnitContext, TriggerTransformerInput } from './types';

/** The trigger's actions as the annotation stores them, arguments redacted. */
function actionsOf(trigger: Trigger, unit: GlueUnitContext) {
  return (trigger.Actions ?? []).map(action => ({
    ...(action.JobName ? { JobName: action.JobName } : {}),
    ...(action.CrawlerName ? { CrawlerName: action.CrawlerName } : {}),
    ...(action.Arguments
      ? { Arguments: unit.redactor.redact(action.Arguments) }
      : {}),
    ...(action.Timeout ? { Timeout: action.Timeout } : {}),
  }));
}

/**
 * The default entity of a Glue trigger: a `Resource` of type `glue-trigger`
 * that depends on the jobs and crawlers its predicate watches, described in
 * words.
 *
 * @public
 */
export function defaultTriggerTransformer(
  input: TriggerTransformerInput,
): Entity {
  const { trigger, unit, resolved } = input;
  return baseEntity(input, {
    // The sentence embeds Glue names and the trigger's own description.
    description: describeTrigger(trigger),
    annotations: {
      [A.triggerType]: trigger.Type,
      [A.triggerState]: trigger.State,
      [A.triggerSchedule]: trigger.Schedule,
      [A.triggerPredicate]: trigger.Predicate
        ? writeGlueTriggerPredicate(trigger.Predicate)
        : undefined,
      [A.triggerActions]: writeGlueTriggerActions(actionsOf(trigger, unit)),
      [A.missingReferences]: input.missingReferences.join(','),
      [A.workflows]: trigger.WorkflowName,
    },
    links: [
      consoleLink(
        glueConsoleUrls.trigger(unit.partition, unit.region, resolved.glueName),
      ),
    ],
    tags: compact([
      entityTag(trigger.Type ?? ''),
      trigger.State ? entityTag(trigger.State) : undefined,
    ]),
    spec: runnableSpec(GLUE_ENTITY_TYPES.trigger, resolved, input.watches),
  });
}
