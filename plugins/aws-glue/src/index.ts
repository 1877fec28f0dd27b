/**
 * AWS Glue for Backstage: job, run history (with trends), chain and
 * workflow views on entity pages, trigger, crawler and team cards, and an
 * overview page; live through signals when the app has them.
 *
 * @packageDocumentation
 */
export {
  awsGluePlugin,
  AwsGluePage,
  EntityAwsGlueChainCard,
  EntityAwsGlueChainContent,
  EntityAwsGlueChainExecutionsContent,
  EntityAwsGlueCrawlerCard,
  EntityAwsGlueJobCard,
  EntityAwsGlueRunsContent,
  EntityAwsGlueScorecardCard,
  EntityAwsGlueTeamCard,
  EntityAwsGlueTriggerCard,
  EntityAwsGlueWorkflowContent,
} from './plugin';
export {
  isAwsGlueChainAvailable,
  isAwsGlueCrawlerAvailable,
  isAwsGlueExecutionsAvailable,
  isAwsGlueJobAvailable,
  isAwsGlueTeamAvailable,
  isAwsGlueTriggerAvailable,
  isAwsGlueWorkflowAvailable,
} from './conditions';
export { awsGlueApiRef, AwsGlueClient } from './api';
export type {
  AwsGlueApi,
  AwsGlueClientOptions,
  GetGlueChainExecutionsOptions,
  GetGlueChainOptions,
  GetGlueFleetJobsOptions,
  GetGlueJobRunsOptions,
  GetGlueTrendsOptions,
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
export type { EntityAwsGlueChainExecutionsContentProps } from './components/GlueChainExecutionsContent';
export type { EntityAwsGlueTriggerCardProps } from './components/GlueTriggerCard';
export type { EntityAwsGlueCrawlerCardProps } from './components/GlueCrawlerCard';
export type { EntityAwsGlueTeamCardProps } from './components/GlueTeamCard';
export type { EntityAwsGlueScorecardCardProps } from './components/GlueScorecardCard';
export type {
  GlueScorecardCheck,
  GlueScorecardCheckResult,
  GlueScorecardFact,
  GlueScorecardFactValue,
  GlueScorecardResponse,
} from './lib/scorecard';
export type { AwsGluePageProps } from './components/GlueJobsPage';
export { RunStatus } from './components/RunStatus';
export type { RunStatusProps } from './components/RunStatus';
