import type { Trigger } from '@aws-sdk/client-glue';
import { GlueTarget, targetOf, TargetMap } from './keys';

/** Who starts and watches whom, from the synced triggers. */
export interface TriggerGraph {
  /** The triggers (Glue names) whose actions start each job or crawler, in trigger order. */
  startedBy: TargetMap<string[]>;
  /** The workflows (Glue names) whose triggers start or watch each job or crawler. */
  workflowsOf: TargetMap<Set<string>>;
  /** The jobs and crawlers each workflow's triggers start or watch, in order met. */
  membersOf: Map<string, TargetMap<true>>;
  /** Per trigger (Glue name): what it names that is not synced, as labels. */
  missingByTrigger: Map<string, string[]>;
  /** One warning per trigger that names something not synced. */
  warnings: string[];
}

function defined<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

/** The jobs and crawlers a trigger's actions start, in action order. */
export function actionTargets(trigger: Trigger): GlueTarget[] {
  return defined((trigger.Actions ?? []).map(targetOf));
}

/** The jobs and crawlers a trigger's predicate watches, in condition order. */
export function conditionTargets(trigger: Trigger): GlueTarget[] {
  return defined((trigger.Predicate?.Conditions ?? []).map(targetOf));
}

/** How a target is named in warnings and the missing-references annotation. */
function labelOf(target: GlueTarget): string {
  return target.kind === 'job' ? target.name : `crawler ${target.name}`;
}

/** The labels of what `trigger` names that is not synced, each once. */
function missingOf(
  trigger: Trigger,
  isSynced: (target: GlueTarget) => boolean,
): string[] {
  const missing = [...actionTargets(trigger), ...conditionTargets(trigger)]
    .filter(target => !isSynced(target))
    .map(labelOf);
  return [...new Set(missing)];
}

function missingWarning(trigger: Trigger, missing: string[]): string {
  return `trigger ${trigger.Name} refers to ${missing.join(', ')}, which ${
    missing.length === 1 ? 'is' : 'are'
  } not synced (missing in Glue or filtered out); no relation was made`;
}

/**
 * The trigger graph of the synced triggers: which triggers start each job
 * and crawler, which workflows each belongs to (a workflow's triggers start
 * or watch its members), and which named jobs and crawlers are not synced
 * (`isSynced`), with a warning for each trigger that names one.
 */
export function buildTriggerGraph(
  triggers: Trigger[],
  isSynced: (target: GlueTarget) => boolean,
): TriggerGraph {
  const graph: TriggerGraph = {
    startedBy: new TargetMap(),
    workflowsOf: new TargetMap(),
    membersOf: new Map(),
    missingByTrigger: new Map(),
    warnings: [],
  };
  for (const trigger of triggers) {
    for (const target of actionTargets(trigger)) {
      graph.startedBy.upsert(target, () => []).push(trigger.Name!);
    }
    const missing = missingOf(trigger, isSynced);
    if (missing.length > 0) {
      graph.missingByTrigger.set(trigger.Name!, missing);
      graph.warnings.push(missingWarning(trigger, missing));
    }
    const workflow = trigger.WorkflowName;
    if (workflow) {
      const members = graph.membersOf.get(workflow) ?? new TargetMap<true>();
      for (const target of [
        ...actionTargets(trigger),
        ...conditionTargets(trigger),
      ]) {
        graph.workflowsOf.upsert(target, () => new Set()).add(workflow);
        members.set(target, true);
      }
      if (members.size > 0) graph.membersOf.set(workflow, members);
    }
  }
  return graph;
}
