import {
  coreServices,
  createBackendModule,
  createExtensionPoint,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { AwsGlueEntityProvider } from './providers/AwsGlueEntityProvider';
import { AwsGlueTransformers } from './lib/types';

/**
 * Lets other modules replace parts of the Glue-to-entity mapping.
 *
 * @public
 */
export interface AwsGlueCatalogExtensionPoint {
  /** Sets transformers for some resource kinds; later calls override earlier ones per kind. */
  setTransformers(transformers: AwsGlueTransformers): void;
}

/**
 * Extension point of the AWS Glue catalog module.
 *
 * @public
 */
export const awsGlueCatalogExtensionPoint =
  createExtensionPoint<AwsGlueCatalogExtensionPoint>({
    id: 'catalog.aws-glue.transformers',
  });

/**
 * Registers an {@link AwsGlueEntityProvider} per account x region configured
 * under `catalog.providers.awsGlue`.
 *
 * @public
 */
export const catalogModuleAwsGlueEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aws-glue-entity-provider',
  register(env) {
    let transformers: AwsGlueTransformers = {};
    env.registerExtensionPoint(awsGlueCatalogExtensionPoint, {
      setTransformers(next) {
        transformers = { ...transformers, ...next };
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, scheduler, auth, catalog, processing }) {
        const providers = AwsGlueEntityProvider.fromConfig(config, {
          logger,
          scheduler,
          auth,
          catalog,
          transformers,
        });
        processing.addEntityProvider(providers);
      },
    });
  },
});
