import {
  AuditorService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  awsGlueJobStartPermission,
  awsGlueJobStopPermission,
  GlueJob,
  GlueJobBookmarkResponse,
  GlueJobRun,
  GlueJobRunsResponse,
  GlueJobsResponse,
  GlueWorkflowRunsResponse,
  StartGlueJobRunResponse,
  StopGlueJobRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { Request } from 'express';
import { mapWithConcurrency } from '../../lib/concurrency';
import { AwsGlueBackendConfig } from '../../lib/config';
import { round6 } from '../../lib/cost';
import {
  decodeCursor,
  encodeCursor,
  queryKey,
  scanPages,
} from '../../lib/cursor';
import {
  jobRefsOf,
  loadEntity,
  resolveJob,
  resolveWorkflow,
} from '../../lib/entities';
import { createGlobMatcher } from '../../lib/globs';
import { JobRef, StoredJobRun, toGlueJobRun } from '../../lib/shapes';
import { GlueDataSource } from '../GlueDataSource';
import {
  ActionRequestOptions,
  EntityRequestOptions,
  GlueRunsService,
  JobRequestOptions,
  ListRunsOptions,
} from './GlueRunsService';

/** Options of {@link DefaultGlueRunsService}. */
export interface DefaultGlueRunsServiceOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  data: GlueDataSource;
  config: Pick<AwsGlueBackendConfig, 'actions' | 'pricing' | 'runs'>;
  /** The current time in ms (tests). */
  now?: () => number;
}

/** Concurrent Glue reads when an entity has many jobs. */
const JOBS_CONCURRENCY = 8;

/**
 * The default {@link GlueRunsService}: entity lookups with the caller's
 * credentials, job ARNs only from the entity's annotations, cached Glue reads
 * and permission-checked, audited actions.
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
    const jobs = jobRefsOf(entity);
    if (jobs.length === 0) {
      resolveJob(entity, undefined); // throws the "no Glue job" NotFoundError
    }
    const { startJobRun, stopJobRun } = this.options.config.actions;
    const [canStart, canStop] = await this.allowedActions(
      [
        startJobRun ? awsGlueJobStartPermission : undefined,
        stopJobRun ? awsGlueJobStopPermission : undefined,
      ],
      entity,
      options.credentials,
    );
    const { allowedArguments } = this.options.config.actions;
    const results = await mapWithConcurrency(
      jobs,
      JOBS_CONCURRENCY,
      async (job): Promise<GlueJob> => {
        const [stored, latest] = await Promise.all([
          this.options.data.getJob(job),
          this.options.data.getLatestRun(job),
        ]);
        const { nonOverridableArgumentKeys, ...summary } = stored;
        return {
          ...summary,
          ...(latest ? { latestRun: this.toRun(latest, job) } : {}),
          canStart,
          canStop,
          overridableArguments: allowedArguments.filter(
            key => !nonOverridableArgumentKeys.includes(key),
          ),
        };
      },
    );
    return { jobs: results };
  }

  async listRuns(options: ListRunsOptions): Promise<GlueJobRunsResponse> {
    const entity = await this.entity(options);
    const job = resolveJob(entity, options.job);
    const states = options.states?.length ? new Set(options.states) : undefined;
    const query = queryKey(
      'runs',
      job.arn,
      states ? [...states].sort().join(',') : '',
    );
    const start = options.nextToken
      ? decodeCursor(options.nextToken, query)
      : undefined;
    const result = await scanPages<StoredJobRun>({
      query,
      start,
      limit: options.limit,
      maxPages: this.options.config.runs.maxScanPages,
      idOf: run => run.id,
      filter: states ? run => states.has(run.state ?? '') : undefined,
      loadPage: async glueToken => {
        const page = await this.options.data.getRunsPage(job, glueToken);
        return { items: page.runs, nextToken: page.nextToken };
      },
    });
    const runs = result.items.map(run => this.toRun(run, job));
    const sum = (values: (number | undefined)[]) =>
      round6(values.reduce<number>((total, v) => total + (v ?? 0), 0));
    return {
      runs,
      ...(result.next ? { nextToken: encodeCursor(result.next) } : {}),
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
    const entity = await this.entity(options);
    const job = resolveJob(entity, options.job);
    const run = await this.options.data.getRun(job, options.runId);
    return this.toRun(run, job);
  }

  async getBookmark(
    options: JobRequestOptions,
  ): Promise<GlueJobBookmarkResponse> {
    const entity = await this.entity(options);
    const job = resolveJob(entity, options.job);
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
    const entity = await this.entity(options);
    const workflow = resolveWorkflow(entity);
    const query = queryKey('workflow-runs', workflow.arn);
    const start = options.nextToken
      ? decodeCursor(options.nextToken, query)
      : undefined;
    const page = await this.options.data.getWorkflowRuns(workflow, {
      limit: options.limit,
      glueToken: start?.glueToken,
    });
    return {
      workflowName: workflow.name,
      runs: page.runs,
      ...(page.nextToken
        ? {
            nextToken: encodeCursor({
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
        if (!this.options.config.actions.startJobRun) {
          throw new NotAllowedError(
            'Starting AWS Glue job runs is disabled; set awsGlue.actions.startJobRun: true in the backend config to enable it',
          );
        }
        const entity = await this.entity(options);
        const job = resolveJob(entity, options.job);
        meta.jobArn = job.arn;
        await this.authorize(
          awsGlueJobStartPermission,
          entity,
          options.credentials,
          'start runs of',
        );
        for (const key of argumentKeys) {
          if (!this.isAllowedArgument(key)) {
            throw new InputError(
              this.options.config.actions.allowedArguments.length === 0
                ? `arguments: '${key}' may not be overridden; no argument overrides are allowed (awsGlue.actions.allowedArguments is empty)`
                : `arguments: '${key}' may not be overridden; allowed: ${this.options.config.actions.allowedArguments.join(
                    ', ',
                  )}`,
            );
          }
        }
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
        if (!this.options.config.actions.stopJobRun) {
          throw new NotAllowedError(
            'Stopping AWS Glue job runs is disabled; set awsGlue.actions.stopJobRun: true in the backend config to enable it',
          );
        }
        const entity = await this.entity(options);
        const job = resolveJob(entity, options.job);
        meta.jobArn = job.arn;
        await this.authorize(
          awsGlueJobStopPermission,
          entity,
          options.credentials,
          'stop runs of',
        );
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

  private async isAllowed(
    permission: ResourcePermission<'catalog-entity'>,
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [allowed] = await this.allowedActions(
      [permission],
      entity,
      credentials,
    );
    return allowed;
  }

  /**
   * Whether the caller holds each permission on the entity, in one
   * authorize call; `undefined` entries (actions disabled in config) are false.
   */
  private async allowedActions(
    permissions: (ResourcePermission<'catalog-entity'> | undefined)[],
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<boolean[]> {
    const wanted = permissions.filter(
      (p): p is ResourcePermission<'catalog-entity'> => p !== undefined,
    );
    if (wanted.length === 0) {
      return permissions.map(() => false);
    }
    const resourceRef = stringifyEntityRef(entity);
    const decisions = await this.options.permissions.authorize(
      wanted.map(permission => ({ permission, resourceRef })),
      { credentials },
    );
    let next = 0;
    return permissions.map(p =>
      p === undefined
        ? false
        : decisions[next++]?.result === AuthorizeResult.ALLOW,
    );
  }

  private async authorize(
    permission: ResourcePermission<'catalog-entity'>,
    entity: Entity,
    credentials: BackstageCredentials,
    action: string,
  ): Promise<void> {
    if (!(await this.isAllowed(permission, entity, credentials))) {
      throw new NotAllowedError(
        `You are not allowed to ${action} the AWS Glue jobs of ${stringifyEntityRef(
          entity,
        )} (permission ${permission.name})`,
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
    initialMeta: { [key: string]: string | string[] },
    action: (meta: { [key: string]: string | string[] }) => Promise<T>,
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
