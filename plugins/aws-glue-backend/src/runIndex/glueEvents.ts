/**
 * The one reader of Glue's EventBridge events
 * (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-glue.html):
 * the envelope and the `detail` of "Glue Job State Change" and "Glue Crawler
 * State Change". Pure. Anything else is a {@link RejectedGlueEvent} with the
 * kind of problem, so that the consumer counts it and logs each kind once.
 */
import { z } from 'zod';
import { GLUE_JOB_RUN_STATES } from '@aws-glue-backstage/plugin-aws-glue-common';

const envelope = z.object({
  version: z.string(),
  id: z.string().min(1).max(256),
  'detail-type': z.string(),
  source: z.string(),
  account: z.string().regex(/^\d{12}$/, 'a 12-digit account id'),
  time: z.string().datetime({ offset: true }),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region'),
  resources: z.array(z.string()).optional(),
  detail: z.unknown(),
});

const jobDetail = z.object({
  jobName: z.string().min(1).max(255),
  jobRunId: z.string().min(1).max(255),
  state: z.enum(GLUE_JOB_RUN_STATES),
  severity: z.string().optional(),
  message: z.string().max(10_000).optional(),
});

const crawlerDetail = z.object({
  crawlerName: z.string().min(1).max(255),
  state: z.enum(['Started', 'Succeeded', 'Failed']),
  startTime: z.string().datetime({ offset: true }).optional(),
  completionDate: z.string().datetime({ offset: true }).optional(),
  errorMessage: z.string().max(10_000).optional(),
});

/** A job run's state change. */
export interface GlueJobStateChange {
  type: 'job';
  eventId: string;
  accountId: string;
  region: string;
  /** When Glue saw the change. */
  time: string;
  jobName: string;
  runId: string;
  state: (typeof GLUE_JOB_RUN_STATES)[number];
  /** Glue's message; for failures, the run's error (not yet redacted). */
  message?: string;
}

/** A crawl's state change. */
export interface GlueCrawlerStateChange {
  type: 'crawler';
  eventId: string;
  accountId: string;
  region: string;
  time: string;
  crawlerName: string;
  state: 'Started' | 'Succeeded' | 'Failed';
  startTime?: string;
  completionDate?: string;
  errorMessage?: string;
}

/** Why an event was dropped. */
export type RejectionKind =
  | 'not-an-event'
  | 'foreign-source'
  | 'other-detail-type'
  | 'bad-detail';

/** An event that is not a Glue state change this plugin reads. */
export interface RejectedGlueEvent {
  type: 'rejected';
  kind: RejectionKind;
  /** What was wrong, with the field (no values: they may hold anything). */
  problem: string;
}

export type GlueStateChange = GlueJobStateChange | GlueCrawlerStateChange;

export const JOB_STATE_CHANGE = 'Glue Job State Change';
export const CRAWLER_STATE_CHANGE = 'Glue Crawler State Change';

const problemOf = (error: z.ZodError) =>
  error.issues
    .map(issue => `${issue.path.join('.') || 'event'}: ${issue.message}`)
    .join('; ');

const rejected = (kind: RejectionKind, problem: string): RejectedGlueEvent => ({
  type: 'rejected',
  kind,
  problem,
});

/**
 * Reads an event payload: the EventBridge envelope as the SQS module or the
 * events backend's HTTP ingress hands it on (an object, or its JSON text).
 */
export function readGlueEvent(
  payload: unknown,
): GlueStateChange | RejectedGlueEvent {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return rejected('not-an-event', 'the payload is not JSON');
    }
  }
  const parsed = envelope.safeParse(value);
  if (!parsed.success) {
    return rejected('not-an-event', problemOf(parsed.error));
  }
  const event = parsed.data;
  if (event.source !== 'aws.glue') {
    return rejected('foreign-source', `source is not aws.glue`);
  }
  const base = {
    eventId: event.id,
    accountId: event.account,
    region: event.region,
    time: event.time,
  };
  if (event['detail-type'] === JOB_STATE_CHANGE) {
    const detail = jobDetail.safeParse(event.detail);
    if (!detail.success) {
      return rejected('bad-detail', `detail.${problemOf(detail.error)}`);
    }
    const { jobName, jobRunId, state, message } = detail.data;
    return { type: 'job', ...base, jobName, runId: jobRunId, state, message };
  }
  if (event['detail-type'] === CRAWLER_STATE_CHANGE) {
    const detail = crawlerDetail.safeParse(event.detail);
    if (!detail.success) {
      return rejected('bad-detail', `detail.${problemOf(detail.error)}`);
    }
    return { type: 'crawler', ...base, ...detail.data };
  }
  return rejected(
    'other-detail-type',
    'detail-type is not a Glue job or crawler state change',
  );
}
