/*
 * The plugin's services as service refs with default factories, so that an
 * adopter can replace one (say, a GlueDataSource that reads through a proxy,
 * or a GlueAccessService with its own rules) with
 * `backend.add(createServiceFactory({ service: glueDataSourceServiceRef, ... }))`
 * instead of forking the plugin.
 */
import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { readAwsGlueProviderUnits } from '@aws-glue-backstage/plugin-aws-glue-node';
import { readAwsGlueBackendConfig } from '../lib/config';
import { cursorCodecOf, migratedDatabase } from '../lib/database';
import { createRedactor } from '../lib/redaction';
import { GlueRunReader } from '../runIndex/GlueRunReader';
import { RunIndex } from '../runIndex/RunIndex';
import { RunNotifier } from '../runIndex/RunNotifier';
import { RunStore } from '../runIndex/RunStore';
import { WorkflowRunStore } from '../runIndex/WorkflowRunStore';
import { RunTriage } from './GlueRunsService/RunTriage';
import { JobDefinitionStore } from '../runIndex/JobDefinitions';
import { FleetJobTable } from '../runIndex/FleetJobs';
import { SyncedJobDirectory } from '../runIndex/SyncedJobs';
import { ChainService, DefaultChainService } from './ChainService';
import {
  DefaultGlueAccessService,
  GlueAccessService,
} from './GlueAccessService';
import {
  DefaultGlueClientFactory,
  GlueClientFactory,
} from './GlueClientFactory';
import { DefaultGlueDataSource, GlueDataSource } from './GlueDataSource';
import { DefaultGlueFleetService, GlueFleetService } from './GlueFleetService';
import { DefaultGlueRunsService, GlueRunsService } from './GlueRunsService';
import {
  DefaultGlueJobFactsService,
  GlueJobFactsService,
} from './GlueJobFactsService';

/**
 * Glue clients, one per account x region.
 *
 * @public
 */
export const glueClientFactoryServiceRef = createServiceRef<GlueClientFactory>({
  id: 'aws-glue.client-factory',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) =>
        DefaultGlueClientFactory.fromConfig(
          config,
          readAwsGlueBackendConfig(config),
        ),
    }),
});

/**
 * The run index: the plugin's store of every Glue run, the way every feed
 * records runs into it, and the Glue reader its feeds use.
 *
 * @public
 */
export const glueRunIndexServiceRef = createServiceRef<RunIndex>({
  id: 'aws-glue.run-index',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        logger: coreServices.logger,
        clients: glueClientFactoryServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
      },
      factory: async deps => {
        const pluginConfig = readAwsGlueBackendConfig(deps.config);
        const knex = await migratedDatabase(deps.database);
        const store = new RunStore(knex);
        const fleetJobs = new FleetJobTable(knex, deps.logger);
        const definitions = new JobDefinitionStore(knex, deps.logger);
        return new RunIndex({
          store,
          workflowRuns: new WorkflowRunStore(knex),
          jobs: new SyncedJobDirectory({
            catalog: deps.catalog,
            auth: deps.auth,
            units: readAwsGlueProviderUnits(deps.config),
            onLoad: jobs => {
              void fleetJobs.replace(jobs);
              void definitions.record(jobs);
            },
            onFound: job => {
              void fleetJobs.add(job);
              void definitions.record([job]);
            },
          }),
          fleetJobs,
          definitions,
          notifier: new RunNotifier({
            store,
            notifications: deps.notifications,
            logger: deps.logger,
            config: pluginConfig.notifications,
          }),
          signals: deps.signals,
          logger: deps.logger,
          reader: new GlueRunReader({
            clients: deps.clients,
            redactor: createRedactor(pluginConfig.redaction),
            callTimeoutMs: pluginConfig.timeouts.callMs,
            concurrency: pluginConfig.runIndex.concurrency,
          }),
          enabled: pluginConfig.runIndex.enabled,
        });
      },
    }),
});

/**
 * Glue reads and actions behind the cache.
 *
 * @public
 */
export const glueDataSourceServiceRef = createServiceRef<GlueDataSource>({
  id: 'aws-glue.data-source',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        cache: coreServices.cache,
        logger: coreServices.logger,
        clients: glueClientFactoryServiceRef,
        runIndex: glueRunIndexServiceRef,
      },
      factory: ({ config, cache, logger, clients, runIndex }) => {
        const pluginConfig = readAwsGlueBackendConfig(config);
        return new DefaultGlueDataSource({
          clients,
          cache,
          logger,
          redactor: createRedactor(pluginConfig.redaction),
          callTimeoutMs: pluginConfig.timeouts.callMs,
          ttls: pluginConfig.cache,
          onRunsLoaded: (job, runs) => runIndex.recordRead(job, runs),
          onWorkflowRunsLoaded: (workflow, runs) =>
            runIndex.recordWorkflowRead(workflow, runs),
        });
      },
    }),
});

/**
 * Decides what a caller may see and do with a Glue job (the trust model).
 *
 * @public
 */
export const glueAccessServiceRef = createServiceRef<GlueAccessService>({
  id: 'aws-glue.access',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        permissions: coreServices.permissions,
        auth: coreServices.auth,
        runIndex: glueRunIndexServiceRef,
      },
      factory: ({ config, catalog, permissions, auth, runIndex }) =>
        new DefaultGlueAccessService({
          catalog,
          permissions,
          auth,
          jobs: runIndex.jobs,
          units: readAwsGlueProviderUnits(config),
          requireSyncedEntity:
            readAwsGlueBackendConfig(config).actions.requireSyncedEntity,
        }),
    }),
});

/**
 * Job runs, bookmarks and workflow runs of entities; starting and stopping runs.
 *
 * @public
 */
export const glueRunsServiceRef = createServiceRef<GlueRunsService>({
  id: 'aws-glue.runs',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
        database: coreServices.database,
        access: glueAccessServiceRef,
        data: glueDataSourceServiceRef,
        runIndex: glueRunIndexServiceRef,
        clients: glueClientFactoryServiceRef,
      },
      factory: async ({ config, database, runIndex, clients, ...deps }) => {
        const pluginConfig = readAwsGlueBackendConfig(config);
        return new DefaultGlueRunsService({
          ...deps,
          store: runIndex.store,
          workflowRuns: runIndex.workflowRuns,
          triage: new RunTriage({
            clients,
            redactor: createRedactor(pluginConfig.redaction),
            logger: deps.logger,
            store: runIndex.enabled ? runIndex.store : undefined,
            definitions: runIndex.definitions,
            logLines: pluginConfig.triage.logLines,
            callTimeoutMs: pluginConfig.timeouts.callMs,
          }),
          units: readAwsGlueProviderUnits(config),
          cursors: await cursorCodecOf(database, pluginConfig.cursorSigningKey),
          config: pluginConfig,
        });
      },
    }),
});

/**
 * The chain around an entity, with each job's latest run.
 *
 * @public
 */
export const glueChainServiceRef = createServiceRef<ChainService>({
  id: 'aws-glue.chain',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        logger: coreServices.logger,
        access: glueAccessServiceRef,
        data: glueDataSourceServiceRef,
        runIndex: glueRunIndexServiceRef,
      },
      factory: ({ config, runIndex, ...deps }) =>
        new DefaultChainService({
          ...deps,
          store: runIndex.enabled ? runIndex.store : undefined,
          directory: runIndex.jobs,
          units: readAwsGlueProviderUnits(config),
          config: readAwsGlueBackendConfig(config),
        }),
    }),
});

/**
 * Fleet-wide views from the run index: the overview, trends, team summaries.
 *
 * @public
 */
export const glueFleetServiceRef = createServiceRef<GlueFleetService>({
  id: 'aws-glue.fleet',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        catalog: catalogServiceRef,
        access: glueAccessServiceRef,
        runIndex: glueRunIndexServiceRef,
      },
      factory: async ({ config, database, catalog, access, runIndex }) => {
        const pluginConfig = readAwsGlueBackendConfig(config);
        return new DefaultGlueFleetService({
          catalog,
          access,
          store: runIndex.store,
          jobs: runIndex.jobs,
          fleetJobs: runIndex.fleetJobs,
          units: readAwsGlueProviderUnits(config),
          cursors: await cursorCodecOf(database, pluginConfig.cursorSigningKey),
          pricing: pluginConfig.pricing,
        });
      },
    }),
});

/**
 * Facts about every synced Glue job for scorecards (Tech Insights): success
 * rates, p95 duration, DPU-hours and cost, days since the last success,
 * bookmark, retries, timeout and owner.
 *
 * @public
 */
export const glueJobFactsServiceRef = createServiceRef<GlueJobFactsService>({
  id: 'aws-glue.job-facts',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        runIndex: glueRunIndexServiceRef,
      },
      factory: async ({ config, database, catalog, auth, runIndex }) => {
        const pluginConfig = readAwsGlueBackendConfig(config);
        return new DefaultGlueJobFactsService({
          catalog,
          auth,
          store: runIndex.store,
          jobs: runIndex.jobs,
          cursors: await cursorCodecOf(database, pluginConfig.cursorSigningKey),
          pricing: pluginConfig.pricing,
        });
      },
    }),
});
