import { GlueWorkflowRun } from '@aws-glue-backstage/plugin-aws-glue-common';
import { JobRef, StoredJob, StoredJobRun, WorkflowRef } from '../../lib/shapes';

export type { WorkflowRef };

/**
 * One Glue page of job runs, newest first.
 *
 * @public
 */
export interface RunsPage {
  runs: StoredJobRun[];
  /** Glue's NextToken; absent on the last page. */
  nextToken?: string;
}

/**
 * A job's bookmark entry.
 *
 * @public
 */
export interface StoredBookmark {
  version: number;
  run: number;
  attempt: number;
  runId?: string;
  previousRunId?: string;
  jobBookmark?: string;
}

/**
 * One Glue page of workflow runs, newest first.
 *
 * @public
 */
export interface WorkflowRunsPage {
  runs: GlueWorkflowRun[];
  nextToken?: string;
}

/**
 * Glue reads and writes behind the plugin's cache: every read is cached
 * (TTLs from `awsGlue.cache`) and identical concurrent reads share one call.
 * Values are redacted before they are cached. No entity or permission checks
 * here: callers pass only ARNs of entities the caller may see.
 *
 * @public
 */
export interface GlueDataSource {
  /** GetJob (cached `jobsTtl`). */
  getJob(job: JobRef): Promise<StoredJob>;
  /** GetJobRuns with MaxResults 200 (cached `runsTtl`, `activeRunsTtl` while a run is active). */
  getRunsPage(job: JobRef, glueToken?: string): Promise<RunsPage>;
  /** The newest run (GetJobRuns MaxResults 1, cached like runs). */
  getLatestRun(job: JobRef): Promise<StoredJobRun | undefined>;
  /** GetJobRun with predecessors (cached like runs). */
  getRun(job: JobRef, runId: string): Promise<StoredJobRun>;
  /** GetJobBookmark (cached `bookmarkTtl`); `undefined` when the job has none. */
  getBookmark(job: JobRef): Promise<StoredBookmark | undefined>;
  /** GetWorkflowRuns with the graph (cached like runs). */
  getWorkflowRuns(
    workflow: WorkflowRef,
    options: { limit: number; glueToken?: string },
  ): Promise<WorkflowRunsPage>;
  /** StartJobRun; returns the new run's id and drops the job's cached runs. */
  startJobRun(job: JobRef, args?: Record<string, string>): Promise<string>;
  /**
   * Starts the job again with the arguments a run had (GetJobRun, then
   * StartJobRun): the arguments stay here, never cached or returned.
   */
  retryJobRun(job: JobRef, runId: string): Promise<string>;
  /** GetWorkflowRun with the graph (not cached: for an action's preview). */
  getWorkflowRun(
    workflow: WorkflowRef,
    runId: string,
  ): Promise<GlueWorkflowRun>;
  /** ResumeWorkflowRun; drops the workflow's cached runs. */
  resumeWorkflowRun(
    workflow: WorkflowRef,
    runId: string,
    nodeIds: string[],
  ): Promise<{ runId: string; nodeIds: string[] }>;
  /** BatchStopJobRun for one run; drops the job's cached runs. */
  stopJobRun(job: JobRef, runId: string): Promise<void>;
  /** Drops every cached run listing, latest run and run detail of a job. */
  invalidateRuns(job: JobRef): Promise<void>;
}
