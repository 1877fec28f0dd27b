/**
 * A local AWS-Glue-compatible endpoint (AWS JSON 1.1) for development, tests
 * and benchmarks.
 *
 * @packageDocumentation
 */

export {
  startGlueEmulator,
  createEmulatorState,
  DEFAULT_SEED,
} from './emulator';
export type {
  GlueEmulator,
  GlueEmulatorOptions,
  GlueEmulatorEvents,
  EmulatorState,
  EmulatorSummary,
} from './emulator';
/** The secrets in every failed run's log, for tests that prove they are redacted. */
export { LOG_SECRETS } from './logs';
export {
  glueJobStateChangeEvent,
  glueCrawlerStateChangeEvent,
  jobEventSeverity,
  jobEventMessage,
  eventTime,
  crawlerLogLink,
  GLUE_EVENT_SOURCE,
  JOB_STATE_CHANGE,
  CRAWLER_STATE_CHANGE,
} from './events/envelope';
export type {
  GlueEventBridgeEnvelope,
  EventBridgeEnvelope,
  GlueJobStateChangeEvent,
  GlueJobStateChangeDetail,
  GlueJobStateChangeInput,
  GlueCrawlerStateChangeEvent,
  GlueCrawlerStateChangeDetail,
  GlueCrawlerStateChangeInput,
  GlueCrawlerEventState,
  GlueEventSeverity,
  EventTime,
} from './events/envelope';
export { RECENT_EVENTS } from './events/hub';
export type {
  GlueEventStats,
  EmittedGlueEvent,
  GlueEventSettings,
} from './events/hub';
export type { EventDeliveryOptions } from './events/outbox';
export {
  EMULATOR_OUTCOME_ARGUMENT,
  EMULATOR_ERROR_MESSAGE_ARGUMENT,
  EMULATOR_OUTCOMES,
} from './emulatorOutcome';
export type { EmulatorOutcome } from './emulatorOutcome';
export {
  loadFixture,
  parseFixture,
  validateFixture,
  FixtureError,
} from './fixture';
export type {
  Fixture,
  FixtureAccount,
  FixtureRegion,
  FixtureJob,
  FixtureTrigger,
  FixturePredicate,
  FixtureCondition,
  FixtureWorkflow,
  FixtureCrawler,
  FixtureIssue,
  FixtureTime,
} from './fixture';
export { generateFixture, parseGenerateSpec, TEAMS } from './generate';
export type { GenerateOptions } from './generate';
export type { FaultOptions, LatencyOptions, OutageOptions } from './faults';
export type { EmulatorStats, CallCounts } from './stats';
export type { Clock } from './simulation';
export { parseCron, nextFireTime, previousFireTimes, CronError } from './cron';
export type { CronSchedule } from './cron';
export { runCli, parseCliArgs, HELP, DEFAULT_PORT } from './cli';
export {
  startGlueProxy,
  glueErrorReply,
  rewriteReply,
  HANG,
} from './proxy/glueProxy';
export type {
  GlueProxy,
  GlueProxyCall,
  GlueProxyIntercept,
  GlueProxyReply,
} from './proxy/glueProxy';
export type { CliCommand } from './cli';
export type {
  StringMap,
  JobRunState,
  CrawlState,
  TriggerType,
  GlueJob,
  GlueJobCommand,
  GlueJobRun,
  GlueJobBookmarkEntry,
  GluePredecessor,
  GlueTrigger,
  GlueAction,
  GlueCondition,
  GluePredicate,
  GlueWorkflow,
  GlueWorkflowRun,
  GlueWorkflowGraph,
  GlueWorkflowStatistics,
  GlueNode,
  GlueCrawler,
  GlueCrawl,
  GlueLastCrawl,
  SimulationSettings,
} from './types';
