/**
 * The facts of a Glue job for scorecards (Tech Insights), from its synced
 * entity and its stored runs. Pure.
 */
import { Entity } from '@backstage/catalog-model';
import {
  GLUE_ANNOTATIONS,
  GLUE_DEFAULT_TIMEOUT_MINUTES,
  GlueJobFacts,
  readGlueJobMaxRetries,
  readGlueLineage,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { aggregateRuns } from '../runIndex/aggregate';
import { GluePricing } from './cost';
import { compactObject, StoredJobRun } from './shapes';

export const DAY_MS = 86_400_000;

/** Lineage locations a bookmark can track: S3 prefixes and Data Catalog tables. */
const INCREMENTAL_LOCATION = /^(s3|s3a|s3n|glue):\/\//i;

/** What {@link jobFactsOf} computes the facts from. */
export interface JobFactsInput {
  /** The synced job entity. */
  entity: Entity;
  /** The job's stored runs that started in the last 30 days (or more; older ones are not counted). */
  runs: StoredJobRun[];
  /** When the job's newest SUCCEEDED run ended (ms), if the index has one. */
  lastSuccessAt?: number;
  /** Whether the entity's owner is a Group entity in the catalog. */
  ownerIsGroup: boolean;
  /** The end of every window (ms). */
  now: number;
  pricing: GluePricing;
}

/** Whether the job reads an S3 prefix or a Data Catalog table, from its lineage. */
export function readsIncrementalSource(entity: Entity): boolean {
  return (readGlueLineage(entity).value ?? []).some(
    edge =>
      edge.direction === 'input' && INCREMENTAL_LOCATION.test(edge.location),
  );
}

/** The job's timeout in minutes: the annotation, else Glue's default. */
export function timeoutMinutesOf(entity: Entity): number {
  const raw = entity.metadata.annotations?.[GLUE_ANNOTATIONS.jobTimeout];
  const minutes = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : 0;
  return minutes > 0 ? minutes : GLUE_DEFAULT_TIMEOUT_MINUTES;
}

const startedAt = (run: StoredJobRun) => Date.parse(run.startedOn ?? '');

/** The facts of one job. */
export function jobFactsOf(input: JobFactsInput): GlueJobFacts {
  const { entity, now, pricing } = input;
  const since = (days: number) => now - days * DAY_MS;
  const inWindow = (days: number) =>
    input.runs.filter(run => {
      const started = startedAt(run);
      return started >= since(days) && started <= now;
    });
  const last7 = aggregateRuns(inWindow(7), pricing);
  const last30 = aggregateRuns(inWindow(30), pricing);
  const annotations = entity.metadata.annotations ?? {};
  return compactObject({
    runs7d: last7.runs,
    runs30d: last30.runs,
    successRate7d: last7.successRate,
    successRate30d: last30.successRate,
    p95DurationSeconds30d: last30.p95DurationSeconds,
    dpuHours30d: last30.dpuHours,
    cost30d: last30.estimatedCost,
    currency: pricing.currency,
    daysSinceLastSuccess:
      input.lastSuccessAt !== undefined
        ? Math.round((Math.max(0, now - input.lastSuccessAt) / DAY_MS) * 100) /
          100
        : undefined,
    readsIncrementalSource: readsIncrementalSource(entity),
    bookmarkEnabled:
      annotations[GLUE_ANNOTATIONS.jobBookmarkOption] === 'job-bookmark-enable',
    maxRetries: readGlueJobMaxRetries(entity) ?? 0,
    timeoutMinutes: timeoutMinutesOf(entity),
    ownerIsGroup: input.ownerIsGroup,
  });
}
