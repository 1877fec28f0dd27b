import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  GlueJobBookmarkResponse,
  GlueJobRun,
  GlueJobRunsResponse,
  GlueJobsResponse,
  GlueRunTriageResponse,
  GlueWorkflowResumePreview,
  GlueWorkflowRunsResponse,
  ResumeGlueWorkflowRunResponse,
  RetryGlueJobRunResponse,
  StartGlueJobRunResponse,
  StopGlueJobRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { Request } from 'express';

/**
 * Who asks, about which entity.
 *
 * @public
 */
export interface EntityRequestOptions {
  /** The entity ref, e.g. `component:default/orders-daily-etl`. */
  entityRef: string;
  /** The caller's credentials: catalog visibility and permissions apply. */
  credentials: BackstageCredentials;
}

/**
 * Options naming one of the entity's jobs.
 *
 * @public
 */
export interface JobRequestOptions extends EntityRequestOptions {
  /** A job name or ARN; may be omitted when the entity has one job. */
  job?: string;
}

/**
 * Options of {@link GlueRunsService.listRuns}.
 *
 * @public
 */
export interface ListRunsOptions extends JobRequestOptions {
  /** Runs per page, 1-200. */
  limit: number;
  /** A `nextToken` from a previous page. */
  nextToken?: string;
  /** Only runs in these states. */
  states?: string[];
}

/**
 * Options of {@link GlueRunsService.startRun} and `stopRun`.
 *
 * @public
 */
export interface ActionRequestOptions extends JobRequestOptions {
  /** The HTTP request, for the audit log. */
  request?: Request;
}

/**
 * Glue job runs, bookmarks and workflow runs of catalog entities, and
 * starting and stopping runs behind permissions.
 *
 * @public
 */
export interface GlueRunsService {
  /** Each of the entity's jobs with its configuration and latest run. */
  getJobs(options: EntityRequestOptions): Promise<GlueJobsResponse>;
  /** A page of a job's runs, newest first. */
  listRuns(options: ListRunsOptions): Promise<GlueJobRunsResponse>;
  /** One run of a job. */
  getRun(options: JobRequestOptions & { runId: string }): Promise<GlueJobRun>;
  /** A job's bookmark option and entry. */
  getBookmark(options: JobRequestOptions): Promise<GlueJobBookmarkResponse>;
  /** Runs of the workflow a synced workflow System stands for. */
  getWorkflowRuns(
    options: EntityRequestOptions & { limit: number; nextToken?: string },
  ): Promise<GlueWorkflowRunsResponse>;
  /** Starts a run of one of the entity's jobs. */
  startRun(
    options: ActionRequestOptions & { arguments?: Record<string, string> },
  ): Promise<StartGlueJobRunResponse>;
  /** Stops a run of one of the entity's jobs. */
  stopRun(
    options: ActionRequestOptions & { runId: string },
  ): Promise<StopGlueJobRunResponse>;
  /** Why a failed run failed: its log tail and what changed (`aws-glue.job.read`). */
  getTriage(
    options: JobRequestOptions & { runId: string },
  ): Promise<GlueRunTriageResponse>;
  /** Starts a failed run's job again with that run's arguments (`aws-glue.job.start`). */
  retryRun(
    options: ActionRequestOptions & { runId: string },
  ): Promise<RetryGlueJobRunResponse>;
  /** What resuming a failed workflow run would run again (`aws-glue.job.read`). */
  getResumePreview(
    options: EntityRequestOptions & { runId: string },
  ): Promise<GlueWorkflowResumePreview>;
  /** ResumeWorkflowRun for a failed run's failed nodes (`aws-glue.workflow.resume`). */
  resumeWorkflowRun(
    options: ActionRequestOptions & { runId: string; nodeIds?: string[] },
  ): Promise<ResumeGlueWorkflowRunResponse>;
}
