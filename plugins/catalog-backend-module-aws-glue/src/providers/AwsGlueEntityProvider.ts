import {
  awsClientConfig,
  awsGlueProviderLocation,
  awsGlueProviderName,
  credentialsForAccount,
} from '@aws-glue-backstage/plugin-aws-glue-node';
import { GlueClient } from '@aws-sdk/client-glue';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, stringifyError } from '@backstage/errors';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import {
  CatalogService,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { buildEntities } from '../lib/buildEntities';
import { AwsGlueTransformers } from '../lib/types';
import { AwsGlueProviderConfig, readProviderConfigs } from './config';
import { CallCounter, GlueClients, readGlueInventory } from './GlueReader';
import { scheduleTimeoutMs, timeoutAdvice } from './syncTimeout';

/** Why a cancelled sync applies nothing. */
const ABORTED = 'the sync outlived its task timeout (aborted)';

/**
 * Options for {@link AwsGlueEntityProvider.fromConfig}.
 *
 * @public
 */
export interface AwsGlueEntityProviderOptions {
  logger: LoggerService;
  /** Runs each account x region on its schedule. Without it, call `refresh` yourself. */
  scheduler?: SchedulerService;
  /** Used when a provider's config has no `schedule`. */
  schedule?: SchedulerServiceTaskScheduleDefinition;
  /** Lets the removal guard see what the catalog holds after a restart. */
  catalog?: CatalogService;
  auth?: AuthService;
  transformers?: AwsGlueTransformers;
  credentialsManager?: AwsCredentialsManager;
}

/**
 * What one sync of one account x region did.
 *
 * @public
 */
export interface AwsGlueSyncResult {
  /** Whether the entities were applied to the catalog. */
  applied: boolean;
  /** Why they were not, when they were not. */
  reason?: string;
  entities: number;
  counts: Record<string, number>;
  /** Glue and tagging API calls by operation. */
  calls: Record<string, number>;
  durationMs: number;
}

/**
 * Syncs the Glue jobs, triggers, workflows, crawlers and datasets of one AWS
 * account and region into the catalog. {@link AwsGlueEntityProvider.fromConfig}
 * returns one provider per configured region, so each account x region is
 * read and applied as its own unit: a failed read of one leaves its entities
 * exactly as they were while the others update.
 *
 * @public
 */
export class AwsGlueEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private clients?: Promise<GlueClients>;
  /** The refs applied by the last successful sync of this process. */
  private lastApplied?: Set<string>;
  /** Whether the too-long-timeout warning was given (once per process). */
  private advisedLongTimeout = false;
  private readonly logger: LoggerService;

  /**
   * One provider per provider id x region under `catalog.providers.awsGlue`.
   * Throws an `InputError` naming the config path when the config is invalid.
   */
  static fromConfig(
    config: Config,
    options: AwsGlueEntityProviderOptions,
  ): AwsGlueEntityProvider[] {
    const credentialsManager =
      options.credentialsManager ??
      DefaultAwsCredentialsManager.fromConfig(config);
    return readProviderConfigs(config).flatMap(providerConfig => {
      const schedule = providerConfig.schedule ?? options.schedule;
      if (options.scheduler && !schedule) {
        throw new InputError(
          `Invalid config at catalog.providers.awsGlue.${providerConfig.id}: no schedule; set schedule in config or pass one to the module`,
        );
      }
      return providerConfig.regions.map(region => {
        const taskRunner =
          options.scheduler && schedule
            ? options.scheduler.createScheduledTaskRunner(schedule)
            : undefined;
        return new AwsGlueEntityProvider(
          providerConfig,
          region,
          credentialsManager,
          options,
          taskRunner,
          taskRunner && schedule ? scheduleTimeoutMs(schedule) : undefined,
        );
      });
    });
  }

  private constructor(
    private readonly config: AwsGlueProviderConfig,
    private readonly region: string,
    private readonly credentialsManager: AwsCredentialsManager,
    private readonly options: AwsGlueEntityProviderOptions,
    private readonly taskRunner?: SchedulerServiceTaskRunner,
    /** The sync task's timeout, when the scheduler runs it. */
    private readonly timeoutMs?: number,
  ) {
    this.logger = options.logger.child({ target: this.getProviderName() });
  }

  getProviderName(): string {
    return awsGlueProviderName(this.config.id, this.region);
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    if (!this.taskRunner) {
      return;
    }
    await this.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async (signal: AbortSignal) => {
        try {
          await this.refresh({ signal });
        } catch (error) {
          this.logger.error(`Glue sync failed: ${stringifyError(error)}`);
        }
      },
    });
  }

  private getClients(): Promise<GlueClients> {
    this.clients ??= (async () => {
      try {
        const config = awsClientConfig({
          region: this.region,
          endpoint: this.config.endpoint,
          credentials: await credentialsForAccount(
            this.credentialsManager,
            this.config.accountId,
          ),
          maxAttempts: this.config.maxAttempts,
          component: 'catalog',
        });
        return {
          glue: new GlueClient(config),
          tagging: new ResourceGroupsTaggingAPIClient(config),
        };
      } catch (error) {
        this.clients = undefined; // try again on the next sync
        throw error;
      }
    })();
    return this.clients;
  }

  /** The refs this unit owns in the catalog now, or `undefined` when that cannot be known. */
  private async previousRefs(): Promise<Set<string> | undefined> {
    if (this.lastApplied) {
      return this.lastApplied;
    }
    const { catalog, auth } = this.options;
    if (!catalog || !auth) {
      return undefined;
    }
    try {
      const response = await catalog.getEntities(
        {
          // The location only this provider's entities carry (the catalog
          // rewrites it on entities read from files and URLs), not an
          // annotation anyone can copy onto a hand-written entity.
          filter: {
            [`metadata.annotations.${ANNOTATION_LOCATION}`]:
              awsGlueProviderLocation(this.getProviderName()),
          },
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            `metadata.annotations.${ANNOTATION_LOCATION}`,
          ],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      const location = awsGlueProviderLocation(this.getProviderName());
      return new Set(
        response.items
          // filters compare case-insensitively; the location must match exactly
          .filter(
            e => e.metadata.annotations?.[ANNOTATION_LOCATION] === location,
          )
          .map(e => stringifyEntityRef(e)),
      );
    } catch (error) {
      this.logger.warn(
        `Could not read this provider's current entities from the catalog: ${stringifyError(
          error,
        )}`,
      );
      return undefined;
    }
  }

  /** Why applying `next` must not happen, if it must not. */
  private guard(
    next: Entity[],
    previous: Set<string> | undefined,
  ): string | undefined {
    if (next.length === 0) {
      if (previous === undefined) {
        return 'the read returned no resources and the current catalog state is unknown';
      }
      if (previous.size > 0) {
        return `the read returned no resources where the catalog has ${previous.size} entities`;
      }
      return undefined;
    }
    if (!previous || previous.size === 0) {
      return undefined;
    }
    const nextRefs = new Set(next.map(e => stringifyEntityRef(e)));
    let removed = 0;
    for (const ref of previous) {
      if (!nextRefs.has(ref)) removed++;
    }
    const share = removed / previous.size;
    if (share > this.config.maxRemovalShare) {
      return `it would remove ${removed} of ${
        previous.size
      } entities (${Math.round(
        share * 100,
      )}%), more than removalGuard.maxRemovalShare allows (${Math.round(
        this.config.maxRemovalShare * 100,
      )}%)`;
    }
    return undefined;
  }

  /**
   * Reads this account x region and applies it to the catalog. A failed read
   * throws and applies nothing; a read the removal guard refuses applies
   * nothing and says why.
   */
  async refresh(
    options: { signal?: AbortSignal } = {},
  ): Promise<AwsGlueSyncResult> {
    if (!this.connection) {
      throw new Error(
        `${this.getProviderName()} is not connected to the catalog`,
      );
    }
    const started = Date.now();
    const counter = new CallCounter();
    const clients = await this.getClients();
    counter.attach(clients.glue);
    counter.attach(clients.tagging);
    const unit = {
      partition: this.config.partition,
      accountId: this.config.accountId,
      region: this.region,
    };

    let inventory;
    /** Cancelled (task timeout, shutdown): every call stopped with it, nothing applied. */
    const aborted = () =>
      this.notApplied(ABORTED, {
        entities: 0,
        counts: {},
        calls: { ...counter.calls },
        durationMs: Date.now() - started,
      });
    try {
      inventory = await readGlueInventory(clients, unit, {
        signal: options.signal,
        maxPages: this.config.maxPages,
        maxPagesConfigKey: `${this.config.path}.maxPagesPerListing`,
        taggingConcurrency: this.config.taggingConcurrency,
        // a transformer gets the Glue object whole; the others keep what the mapping reads
        keepWhole: {
          job: !!this.options.transformers?.job,
          trigger: !!this.options.transformers?.trigger,
          workflow: !!this.options.transformers?.workflow,
          crawler: !!this.options.transformers?.crawler,
        },
      });
    } catch (error) {
      if (options.signal?.aborted) {
        return aborted();
      }
      this.logger.error(
        `Reading Glue failed; this account and region keep their entities as they are: ${stringifyError(
          error,
        )}`,
        { calls: JSON.stringify(counter.calls) },
      );
      throw error;
    }
    if (options.signal?.aborted) {
      // cancelled as the read ended: not worth mapping
      return aborted();
    }

    const { entities, warnings, counts } = await buildEntities(inventory, {
      providerId: this.getProviderName(),
      namespace: this.config.namespace,
      nameTemplate: this.config.nameTemplate,
      filters: this.config.filters,
      ownership: this.config.ownership,
      lifecycle: this.config.lifecycle,
      system: this.config.system,
      workflowsAsSystems: this.config.workflowsAsSystems,
      lineage: this.config.lineage,
      redactor: this.config.redactor,
      transformers: this.options.transformers,
    });
    for (const warning of warnings.slice(0, 20)) {
      this.logger.warn(warning);
    }
    if (warnings.length > 20) {
      this.logger.warn(
        `... and ${warnings.length - 20} more warnings like these`,
      );
    }

    const previous = await this.previousRefs();
    const reason = this.guard(entities, previous);
    const durationMs = Date.now() - started;
    const summary = {
      entities: entities.length,
      counts,
      calls: { ...counter.calls },
      durationMs,
    };
    // A sync that outlived its task timeout must not apply: another replica
    // may already hold the task and be syncing.
    if (options.signal?.aborted) {
      return this.notApplied(ABORTED, summary);
    }
    if (reason) {
      this.logger.warn(
        `Glue sync not applied, keeping the current entities: ${reason}`,
        {
          counts: JSON.stringify(counts),
        },
      );
      return { applied: false, reason, ...summary };
    }

    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.lastApplied = new Set(entities.map(e => stringifyEntityRef(e)));
    this.logger.info(
      `Glue sync applied ${entities.length} entities (${Object.entries(counts)
        .map(([kind, n]) => `${n} ${kind}s`)
        .join(', ')}) with ${counter.total} API calls in ${durationMs} ms`,
      { calls: JSON.stringify(counter.calls) },
    );
    this.adviseOnTimeout(Date.now() - started);
    return { applied: true, ...summary };
  }

  /**
   * Warns when the task timeout does not fit the sync just made (read,
   * mapping and apply): too short, every time; too long for a quick
   * takeover after a replica dies mid-sync, once.
   */
  private adviseOnTimeout(syncMs: number) {
    if (this.timeoutMs === undefined) return;
    const advice = timeoutAdvice({
      timeoutMs: this.timeoutMs,
      syncMs,
      path: this.config.path,
    });
    if (!advice || (advice.kind === 'too-long' && this.advisedLongTimeout)) {
      return;
    }
    this.advisedLongTimeout ||= advice.kind === 'too-long';
    this.logger.warn(advice.message, { syncMs, timeoutMs: this.timeoutMs });
  }

  private notApplied(
    reason: string,
    summary: Omit<AwsGlueSyncResult, 'applied' | 'reason'>,
  ): AwsGlueSyncResult {
    this.logger.warn(`Glue sync not applied: ${reason}`);
    return { applied: false, reason, ...summary };
  }
}
