/*
 * API types of the run index: the fleet overview, trends, a team's summary,
 * and the signal that tells open pages a job's runs changed.
 */
import type { GlueJobRunState } from './runState';

/**
 * A run as the fleet views show it: no arguments, no links.
 *
 * @public
 */
export interface GlueRunSummary {
  id: string;
  attempt: number;
  state: GlueJobRunState | string;
  /** ISO-8601 timestamps. */
  startedOn?: string;
  completedOn?: string;
  durationSeconds?: number;
  dpuHours?: number;
  estimatedCost?: number;
  triggerName?: string;
  /** Redacted. */
  errorMessage?: string;
}

/**
 * How fresh the run index is.
 *
 * @public
 */
export interface GlueRunIndexFreshness {
  /** When the newest Glue event was applied. */
  lastEventAt?: string;
  /** When the reconciler last finished a pass. */
  lastReconciledAt?: string;
  /** Runs the index holds. */
  storedRuns: number;
}

/**
 * One job of the fleet overview: its synced entity and its latest run.
 *
 * @public
 */
export interface GlueFleetJob {
  /** The synced job entity. */
  entityRef: string;
  title: string;
  /** The entity's owner, e.g. `group:default/analytics`. */
  owner?: string;
  /** The entity's system, if any. */
  system?: string;
  arn: string;
  name: string;
  accountId: string;
  region: string;
  /** Absent when the index has no run of the job. */
  latestRun?: GlueRunSummary;
  /** Runs in FAILED, TIMEOUT, ERROR or EXPIRED that ended in the last 24 h. */
  failuresLast24h: number;
}

/**
 * Response of `GET /v1/jobs`: every Glue job entity the caller may see,
 * failing first, in one request (no Glue calls).
 *
 * @public
 */
export interface GlueFleetResponse {
  jobs: GlueFleetJob[];
  /** Jobs that match the filters, over all pages. */
  totalCount: number;
  /** Counts over all matching jobs by their latest run. */
  counts: {
    failing: number;
    active: number;
    succeeded: number;
    other: number;
    neverRun: number;
  };
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
  /** Of the runs' `estimatedCost`. */
  currency: string;
  freshness: GlueRunIndexFreshness;
}

/**
 * Trend windows the trends routes accept, in days.
 *
 * @public
 */
export const GLUE_TREND_WINDOWS = [7, 30, 90, 365] as const;

/**
 * One of {@link GLUE_TREND_WINDOWS}.
 *
 * @public
 */
export type GlueTrendWindow = (typeof GLUE_TREND_WINDOWS)[number];

/**
 * Aggregates over a set of finished runs.
 *
 * @public
 */
export interface GlueRunAggregate {
  /** Finished runs (active runs are not counted). */
  runs: number;
  succeeded: number;
  /** FAILED, TIMEOUT, ERROR and EXPIRED. */
  failed: number;
  /** succeeded / (succeeded + failed); absent without such runs. */
  successRate?: number;
  p50DurationSeconds?: number;
  p95DurationSeconds?: number;
  dpuHours: number;
  estimatedCost: number;
}

/**
 * One UTC day of a trend.
 *
 * @public
 */
export interface GlueTrendPoint extends GlueRunAggregate {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
}

/**
 * Response of `GET /v1/entity/:namespace/:kind/:name/trends`.
 *
 * @public
 */
export interface GlueTrendsResponse {
  days: GlueTrendWindow;
  /** First and last day (UTC, `YYYY-MM-DD`). */
  from: string;
  to: string;
  currency: string;
  /** One point per day, oldest first, days without runs included. */
  points: GlueTrendPoint[];
  /** Over the whole window. */
  summary: GlueRunAggregate;
  freshness: GlueRunIndexFreshness;
}

/**
 * A job of a team summary's lists.
 *
 * @public
 */
export interface GlueTeamJob {
  entityRef: string;
  title: string;
  jobName: string;
  jobArn: string;
}

/**
 * Response of `GET /v1/entity/:namespace/:kind/:name/team-summary` for a
 * Group (or User): the Glue jobs the entity owns.
 *
 * @public
 */
export interface GlueTeamSummaryResponse {
  owner: string;
  jobCount: number;
  /** Runs that ended failed in the last 24 h, newest first. */
  failuresLast24h: (GlueTeamJob & { run: GlueRunSummary })[];
  /** The slowest jobs by p95 duration over 30 days (at most 5). */
  slowest: (GlueTeamJob & { p95DurationSeconds: number })[];
  /** The dearest jobs by estimated cost over 30 days (at most 5). */
  dearest: (GlueTeamJob & { estimatedCost: number; dpuHours: number })[];
  /** Estimated cost of runs started this calendar month (UTC) and the last. */
  costThisMonth: number;
  costLastMonth: number;
  currency: string;
  /** The team's daily trend over 30 days. */
  points: GlueTrendPoint[];
  freshness: GlueRunIndexFreshness;
}

/**
 * The signals channel on which the backend says that a job's runs changed.
 * The message names the job only; views fetch what changed through the
 * permission-checked routes.
 *
 * @public
 */
export const AWS_GLUE_RUNS_SIGNAL_CHANNEL = 'aws-glue:runs';

/**
 * A message on {@link AWS_GLUE_RUNS_SIGNAL_CHANNEL}.
 *
 * @public
 */
export type GlueRunsSignal = {
  /** The job whose runs changed. */
  jobArn: string;
};
