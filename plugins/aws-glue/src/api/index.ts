export { awsGlueApiRef } from './AwsGlueApi';
export type {
  AwsGlueApi,
  GetGlueChainOptions,
  GetGlueJobRunsOptions,
  GetGlueWorkflowRunsOptions,
} from './AwsGlueApi';
export { AwsGlueClient } from './AwsGlueClient';
export type { AwsGlueClientOptions } from './AwsGlueClient';
