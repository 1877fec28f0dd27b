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
import { readAwsGlueProviderUnits } from '@aws-glue-backstage/plugin-aws-glue-node';
import { readAwsGlueBackendConfig } from '../lib/config';
import { CursorCodec } from '../lib/cursor';
import { cursorSigningKey, migratedDatabase } from '../lib/database';
import { createRedactor } from '../lib/redaction';
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
import { DefaultGlueRunsService, GlueRunsService } from './GlueRunsService';

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
      },
      factory: ({ config, cache, logger, clients }) => {
        const pluginConfig = readAwsGlueBackendConfig(config);
        return new DefaultGlueDataSource({
          clients,
          cache,
          logger,
          redactor: createRedactor(pluginConfig.redaction),
          callTimeoutMs: pluginConfig.timeouts.callMs,
          ttls: pluginConfig.cache,
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
      },
      factory: ({ config, catalog, permissions, auth }) =>
        new DefaultGlueAccessService({
          catalog,
          permissions,
          auth,
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
      },
      factory: async ({ config, database, ...deps }) => {
        const pluginConfig = readAwsGlueBackendConfig(config);
        const knex = await migratedDatabase(database);
        return new DefaultGlueRunsService({
          ...deps,
          units: readAwsGlueProviderUnits(config),
          cursors: new CursorCodec(
            await cursorSigningKey(knex, pluginConfig.cursorSigningKey),
          ),
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
      },
      factory: ({ config, ...deps }) =>
        new DefaultChainService({
          ...deps,
          config: readAwsGlueBackendConfig(config),
        }),
    }),
});
