import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  GlueChainResponse,
  GlueJobBookmarkResponse,
  GlueJobRun,
  GlueJobRunsResponse,
  GlueJobsResponse,
  GlueWorkflowRunsResponse,
  isActiveRunState,
  StartGlueJobRunRequest,
  StartGlueJobRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  AwsGlueApi,
  GetGlueChainOptions,
  GetGlueJobRunsOptions,
} from '../src/api';
import {
  dependentJobChain,
  makeJob,
  makeRun,
  makeRunsResponse,
  workflowRuns,
} from '../src/__testUtils__/fixtures';

const ERRORS: Record<string, string> = {
  FAILED: "KeyError: '--dependency-param' was not passed by the trigger",
  TIMEOUT: 'Job run timed out after 45 minutes',
};

const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

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
    return { jobs: [makeJob({ latestRun: this.runs[0] })] };
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
    if (!run) throw new Error(`No run ${runId}`);
    return run;
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
    return workflowRuns;
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
