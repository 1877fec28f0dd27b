/**
 * Tech Insights backend module: facts about AWS Glue jobs from the AWS Glue
 * backend plugin's run index, and a default check set (see the README).
 *
 * @packageDocumentation
 */
export { techInsightsModuleAwsGlue as default } from './module';
export { techInsightsModuleAwsGlue } from './module';
export {
  createAwsGlueJobFactRetriever,
  techInsightsFactsOf,
  type AwsGlueJobFactRetrieverOptions,
} from './lib/retriever';
export { readJobFactsPage } from './lib/jobFactsPage';
export { AWS_GLUE_JOB_FACTS_ID, awsGlueJobFactSchema } from './lib/schema';
export {
  awsGlueDefaultChecks,
  AWS_GLUE_CHECK_ID_PREFIX,
  type AwsGlueCheckCondition,
  type AwsGlueCheckThresholds,
} from './lib/checks';
