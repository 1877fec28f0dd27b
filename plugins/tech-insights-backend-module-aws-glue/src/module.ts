import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { readRetrieverOptions } from './lib/config';
import { createAwsGlueJobFactRetriever } from './lib/retriever';
import { AWS_GLUE_JOB_FACTS_ID } from './lib/schema';

/**
 * Adds the `aws-glue-job-facts` fact retriever to Tech Insights: facts of
 * every AWS Glue job entity from the AWS Glue backend plugin. Tech Insights
 * schedules it only when `techInsights.factRetrievers.aws-glue-job-facts`
 * has a `cadence`.
 *
 * @public
 */
export const techInsightsModuleAwsGlue = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'aws-glue',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        techInsights: techInsightsFactRetrieversExtensionPoint,
      },
      async init({ config, logger, techInsights }) {
        const options = readRetrieverOptions(config);
        techInsights.addFactRetrievers({
          [AWS_GLUE_JOB_FACTS_ID]: createAwsGlueJobFactRetriever(options),
        });
        if (
          !config.has(`techInsights.factRetrievers.${AWS_GLUE_JOB_FACTS_ID}`)
        ) {
          logger.warn(
            `The AWS Glue job facts are not retrieved: set techInsights.factRetrievers.${AWS_GLUE_JOB_FACTS_ID}.cadence (e.g. '0 * * * *')`,
          );
        }
      },
    });
  },
});
