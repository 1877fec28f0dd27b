import type { GlueJobRunState } from './runState';

export type { GlueJobRunState } from './runState';

/**
 * Links of one job run.
 *
 * @public
 */
export interface GlueJobRunLinks {
  /** The run in the Glue console. */
  console: string;
  /** CloudWatch log groups of the run, with the run's streams filtered. */
  logs: { title: string; url: string }[];
}

/**
 * One run of a Glue job as the API returns it. Arguments are redacted.
 *
 * @public
 */
export interface GlueJobRun {
  id: string;
  jobName: string;
  /** The job's ARN: which of the entity's jobs this run belongs to. */
  jobArn: string;
  attempt: number;
  state: GlueJobRunState | string;
  /** ISO-8601 timestamps. */
  startedOn?: string;
  completedOn?: string;
  lastModifiedOn?: string;
  /** Seconds the run took (completed - started, or so far while running). */
  durationSeconds?: number;
  /** Glue's ExecutionTime: seconds of resource consumption. */
  executionTimeSeconds?: number;
  dpuSeconds?: number;
  dpuHours?: number;
  /** Estimated cost in `currency`, from DPU-hours and the configured prices. */
  estimatedCost?: number;
  currency: string;
  workerType?: string;
  numberOfWorkers?: number;
  maxCapacity?: number;
  glueVersion?: string;
  executionClass?: string;
  timeoutMinutes?: number;
  triggerName?: string;
  errorMessage?: string;
  previousRunId?: string;
  arguments: Record<string, string>;
  predecessorRuns: { jobName: string; runId: string }[];
  links: GlueJobRunLinks;
}

/**
 * A Glue job's configuration summary and latest run.
 *
 * @public
 */
export interface GlueJob {
  arn: string;
  name: string;
  accountId: string;
  region: string;
  description?: string;
  command?: string;
  jobMode?: string;
  glueVersion?: string;
  workerType?: string;
  numberOfWorkers?: number;
  maxCapacity?: number;
  timeoutMinutes?: number;
  maxRetries: number;
  maxConcurrentRuns: number;
  executionClass?: string;
  bookmarkOption: string;
  scriptLocation?: string;
  connections: string[];
  /** Redacted. */
  defaultArguments: Record<string, string>;
  consoleUrl: string;
  latestRun?: GlueJobRun;
  /** Whether starting runs is enabled in config and allowed for the caller. */
  canStart: boolean;
  /** Whether stopping runs is enabled in config and allowed for the caller. */
  canStop: boolean;
  /**
   * Whether retrying a failed run (with that run's own arguments) is enabled
   * in config (`awsGlue.actions.retryJobRun`) and allowed for the caller
   * (`aws-glue.job.start`).
   */
  canRetry?: boolean;
  /** Argument keys a caller may override when starting a run. */
  overridableArguments: string[];
}

/**
 * Response of `GET /v1/entity/:namespace/:kind/:name/jobs`.
 *
 * @public
 */
export interface GlueJobsResponse {
  jobs: GlueJob[];
}

/**
 * Response of `GET .../runs`.
 *
 * @public
 */
export interface GlueJobRunsResponse {
  runs: GlueJobRun[];
  /** Pass back as `nextToken` for the next page; absent on the last page. */
  nextToken?: string;
  /** Sums over this page. */
  totals: { dpuHours: number; estimatedCost: number; currency: string };
}

/**
 * Response of `GET .../bookmark`.
 *
 * @public
 */
export interface GlueJobBookmarkResponse {
  jobName: string;
  jobArn: string;
  /** job-bookmark-enable, job-bookmark-disable or job-bookmark-pause. */
  option: string;
  /** Glue's bookmark entry; absent when the job has none. */
  entry?: {
    version: number;
    run: number;
    attempt: number;
    runId?: string;
    previousRunId?: string;
    /** Glue's opaque bookmark state (a JSON string). */
    jobBookmark?: string;
  };
}

/**
 * A node of a chain: a job, trigger, crawler or dataset.
 *
 * @public
 */
export interface GlueChainNode {
  /** The entity ref. */
  id: string;
  kind: 'job' | 'trigger' | 'crawler' | 'dataset' | 'other';
  title: string;
  /** Hops from the entity the chain was asked for (0 for itself). */
  depth: number;
  /**
   * Jobs: true when the caller may not see this job's runs
   * (`aws-glue.job.read`); it then has no `latestRun`.
   */
  restricted?: boolean;
  /** Jobs: the latest run. */
  latestRun?: {
    id: string;
    state: GlueJobRunState | string;
    startedOn?: string;
    completedOn?: string;
  };
  /** Triggers: what makes them fire. */
  trigger?: {
    type?: string;
    state?: string;
    schedule?: string;
    logical?: 'AND' | 'ANY';
    description?: string;
  };
}

/**
 * An edge of a chain, pointing downstream: `from` runs or is written before `to`.
 *
 * @public
 */
export interface GlueChainEdge {
  from: string;
  to: string;
  /** `condition`: a trigger watches a job/crawler state; `action`: a trigger starts a job/crawler; `lineage`: data flow. */
  kind: 'condition' | 'action' | 'lineage';
  /** e.g. "AND: SUCCEEDED", "starts", "writes", "reads". */
  label: string;
  /** Conditions: the watched state. */
  state?: string;
  /** Lineage: where the edge was found (default-argument:--input, ...). */
  source?: string;
}

/**
 * Response of `GET .../chain`.
 *
 * @public
 */
export interface GlueChainResponse {
  root: string;
  nodes: GlueChainNode[];
  edges: GlueChainEdge[];
  /** True when the depth or node limit cut the chain short. */
  truncated: boolean;
  /**
   * The depths the chain route accepts (`awsGlue.chain`), so that views
   * offer only those: `default` when a request gives none, up to `max`.
   * Absent in graphs that do not come from the chain route.
   */
  depthLimits?: { default: number; max: number };
}

/**
 * One run of a Glue workflow.
 *
 * @public
 */
export interface GlueWorkflowRun {
  id: string;
  status: string;
  startedOn?: string;
  completedOn?: string;
  errorMessage?: string;
  statistics: Record<string, number>;
  /** Each node of the run's graph with its state in this run. */
  nodes: {
    id: string;
    type: 'JOB' | 'TRIGGER' | 'CRAWLER' | string;
    name: string;
    state?: string;
    runId?: string;
  }[];
  edges: { from: string; to: string }[];
}

/**
 * Response of `GET .../workflow-runs`.
 *
 * @public
 */
export interface GlueWorkflowRunsResponse {
  workflowName: string;
  /**
   * Whether resuming a failed run is enabled in config
   * (`awsGlue.actions.resumeWorkflowRun`) and allowed for the caller
   * (`aws-glue.workflow.resume`).
   */
  canResume?: boolean;
  runs: GlueWorkflowRun[];
  nextToken?: string;
}

/**
 * Body of `POST .../runs`.
 *
 * @public
 */
export interface StartGlueJobRunRequest {
  /** The job's name (one of the entity's jobs). */
  job: string;
  /** Argument overrides; only keys the config allows. */
  arguments?: Record<string, string>;
}

/**
 * Response of `POST .../runs`.
 *
 * @public
 */
export interface StartGlueJobRunResponse {
  jobName: string;
  runId: string;
}

/**
 * Body of `POST .../runs/:runId/stop`.
 *
 * @public
 */
export interface StopGlueJobRunRequest {
  /** The job's name; optional when the entity has one job. */
  job?: string;
}

/**
 * Response of `POST .../runs/:runId/stop`.
 *
 * @public
 */
export interface StopGlueJobRunResponse {
  jobName: string;
  runId: string;
}
