import { Entity } from '@backstage/catalog-model';
import {
  GLUE_ANNOTATIONS,
  GlueLineageEdge,
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

function parseJson(text: string | undefined): Parsed<unknown> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})` };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringRecord = (value: unknown): Record<string, string> => {
  if (!isObject(value)) return {};
  const result: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    result[key] = String(v);
  }
  return result;
};

/**
 * Reads the predicate annotation of a trigger entity
 * (`{"Logical":"AND","Conditions":[{"JobName":"a","State":"SUCCEEDED"}]}`).
 */
export function readTriggerPredicate(
  entity: Entity,
): Parsed<TriggerPredicate> | undefined {
  const parsed = parseJson(
    entity.metadata.annotations?.[GLUE_ANNOTATIONS.triggerPredicate],
  );
  if (!parsed) return undefined;
  if (parsed.error !== undefined) return { error: parsed.error };
  const raw = parsed.value;
  if (!isObject(raw) || !Array.isArray(raw.Conditions ?? [])) {
    return { error: 'not a Glue predicate' };
  }
  const conditions: TriggerCondition[] = [];
  for (const condition of (raw.Conditions as unknown[]) ?? []) {
    if (!isObject(condition)) continue;
    if (typeof condition.CrawlerName === 'string') {
      conditions.push({
        kind: 'crawler',
        name: condition.CrawlerName,
        state: String(condition.CrawlState ?? '?'),
        operator: String(condition.LogicalOperator ?? 'EQUALS'),
      });
    } else if (typeof condition.JobName === 'string') {
      conditions.push({
        kind: 'job',
        name: condition.JobName,
        state: String(condition.State ?? '?'),
        operator: String(condition.LogicalOperator ?? 'EQUALS'),
      });
    }
  }
  return {
    value: {
      logical: raw.Logical === 'ANY' ? 'ANY' : 'AND',
      conditions,
    },
  };
}

/** Reads the actions annotation of a trigger entity. */
export function readTriggerActions(
  entity: Entity,
): Parsed<TriggerAction[]> | undefined {
  const parsed = parseJson(
    entity.metadata.annotations?.[GLUE_ANNOTATIONS.triggerActions],
  );
  if (!parsed) return undefined;
  if (parsed.error !== undefined) return { error: parsed.error };
  if (!Array.isArray(parsed.value)) {
    return { error: 'not a list of Glue trigger actions' };
  }
  const actions: TriggerAction[] = [];
  for (const action of parsed.value) {
    if (!isObject(action)) continue;
    const timeout =
      typeof action.Timeout === 'number' ? action.Timeout : undefined;
    if (typeof action.JobName === 'string') {
      actions.push({
        kind: 'job',
        name: action.JobName,
        arguments: stringRecord(action.Arguments),
        timeout,
      });
    } else if (typeof action.CrawlerName === 'string') {
      actions.push({
        kind: 'crawler',
        name: action.CrawlerName,
        arguments: stringRecord(action.Arguments),
        timeout,
      });
    }
  }
  return { value: actions };
}

/** Reads the lineage annotation of a job or crawler entity. */
export function readLineage(
  entity: Entity,
): Parsed<GlueLineageEdge[]> | undefined {
  const parsed = parseJson(
    entity.metadata.annotations?.[GLUE_ANNOTATIONS.lineage],
  );
  if (!parsed) return undefined;
  if (parsed.error !== undefined) return { error: parsed.error };
  if (!Array.isArray(parsed.value)) {
    return { error: 'not a list of lineage edges' };
  }
  return {
    value: parsed.value.filter(
      (edge): edge is GlueLineageEdge =>
        isObject(edge) &&
        typeof edge.location === 'string' &&
        (edge.direction === 'input' || edge.direction === 'output'),
    ),
  };
}

/** Reads a comma-separated annotation. */
export function readList(entity: Entity, annotation: string): string[] {
  return (entity.metadata.annotations?.[annotation] ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}

function joinWords(words: string[], conjunction: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${
    words[words.length - 1]
  }`;
}

/** `triggering_job SUCCEEDED and crawler c FAILED`. */
export function describePredicate(predicate: TriggerPredicate): string {
  const parts = predicate.conditions.map(
    c => `${c.kind === 'crawler' ? 'crawler ' : ''}${c.name} ${c.state}`,
  );
  return joinWords(parts, predicate.logical === 'ANY' ? 'or' : 'and');
}
