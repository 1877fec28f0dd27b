/*
 * API types of the job facts route, which Tech Insights reads: one set of
 * facts per synced Glue job entity, from the run index and the entity.
 */

/**
 * Glue's timeout of a job run when the job sets none, in minutes (48 h).
 *
 * @public
 */
export const GLUE_DEFAULT_TIMEOUT_MINUTES = 2880;

/**
 * Facts about one Glue job, for scorecards. No arguments, no run details.
 * Windows are rolling (the last 7 or 30 × 24 h before the request) and count
 * runs by their start; a fact that cannot be known is absent.
 *
 * @public
 */
export interface GlueJobFacts {
  /** Finished runs (any end state, STOPPED included) that started in the last 7 days. */
  runs7d: number;
  /** Finished runs that started in the last 30 days. */
  runs30d: number;
  /**
   * SUCCEEDED / (SUCCEEDED + FAILED, TIMEOUT, ERROR, EXPIRED) over the runs
   * of the last 7 days, 0..1; absent without such runs.
   */
  successRate7d?: number;
  /** As {@link GlueJobFacts.successRate7d}, over 30 days. */
  successRate30d?: number;
  /** 95th percentile (nearest rank) of the durations of the finished runs of 30 days; absent without any. */
  p95DurationSeconds30d?: number;
  /** DPU-hours of the finished runs of 30 days. */
  dpuHours30d: number;
  /** Estimated cost of the finished runs of 30 days, in {@link GlueJobFacts.currency}. */
  cost30d: number;
  /** ISO currency code of {@link GlueJobFacts.cost30d}. */
  currency: string;
  /** Days (fractional, 2 decimals) since the newest SUCCEEDED run ended; absent when the index has none. */
  daysSinceLastSuccess?: number;
  /** The job reads an S3 prefix or a Data Catalog table (its lineage has such an input). */
  readsIncrementalSource: boolean;
  /** The job's `--job-bookmark-option` is `job-bookmark-enable`. */
  bookmarkEnabled: boolean;
  /** Glue's MaxRetries of the job (0 when unset). */
  maxRetries: number;
  /** The job's timeout in minutes ({@link GLUE_DEFAULT_TIMEOUT_MINUTES} when unset). */
  timeoutMinutes: number;
  /** The entity's `spec.owner` is a Group entity that exists in the catalog. */
  ownerIsGroup: boolean;
}

/**
 * One job entity of {@link GlueJobFactsResponse}.
 *
 * @public
 */
export interface GlueJobFactsItem {
  /** The synced job entity, e.g. `component:default/orders-daily-etl`. */
  entityRef: string;
  facts: GlueJobFacts;
}

/**
 * Response of `GET /v1/job-facts`: a page of the synced Glue job entities,
 * ordered by entity ref, each with its facts.
 *
 * @public
 */
export interface GlueJobFactsResponse {
  items: GlueJobFactsItem[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
  /** When the facts were computed (ISO-8601): the end of every window. */
  generatedAt: string;
}
