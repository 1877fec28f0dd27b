/**
 * Conversions between Glue SDK shapes, the JSON shapes this plugin caches,
 * and the API types of `@aws-glue-backstage/plugin-aws-glue-common`. Pure.
 *
 * Secrets are redacted when SDK shapes are converted, so nothing cached,
 * returned or logged holds an argument value that matched a secret pattern.
 */
import type { Job, JobRun, WorkflowRun } from '@aws-sdk/client-glue';
import {
  GlueJob,
  GlueJobRun,
  GlueWorkflowRun,
  isActiveRunState,
  glueConsoleUrls,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { withoutUserInfo } from '@aws-glue-backstage/plugin-aws-glue-node';
import { GluePricing, runUsage } from './cost';
import { jobRunLinks } from './links';
import { Redactor } from './redaction';

/**
 * A Glue job ARN's parts.
 *
 * @public
 */
export interface JobRef {
  arn: string;
  partition: string;
  region: string;
  accountId: string;
  name: string;
}

/**
 * A Glue workflow ARN's parts.
 *
 * @public
 */
export type WorkflowRef = JobRef;

/**
 * A job run as cached: JSON, dates as ISO strings, secrets redacted.
 *
 * @public
 */
export interface StoredJobRun {
  id: string;
  jobName?: string;
  attempt?: number;
  state?: string;
  startedOn?: string;
  completedOn?: string;
  lastModifiedOn?: string;
  executionTime?: number;
  dpuSeconds?: number;
  maxCapacity?: number;
  allocatedCapacity?: number;
  workerType?: string;
  numberOfWorkers?: number;
  glueVersion?: string;
  executionClass?: string;
  timeout?: number;
  triggerName?: string;
  errorMessage?: string;
  previousRunId?: string;
  logGroupName?: string;
  arguments: Record<string, string>;
  predecessorRuns: { jobName: string; runId: string }[];
}

/**
 * A job's configuration as cached (no run, no caller-specific fields).
 *
 * @public
 */
export type StoredJob = Omit<
  GlueJob,
  'latestRun' | 'canStart' | 'canStop' | 'overridableArguments'
> & {
  /** Keys of the job's NonOverridableArguments. */
  nonOverridableArgumentKeys: string[];
};

const iso = (date: Date | undefined): string | undefined =>
  date instanceof Date && !Number.isNaN(date.getTime())
    ? date.toISOString()
    : undefined;

/** Drops `undefined` members, so cached JSON and responses stay small. */
export function compactObject<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** An SDK JobRun → the cached shape (arguments and error message redacted). */
export function storedJobRunFromSdk(
  run: JobRun,
  redactor: Redactor,
): StoredJobRun {
  return compactObject({
    id: run.Id ?? '',
    jobName: run.JobName,
    attempt: run.Attempt,
    state: run.JobRunState,
    startedOn: iso(run.StartedOn),
    completedOn: iso(run.CompletedOn),
    lastModifiedOn: iso(run.LastModifiedOn),
    executionTime: run.ExecutionTime,
    dpuSeconds: run.DPUSeconds,
    maxCapacity: run.MaxCapacity,
    allocatedCapacity: run.AllocatedCapacity,
    workerType: run.WorkerType,
    numberOfWorkers: run.NumberOfWorkers,
    glueVersion: run.GlueVersion,
    executionClass: run.ExecutionClass,
    timeout: run.Timeout,
    triggerName: run.TriggerName,
    errorMessage: run.ErrorMessage
      ? redactor.redactText(run.ErrorMessage)
      : undefined,
    previousRunId: run.PreviousRunId,
    logGroupName: run.LogGroupName,
    arguments: redactor.redactArguments(run.Arguments),
    predecessorRuns: (run.PredecessorRuns ?? [])
      .filter(p => p.JobName && p.RunId)
      .map(p => ({ jobName: p.JobName!, runId: p.RunId! })),
  });
}

/**
 * An SDK Job → the cached job summary (default arguments, the description and
 * the script location redacted; no user-info in the script location).
 */
export function storedJobFromSdk(
  job: Job,
  ref: JobRef,
  redactor: Redactor,
): StoredJob {
  const args = job.DefaultArguments ?? {};
  return compactObject({
    arn: ref.arn,
    name: job.Name ?? ref.name,
    accountId: ref.accountId,
    region: ref.region,
    description: job.Description
      ? redactor.redactText(job.Description)
      : undefined,
    command: job.Command?.Name,
    jobMode: job.JobMode ?? 'SCRIPT',
    glueVersion: job.GlueVersion,
    workerType: job.WorkerType,
    numberOfWorkers: job.NumberOfWorkers,
    maxCapacity: job.MaxCapacity,
    timeoutMinutes: job.Timeout,
    maxRetries: job.MaxRetries ?? 0,
    maxConcurrentRuns: job.ExecutionProperty?.MaxConcurrentRuns ?? 1,
    executionClass: job.ExecutionClass,
    bookmarkOption: args['--job-bookmark-option'] ?? 'job-bookmark-disable',
    scriptLocation: job.Command?.ScriptLocation
      ? redactor.redactText(withoutUserInfo(job.Command.ScriptLocation))
      : undefined,
    connections: job.Connections?.Connections ?? [],
    defaultArguments: redactor.redactArguments(args),
    consoleUrl: glueConsoleUrls.job(
      ref.partition,
      ref.region,
      job.Name ?? ref.name,
    ),
    nonOverridableArgumentKeys: Object.keys(job.NonOverridableArguments ?? {}),
  });
}

const seconds = (from: string, to: number) =>
  Math.max(0, Math.round((to - Date.parse(from)) / 1000));

/** Seconds a run took, or has taken so far while it is active. */
export function storedRunDuration(
  run: StoredJobRun,
  now: number,
): number | undefined {
  if (run.startedOn && run.completedOn) {
    return seconds(run.startedOn, Date.parse(run.completedOn));
  }
  if (run.startedOn && isActiveRunState(run.state)) {
    return seconds(run.startedOn, now);
  }
  return undefined;
}

/** DPU-hours and estimated cost of a stored run. */
export function storedRunUsage(run: StoredJobRun, pricing: GluePricing) {
  return runUsage(
    {
      maxCapacity: run.maxCapacity,
      workerType: run.workerType,
      numberOfWorkers: run.numberOfWorkers,
      allocatedCapacity: run.allocatedCapacity,
      executionTimeSeconds: run.executionTime,
      dpuSeconds: run.dpuSeconds,
      executionClass: run.executionClass,
    },
    pricing,
  );
}

/** A cached run → the API's {@link GlueJobRun}, with durations, cost and links. */
export function toGlueJobRun(
  run: StoredJobRun,
  context: { job: JobRef; pricing: GluePricing; now: number },
): GlueJobRun {
  const { job, pricing, now } = context;
  const state = run.state ?? 'UNKNOWN';
  const durationSeconds = storedRunDuration(run, now);
  const usage = storedRunUsage(run, pricing);
  const jobName = run.jobName ?? job.name;
  return compactObject({
    id: run.id,
    jobName,
    jobArn: job.arn,
    attempt: run.attempt ?? 0,
    state,
    startedOn: run.startedOn,
    completedOn: run.completedOn,
    lastModifiedOn: run.lastModifiedOn,
    durationSeconds,
    executionTimeSeconds: run.executionTime,
    dpuSeconds: usage.dpuSeconds,
    dpuHours: usage.dpuHours,
    estimatedCost: usage.estimatedCost,
    currency: pricing.currency,
    workerType: run.workerType,
    numberOfWorkers: run.numberOfWorkers,
    maxCapacity: run.maxCapacity,
    glueVersion: run.glueVersion,
    executionClass: run.executionClass,
    timeoutMinutes: run.timeout,
    triggerName: run.triggerName,
    errorMessage: run.errorMessage,
    previousRunId: run.previousRunId,
    arguments: run.arguments ?? {},
    predecessorRuns: run.predecessorRuns ?? [],
    links: jobRunLinks({
      partition: job.partition,
      region: job.region,
      jobName,
      runId: run.id,
      logGroupName: run.logGroupName,
    }),
  });
}

const newest = <T>(items: T[], startedOf: (item: T) => Date | undefined) =>
  items.reduce<T | undefined>((best, item) => {
    if (best === undefined) return item;
    const a = startedOf(item)?.getTime() ?? -Infinity;
    const b = startedOf(best)?.getTime() ?? -Infinity;
    return a >= b ? item : best;
  }, undefined);

/**
 * An SDK WorkflowRun → the API's {@link GlueWorkflowRun}: statistics, and the
 * graph's nodes with each node's state in this run (jobs: their newest run
 * attempt; crawlers: their newest crawl; triggers: none). Run properties are
 * not returned (they may hold secrets).
 */
export function toGlueWorkflowRun(
  run: WorkflowRun,
  redactor: Redactor,
): GlueWorkflowRun {
  // Glue's own names: TotalActions, SucceededActions, FailedActions, ...
  const statistics: Record<string, number> = {};
  for (const [key, value] of Object.entries(run.Statistics ?? {})) {
    if (typeof value === 'number') {
      statistics[key] = value;
    }
  }
  const nodes = (run.Graph?.Nodes ?? []).map(node => {
    const type = node.Type ?? 'UNKNOWN';
    let state: string | undefined;
    let runId: string | undefined;
    if (type === 'JOB') {
      const jobRun = newest(node.JobDetails?.JobRuns ?? [], r => r.StartedOn);
      state = jobRun?.JobRunState;
      runId = jobRun?.Id;
    } else if (type === 'CRAWLER') {
      const crawl = newest(node.CrawlerDetails?.Crawls ?? [], c => c.StartedOn);
      state = crawl?.State;
    }
    return compactObject({
      id: node.UniqueId ?? node.Name ?? '',
      type,
      name: node.Name ?? '',
      state,
      runId,
    });
  });
  const edges = (run.Graph?.Edges ?? [])
    .filter(e => e.SourceId && e.DestinationId)
    .map(e => ({ from: e.SourceId!, to: e.DestinationId! }));
  return compactObject({
    id: run.WorkflowRunId ?? '',
    status: run.Status ?? 'UNKNOWN',
    startedOn: iso(run.StartedOn),
    completedOn: iso(run.CompletedOn),
    errorMessage: run.ErrorMessage
      ? redactor.redactText(run.ErrorMessage)
      : undefined,
    statistics,
    nodes,
    edges,
  });
}
