export { awsGlueApiRef } from './AwsGlueApi';
export type {
  AwsGlueApi,
  GetGlueChainOptions,
  GetGlueFleetJobsOptions,
  GetGlueJobRunsOptions,
  GetGlueTrendsOptions,
  GetGlueWorkflowRunsOptions,
} from './AwsGlueApi';
export { AwsGlueClient } from './AwsGlueClient';
export type { AwsGlueClientOptions } from './AwsGlueClient';
