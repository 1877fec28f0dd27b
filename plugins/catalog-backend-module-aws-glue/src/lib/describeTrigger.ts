import type { Trigger } from '@aws-sdk/client-glue';
import {
  describePredicate,
  joinWords,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** "job A and crawler C", from a trigger's actions. */
export function describeActions(trigger: Trigger): string {
  const targets = (trigger.Actions ?? []).map(action =>
    action.JobName ? action.JobName : `crawler ${action.CrawlerName ?? '?'}`,
  );
  return targets.length ? joinWords(targets, 'and') : 'nothing';
}

/**
 * A trigger in words, for `metadata.description`:
 * "Starts B when A SUCCEEDED and C FAILED",
 * "Starts orders-daily-etl on schedule cron(15 2 * * ? *)".
 */
export function describeTrigger(trigger: Trigger): string {
  const starts = `Starts ${describeActions(trigger)}`;
  let text: string;
  switch (trigger.Type) {
    case 'CONDITIONAL':
      text = `${starts} when ${
        describePredicate(trigger.Predicate) ?? 'its (empty) condition is met'
      }`;
      break;
    case 'SCHEDULED':
      text = `${starts} on schedule ${trigger.Schedule ?? '(none)'}`;
      break;
    case 'ON_DEMAND':
      text = `${starts} when started on demand`;
      break;
    case 'EVENT': {
      const batch = trigger.EventBatchingCondition;
      text = batch
        ? `${starts} on EventBridge events (batches of ${batch.BatchSize ?? 1}${
            batch.BatchWindow ? ` within ${batch.BatchWindow} s` : ''
          })`
        : `${starts} on EventBridge events`;
      break;
    }
    default:
      text = starts;
  }
  const state =
    trigger.State &&
    trigger.State !== 'ACTIVATED' &&
    trigger.Type !== 'ON_DEMAND'
      ? ` (trigger ${trigger.State.toLocaleLowerCase('en-US')})`
      : '';
  // Glue descriptions often restate the predicate, or say more about it
  // ("... SUCCEEDED (glueetl reads what upstream_job writes)"): say it once.
  const own = trigger.Description?.trim().replace(/\.$/, '');
  const lower = (value: string) => value.toLocaleLowerCase('en-US');
  if (own && lower(own).includes(lower(text))) {
    return `${own}${state}`;
  }
  const description =
    own && !lower(text).includes(lower(own)) ? `. ${own}` : '';
  return `${text}${state}${description}`;
}
