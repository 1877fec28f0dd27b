import { Entity } from '@backstage/catalog-model';
import {
  AnnotationReadResult,
  GlueLineageEdge,
  readGlueLineage,
  readGlueTriggerActions,
  readGlueTriggerPredicate,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** One condition of a trigger's predicate. */
export interface TriggerCondition {
  kind: 'job' | 'crawler';
  /** The job's or crawler's Glue name. */
  name: string;
  /** The watched state (`SUCCEEDED`, `FAILED`, ...). */
  state: string;
  /** Glue's `LogicalOperator`, always `EQUALS` today. */
  operator: string;
}

/** A trigger's predicate. */
export interface TriggerPredicate {
  /** `AND`: all conditions; `ANY`: at least one. */
  logical: 'AND' | 'ANY';
  conditions: TriggerCondition[];
}

/** One action of a trigger. */
export interface TriggerAction {
  kind: 'job' | 'crawler';
  name: string;
  /** Redacted by the entity provider. */
  arguments: Record<string, string>;
  /** Minutes. */
  timeout?: number;
}

/** The outcome of reading a JSON annotation. */
export type Parsed<T> =
  | { value: T; error?: undefined }
  | { value?: undefined; error: string };

/**
 * A read annotation as the cards take it: `undefined` when absent, an error
 * when unreadable as a whole. Entries of lists that do not parse are left out
 * silently.
 */
function parsed<T, U>(
  result: AnnotationReadResult<T>,
  map: (value: T) => U,
): Parsed<U> | undefined {
  if (result.value !== undefined) return { value: map(result.value) };
  if (result.reason !== undefined) return { error: result.reason };
  return undefined;
}

/**
 * Reads the predicate annotation of a trigger entity
 * (`{"Logical":"AND","Conditions":[{"JobName":"a","State":"SUCCEEDED"}]}`).
 */
export function readTriggerPredicate(
  entity: Entity,
): Parsed<TriggerPredicate> | undefined {
  return parsed(readGlueTriggerPredicate(entity), predicate => ({
    logical: predicate.Logical ?? 'AND',
    conditions: (predicate.Conditions ?? []).map(
      (condition): TriggerCondition =>
        condition.CrawlerName !== undefined
          ? {
              kind: 'crawler',
              name: condition.CrawlerName,
              state: condition.CrawlState ?? '?',
              operator: condition.LogicalOperator ?? 'EQUALS',
            }
          : {
              kind: 'job',
              name: condition.JobName!,
              state: condition.State ?? '?',
              operator: condition.LogicalOperator ?? 'EQUALS',
            },
    ),
  }));
}

/** Reads the actions annotation of a trigger entity. */
export function readTriggerActions(
  entity: Entity,
): Parsed<TriggerAction[]> | undefined {
  return parsed(readGlueTriggerActions(entity), actions =>
    actions.map(
      (action): TriggerAction => ({
        ...(action.JobName !== undefined
          ? { kind: 'job', name: action.JobName }
          : { kind: 'crawler', name: action.CrawlerName! }),
        arguments: action.Arguments ?? {},
        timeout: action.Timeout,
      }),
    ),
  );
}

/** Reads the lineage annotation of a job or crawler entity. */
export function readLineage(
  entity: Entity,
): Parsed<GlueLineageEdge[]> | undefined {
  return parsed(readGlueLineage(entity), edges => edges);
}

/** Reads a comma-separated annotation. */
export function readList(entity: Entity, annotation: string): string[] {
  return (entity.metadata.annotations?.[annotation] ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}
