import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { EventsService } from '@backstage/plugin-events-node';
import {
  awsPartitionOf,
  formatGlueArn,
  isActiveRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { Redactor } from '../lib/redaction';
import { compactObject, JobRef, StoredJobRun } from '../lib/shapes';
import {
  GlueCrawlerStateChange,
  GlueJobStateChange,
  readGlueEvent,
} from './glueEvents';
import { GlueRunReader } from './GlueRunReader';
import { RunIndex } from './RunIndex';

/** What the consumer did with events, by outcome and kind of problem. */
export type EventCounts = Record<string, number>;

/** The subscriber id: the events system gives each event to one replica. */
export const RUN_INDEX_SUBSCRIBER_ID = 'aws-glue-run-index';

/** The freshness mark of the newest applied event. */
export const LAST_EVENT_MARK = 'run-index-last-event-at';

/**
 * Applies Glue's EventBridge events to the run index. Malformed or foreign
 * events (another source or detail-type, missing fields, an account or
 * region no provider reads, a job the catalog does not have) are counted,
 * logged once per kind and dropped, never written in part and never thrown
 * to the events system. An event carries no timing or DPU, and is only a
 * hint: the consumer fetches the run (GetJobRun) and stores Glue's word; an
 * event for a run Glue does not have is dropped. When Glue cannot answer
 * (throttled, down) it stores what the event says as a partial row, which
 * shows on pages but never notifies, and the reconciler completes it.
 */
export class GlueEventsConsumer {
  private readonly counts: EventCounts = {};
  private readonly loggedKinds = new Set<string>();

  constructor(
    private readonly options: {
      index: RunIndex;
      reader: GlueRunReader;
      redactor: Redactor;
      logger: LoggerService;
    },
  ) {}

  /** Subscribes to the topic Glue's events arrive on. */
  async subscribe(events: EventsService, topic: string): Promise<void> {
    await events.subscribe({
      id: RUN_INDEX_SUBSCRIBER_ID,
      topics: [topic],
      onEvent: async params => {
        await this.handle(params.eventPayload);
      },
    });
  }

  /** Counters since start, for tests, benchmarks and the logs. */
  stats(): EventCounts {
    return { ...this.counts };
  }

  /** Applies one event payload; never throws. */
  async handle(payload: unknown): Promise<void> {
    try {
      const event = readGlueEvent(payload);
      if (event.type === 'rejected') {
        this.drop(event.kind, event.problem);
      } else if (
        !this.options.index.jobs.hasUnit(event.accountId, event.region)
      ) {
        this.drop(
          'unknown-account-or-region',
          `no AWS Glue provider reads account ${event.accountId} in ${event.region}`,
        );
      } else if (event.type === 'job') {
        await this.applyJobEvent(event);
      } else {
        await this.applyCrawlerEvent(event);
      }
    } catch (error) {
      this.drop('failed', `applying the event failed: ${error}`);
    }
  }

  private async applyJobEvent(event: GlueJobStateChange) {
    const synced = await this.options.index.jobs.find(
      event.accountId,
      event.region,
      event.jobName,
    );
    if (!synced) {
      this.drop(
        'unknown-job',
        `no synced entity for job ${event.jobName} in ${event.accountId}/${event.region}`,
      );
      return;
    }
    let run: StoredJobRun;
    let complete = true;
    try {
      run = await this.options.reader.getRun(synced.job, event.runId);
    } catch (error) {
      if (error instanceof NotFoundError) {
        this.drop(
          'unknown-run',
          `AWS Glue has no run ${event.runId} of ${event.jobName}`,
        );
        return;
      }
      this.options.logger.debug(
        `GetJobRun for event ${event.eventId} failed, storing the event's state: ${error}`,
      );
      run = this.runOfEvent(synced.job, event);
      complete = false;
    }
    if (run.state !== event.state) {
      // GetJobRun may already know a later state, or (rarely) an earlier
      // one; the store keeps whichever ranks higher
      await this.options.index.record(
        synced.job,
        [this.runOfEvent(synced.job, event)],
        false,
      );
    }
    await this.options.index.record(synced.job, [run], complete);
    this.count('applied');
    await this.options.index.store.setMark(LAST_EVENT_MARK, event.time);
  }

  /** What an event alone says about a run. */
  private runOfEvent(job: JobRef, event: GlueJobStateChange): StoredJobRun {
    const ended = !isActiveRunState(event.state);
    return compactObject({
      id: event.runId,
      jobName: job.name,
      state: event.state,
      lastModifiedOn: event.time,
      completedOn: ended ? event.time : undefined,
      errorMessage:
        ended && event.state !== 'SUCCEEDED' && event.message
          ? this.options.redactor.redactText(event.message)
          : undefined,
      arguments: {},
      predecessorRuns: [],
    });
  }

  private async applyCrawlerEvent(event: GlueCrawlerStateChange) {
    const startedAt = Date.parse(event.startTime ?? event.time);
    await this.options.index.store.upsertCrawl({
      crawlerArn: formatGlueArn({
        partition: awsPartitionOf(event.region),
        region: event.region,
        accountId: event.accountId,
        resourceType: 'crawler',
        name: event.crawlerName,
      }),
      accountId: event.accountId,
      region: event.region,
      crawlerName: event.crawlerName,
      startedAt,
      state: event.state,
      completedAt:
        event.state === 'Started'
          ? undefined
          : Date.parse(event.completionDate ?? event.time),
      errorMessage: event.errorMessage
        ? this.options.redactor.redactText(event.errorMessage)
        : undefined,
    });
    this.count('applied');
    await this.options.index.store.setMark(LAST_EVENT_MARK, event.time);
  }

  private count(kind: string) {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }

  /** Counts a dropped event; the first of each kind is logged. */
  private drop(kind: string, problem: string) {
    this.count(`dropped:${kind}`);
    if (this.loggedKinds.has(kind)) return;
    this.loggedKinds.add(kind);
    this.options.logger.warn(
      `Dropped an AWS Glue event (${kind}): ${problem}; further events of this kind are counted, not logged`,
    );
  }
}
