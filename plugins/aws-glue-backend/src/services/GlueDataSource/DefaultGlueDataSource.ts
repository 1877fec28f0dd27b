import {
  BatchStopJobRunCommand,
  GetJobBookmarkCommand,
  GetJobCommand,
  GetJobRunCommand,
  GetWorkflowRunCommand,
  GetWorkflowRunsCommand,
  ResumeWorkflowRunCommand,
  GlueClient,
  StartJobRunCommand,
} from '@aws-sdk/client-glue';
import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  GlueWorkflowRun,
  isActiveRunState,
  isActiveWorkflowStatus,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { CachedLoader } from '../../lib/CachedLoader';
import { callGlue, fetchJobRun, fetchJobRunsPage } from '../../lib/glueCalls';
import { Redactor } from '../../lib/redaction';
import {
  compactObject,
  JobRef,
  StoredJob,
  StoredJobRun,
  storedJobFromSdk,
  toGlueWorkflowRun,
} from '../../lib/shapes';
import { GlueClientFactory } from '../GlueClientFactory';
import {
  GlueDataSource,
  RunsPage,
  StoredBookmark,
  WorkflowRef,
  WorkflowRunsPage,
} from './GlueDataSource';

/**
 * Runs per Glue page (GetJobRuns' maximum).
 *
 * @public
 */
export const RUNS_PAGE_SIZE = 200;

/** How long a run-cache generation marker lives (it outlives every run TTL). */
const GENERATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Options of {@link DefaultGlueDataSource}.
 *
 * @public
 */
export interface DefaultGlueDataSourceOptions {
  clients: GlueClientFactory;
  cache: CacheService;
  logger: LoggerService;
  redactor: Redactor;
  /** The deadline of one Glue call, every retry included. */
  callTimeoutMs: number;
  ttls: {
    runsTtlMs: number;
    activeRunsTtlMs: number;
    jobsTtlMs: number;
    bookmarkTtlMs: number;
  };
  /**
   * Called with the runs of every page, latest run and run detail read from
   * Glue (not from the cache): the run index's write-through.
   */
  onRunsLoaded?: (job: JobRef, runs: StoredJobRun[]) => void;
  /** The same for every page of workflow runs read from Glue. */
  onWorkflowRunsLoaded?: (
    workflow: WorkflowRef,
    runs: GlueWorkflowRun[],
  ) => void;
}

const runsPageKey = (
  job: JobRef,
  generation: string,
  glueToken: string | undefined,
) => CachedLoader.key('runs', job.arn, generation, glueToken ?? '');

const generationKey = (job: JobRef) => CachedLoader.key('gen', job.arn);

const describe = (ref: JobRef, type: 'job' | 'workflow') =>
  `${type} ${ref.name} (${ref.accountId}/${ref.region})`;

/**
 * Glue calls behind the cache (see {@link GlueDataSource}).
 *
 * Cached run data of a job is keyed by a generation marker that starting or
 * stopping a run replaces, so every cached page, latest run and run detail of
 * that job is dropped at once, on every replica sharing the cache.
 *
 * @public
 */
export class DefaultGlueDataSource implements GlueDataSource {
  private readonly loader: CachedLoader;

  constructor(private readonly options: DefaultGlueDataSourceOptions) {
    // A shared load never outlives the deadline of the call behind it.
    this.loader = new CachedLoader(
      options.cache,
      options.logger,
      options.callTimeoutMs,
    );
  }

  async getJob(job: JobRef): Promise<StoredJob> {
    return this.loader.load(
      CachedLoader.key('job', job.arn),
      async () => {
        const output = await this.call(
          job,
          'GetJob',
          'job',
          (client, sendOptions) =>
            client.send(new GetJobCommand({ JobName: job.name }), sendOptions),
        );
        if (!output.Job) {
          throw new NotFoundError(`AWS Glue has no ${describe(job, 'job')}`);
        }
        return storedJobFromSdk(output.Job, job, this.options.redactor);
      },
      () => this.options.ttls.jobsTtlMs,
    );
  }

  async getRunsPage(job: JobRef, glueToken?: string): Promise<RunsPage> {
    const generation = await this.generation(job);
    const key = runsPageKey(job, generation, glueToken);
    const page = await this.loader.load(
      key,
      async () => {
        const loaded = await this.call(job, 'GetJobRuns', 'job', (client, o) =>
          fetchJobRunsPage(
            client,
            job,
            { nextToken: glueToken, maxResults: RUNS_PAGE_SIZE },
            this.options.redactor,
            o.abortSignal,
          ),
        );
        this.options.onRunsLoaded?.(job, loaded.runs);
        return loaded;
      },
      value => this.runsTtl(value.runs),
    );
    return page;
  }

  async getLatestRun(job: JobRef): Promise<StoredJobRun | undefined> {
    const generation = await this.generation(job);
    // A cached first page already knows the latest run.
    const firstPage = await this.loader.peek<RunsPage>(
      runsPageKey(job, generation, undefined),
    );
    if (firstPage) {
      return firstPage.runs[0];
    }
    const latest = await this.loader.load(
      CachedLoader.key('latest', job.arn, generation),
      async () => {
        const loaded = await this.call(job, 'GetJobRuns', 'job', (client, o) =>
          fetchJobRunsPage(
            client,
            job,
            { maxResults: 1 },
            this.options.redactor,
            o.abortSignal,
          ),
        );
        this.options.onRunsLoaded?.(job, loaded.runs);
        return loaded.runs[0];
      },
      value => this.runsTtl(value ? [value] : []),
    );
    return latest;
  }

  async getRun(job: JobRef, runId: string): Promise<StoredJobRun> {
    const generation = await this.generation(job);
    const run = await this.loader.load(
      CachedLoader.key('run', job.arn, generation, runId),
      async () => {
        const loaded = await this.call(
          job,
          'GetJobRun',
          'job',
          (client, o) =>
            fetchJobRun(
              client,
              job,
              runId,
              this.options.redactor,
              o.abortSignal,
            ),
          `run ${runId} of `,
        );
        if (!loaded) {
          throw new NotFoundError(
            `AWS Glue has no run ${runId} of ${describe(job, 'job')}`,
          );
        }
        this.options.onRunsLoaded?.(job, [loaded]);
        return loaded;
      },
      value => this.runsTtl([value]),
    );
    return run;
  }

  async getBookmark(job: JobRef): Promise<StoredBookmark | undefined> {
    const bookmark = await this.loader.load(
      CachedLoader.key('bookmark', job.arn),
      async () => {
        try {
          const output = await this.call(
            job,
            'GetJobBookmark',
            'job',
            (client, sendOptions) =>
              client.send(
                new GetJobBookmarkCommand({ JobName: job.name }),
                sendOptions,
              ),
          );
          const entry = output.JobBookmarkEntry;
          if (!entry) return undefined;
          return compactObject({
            version: entry.Version ?? 0,
            run: entry.Run ?? 0,
            attempt: entry.Attempt ?? 0,
            runId: entry.RunId,
            previousRunId: entry.PreviousRunId,
            jobBookmark: entry.JobBookmark,
          });
        } catch (error) {
          if (NotFoundError.is(error)) {
            return undefined; // the job has no bookmark (yet)
          }
          throw error;
        }
      },
      () => this.options.ttls.bookmarkTtlMs,
    );
    return bookmark;
  }

  async getWorkflowRuns(
    workflow: WorkflowRef,
    options: { limit: number; glueToken?: string },
  ): Promise<WorkflowRunsPage> {
    const generation = await this.generation(workflow);
    const page = await this.loader.load(
      CachedLoader.key(
        'workflow-runs',
        workflow.arn,
        generation,
        options.limit,
        options.glueToken ?? '',
      ),
      async () => {
        const output = await this.call(
          workflow,
          'GetWorkflowRuns',
          'workflow',
          (client, sendOptions) =>
            client.send(
              new GetWorkflowRunsCommand({
                Name: workflow.name,
                IncludeGraph: true,
                MaxResults: options.limit,
                NextToken: options.glueToken,
              }),
              sendOptions,
            ),
        );
        const runs = (output.Runs ?? []).map(run =>
          toGlueWorkflowRun(run, this.options.redactor),
        );
        this.options.onWorkflowRunsLoaded?.(workflow, runs);
        return compactObject({
          runs,
          nextToken: output.NextToken || undefined,
        });
      },
      value =>
        value.runs.some(run => isActiveWorkflowStatus(run.status))
          ? this.options.ttls.activeRunsTtlMs
          : this.options.ttls.runsTtlMs,
    );
    return page;
  }

  async startJobRun(
    job: JobRef,
    args?: Record<string, string>,
  ): Promise<string> {
    const output = await this.call(
      job,
      'StartJobRun',
      'job',
      (client, sendOptions) =>
        client.send(
          new StartJobRunCommand({
            JobName: job.name,
            ...(args && Object.keys(args).length > 0
              ? { Arguments: args }
              : {}),
          }),
          sendOptions,
        ),
    );
    await this.invalidateRuns(job);
    if (!output.JobRunId) {
      throw new Error(
        `AWS Glue StartJobRun for ${describe(job, 'job')} returned no run id`,
      );
    }
    return output.JobRunId;
  }

  async retryJobRun(job: JobRef, runId: string): Promise<string> {
    // the run's own arguments, as Glue has them: read here and passed on,
    // never cached, returned or logged
    const output = await this.call(
      job,
      'GetJobRun',
      'job',
      (client, sendOptions) =>
        client.send(
          new GetJobRunCommand({ JobName: job.name, RunId: runId }),
          sendOptions,
        ),
    );
    return this.startJobRun(job, output.JobRun?.Arguments);
  }

  async getWorkflowRun(
    workflow: WorkflowRef,
    runId: string,
  ): Promise<GlueWorkflowRun> {
    const output = await this.call(
      workflow,
      'GetWorkflowRun',
      'workflow',
      (client, sendOptions) =>
        client.send(
          new GetWorkflowRunCommand({
            Name: workflow.name,
            RunId: runId,
            IncludeGraph: true,
          }),
          sendOptions,
        ),
    );
    if (!output.Run) {
      throw new NotFoundError(
        `AWS Glue has no run ${runId} of ${describe(workflow, 'workflow')}`,
      );
    }
    return toGlueWorkflowRun(output.Run, this.options.redactor);
  }

  async resumeWorkflowRun(
    workflow: WorkflowRef,
    runId: string,
    nodeIds: string[],
  ): Promise<{ runId: string; nodeIds: string[] }> {
    const output = await this.call(
      workflow,
      'ResumeWorkflowRun',
      'workflow',
      (client, sendOptions) =>
        client.send(
          new ResumeWorkflowRunCommand({
            Name: workflow.name,
            RunId: runId,
            NodeIds: nodeIds,
          }),
          sendOptions,
        ),
    );
    await this.invalidateRuns(workflow);
    if (!output.RunId) {
      throw new Error(
        `AWS Glue ResumeWorkflowRun for ${describe(
          workflow,
          'workflow',
        )} returned no run id`,
      );
    }
    return { runId: output.RunId, nodeIds: output.NodeIds ?? nodeIds };
  }

  async stopJobRun(job: JobRef, runId: string): Promise<void> {
    const output = await this.call(
      job,
      'BatchStopJobRun',
      'job',
      (client, sendOptions) =>
        client.send(
          new BatchStopJobRunCommand({ JobName: job.name, JobRunIds: [runId] }),
          sendOptions,
        ),
    );
    await this.invalidateRuns(job);
    const failure =
      output.Errors?.find(e => e.JobRunId === runId) ?? output.Errors?.[0];
    if (failure) {
      const detail = failure.ErrorDetail;
      const message = `AWS Glue could not stop run ${runId} of ${describe(
        job,
        'job',
      )}: ${detail?.ErrorMessage ?? detail?.ErrorCode ?? 'unknown error'}`;
      if (detail?.ErrorCode === 'EntityNotFoundException') {
        throw new NotFoundError(message);
      }
      throw new ConflictError(message);
    }
  }

  async invalidateRuns(job: JobRef): Promise<void> {
    const marker = `${Date.now().toString(36)}${Math.random()
      .toString(36)
      .slice(2, 8)}`;
    await this.loader.put(generationKey(job), marker, GENERATION_TTL_MS);
  }

  private async generation(job: JobRef): Promise<string> {
    return (await this.loader.peek<string>(generationKey(job))) ?? '0';
  }

  private runsTtl(runs: StoredJobRun[]): number {
    return runs.some(run => isActiveRunState(run.state))
      ? this.options.ttls.activeRunsTtlMs
      : this.options.ttls.runsTtlMs;
  }

  /** Sends a Glue call with its deadline and maps its errors to HTTP statuses. */
  private call<T>(
    ref: JobRef,
    operation: string,
    type: 'job' | 'workflow',
    send: (
      client: GlueClient,
      options: { abortSignal: AbortSignal },
    ) => Promise<T>,
    targetPrefix = '',
  ): Promise<T> {
    return callGlue(
      this.options,
      ref,
      { operation, target: `${targetPrefix}${describe(ref, type)}` },
      (client, abortSignal) => send(client, { abortSignal }),
    );
  }
}
