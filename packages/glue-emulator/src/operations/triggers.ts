/*
 * Triggers: GetTriggers, GetTrigger, BatchGetTriggers, ListTriggers, plus
 * StartTrigger / StopTrigger to drive the simulation.
 */
import {
  entityNotFound,
  optionalInt,
  optionalMap,
  optionalString,
  requireString,
  stringList,
} from '../errors';
import { jobNode, TriggerRecord } from '../model';
import { decodeToken, encodeToken, fingerprint, scanPage } from '../paging';
import { matchesAnyTag, Operation, OperationContext } from './context';

const DEFAULT_PAGE = 100;

export function findTrigger(
  ctx: OperationContext,
  name: string,
): TriggerRecord {
  const trigger = ctx.model.triggers.get(name);
  if (!trigger) {
    throw entityNotFound(`Trigger with name: ${name} not found`);
  }
  return trigger;
}

/**
 * Triggers in name order. With DependentJobName only the triggers whose
 * actions start that job (the AWS doc says "else all"; like moto, the
 * emulator returns an empty list when none does).
 */
function candidates(
  ctx: OperationContext,
  dependentJobName: string | undefined,
) {
  if (dependentJobName === undefined) return ctx.model.triggerList;
  return ctx.model.starters.get(jobNode(dependentJobName)) ?? [];
}

export const GetTriggers: Operation = (input, ctx) => {
  const dependent = optionalString(input, 'DependentJobName');
  const max = optionalInt(input, 'MaxResults', 1, 200) ?? DEFAULT_PAGE;
  const print = fingerprint(
    'GetTriggers',
    ctx.accountId,
    ctx.region,
    dependent ?? null,
  );
  const offset =
    decodeToken(optionalString(input, 'NextToken'), print)?.offset ?? 0;
  const { items, next } = scanPage(
    candidates(ctx, dependent),
    offset,
    max,
    () => true,
  );
  return {
    Triggers: items.map(t => t.api),
    NextToken: next === undefined ? undefined : encodeToken(next, print),
  };
};

export const ListTriggers: Operation = (input, ctx) => {
  const dependent = optionalString(input, 'DependentJobName');
  const tags = optionalMap(input, 'Tags');
  const max = optionalInt(input, 'MaxResults', 1, 200) ?? DEFAULT_PAGE;
  const print = fingerprint(
    'ListTriggers',
    ctx.accountId,
    ctx.region,
    dependent ?? null,
    tags ?? {},
  );
  const offset =
    decodeToken(optionalString(input, 'NextToken'), print)?.offset ?? 0;
  const { items, next } = scanPage(candidates(ctx, dependent), offset, max, t =>
    matchesAnyTag(t.tags, tags),
  );
  return {
    TriggerNames: items.map(t => t.name),
    NextToken: next === undefined ? undefined : encodeToken(next, print),
  };
};

export const GetTrigger: Operation = (input, ctx) => ({
  Trigger: findTrigger(ctx, requireString(input, 'Name')).api,
});

export const BatchGetTriggers: Operation = (input, ctx) => {
  const names = stringList(input, 'TriggerNames', {
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    required: true,
  })!;
  const triggers = [];
  const notFound = [];
  for (const name of names) {
    const trigger = ctx.model.triggers.get(name);
    if (trigger) triggers.push(trigger.api);
    else notFound.push(name);
  }
  return { Triggers: triggers, TriggersNotFound: notFound };
};

/**
 * StartTrigger: fires an ON_DEMAND trigger now (as the root of a new chain);
 * activates a SCHEDULED / CONDITIONAL one.
 */
export const StartTrigger: Operation = (input, ctx) => {
  const trigger = findTrigger(ctx, requireString(input, 'Name'));
  if (trigger.api.Type === 'ON_DEMAND') {
    ctx.runtime.fireRoot(trigger, ctx.now);
  } else {
    trigger.api.State = 'ACTIVATED';
    if (trigger.api.Type === 'SCHEDULED') {
      ctx.runtime.scheduleCron(trigger, ctx.now);
    }
  }
  return { Name: trigger.name };
};

/** StopTrigger: deactivates a SCHEDULED / CONDITIONAL trigger. */
export const StopTrigger: Operation = (input, ctx) => {
  const trigger = findTrigger(ctx, requireString(input, 'Name'));
  if (trigger.api.Type !== 'ON_DEMAND') {
    trigger.api.State = 'DEACTIVATED';
  }
  return { Name: trigger.name };
};
