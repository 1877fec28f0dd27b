/**
 * AWS Glue for Backstage: job, run history, chain and workflow views on
 * entity pages, trigger and crawler cards, and an overview page.
 *
 * @packageDocumentation
 */
export {
  awsGluePlugin,
  AwsGluePage,
  EntityAwsGlueChainCard,
  EntityAwsGlueChainContent,
  EntityAwsGlueCrawlerCard,
  EntityAwsGlueJobCard,
  EntityAwsGlueRunsContent,
  EntityAwsGlueTriggerCard,
  EntityAwsGlueWorkflowContent,
} from './plugin';
export {
  isAwsGlueChainAvailable,
  isAwsGlueCrawlerAvailable,
  isAwsGlueJobAvailable,
  isAwsGlueTriggerAvailable,
  isAwsGlueWorkflowAvailable,
} from './conditions';
export { awsGlueApiRef, AwsGlueClient } from './api';
export type {
  AwsGlueApi,
  AwsGlueClientOptions,
  GetGlueChainOptions,
  GetGlueJobRunsOptions,
  GetGlueWorkflowRunsOptions,
} from './api';
export { rootRouteRef as awsGlueRootRouteRef } from './routes';
export type { EntityAwsGlueJobCardProps } from './components/GlueJobCard';
export type { EntityAwsGlueRunsContentProps } from './components/GlueRunsContent';
export type {
  ChainDirection,
  EntityAwsGlueChainContentProps,
} from './components/GlueChainContent';
export type { EntityAwsGlueChainCardProps } from './components/GlueChainCard';
export type { EntityAwsGlueWorkflowContentProps } from './components/GlueWorkflowContent';
export type { EntityAwsGlueTriggerCardProps } from './components/GlueTriggerCard';
export type { EntityAwsGlueCrawlerCardProps } from './components/GlueCrawlerCard';
export type { AwsGluePageProps } from './components/GlueJobsPage';
export { RunStatus } from './components/RunStatus';
export type { RunStatusProps } from './components/RunStatus';
