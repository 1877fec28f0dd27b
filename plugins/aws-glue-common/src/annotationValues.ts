/**
 * The structured (JSON) annotations the AWS Glue catalog module writes on
 * synced entities: one zod schema, one type, one writer and one validating
 * reader for each. The catalog module writes with the `write…` functions and
 * every reader (backend chain, frontend cards) reads with the `read…` ones,
 * so the format lives in this file only.
 *
 * Anyone can register an entity carrying these annotations, so the readers
 * never throw: malformed JSON, or a value of the wrong shape, reads as no
 * value and a short problem naming the annotation; in lists, the entries
 * that do not parse are dropped (and counted in the problem) and the rest is
 * kept. Unknown keys are dropped.
 */
import { Entity } from '@backstage/catalog-model';
import { z } from 'zod';
import { GLUE_ANNOTATIONS } from './annotations';
import { GLUE_JOB_RUN_STATES } from './runState';

/** The states of a Glue crawl (`CrawlState` of the AWS SDK). */
const CRAWL_STATES = [
  'RUNNING',
  'CANCELLING',
  'CANCELLED',
  'SUCCEEDED',
  'FAILED',
  'ERROR',
] as const;

const namesJobOrCrawler = (value: { JobName?: string; CrawlerName?: string }) =>
  value.JobName !== undefined || value.CrawlerName !== undefined;

/**
 * One condition of a trigger predicate, as Glue has it: the job (or
 * crawler) watched and the state that fires the trigger. It names a job or
 * a crawler.
 *
 * @public
 */
export const glueTriggerConditionSchema = z
  .object({
    LogicalOperator: z.enum(['EQUALS']).optional(),
    JobName: z.string().optional(),
    State: z.enum(GLUE_JOB_RUN_STATES).optional(),
    CrawlerName: z.string().optional(),
    CrawlState: z.enum(CRAWL_STATES).optional(),
  })
  .refine(namesJobOrCrawler, 'names neither a job nor a crawler');

/**
 * One condition of a trigger predicate.
 *
 * @public
 */
export type GlueTriggerCondition = z.infer<typeof glueTriggerConditionSchema>;

const glueLogicalSchema = z.enum(['AND', 'ANY']);

/**
 * A trigger's predicate, as Glue has it
 * (`{"Logical":"AND","Conditions":[{"JobName":"a","State":"SUCCEEDED"}]}`);
 * the value of {@link GLUE_ANNOTATIONS.triggerPredicate}.
 *
 * @public
 */
export const glueTriggerPredicateSchema = z.object({
  /** `AND` (the default): all conditions; `ANY`: at least one. */
  Logical: glueLogicalSchema.optional(),
  Conditions: z.array(glueTriggerConditionSchema).optional(),
});

/**
 * A trigger's predicate.
 *
 * @public
 */
export type GlueTriggerPredicate = z.infer<typeof glueTriggerPredicateSchema>;

/**
 * One action of a trigger: the job or crawler it starts, with the job's
 * arguments (redacted by the entity provider) and timeout in minutes. It
 * names a job or a crawler.
 *
 * @public
 */
export const glueTriggerActionSchema = z
  .object({
    JobName: z.string().optional(),
    CrawlerName: z.string().optional(),
    Arguments: z.record(z.string()).optional(),
    Timeout: z.number().int().positive().optional(),
  })
  .refine(namesJobOrCrawler, 'names neither a job nor a crawler');

/**
 * One action of a trigger; {@link GLUE_ANNOTATIONS.triggerActions} holds a
 * list of them.
 *
 * @public
 */
export type GlueTriggerAction = z.infer<typeof glueTriggerActionSchema>;

/**
 * One lineage edge of a job or crawler; {@link GLUE_ANNOTATIONS.lineage}
 * holds a list of them.
 *
 * @public
 */
export const glueLineageEdgeSchema = z.object({
  /** `input`: the resource reads the dataset; `output`: it writes it. */
  direction: z.enum(['input', 'output']),
  /** The dataset's normalised location. */
  location: z.string(),
  /** The dataset entity's ref. */
  entityRef: z.string().optional(),
  /**
   * Where the edge was found: `visual-node:<nodeId>`, `default-argument:<key>`,
   * `trigger-argument:<trigger>:<key>` or `crawler-target`.
   */
  source: z.string().optional(),
});

/**
 * One lineage edge of a job or crawler, recorded in the
 * {@link GLUE_ANNOTATIONS.lineage} annotation. The catalog module always
 * writes `entityRef` and `source`.
 *
 * @public
 */
export type GlueLineageEdge = z.infer<typeof glueLineageEdgeSchema>;

/**
 * A job's default arguments (secrets redacted by the entity provider); the
 * value of {@link GLUE_ANNOTATIONS.jobDefaultArguments}.
 *
 * @public
 */
export const glueJobArgumentsSchema = z.record(z.string());

/**
 * Job arguments by name (`--key`).
 *
 * @public
 */
export type GlueJobArguments = z.infer<typeof glueJobArgumentsSchema>;

/**
 * What a `read…` function found in a structured annotation.
 *
 * - Absent or empty annotation: neither `value` nor `problem`.
 * - Unreadable (malformed JSON, wrong shape): `problem` without `value`.
 * - Partly readable (entries of a list that do not parse): `value` without
 *   them, and `problem` saying how many were dropped.
 *
 * @public
 */
export interface AnnotationReadResult<T> {
  value?: T;
  /** A short text naming the annotation, `<key>: <reason>`. */
  problem?: string;
  /** The problem without the annotation key, for UIs that name it otherwise. */
  reason?: string;
}

type Parsed<T> = { value: T; dropped: number; total: number } | undefined;

/**
 * Reads the JSON annotation `key` of `entity` with `parse`, which says how
 * many entries it dropped, or `undefined` when the value is not `expected`.
 */
function readAnnotation<T>(
  entity: Entity,
  key: string,
  words: { expected: string; entries: string },
  parse: (raw: unknown) => Parsed<T>,
): AnnotationReadResult<T> {
  const text = entity.metadata.annotations?.[key];
  if (typeof text !== 'string' || text.trim() === '') return {};
  const problem = (reason: string) => ({
    problem: `${key}: ${reason}`,
    reason,
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return problem(`not valid JSON (${(error as Error).message})`);
  }
  const parsed = parse(raw);
  if (!parsed) return problem(`not ${words.expected}`);
  if (parsed.dropped === 0) return { value: parsed.value };
  return {
    value: parsed.value,
    ...problem(
      `dropped ${parsed.dropped} of ${parsed.total} ${words.entries} that did not parse`,
    ),
  };
}

/** The entries of `items` that parse with `schema`, and how many did not. */
function parseEntries<T>(items: unknown[], schema: z.ZodType<T, any, any>) {
  const value: T[] = [];
  for (const item of items) {
    const result = schema.safeParse(item);
    if (result.success) value.push(result.data);
  }
  return { value, dropped: items.length - value.length, total: items.length };
}

const predicateShell = z.object({
  Logical: glueLogicalSchema.optional(),
  Conditions: z.array(z.unknown()).optional(),
});

/**
 * The trigger predicate of an entity ({@link GLUE_ANNOTATIONS.triggerPredicate}).
 * Conditions that do not parse are dropped.
 *
 * @public
 */
export function readGlueTriggerPredicate(
  entity: Entity,
): AnnotationReadResult<GlueTriggerPredicate> {
  return readAnnotation(
    entity,
    GLUE_ANNOTATIONS.triggerPredicate,
    { expected: 'a Glue predicate', entries: 'conditions' },
    raw => {
      const shell = predicateShell.safeParse(raw);
      if (!shell.success) return undefined;
      const { Logical, Conditions } = shell.data;
      const conditions = parseEntries(
        Conditions ?? [],
        glueTriggerConditionSchema,
      );
      return {
        ...conditions,
        value: {
          ...(Logical ? { Logical } : {}),
          ...(Conditions ? { Conditions: conditions.value } : {}),
        },
      };
    },
  );
}

/**
 * The annotation value for a trigger predicate.
 *
 * @public
 */
export function writeGlueTriggerPredicate(
  predicate: GlueTriggerPredicate,
): string {
  return JSON.stringify(predicate);
}

/**
 * The trigger actions of an entity ({@link GLUE_ANNOTATIONS.triggerActions}).
 * Actions that do not parse are dropped.
 *
 * @public
 */
export function readGlueTriggerActions(
  entity: Entity,
): AnnotationReadResult<GlueTriggerAction[]> {
  return readAnnotation(
    entity,
    GLUE_ANNOTATIONS.triggerActions,
    { expected: 'a list of Glue trigger actions', entries: 'actions' },
    raw =>
      Array.isArray(raw)
        ? parseEntries(raw, glueTriggerActionSchema)
        : undefined,
  );
}

/**
 * The annotation value for a trigger's actions.
 *
 * @public
 */
export function writeGlueTriggerActions(actions: GlueTriggerAction[]): string {
  return JSON.stringify(actions);
}

/**
 * The lineage of a job or crawler entity ({@link GLUE_ANNOTATIONS.lineage}).
 * Edges that do not parse are dropped.
 *
 * @public
 */
export function readGlueLineage(
  entity: Entity,
): AnnotationReadResult<GlueLineageEdge[]> {
  return readAnnotation(
    entity,
    GLUE_ANNOTATIONS.lineage,
    { expected: 'a list of lineage edges', entries: 'lineage edges' },
    raw =>
      Array.isArray(raw) ? parseEntries(raw, glueLineageEdgeSchema) : undefined,
  );
}

/**
 * The annotation value for a job's or crawler's lineage.
 *
 * @public
 */
export function writeGlueLineage(edges: GlueLineageEdge[]): string {
  return JSON.stringify(edges);
}

const argumentsShell = z.record(z.unknown());

/**
 * The default arguments of a job entity
 * ({@link GLUE_ANNOTATIONS.jobDefaultArguments}). Arguments whose value is
 * not a string are dropped.
 *
 * @public
 */
export function readGlueJobDefaultArguments(
  entity: Entity,
): AnnotationReadResult<GlueJobArguments> {
  return readAnnotation(
    entity,
    GLUE_ANNOTATIONS.jobDefaultArguments,
    { expected: 'an object of job arguments', entries: 'arguments' },
    raw => {
      const shell = argumentsShell.safeParse(raw);
      if (!shell.success) return undefined;
      const entries = Object.entries(shell.data);
      const value: GlueJobArguments = {};
      for (const [name, argument] of entries) {
        if (typeof argument === 'string') value[name] = argument;
      }
      const kept = Object.keys(value).length;
      return { value, dropped: entries.length - kept, total: entries.length };
    },
  );
}

/**
 * How many times Glue retries a failed run of a synced job
 * ({@link GLUE_ANNOTATIONS.jobMaxRetries}, an integer 0-10); `undefined` when
 * the annotation is absent or not such an integer.
 *
 * @public
 */
export function readGlueJobMaxRetries(entity: Entity): number | undefined {
  const raw = entity.metadata.annotations?.[GLUE_ANNOTATIONS.jobMaxRetries];
  const parsed = z
    .string()
    .regex(/^\d{1,2}$/)
    .transform(Number)
    .pipe(z.number().int().min(0).max(10))
    .safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The annotation value for a job's default arguments.
 *
 * @public
 */
export function writeGlueJobDefaultArguments(args: GlueJobArguments): string {
  return JSON.stringify(args);
}

/**
 * `a`, `a and b`, `a, b and c` (or another conjunction).
 *
 * @public
 */
export function joinWords(words: string[], conjunction = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${
    words[words.length - 1]
  }`;
}

/**
 * A trigger predicate in words: `A SUCCEEDED and crawler C FAILED`
 * (`or` for `ANY`); a missing name or state reads `?`. `undefined` without
 * conditions.
 *
 * @public
 */
export function describePredicate(
  predicate: GlueTriggerPredicate | undefined,
): string | undefined {
  const conditions = predicate?.Conditions ?? [];
  if (conditions.length === 0) return undefined;
  const parts = conditions.map(condition =>
    condition.CrawlerName
      ? `crawler ${condition.CrawlerName} ${condition.CrawlState ?? '?'}`
      : `${condition.JobName ?? '?'} ${condition.State ?? '?'}`,
  );
  return joinWords(parts, predicate?.Logical === 'ANY' ? 'or' : 'and');
}
