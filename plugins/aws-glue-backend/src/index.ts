/**
 * The AWS Glue backend plugin for Backstage.
 *
 * @packageDocumentation
 */
export { awsGluePlugin as default, awsGluePlugin } from './plugin';
export {
  glueAccessServiceRef,
  glueChainServiceRef,
  glueClientFactoryServiceRef,
  glueDataSourceServiceRef,
  glueFleetServiceRef,
  glueJobFactsServiceRef,
  glueRunIndexServiceRef,
  glueRunsServiceRef,
} from './services/refs';
export * from './services/ChainService';
export * from './services/GlueAccessService';
export * from './services/GlueClientFactory';
export * from './services/GlueDataSource';
export * from './services/GlueFleetService';
export * from './services/GlueJobFactsService';
export * from './services/GlueRunsService';
/*
 * The run index behind glueRunIndexServiceRef. Its parts are exported as types
 * only, so that the signatures above name exported types.
 */
export { RunIndex } from './runIndex/RunIndex';
export type { RunSource } from './runIndex/RunIndex';
export type { GlueRunReader } from './runIndex/GlueRunReader';
export type { RunNotifier } from './runIndex/RunNotifier';
export type { RunStore } from './runIndex/RunStore';
export type { SyncedJobDirectory } from './runIndex/SyncedJobs';
export type { WorkflowRunStore } from './runIndex/WorkflowRunStore';
/** The fields of the run index's catalog read, for the bench to make the same read. */
export { SYNCED_JOB_FIELDS } from './runIndex/SyncedJobs';
/*
 * Types that the exported services' signatures name, exported so that
 * implementations outside this package can name them too.
 */
export type {
  AwsGlueBackendConfig,
  NotificationsConfig,
  RunIndexConfig,
} from './lib/config';
export type { GluePricing } from './lib/cost';
export type { Cursor, CursorCodec } from './lib/cursor';
export type { StoredRunsAfter } from './lib/storePages';
export type { GlueCallOptions } from './lib/glueCalls';
export type { Redactor } from './lib/redaction';
export type { JobRef, StoredJob, StoredJobRun } from './lib/shapes';
export type { ChainWalk } from './services/ChainService/DefaultChainService';
export type {
  RunTriage,
  RunTriageOptions,
} from './services/GlueRunsService/RunTriage';
export type {
  FleetEntry,
  FleetFilter,
  FleetJobFacts,
  FleetJobTable,
  FleetPage,
} from './runIndex/FleetJobs';
export type {
  JOB_DEFINITION_FIELDS,
  JobDefinition,
  JobDefinitionStore,
} from './runIndex/JobDefinitions';
export type { FreshRunsPage } from './runIndex/GlueRunReader';
export type {
  IndexedRun,
  JobProgress,
  LatestRunState,
  NotificationKind,
  RunChange,
  RunFacts,
} from './runIndex/RunStore';
export type { SyncedJob } from './runIndex/SyncedJobs';
