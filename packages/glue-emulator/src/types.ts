/*
 * Wire shapes returned by the emulator (a subset of the Glue API model, with
 * timestamps already as epoch seconds). Unknown members written in a fixture
 * are passed through, so every shape allows extra keys.
 */

/** String-to-string map (DefaultArguments, Arguments, Tags, ...). */
export type StringMap = Record<string, string>;

/**
 * Glue's job run states. The emulator imports no plugin code, so it keeps
 * its own list; a test checks it against the AWS SDK's `JobRunState`.
 */
export const JOB_RUN_STATES = [
  'STARTING',
  'RUNNING',
  'STOPPING',
  'STOPPED',
  'SUCCEEDED',
  'FAILED',
  'TIMEOUT',
  'ERROR',
  'WAITING',
  'EXPIRED',
] as const;

export type JobRunState = (typeof JOB_RUN_STATES)[number];

/** The states in which a run still holds one of the job's concurrent-run slots. */
export const ACTIVE_JOB_RUN_STATES: readonly JobRunState[] = [
  'STARTING',
  'RUNNING',
  'STOPPING',
  'WAITING',
];

export type CrawlState =
  | 'RUNNING'
  | 'CANCELLING'
  | 'CANCELLED'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'ERROR';

export interface GlueJobCommand {
  Name: string;
  ScriptLocation?: string;
  PythonVersion?: string;
  Runtime?: string;
}

export interface GlueJob {
  Name: string;
  Description?: string;
  Role: string;
  CreatedOn: number;
  LastModifiedOn: number;
  JobMode?: string;
  ExecutionProperty: { MaxConcurrentRuns: number };
  Command: GlueJobCommand;
  DefaultArguments?: StringMap;
  NonOverridableArguments?: StringMap;
  Connections?: { Connections: string[] };
  MaxRetries: number;
  AllocatedCapacity?: number;
  Timeout: number;
  MaxCapacity?: number;
  WorkerType?: string;
  NumberOfWorkers?: number;
  GlueVersion?: string;
  ExecutionClass?: string;
  CodeGenConfigurationNodes?: Record<string, unknown>;
  [member: string]: unknown;
}

export interface GlueAction {
  JobName?: string;
  CrawlerName?: string;
  Arguments?: StringMap;
  Timeout?: number;
  SecurityConfiguration?: string;
  NotificationProperty?: { NotifyDelayAfter?: number };
}

export interface GlueCondition {
  LogicalOperator: 'EQUALS';
  JobName?: string;
  State?: string;
  CrawlerName?: string;
  CrawlState?: string;
}

export interface GluePredicate {
  Logical?: 'AND' | 'ANY';
  Conditions: GlueCondition[];
}

export type TriggerType = 'SCHEDULED' | 'CONDITIONAL' | 'ON_DEMAND' | 'EVENT';

export interface GlueTrigger {
  Name: string;
  WorkflowName?: string;
  Id: string;
  Type: TriggerType;
  State: string;
  Description?: string;
  Schedule?: string;
  Actions: GlueAction[];
  Predicate?: GluePredicate;
  [member: string]: unknown;
}

export interface GlueWorkflowStatistics {
  TotalActions: number;
  TimeoutActions: number;
  FailedActions: number;
  StoppedActions: number;
  SucceededActions: number;
  RunningActions: number;
  ErroredActions: number;
  WaitingActions: number;
}

export interface GlueWorkflowRun {
  Name: string;
  WorkflowRunId: string;
  PreviousRunId?: string;
  WorkflowRunProperties?: StringMap;
  StartedOn: number;
  CompletedOn?: number;
  Status: 'RUNNING' | 'COMPLETED' | 'STOPPING' | 'STOPPED' | 'ERROR';
  ErrorMessage?: string;
  Statistics: GlueWorkflowStatistics;
  Graph?: GlueWorkflowGraph;
}

export interface GlueCrawl {
  State: CrawlState;
  StartedOn: number;
  CompletedOn?: number;
  ErrorMessage?: string;
  LogGroup: string;
  LogStream: string;
}

export interface GlueNode {
  Type: 'TRIGGER' | 'JOB' | 'CRAWLER';
  Name: string;
  UniqueId: string;
  TriggerDetails?: { Trigger: GlueTrigger };
  JobDetails?: { JobRuns: GlueJobRun[] };
  CrawlerDetails?: { Crawls: GlueCrawl[] };
}

export interface GlueWorkflowGraph {
  Nodes: GlueNode[];
  Edges: { SourceId: string; DestinationId: string }[];
}

export interface GlueWorkflow {
  Name: string;
  Description?: string;
  DefaultRunProperties?: StringMap;
  CreatedOn: number;
  LastModifiedOn: number;
  MaxConcurrentRuns?: number;
  LastRun?: GlueWorkflowRun;
  Graph?: GlueWorkflowGraph;
  [member: string]: unknown;
}

export interface GlueLastCrawl {
  Status: 'SUCCEEDED' | 'CANCELLED' | 'FAILED';
  ErrorMessage?: string;
  LogGroup: string;
  LogStream: string;
  MessagePrefix: string;
  StartTime: number;
}

export interface GlueCrawler {
  Name: string;
  Role: string;
  Targets: Record<string, unknown>;
  DatabaseName?: string;
  Description?: string;
  Schedule?: { ScheduleExpression: string; State: string };
  State: 'READY' | 'RUNNING' | 'STOPPING';
  CrawlElapsedTime?: number;
  CreationTime: number;
  LastUpdated: number;
  LastCrawl?: GlueLastCrawl;
  Version: number;
  [member: string]: unknown;
}

export interface GluePredecessor {
  JobName: string;
  RunId: string;
}

export interface GlueJobRun {
  Id: string;
  Attempt: number;
  PreviousRunId?: string;
  TriggerName?: string;
  JobName: string;
  JobMode?: string;
  StartedOn: number;
  LastModifiedOn: number;
  CompletedOn?: number;
  JobRunState: JobRunState;
  Arguments: StringMap;
  ErrorMessage?: string;
  PredecessorRuns: GluePredecessor[];
  AllocatedCapacity?: number;
  ExecutionTime: number;
  Timeout: number;
  MaxCapacity?: number;
  WorkerType?: string;
  NumberOfWorkers?: number;
  SecurityConfiguration?: string;
  LogGroupName: string;
  NotificationProperty?: { NotifyDelayAfter?: number };
  GlueVersion?: string;
  DPUSeconds?: number;
  ExecutionClass?: string;
}

export interface GlueJobBookmarkEntry {
  JobName: string;
  Version: number;
  Run: number;
  Attempt: number;
  PreviousRunId?: string;
  RunId?: string;
  JobBookmark: string;
}

/** Emulator-only behaviour of a job or crawler; never returned by the API. */
export interface SimulationSettings {
  /** Typical duration of a run in seconds (jitter is added). */
  durationSeconds?: number;
  /** Probability that a run fails (0..1). */
  failureRate?: number;
  /** Probability that a run times out (0..1). */
  timeoutRate?: number;
  /** Probability that a run is stopped by hand (0..1). */
  stopRate?: number;
  /** Error messages to use for failed runs. */
  errorMessages?: string[];
  /**
   * Number of runs kept in the generated history (newest first). For a job no
   * trigger starts, the number of manual runs spread over the 90 days.
   */
  history?: number;
  /** Whether the newest generated run is still running at start-up. */
  inProgress?: boolean;
  /**
   * Outcomes of runs started while the emulator runs (StartJobRun or a
   * trigger), used in order and cycled. Overrides the rates.
   */
  outcomes?: string[];
  /**
   * Jobs only: outcomes of runs started with StartJobRun (by a person or a
   * script, not a trigger or a retry), in order and cycled. Override
   * `outcomes` and the rates for those runs.
   */
  manualOutcomes?: string[];
  /**
   * Jobs only: the states of the newest generated runs that had finished at
   * start-up, oldest first, whatever the emulator's start time (day, hour,
   * weekday). Each pins the first attempt of one of the latest starts; a
   * FAILED one is retried as the job's MaxRetries says. Runs still in
   * progress at start-up are left as generated. Tests and demos pin what they
   * talk about here instead of hoping the random history has it.
   */
  latest?: (string | PinnedRun)[];
}

/**
 * A pinned generated run: its state and, for a failure, its error message;
 * optionally what it was started with unlike the others (Arguments added to
 * the trigger action's, a worker type or number of workers).
 */
export interface PinnedRun {
  state: string;
  errorMessage?: string;
  arguments?: StringMap;
  workerType?: string;
  numberOfWorkers?: number;
}

/** Emulator-only behaviour of a workflow; never returned by the API. */
export interface WorkflowSimulation {
  /**
   * How the runs and crawls of a resumed run of this workflow end (default:
   * as the jobs' and crawlers' own Simulation blocks say).
   */
  resume?: { outcome: 'SUCCEEDED' | 'FAILED'; durationSeconds?: number };
}
