import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  GLUE_TREND_WINDOWS,
  GlueChainExecutionsResponse,
  GlueChainResponse,
  GlueFleetJob,
  GlueFleetResponse,
  GlueJobBookmarkResponse,
  GlueJobRun,
  GlueJobRunsResponse,
  GlueJobsResponse,
  GlueRunTriageResponse,
  GlueWorkflowResumePreview,
  ResumeGlueWorkflowRunResponse,
  RetryGlueJobRunResponse,
  GlueTeamSummaryResponse,
  GlueTrendPoint,
  GlueTrendsResponse,
  GlueWorkflowRunsResponse,
  isActiveRunState,
  isFailedRunState,
  runStatusCategory,
  StartGlueJobRunRequest,
  StartGlueJobRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  AwsGlueApi,
  GetGlueChainOptions,
  GetGlueFleetJobsOptions,
  GetGlueJobRunsOptions,
  GetGlueTrendsOptions,
} from '../src/api';
import { GlueScorecardResponse } from '../src/lib/scorecard';
import { scorecardResponse } from '../src/__testUtils__/scorecard';
import {
  dependentJobChain,
  makeFleetJob,
  makeFleetResponse,
  makeJob,
  makeRun,
  makeRunSummary,
  makeRunsResponse,
  makeTeamSummary,
  makeTrendsResponse,
  workflowRuns,
} from '../src/__testUtils__/fixtures';
import {
  executionsResponse,
  glueetlTriage,
  resumePreview,
} from '../src/__testUtils__/executions';

const ERRORS: Record<string, string> = {
  FAILED: "KeyError: '--dependency-param' was not passed by the trigger",
  TIMEOUT: 'Job run timed out after 45 minutes',
};

const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

const DAY_MS = 86_400_000;

/** The p-th percentile of sorted values. */
const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
    : undefined;

/** One UTC day of runs as the trends route aggregates it. */
function trendPoint(date: string, runs: GlueJobRun[]): GlueTrendPoint {
  const finished = runs.filter(r => !isActiveRunState(r.state));
  const succeeded = finished.filter(r => r.state === 'SUCCEEDED').length;
  const failed = finished.filter(r => isFailedRunState(r.state)).length;
  const durations = finished
    .map(r => r.durationSeconds ?? 0)
    .sort((a, b) => a - b);
  return {
    date,
    runs: finished.length,
    succeeded,
    failed,
    successRate:
      succeeded + failed ? succeeded / (succeeded + failed) : undefined,
    p50DurationSeconds: percentile(durations, 0.5),
    p95DurationSeconds: percentile(durations, 0.95),
    dpuHours: finished.reduce((sum, r) => sum + (r.dpuHours ?? 0), 0),
    estimatedCost: finished.reduce((sum, r) => sum + (r.estimatedCost ?? 0), 0),
  };
}

/** The demo fleet: a few jobs in every state. */
const FLEET: GlueFleetJob[] = [
  makeFleetJob('triggering_job', {
    latestRun: makeRunSummary({
      state: 'FAILED',
      errorMessage:
        "KeyError: '--dependency-param' was not passed by the trigger",
    }),
    failuresLast24h: 2,
  }),
  makeFleetJob('eu-orders-etl', {
    owner: 'group:default/analytics',
    region: 'eu-west-1',
    latestRun: makeRunSummary({ state: 'RUNNING', completedOn: undefined }),
  }),
  makeFleetJob('freshers_in_dependent_job'),
  makeFleetJob('orders-daily-etl', { owner: 'group:default/analytics' }),
  makeFleetJob('legacy_crm_sync', {
    accountId: '210987654321',
    latestRun: undefined,
  }),
];

/**
 * An in-memory AWS Glue backend for the dev app: 60 runs of history, a
 * started run that runs for 20 seconds, stop, chain and workflow runs.
 */
export class MockAwsGlueApi implements AwsGlueApi {
  private runs: GlueJobRun[];

  constructor() {
    const states = ['SUCCEEDED', 'SUCCEEDED', 'FAILED', 'SUCCEEDED', 'TIMEOUT'];
    const now = Date.now();
    this.runs = Array.from({ length: 60 }, (_, i) => {
      const state = states[i % states.length];
      const started = now - (i + 1) * 4 * 3600_000;
      const duration = 300 + ((i * 37) % 400);
      return makeRun({
        id: `jr_${String(1000 - i).padStart(4, '0')}`,
        state,
        attempt: state === 'FAILED' ? 1 : 0,
        startedOn: new Date(started).toISOString(),
        completedOn: new Date(started + duration * 1000).toISOString(),
        durationSeconds: duration,
        dpuHours: (duration * 5) / 3600,
        estimatedCost: ((duration * 5) / 3600) * 0.44,
        errorMessage: ERRORS[state],
      });
    });
  }

  async getJobs(_entityRef: CompoundEntityRef): Promise<GlueJobsResponse> {
    await delay(300);
    return { jobs: [makeJob({ latestRun: this.runs[0], canRetry: true })] };
  }

  async getJobRuns(
    _entityRef: CompoundEntityRef,
    options: GetGlueJobRunsOptions = {},
  ): Promise<GlueJobRunsResponse> {
    await delay(300);
    this.advance();
    const filtered = options.states?.length
      ? this.runs.filter(r => options.states!.includes(r.state))
      : this.runs;
    const start = Number(options.nextToken ?? 0);
    const limit = options.limit ?? 25;
    const page = filtered.slice(start, start + limit);
    const next =
      start + limit < filtered.length ? String(start + limit) : undefined;
    return makeRunsResponse(page, next);
  }

  async getJobRun(
    _entityRef: CompoundEntityRef,
    runId: string,
  ): Promise<GlueJobRun> {
    const run = this.runs.find(r => r.id === runId);
    if (run) return run;
    const node = executionsResponse.executions
      .flatMap(e => e.nodes)
      .find(n => n.runId === runId);
    if (!node) throw new Error(`No run ${runId}`);
    return makeRun({
      id: runId,
      jobName: node.jobName,
      state: node.state,
      startedOn: node.startedOn,
      completedOn: node.completedOn,
      durationSeconds: node.durationSeconds,
      errorMessage: node.errorMessage,
      triggerName: node.triggerName,
    });
  }

  async getChain(
    _entityRef: CompoundEntityRef,
    _options?: GetGlueChainOptions,
  ): Promise<GlueChainResponse> {
    await delay(300);
    // as the backend's defaults: `awsGlue.chain.defaultDepth: 3`, `awsGlue.chain.maxDepth: 6`
    return { ...dependentJobChain, depthLimits: { default: 3, max: 6 } };
  }

  async getBookmark(): Promise<GlueJobBookmarkResponse> {
    return {
      jobName: 'freshers_in_dependent_job',
      jobArn: makeJob().arn,
      option: 'job-bookmark-enable',
      entry: { version: 12, run: 58, attempt: 0, runId: this.runs[0].id },
    };
  }

  async getWorkflowRuns(): Promise<GlueWorkflowRunsResponse> {
    await delay(300);
    return { ...workflowRuns, canResume: true };
  }

  async startJobRun(
    _entityRef: CompoundEntityRef,
    request: StartGlueJobRunRequest,
  ): Promise<StartGlueJobRunResponse> {
    await delay(500);
    if (this.runs.some(r => isActiveRunState(r.state))) {
      throw new Error(
        'ConcurrentRunsExceededException: Concurrent runs exceeded for freshers_in_dependent_job',
      );
    }
    const id = `jr_${Date.now()}`;
    this.runs.unshift(
      makeRun({
        id,
        state: 'RUNNING',
        startedOn: new Date().toISOString(),
        completedOn: undefined,
        durationSeconds: 0,
        dpuHours: undefined,
        estimatedCost: undefined,
        triggerName: undefined,
        errorMessage: undefined,
        arguments: { ...makeJob().defaultArguments, ...request.arguments },
      }),
    );
    return { jobName: request.job, runId: id };
  }

  async stopJobRun(_entityRef: CompoundEntityRef, runId: string) {
    await delay(300);
    this.runs = this.runs.map(r =>
      r.id === runId ? { ...r, state: 'STOPPING' } : r,
    );
  }

  async getFleetJobs(
    options: GetGlueFleetJobsOptions = {},
  ): Promise<GlueFleetResponse> {
    await delay(300);
    const text = options.query?.toLocaleLowerCase('en-US');
    const matching = FLEET.filter(
      job =>
        (!options.owner || job.owner === options.owner) &&
        (!options.account || job.accountId === options.account) &&
        (!options.region || job.region === options.region) &&
        (!options.states?.length ||
          options.states.includes(job.latestRun?.state ?? '')) &&
        (!text || job.title.toLocaleLowerCase('en-US').includes(text)),
    );
    const start = Number(options.cursor ?? 0);
    const limit = options.limit ?? 100;
    const count = (category: string) =>
      matching.filter(j => runStatusCategory(j.latestRun?.state) === category)
        .length;
    return makeFleetResponse(matching.slice(start, start + limit), {
      totalCount: matching.length,
      nextCursor:
        start + limit < matching.length ? String(start + limit) : undefined,
      counts: {
        failing: count('error'),
        active: count('running'),
        succeeded: count('ok'),
        other: count('aborted'),
        neverRun: matching.filter(j => !j.latestRun).length,
      },
      freshness: {
        lastEventAt: new Date(Date.now() - 90_000).toISOString(),
        storedRuns: this.runs.length,
      },
    });
  }

  async getTrends(
    _entityRef: CompoundEntityRef,
    options: GetGlueTrendsOptions = {},
  ): Promise<GlueTrendsResponse> {
    await delay(300);
    const days = options.days ?? 30;
    if (!GLUE_TREND_WINDOWS.includes(days)) throw new Error('Bad days');
    return makeTrendsResponse(this.trendPoints(days), days);
  }

  async getTeamSummary(
    entityRef: CompoundEntityRef,
  ): Promise<GlueTeamSummaryResponse> {
    await delay(300);
    return makeTeamSummary({
      owner: `${entityRef.kind.toLocaleLowerCase('en-US')}:${
        entityRef.namespace
      }/${entityRef.name}`,
      points: this.trendPoints(30),
    });
  }

  async getChainExecutions(): Promise<GlueChainExecutionsResponse> {
    await delay(300);
    return executionsResponse;
  }

  async getRunTriage(
    _entityRef: CompoundEntityRef,
    runId: string,
  ): Promise<GlueRunTriageResponse> {
    await delay(300);
    const run = await this.getJobRun(_entityRef, runId);
    return { ...glueetlTriage, runId, jobName: run.jobName, state: run.state };
  }

  async retryJobRun(
    _entityRef: CompoundEntityRef,
    runId: string,
  ): Promise<RetryGlueJobRunResponse> {
    const run = await this.getJobRun(_entityRef, runId);
    const started = await this.startJobRun(_entityRef, { job: run.jobName });
    return { jobName: run.jobName, retriedRunId: runId, runId: started.runId };
  }

  async getWorkflowResumePreview(
    _entityRef: CompoundEntityRef,
    runId: string,
  ): Promise<GlueWorkflowResumePreview> {
    await delay(300);
    return { ...resumePreview, runId };
  }

  async resumeWorkflowRun(
    _entityRef: CompoundEntityRef,
    runId: string,
    request: { nodeIds: string[] },
  ): Promise<ResumeGlueWorkflowRunResponse> {
    await delay(500);
    return {
      workflowName: resumePreview.workflowName,
      resumedRunId: runId,
      runId: `wr_${Date.now()}`,
      nodeIds: request.nodeIds,
    };
  }

  async runScorecardChecks(): Promise<GlueScorecardResponse> {
    await delay(300);
    return scorecardResponse;
  }

  /** The last `days` UTC days of the mock's runs, oldest first. */
  private trendPoints(days: number): GlueTrendPoint[] {
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    return Array.from({ length: days }, (_, i) => {
      const start = today - (days - 1 - i) * DAY_MS;
      const date = new Date(start).toISOString().slice(0, 10);
      const runs = this.runs.filter(r => {
        const t = Date.parse(r.startedOn ?? '');
        return t >= start && t < start + DAY_MS;
      });
      return trendPoint(date, runs);
    });
  }

  /** Running runs succeed after 20 s; stopping runs stop. */
  private advance() {
    const now = Date.now();
    this.runs = this.runs.map(run => {
      if (!isActiveRunState(run.state)) return run;
      const started = Date.parse(run.startedOn ?? '');
      const elapsed = Math.round((now - started) / 1000);
      if (run.state === 'STOPPING') {
        return {
          ...run,
          state: 'STOPPED',
          completedOn: new Date().toISOString(),
          durationSeconds: elapsed,
        };
      }
      return elapsed >= 20
        ? {
            ...run,
            state: 'SUCCEEDED',
            completedOn: new Date().toISOString(),
            durationSeconds: elapsed,
            dpuHours: 0.03,
            estimatedCost: 0.013,
          }
        : { ...run, durationSeconds: elapsed };
    });
  }
}
