import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  GlueChainExecutionsResponse,
  GlueChainResponse,
  GlueFleetResponse,
  GlueJobBookmarkResponse,
  GlueJobRun,
  GlueJobRunsResponse,
  GlueJobsResponse,
  GlueRunTriageResponse,
  GlueWorkflowResumePreview,
  GlueWorkflowRunsResponse,
  ResumeGlueWorkflowRunResponse,
  RetryGlueJobRunResponse,
  StartGlueJobRunRequest,
  GlueTeamSummaryResponse,
  GlueTrendsResponse,
  GlueTrendWindow,
  StartGlueJobRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import type { GlueScorecardResponse } from '../lib/scorecard';

/**
 * Options of {@link AwsGlueApi.getJobRuns}.
 *
 * @public
 */
export interface GetGlueJobRunsOptions {
  /** The job's name, for entities with several jobs. */
  job?: string;
  /** Page size. */
  limit?: number;
  /** The cursor of the page to fetch (`nextToken` of the previous page). */
  nextToken?: string;
  /** Only runs in these states. */
  states?: string[];
}

/**
 * Options of {@link AwsGlueApi.getChain}.
 *
 * @public
 */
export interface GetGlueChainOptions {
  /** `up`: what the entity waits for; `down`: what it starts or feeds; `both`. */
  direction?: 'up' | 'down' | 'both';
  /** Hops from the entity. */
  depth?: number;
}

/**
 * Options of {@link AwsGlueApi.getWorkflowRuns}.
 *
 * @public
 */
export interface GetGlueWorkflowRunsOptions {
  limit?: number;
  nextToken?: string;
}

/**
 * Options of {@link AwsGlueApi.getFleetJobs}. Filters left out (or empty)
 * match every job.
 *
 * @public
 */
export interface GetGlueFleetJobsOptions {
  /** Only jobs this entity owns, e.g. `group:default/analytics`. */
  owner?: string;
  /** Only jobs in this AWS account. */
  account?: string;
  /** Only jobs in this AWS region. */
  region?: string;
  /** Only jobs whose latest run is in one of these states. */
  states?: string[];
  /** Text the job's title, name or entity ref contains. */
  query?: string;
  /** Page size, 1 to 500; the backend's default (100) when left out. */
  limit?: number;
  /** The page to fetch: `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * Options of {@link AwsGlueApi.getTrends}.
 *
 * @public
 */
export interface GetGlueTrendsOptions {
  /** The window in days; the backend's default when left out. */
  days?: GlueTrendWindow;
  /** One of the entity's jobs (name or ARN); all of them when left out. */
  job?: string;
}

/**
 * Options of {@link AwsGlueApi.getChainExecutions}.
 *
 * @public
 */
export interface GetGlueChainExecutionsOptions {
  /** How many executions, latest first; the backend's default (14) when left out. */
  limit?: number;
}

/**
 * The AWS Glue backend as the frontend sees it; every call is keyed by the
 * catalog entity the Glue resources belong to.
 *
 * @public
 */
export interface AwsGlueApi {
  /** The entity's Glue jobs with their configuration and latest run. */
  getJobs(entityRef: CompoundEntityRef): Promise<GlueJobsResponse>;
  /** One page of run history. */
  getJobRuns(
    entityRef: CompoundEntityRef,
    options?: GetGlueJobRunsOptions,
  ): Promise<GlueJobRunsResponse>;
  /** One run. */
  getJobRun(
    entityRef: CompoundEntityRef,
    runId: string,
    options?: { job?: string },
  ): Promise<GlueJobRun>;
  /** Upstream and downstream of the entity with each node's latest state. */
  getChain(
    entityRef: CompoundEntityRef,
    options?: GetGlueChainOptions,
  ): Promise<GlueChainResponse>;
  /** The job bookmark of one of the entity's jobs. */
  getBookmark(
    entityRef: CompoundEntityRef,
    options?: { job?: string },
  ): Promise<GlueJobBookmarkResponse>;
  /** Runs of the workflow a System entity stands for. */
  getWorkflowRuns(
    entityRef: CompoundEntityRef,
    options?: GetGlueWorkflowRunsOptions,
  ): Promise<GlueWorkflowRunsResponse>;
  /** Starts a run of one of the entity's jobs. */
  startJobRun(
    entityRef: CompoundEntityRef,
    request: StartGlueJobRunRequest,
  ): Promise<StartGlueJobRunResponse>;
  /** Stops a run of one of the entity's jobs. */
  stopJobRun(
    entityRef: CompoundEntityRef,
    runId: string,
    options: { job: string },
  ): Promise<void>;
  /**
   * Every Glue job entity the caller may see with its latest run, failing
   * first, a page at a time, from the backend's run index (no Glue calls).
   */
  getFleetJobs(options?: GetGlueFleetJobsOptions): Promise<GlueFleetResponse>;
  /** Daily success rate, durations, DPU-hours and cost of the entity's jobs. */
  getTrends(
    entityRef: CompoundEntityRef,
    options?: GetGlueTrendsOptions,
  ): Promise<GlueTrendsResponse>;
  /** Failures, slowest and dearest jobs and cost of the jobs a Group or User owns. */
  getTeamSummary(
    entityRef: CompoundEntityRef,
  ): Promise<GlueTeamSummaryResponse>;
  /**
   * The last executions of the chain of a job Component or workflow System,
   * latest first, with the matrix's rows and the SLA.
   */
  getChainExecutions(
    entityRef: CompoundEntityRef,
    options?: GetGlueChainExecutionsOptions,
  ): Promise<GlueChainExecutionsResponse>;
  /** Why a failed run failed: its log tail, what changed since the last success, its arguments. */
  getRunTriage(
    entityRef: CompoundEntityRef,
    runId: string,
    options?: { job?: string },
  ): Promise<GlueRunTriageResponse>;
  /** Starts the job of a failed run again with that run's own arguments (kept on the server). */
  retryJobRun(
    entityRef: CompoundEntityRef,
    runId: string,
    options?: { job?: string },
  ): Promise<RetryGlueJobRunResponse>;
  /** What resuming a workflow run would run again, or why it cannot be resumed. */
  getWorkflowResumePreview(
    entityRef: CompoundEntityRef,
    runId: string,
  ): Promise<GlueWorkflowResumePreview>;
  /** Resumes a workflow run from the given (failed) nodes. */
  resumeWorkflowRun(
    entityRef: CompoundEntityRef,
    runId: string,
    request: { nodeIds: string[] },
  ): Promise<ResumeGlueWorkflowRunResponse>;
  /**
   * Runs every Tech Insights check on the entity (the `tech-insights`
   * backend, not `aws-glue`): each check's result with the facts it used.
   * A 404 means Tech Insights (or its fact checker) is not installed.
   */
  runScorecardChecks(
    entityRef: CompoundEntityRef,
  ): Promise<GlueScorecardResponse>;
}

/**
 * The {@link AwsGlueApi} of the app.
 *
 * @public
 */
export const awsGlueApiRef = createApiRef<AwsGlueApi>({
  id: 'plugin.aws-glue.service',
});
