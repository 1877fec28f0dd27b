/*
 * The EventBridge events AWS Glue sends, as pure functions of their inputs:
 * "Glue Job State Change" and "Glue Crawler State Change".
 *
 * Shapes follow AWS's samples
 * (https://docs.aws.amazon.com/glue/latest/dg/automating-awsglue-with-cloudwatch-events.html,
 * https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-glue.html).
 * Real Glue sends "Glue Job State Change" only for SUCCEEDED, FAILED, TIMEOUT
 * and STOPPED (STARTING / RUNNING / STOPPING only as "Glue Job Run Status"
 * when a run is late); the emulator sends it for every state it simulates, so
 * a consumer sees runs start too.
 */
import type { JobRunState } from '../types';

export const GLUE_EVENT_SOURCE = 'aws.glue';
export const JOB_STATE_CHANGE = 'Glue Job State Change';
export const CRAWLER_STATE_CHANGE = 'Glue Crawler State Change';

/** The EventBridge envelope every AWS service event has. */
export interface EventBridgeEnvelope<TDetailType extends string, TDetail> {
  version: '0';
  /** A UUID (v4) unique per event. */
  id: string;
  'detail-type': TDetailType;
  source: typeof GLUE_EVENT_SOURCE;
  account: string;
  /** ISO 8601, seconds precision, UTC: `2026-12-01T12:00:00Z`. */
  time: string;
  region: string;
  resources: string[];
  detail: TDetail;
}

export type GlueEventSeverity = 'INFO' | 'WARN' | 'ERROR';

export interface GlueJobStateChangeDetail {
  jobName: string;
  severity: GlueEventSeverity;
  state: JobRunState;
  jobRunId: string;
  message: string;
}

export type GlueCrawlerEventState = 'Started' | 'Succeeded' | 'Failed';

export interface GlueCrawlerStateChangeDetail {
  crawlerName: string;
  accountId: string;
  state: GlueCrawlerEventState;
  startTime: string;
  /** Only when the crawl ended. */
  completionDate?: string;
  /** Only when it failed. */
  errorMessage?: string;
  // AWS sends the counters as strings.
  tablesCreated: string;
  tablesUpdated: string;
  tablesDeleted: string;
  partitionsCreated: string;
  partitionsUpdated: string;
  partitionsDeleted: string;
  cloudWatchLogLink: string;
}

export type GlueJobStateChangeEvent = EventBridgeEnvelope<
  typeof JOB_STATE_CHANGE,
  GlueJobStateChangeDetail
>;

export type GlueCrawlerStateChangeEvent = EventBridgeEnvelope<
  typeof CRAWLER_STATE_CHANGE,
  GlueCrawlerStateChangeDetail
>;

/** Any event the emulator sends; `detail-type` tells which. */
export type GlueEventBridgeEnvelope =
  | GlueJobStateChangeEvent
  | GlueCrawlerStateChangeEvent;

/** Epoch ms or a Date. */
export type EventTime = number | Date;

/** `2026-12-01T12:00:00Z`: EventBridge's format, fractions cut off. */
export function eventTime(time: EventTime): string {
  const ms = typeof time === 'number' ? time : time.getTime();
  return new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .replace('.000Z', 'Z');
}

const SEVERITY: Partial<Record<JobRunState, GlueEventSeverity>> = {
  TIMEOUT: 'WARN',
  EXPIRED: 'WARN',
  FAILED: 'ERROR',
  ERROR: 'ERROR',
};

const MESSAGE: Record<JobRunState, string> = {
  STARTING: 'Job run started',
  RUNNING: 'Job run is running',
  STOPPING: 'Job run is stopping',
  STOPPED: 'Job run stopped',
  SUCCEEDED: 'Job run succeeded',
  FAILED: 'Job run failed',
  ERROR: 'Job run failed',
  TIMEOUT: 'Job run timed out',
  WAITING: 'Job run is waiting',
  EXPIRED: 'Job run expired',
};

/** INFO, WARN (TIMEOUT, EXPIRED) or ERROR (FAILED, ERROR). */
export function jobEventSeverity(state: JobRunState): GlueEventSeverity {
  return SEVERITY[state] ?? 'INFO';
}

/** The detail message; a failed run's own ErrorMessage when it has one. */
export function jobEventMessage(
  state: JobRunState,
  errorMessage?: string,
): string {
  if ((state === 'FAILED' || state === 'ERROR') && errorMessage) {
    return errorMessage;
  }
  return MESSAGE[state] ?? `Job run is ${state}`;
}

interface EnvelopeInput {
  /** The event id (a UUID v4); the caller picks it, so this stays pure. */
  id: string;
  account: string;
  region: string;
  /** When the state changed (the emulator's clock). */
  time: EventTime;
}

export interface GlueJobStateChangeInput extends EnvelopeInput {
  jobName: string;
  jobRunId: string;
  state: JobRunState;
  /** The run's ErrorMessage (used as the message of FAILED / ERROR). */
  errorMessage?: string;
}

export interface GlueCrawlerStateChangeInput extends EnvelopeInput {
  crawlerName: string;
  state: GlueCrawlerEventState;
  /** When the crawl started. */
  startTime: EventTime;
  /** When it ended (Succeeded / Failed). */
  completionDate?: EventTime;
  /** Why it failed (Failed). */
  errorMessage?: string;
}

function envelope<T extends string, D>(
  input: EnvelopeInput,
  detailType: T,
  detail: D,
): EventBridgeEnvelope<T, D> {
  return {
    version: '0',
    id: input.id,
    'detail-type': detailType,
    source: GLUE_EVENT_SOURCE,
    account: input.account,
    time: eventTime(input.time),
    region: input.region,
    resources: [],
    detail,
  };
}

/** A "Glue Job State Change" event. */
export function glueJobStateChangeEvent(
  input: GlueJobStateChangeInput,
): GlueJobStateChangeEvent {
  return envelope(input, JOB_STATE_CHANGE, {
    jobName: input.jobName,
    severity: jobEventSeverity(input.state),
    state: input.state,
    jobRunId: input.jobRunId,
    message: jobEventMessage(input.state, input.errorMessage),
  });
}

/** The console link AWS puts in crawler events (log group /aws-glue/crawlers). */
export function crawlerLogLink(region: string, crawlerName: string): string {
  return `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logEventViewer:group=/aws-glue/crawlers;stream=${crawlerName}`;
}

/** A "Glue Crawler State Change" event (the emulator creates no tables: counters are "0"). */
export function glueCrawlerStateChangeEvent(
  input: GlueCrawlerStateChangeInput,
): GlueCrawlerStateChangeEvent {
  const detail: GlueCrawlerStateChangeDetail = {
    crawlerName: input.crawlerName,
    accountId: input.account,
    state: input.state,
    startTime: eventTime(input.startTime),
    tablesCreated: '0',
    tablesUpdated: '0',
    tablesDeleted: '0',
    partitionsCreated: '0',
    partitionsUpdated: '0',
    partitionsDeleted: '0',
    cloudWatchLogLink: crawlerLogLink(input.region, input.crawlerName),
  };
  if (input.state !== 'Started' && input.completionDate !== undefined) {
    detail.completionDate = eventTime(input.completionDate);
  }
  if (input.state === 'Failed') {
    detail.errorMessage = input.errorMessage ?? 'Internal Service Exception';
  }
  return envelope(input, CRAWLER_STATE_CHANGE, detail);
}
