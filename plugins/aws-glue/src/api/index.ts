export { awsGlueApiRef } from './AwsGlueApi';
export type {
  AwsGlueApi,
  GetGlueChainExecutionsOptions,
  GetGlueChainOptions,
  GetGlueFleetJobsOptions,
  GetGlueJobRunsOptions,
  GetGlueTrendsOptions,
  GetGlueWorkflowRunsOptions,
} from './AwsGlueApi';
export { AwsGlueClient } from './AwsGlueClient';
export type { AwsGlueClientOptions } from './AwsGlueClient';
