import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { awsGluePermissions } from '@aws-glue-backstage/plugin-aws-glue-common';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { registerGlueActions } from './actions/glueActions';
import { readAwsGlueBackendConfig } from './lib/config';
import { createRouter } from './router';
import { startRunIndexFeeds } from './runIndex/feeds';
import {
  glueChainServiceRef,
  glueFleetServiceRef,
  glueJobFactsServiceRef,
  glueRunIndexServiceRef,
  glueRunsServiceRef,
} from './services/refs';

/**
 * The AWS Glue backend plugin: run history, run details, chain state,
 * bookmarks and workflow runs of catalog entities, and starting/stopping runs
 * behind permissions. Mounted at `/api/aws-glue`. Its services are service
 * refs with default factories (see `services/refs.ts`): replace one with
 * `createServiceFactory` without forking the plugin.
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
        permissionsRegistry: coreServices.permissionsRegistry,
        runsService: glueRunsServiceRef,
        chainService: glueChainServiceRef,
        fleetService: glueFleetServiceRef,
        jobFactsService: glueJobFactsServiceRef,
        runIndex: glueRunIndexServiceRef,
        events: eventsServiceRef,
        scheduler: coreServices.scheduler,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        config,
        logger,
        httpRouter,
        httpAuth,
        permissionsRegistry,
        runsService,
        chainService,
        fleetService,
        jobFactsService,
        runIndex,
        events,
        scheduler,
        actionsRegistry,
      }) {
        permissionsRegistry.addPermissions(awsGluePermissions);
        // read once here too, so that a bad config fails at start-up
        const pluginConfig = readAwsGlueBackendConfig(config);
        httpRouter.use(
          await createRouter({
            httpAuth,
            runsService,
            chainService,
            fleetService,
            jobFactsService,
            config: pluginConfig,
          }),
        );
        registerGlueActions({
          actionsRegistry,
          runsService,
          chainService,
          fleetService,
          config: pluginConfig,
          logger,
        });
        await startRunIndexFeeds({
          index: runIndex,
          events,
          scheduler,
          logger,
          config: pluginConfig,
        });
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
