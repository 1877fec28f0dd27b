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
  // Glue descriptions often restate the predicate; do not say it twice.
  const own = trigger.Description?.trim().replace(/\.$/, '');
  const description =
    own && own.toLocaleLowerCase('en-US') !== text.toLocaleLowerCase('en-US')
      ? `. ${own}`
      : '';
  return `${text}${state}${description}`;
}
