import {
  AuditorService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  isPlainArgumentKey,
  MAX_ARGUMENT_KEY_LENGTH,
  awsGlueJobReadPermission,
  awsGlueJobStartPermission,
  awsGlueJobStopPermission,
  awsGlueWorkflowResumePermission,
  GlueJob,
  GlueJobBookmarkResponse,
  GlueJobRun,
  GlueJobRunsResponse,
  GlueJobsResponse,
  GlueRunTriageResponse,
  GlueWorkflowResumePreview,
  GlueWorkflowRunsResponse,
  isFailedRunState,
  ResumeGlueWorkflowRunResponse,
  RetryGlueJobRunResponse,
  StartGlueJobRunResponse,
  StopGlueJobRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { AwsGlueProviderUnit } from '@aws-glue-backstage/plugin-aws-glue-node';
import { Request } from 'express';
import { mapWithConcurrency } from '../../lib/concurrency';
import { AwsGlueBackendConfig } from '../../lib/config';
import { round6 } from '../../lib/cost';
import { CursorCodec, queryKey, scanPages } from '../../lib/cursor';
import {
  jobRefsOf,
  loadEntity,
  resolveJob,
  resolveWorkflow,
} from '../../lib/entities';
import { createGlobMatcher } from '@aws-glue-backstage/plugin-aws-glue-node';
import { JobRef, StoredJobRun, toGlueJobRun } from '../../lib/shapes';
import { RunStore } from '../../runIndex/RunStore';
import { WorkflowRunStore } from '../../runIndex/WorkflowRunStore';
import { resumePreview } from '../../lib/workflowResume';
import { RunTriage } from './RunTriage';
import { pageThroughStore } from '../../lib/storePages';
import { GlueAccessService } from '../GlueAccessService';
import { GlueDataSource } from '../GlueDataSource';
import {
  ActionRequestOptions,
  EntityRequestOptions,
  GlueRunsService,
  JobRequestOptions,
  ListRunsOptions,
} from './GlueRunsService';

/**
 * Options of {@link DefaultGlueRunsService}.
 *
 * @public
 */
export interface DefaultGlueRunsServiceOptions {
  catalog: CatalogService;
  access: GlueAccessService;
  auditor: AuditorService;
  logger: LoggerService;
  data: GlueDataSource;
  /** Signs and checks the page cursors the API hands out. */
  cursors: CursorCodec;
  /** The catalog provider units (a workflow entity must be synced by one). */
  units: readonly AwsGlueProviderUnit[];
  config: Pick<AwsGlueBackendConfig, 'actions' | 'pricing' | 'runs'>;
  /**
   * The run index: history Glue no longer holds (it keeps 90 days) is
   * served from it once Glue's pages end.
   */
  store?: RunStore;
  /** The same for workflow runs. */
  workflowRuns?: WorkflowRunStore;
  /** Log tails and changes of failed runs. */
  triage?: RunTriage;
  /** The current time in ms (tests). */
  now?: () => number;
}

/** What an audit event records: refs, ARNs, ids and argument KEYS. */
type AuditMeta = { [key: string]: string | string[] };

/** Runs per page once a listing reads the run index. */
const STORE_PAGE_SIZE = 200;

/** Concurrent Glue reads when an entity has many jobs. */
const JOBS_CONCURRENCY = 8;

/**
 * The default {@link GlueRunsService}: entity lookups with the caller's
 * credentials, job ARNs only from the entity's annotations, cached Glue reads
 * and permission-checked, audited actions.
 *
 * @public
 */
export class DefaultGlueRunsService implements GlueRunsService {
  private readonly isAllowedArgument: (key: string) => boolean;
  private readonly now: () => number;

  constructor(private readonly options: DefaultGlueRunsServiceOptions) {
    this.isAllowedArgument = createGlobMatcher(
      options.config.actions.allowedArguments,
    );
    this.now = options.now ?? Date.now;
  }

  async getJobs(options: EntityRequestOptions): Promise<GlueJobsResponse> {
    const entity = await this.entity(options);
    const all = jobRefsOf(entity);
    if (all.length === 0) {
      resolveJob(entity, undefined); // throws the "no Glue job" NotFoundError
    }
    const { startJobRun, stopJobRun, retryJobRun } =
      this.options.config.actions;
    const wanted = [
      awsGlueJobReadPermission,
      ...(startJobRun || retryJobRun ? [awsGlueJobStartPermission] : []),
      ...(stopJobRun ? [awsGlueJobStopPermission] : []),
    ];
    const decisions = await this.options.access.decide(
      all.flatMap(job =>
        wanted.map(permission => ({
          entity,
          target: job,
          permission,
          credentials: options.credentials,
        })),
      ),
    );
    const allowed = (
      jobIndex: number,
      permission: ResourcePermission<'catalog-entity'>,
    ) =>
      wanted.includes(permission) &&
      decisions[jobIndex * wanted.length + wanted.indexOf(permission)].allowed;
    const readable = all
      .map((job, i) => ({ job, i }))
      .filter(({ i }) => allowed(i, awsGlueJobReadPermission));
    if (readable.length === 0) {
      throw new NotAllowedError(
        `You may not see the AWS Glue jobs of ${stringifyEntityRef(entity)}: ${
          decisions[0].reason
        }`,
      );
    }
    const results = await mapWithConcurrency(
      readable,
      JOBS_CONCURRENCY,
      async ({ job, i }): Promise<GlueJob> => {
        const [stored, latest] = await Promise.all([
          this.options.data.getJob(job),
          this.options.data.getLatestRun(job),
        ]);
        const { nonOverridableArgumentKeys, ...summary } = stored;
        return {
          ...summary,
          ...(latest ? { latestRun: this.toRun(latest, job) } : {}),
          canStart: startJobRun && allowed(i, awsGlueJobStartPermission),
          canRetry: retryJobRun && allowed(i, awsGlueJobStartPermission),
          canStop: allowed(i, awsGlueJobStopPermission),
          overridableArguments: this.overridableArguments(
            Object.keys(summary.defaultArguments ?? {}),
            nonOverridableArgumentKeys,
          ),
        };
      },
    );
    return { jobs: results };
  }

  async listRuns(options: ListRunsOptions): Promise<GlueJobRunsResponse> {
    const job = await this.readableJob(options);
    const states = options.states?.length ? new Set(options.states) : undefined;
    const query = queryKey(
      'runs',
      job.arn,
      states ? [...states].sort().join(',') : '',
    );
    const start = options.nextToken
      ? this.options.cursors.decode(options.nextToken, query)
      : undefined;
    const result = await scanPages<StoredJobRun>({
      query,
      start,
      limit: options.limit,
      maxPages: this.options.config.runs.maxScanPages,
      idOf: run => run.id,
      filter: states ? run => states.has(run.state ?? '') : undefined,
      loadPage: glueToken => this.runsPage(job, glueToken),
    });
    const runs = result.items.map(run => this.toRun(run, job));
    const sum = (values: (number | undefined)[]) =>
      round6(values.reduce<number>((total, v) => total + (v ?? 0), 0));
    return {
      runs,
      ...(result.next
        ? { nextToken: this.options.cursors.encode(result.next) }
        : {}),
      totals: {
        dpuHours: sum(runs.map(r => r.dpuHours)),
        estimatedCost: sum(runs.map(r => r.estimatedCost)),
        currency: this.options.config.pricing.currency,
      },
    };
  }

  async getRun(
    options: JobRequestOptions & { runId: string },
  ): Promise<GlueJobRun> {
    const job = await this.readableJob(options);
    const run = await this.options.data.getRun(job, options.runId);
    return this.toRun(run, job);
  }

  async getBookmark(
    options: JobRequestOptions,
  ): Promise<GlueJobBookmarkResponse> {
    const job = await this.readableJob(options);
    const [stored, entry] = await Promise.all([
      this.options.data.getJob(job),
      this.options.data.getBookmark(job),
    ]);
    return {
      jobName: stored.name,
      jobArn: job.arn,
      option: stored.bookmarkOption,
      ...(entry ? { entry } : {}),
    };
  }

  async getWorkflowRuns(
    options: EntityRequestOptions & { limit: number; nextToken?: string },
  ): Promise<GlueWorkflowRunsResponse> {
    const { entity, workflow } = await this.workflowOf(
      options,
      awsGlueJobReadPermission,
      'see the runs of',
    );
    const canResume = await this.canResume(
      entity,
      workflow,
      options.credentials,
    );
    const query = queryKey('workflow-runs', workflow.arn);
    const start = options.nextToken
      ? this.options.cursors.decode(options.nextToken, query)
      : undefined;
    const { workflowRuns } = this.options;
    const page = await pageThroughStore(start?.glueToken, {
      glue: glueToken =>
        this.options.data.getWorkflowRuns(workflow, {
          limit: options.limit,
          glueToken,
        }),
      stored: workflowRuns && (o => workflowRuns.list(workflow.arn, o)),
      pageSize: options.limit,
    });
    return {
      workflowName: workflow.name,
      canResume,
      runs: page.items,
      ...(page.nextToken
        ? {
            nextToken: this.options.cursors.encode({
              query,
              glueToken: page.nextToken,
              offset: 0,
            }),
          }
        : {}),
    };
  }

  async startRun(
    options: ActionRequestOptions & { arguments?: Record<string, string> },
  ): Promise<StartGlueJobRunResponse> {
    const argumentKeys = Object.keys(options.arguments ?? {});
    return this.audited(
      'job-run-start',
      options.request,
      { entityRef: options.entityRef, argumentKeys },
      async meta => {
        const { entity, job } = await this.actionableJob(options, meta, {
          enabled: this.options.config.actions.startJobRun,
          what: 'Starting',
          configKey: 'startJobRun',
          permission: awsGlueJobStartPermission,
          verb: 'start runs of',
        });
        this.checkArgumentKeys(argumentKeys);
        const runId = await this.options.data.startJobRun(
          job,
          options.arguments,
        );
        meta.runId = runId;
        this.options.logger.info(
          `Started AWS Glue job run ${runId} of ${job.arn}`,
          {
            entityRef: stringifyEntityRef(entity),
            jobArn: job.arn,
            runId,
            argumentKeys: argumentKeys.join(','),
          },
        );
        return { jobName: job.name, runId };
      },
    );
  }

  async stopRun(
    options: ActionRequestOptions & { runId: string },
  ): Promise<StopGlueJobRunResponse> {
    return this.audited(
      'job-run-stop',
      options.request,
      { entityRef: options.entityRef, runId: options.runId },
      async meta => {
        const { entity, job } = await this.actionableJob(options, meta, {
          enabled: this.options.config.actions.stopJobRun,
          what: 'Stopping',
          configKey: 'stopJobRun',
          permission: awsGlueJobStopPermission,
          verb: 'stop runs of',
        });
        await this.options.data.stopJobRun(job, options.runId);
        this.options.logger.info(
          `Stopped AWS Glue job run ${options.runId} of ${job.arn}`,
          {
            entityRef: stringifyEntityRef(entity),
            jobArn: job.arn,
            runId: options.runId,
          },
        );
        return { jobName: job.name, runId: options.runId };
      },
    );
  }

  async getTriage(
    options: JobRequestOptions & { runId: string },
  ): Promise<GlueRunTriageResponse> {
    const job = await this.readableJob(options);
    const run = await this.options.data.getRun(job, options.runId);
    if (!isFailedRunState(run.state)) {
      throw new ConflictError(
        `Run ${run.id} of ${job.name} is ${run.state}: triage is for FAILED, ERROR or TIMEOUT runs`,
      );
    }
    if (!this.options.triage) {
      throw new ServiceUnavailableError('Failure triage is not set up');
    }
    return this.options.triage.triage(
      job,
      await this.options.data.getJob(job),
      run,
    );
  }

  async retryRun(
    options: ActionRequestOptions & { runId: string },
  ): Promise<RetryGlueJobRunResponse> {
    return this.audited(
      'job-run-retry',
      options.request,
      { entityRef: options.entityRef, retriedRunId: options.runId },
      async meta => {
        const { job } = await this.actionableJob(options, meta, {
          enabled: this.options.config.actions.retryJobRun,
          what: 'Retrying',
          configKey: 'retryJobRun',
          permission: awsGlueJobStartPermission,
          verb: 'retry runs of',
        });
        const run = await this.options.data.getRun(job, options.runId);
        if (!isFailedRunState(run.state)) {
          throw new ConflictError(
            `Run ${run.id} of ${job.name} is ${run.state}: only a FAILED, ERROR or TIMEOUT run can be retried`,
          );
        }
        const runId = await this.options.data.retryJobRun(job, run.id);
        meta.runId = runId;
        this.options.logger.info(
          `Retried AWS Glue job run ${run.id} of ${job.arn} as ${runId}`,
          { entityRef: options.entityRef, jobArn: job.arn, runId },
        );
        return { jobName: job.name, retriedRunId: run.id, runId };
      },
    );
  }

  async getResumePreview(
    options: EntityRequestOptions & { runId: string },
  ): Promise<GlueWorkflowResumePreview> {
    const { workflow } = await this.workflowOf(
      options,
      awsGlueJobReadPermission,
      'see the runs of',
    );
    const run = await this.options.data.getWorkflowRun(workflow, options.runId);
    return resumePreview(workflow.name, run);
  }

  async resumeWorkflowRun(
    options: ActionRequestOptions & { runId: string; nodeIds?: string[] },
  ): Promise<ResumeGlueWorkflowRunResponse> {
    return this.audited(
      'workflow-run-resume',
      options.request,
      { entityRef: options.entityRef, resumedRunId: options.runId },
      async meta => {
        if (!this.options.config.actions.resumeWorkflowRun) {
          meta.reason =
            'disabled in config: awsGlue.actions.resumeWorkflowRun is not true';
          throw new NotAllowedError(
            'Resuming AWS Glue workflow runs is disabled; set awsGlue.actions.resumeWorkflowRun: true in the backend config to enable it',
          );
        }
        const { workflow } = await this.workflowOf(
          options,
          awsGlueWorkflowResumePermission,
          'resume runs of',
          meta,
        );
        const run = await this.options.data.getWorkflowRun(
          workflow,
          options.runId,
        );
        const preview = resumePreview(workflow.name, run, options.nodeIds);
        if (!preview.resumable) {
          meta.reason = preview.reason!;
          throw new ConflictError(preview.reason!);
        }
        const resumed = await this.options.data.resumeWorkflowRun(
          workflow,
          run.id,
          preview.nodeIds,
        );
        meta.runId = resumed.runId;
        meta.nodeIds = resumed.nodeIds;
        this.options.logger.info(
          `Resumed AWS Glue workflow run ${run.id} of ${workflow.arn} as ${resumed.runId}`,
          {
            entityRef: options.entityRef,
            workflowArn: workflow.arn,
            runId: resumed.runId,
          },
        );
        return {
          workflowName: workflow.name,
          resumedRunId: run.id,
          ...resumed,
        };
      },
    );
  }

  /** Whether resuming is enabled and `aws-glue.workflow.resume` allows the caller. */
  private async canResume(
    entity: Entity,
    workflow: JobRef,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    if (!this.options.config.actions.resumeWorkflowRun) return false;
    const [decision] = await this.options.access.decide([
      {
        entity,
        target: workflow,
        permission: awsGlueWorkflowResumePermission,
        credentials,
      },
    ]);
    return decision.allowed;
  }

  /** The workflow of a System entity, once `permission` allows the caller. */
  private async workflowOf(
    options: EntityRequestOptions,
    permission: ResourcePermission<'catalog-entity'>,
    verb: string,
    meta?: AuditMeta,
  ) {
    const entity = await this.entity(options);
    const workflow = resolveWorkflow(entity, this.options.units);
    if (meta) meta.workflowArn = workflow.arn;
    await this.authorize(
      entity,
      workflow,
      permission,
      options.credentials,
      verb,
      meta,
    );
    return { entity, workflow };
  }

  /**
   * A page of a job's runs: Glue's pages first, then (once Glue has no more)
   * the run index's older runs, with a page token of its own.
   */
  private runsPage(
    job: JobRef,
    token: string | undefined,
  ): Promise<{ items: StoredJobRun[]; nextToken?: string }> {
    const { store } = this.options;
    return pageThroughStore(token, {
      glue: glueToken => this.options.data.getRunsPage(job, glueToken),
      stored: store && (options => store.listRuns(job.arn, options)),
      pageSize: STORE_PAGE_SIZE,
    });
  }

  private entity(options: EntityRequestOptions): Promise<Entity> {
    return loadEntity(
      this.options.catalog,
      options.entityRef,
      options.credentials,
    );
  }

  private toRun(run: StoredJobRun, job: JobRef): GlueJobRun {
    return toGlueJobRun(run, {
      job,
      pricing: this.options.config.pricing,
      now: this.now(),
    });
  }

  /**
   * The argument keys a caller may set when starting a run of a job: the
   * allow-list's plain keys, and the job's default argument keys that one of
   * its globs allows (`--input*` offers the job's `--input`), never a
   * non-overridable one.
   */
  private overridableArguments(
    defaultKeys: string[],
    nonOverridable: string[],
  ): string[] {
    const plain = this.options.config.actions.allowedArguments.filter(key =>
      isPlainArgumentKey(key),
    );
    const fromDefaults = defaultKeys.filter(
      key => isPlainArgumentKey(key) && this.isAllowedArgument(key),
    );
    return [...new Set([...plain, ...fromDefaults])].filter(
      key => !nonOverridable.includes(key),
    );
  }

  /**
   * The entity and job an action names, once the action is enabled in config
   * and the access service allows it; the job ARN and the decision go into
   * the audit meta.
   */
  private async actionableJob(
    options: JobRequestOptions,
    meta: AuditMeta,
    action: {
      enabled: boolean;
      what: string;
      configKey: string;
      permission: ResourcePermission<'catalog-entity'>;
      verb: string;
    },
  ): Promise<{ entity: Entity; job: JobRef }> {
    if (!action.enabled) {
      // refused before the entity is loaded: the audit event has the entity
      // ref the caller named and this reason, no job ARN
      meta.reason = `disabled in config: awsGlue.actions.${action.configKey} is not true`;
      throw new NotAllowedError(
        `${action.what} AWS Glue job runs is disabled; set awsGlue.actions.${action.configKey}: true in the backend config to enable it`,
      );
    }
    const entity = await this.entity(options);
    const job = resolveJob(entity, options.job);
    meta.jobArn = job.arn;
    await this.authorize(
      entity,
      job,
      action.permission,
      options.credentials,
      action.verb,
      meta,
    );
    return { entity, job };
  }

  /** Refuses keys that are not plain argument keys or not on the allow-list. */
  private checkArgumentKeys(keys: string[]) {
    const { allowedArguments } = this.options.config.actions;
    for (const key of keys) {
      if (!isPlainArgumentKey(key)) {
        throw new InputError(
          `arguments: ${JSON.stringify(
            key.slice(0, 80),
          )} is not an argument key; a key is -- and then letters, digits, '_', '.' or '-', at most ${MAX_ARGUMENT_KEY_LENGTH} characters`,
        );
      }
      if (!this.isAllowedArgument(key)) {
        throw new InputError(
          allowedArguments.length === 0
            ? `arguments: '${key}' may not be overridden; no argument overrides are allowed (awsGlue.actions.allowedArguments is empty)`
            : `arguments: '${key}' may not be overridden; allowed: ${allowedArguments.join(
                ', ',
              )}`,
        );
      }
    }
  }

  /** The job a read names, once `aws-glue.job.read` allows it. */
  private async readableJob(options: JobRequestOptions): Promise<JobRef> {
    const entity = await this.entity(options);
    const job = resolveJob(entity, options.job);
    await this.authorize(
      entity,
      job,
      awsGlueJobReadPermission,
      options.credentials,
      'see the runs of',
    );
    return job;
  }

  /**
   * Throws a `NotAllowedError` saying why, unless the access service allows
   * `permission` on `target`; records what was decided in the audit meta.
   */
  private async authorize(
    entity: Entity,
    target: JobRef,
    permission: ResourcePermission<'catalog-entity'>,
    credentials: BackstageCredentials,
    action: string,
    meta?: AuditMeta,
  ): Promise<void> {
    const [decision] = await this.options.access.decide([
      { entity, target, permission, credentials },
    ]);
    if (meta) {
      meta.syncedEntityRefs = decision.syncedEntityRefs;
      meta.evaluatedOn = decision.evaluatedOn;
    }
    if (!decision.allowed) {
      if (meta) meta.reason = decision.reason ?? 'not allowed';
      throw new NotAllowedError(
        `You may not ${action} ${target.arn}: ${decision.reason}`,
      );
    }
  }

  /**
   * Runs an action inside an audit event. The meta holds the entity, job,
   * run id and argument KEYS only, never argument values.
   */
  private async audited<T>(
    eventId: string,
    request: Request | undefined,
    initialMeta: AuditMeta,
    action: (meta: AuditMeta) => Promise<T>,
  ): Promise<T> {
    const meta = { ...initialMeta };
    const event = await this.options.auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      ...(request ? { request } : {}),
      meta: { ...meta },
    });
    try {
      const result = await action(meta);
      await event.success({ meta: { ...meta } });
      return result;
    } catch (error) {
      await event.fail({ meta: { ...meta }, error: error as Error });
      throw error;
    }
  }
}
