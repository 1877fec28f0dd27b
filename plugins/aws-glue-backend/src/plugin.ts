import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { awsGluePermissions } from '@aws-glue-backstage/plugin-aws-glue-common';
import { readAwsGlueBackendConfig } from './lib/config';
import { CursorCodec } from './lib/cursor';
import { cursorSigningKey, migratedDatabase } from './lib/database';
import { createRedactor } from './lib/redaction';
import { createRouter } from './router';
import { readAwsGlueProviderUnits } from '@aws-glue-backstage/plugin-aws-glue-node';
import { DefaultChainService } from './services/ChainService';
import { DefaultGlueAccessService } from './services/GlueAccessService';
import { DefaultGlueClientFactory } from './services/GlueClientFactory';
import { DefaultGlueDataSource } from './services/GlueDataSource';
import { DefaultGlueRunsService } from './services/GlueRunsService';

/**
 * The AWS Glue backend plugin: run history, run details, chain state,
 * bookmarks and workflow runs of catalog entities, and starting/stopping runs
 * behind permissions. Mounted at `/api/aws-glue`.
 *
 * @public
 */
export const awsGluePlugin = createBackendPlugin({
  pluginId: 'aws-glue',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        cache: coreServices.cache,
        auditor: coreServices.auditor,
        database: coreServices.database,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        httpRouter,
        httpAuth,
        auth,
        permissions,
        permissionsRegistry,
        cache,
        auditor,
        database,
        catalog,
      }) {
        permissionsRegistry.addPermissions(awsGluePermissions);

        const pluginConfig = readAwsGlueBackendConfig(config);
        const clients = DefaultGlueClientFactory.fromConfig(
          config,
          pluginConfig,
        );
        const data = new DefaultGlueDataSource({
          clients,
          cache,
          logger,
          redactor: createRedactor(pluginConfig.redaction),
          callTimeoutMs: pluginConfig.timeouts.callMs,
          ttls: pluginConfig.cache,
        });
        const units = readAwsGlueProviderUnits(config);
        const access = new DefaultGlueAccessService({
          catalog,
          permissions,
          auth,
          units,
          requireSyncedEntity: pluginConfig.actions.requireSyncedEntity,
        });
        const knex = await migratedDatabase(database);
        const runsService = new DefaultGlueRunsService({
          catalog,
          access,
          auditor,
          logger,
          data,
          units,
          cursors: new CursorCodec(
            await cursorSigningKey(knex, pluginConfig.cursorSigningKey),
          ),
          config: pluginConfig,
        });
        const chainService = new DefaultChainService({
          catalog,
          access,
          data,
          logger,
          config: pluginConfig,
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            runsService,
            chainService,
            config: pluginConfig,
          }),
        );
        logger.info(
          `AWS Glue backend ready (start runs: ${
            pluginConfig.actions.startJobRun ? 'on' : 'off'
          }, stop runs: ${pluginConfig.actions.stopJobRun ? 'on' : 'off'}${
            pluginConfig.endpoint ? `, endpoint ${pluginConfig.endpoint}` : ''
          })`,
        );
      },
    });
  },
});
