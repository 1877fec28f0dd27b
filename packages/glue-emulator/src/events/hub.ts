/*
 * Turns the simulation's state changes into Glue's EventBridge events and
 * hands them on: to the `onEvent` callback, to an HTTP endpoint through the
 * outbox, and to the list of recent events the admin API shows. Drops a
 * `dropRate` fraction on purpose, like EventBridge's best-effort delivery.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RegionModel } from '../model';
import { hashString } from '../random';
import type { SimulationObserver } from '../simulation';
import type { GlueCrawl, GlueJobRun } from '../types';
import {
  GlueCrawlerEventState,
  glueCrawlerStateChangeEvent,
  GlueEventBridgeEnvelope,
  glueJobStateChangeEvent,
} from './envelope';
import { EventDeliveryOptions, EventOutbox } from './outbox';

/** How many emitted events `recent()` keeps. */
export const RECENT_EVENTS = 200;

export interface GlueEventsOptions {
  /** POST every event here as JSON. */
  url?: string;
  /** Fraction 0..1 of events never sent (default 0). */
  dropRate?: number;
  /** Seeds the drop decisions (the emulator's seed). */
  seed: number;
  /** Called with every event that is not dropped, as it happens. */
  onEvent?: (event: GlueEventBridgeEnvelope) => void;
  delivery?: EventDeliveryOptions;
  /** Errors thrown by `onEvent` go here. */
  onError: (error: unknown) => void;
}

/**
 * Counters. After `flush()`, emitted = delivered + dropped + failed + pending.
 * Without a url, an event counts as delivered once `onEvent` (if any) took it.
 */
export interface GlueEventStats {
  emitted: number;
  delivered: number;
  /** droppedOnPurpose + overflowed. */
  dropped: number;
  /** By the drop rate. */
  droppedOnPurpose: number;
  /** Because the outbox was full (oldest first). */
  overflowed: number;
  /** Given up after the last retry (or thrown by onEvent). */
  failed: number;
  pending: number;
  dropRate: number;
  url: string | null;
}

/** An emitted event; `dropped` when the drop rate kept it from being sent. */
export interface EmittedGlueEvent {
  dropped: boolean;
  envelope: GlueEventBridgeEnvelope;
}

export const eventSettingsSchema = z
  .object({ dropRate: z.number().min(0).max(1).optional() })
  .strict();

export type GlueEventSettings = z.infer<typeof eventSettingsSchema>;

/** Crawl states as crawler events name them; CANCELLED has no event. */
const CRAWL_EVENT_STATES: Record<string, GlueCrawlerEventState | undefined> = {
  RUNNING: 'Started',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
  ERROR: 'Failed',
};

export class GlueEvents implements SimulationObserver {
  private dropRate: number;
  private readonly outbox?: EventOutbox;
  private readonly recentEvents: EmittedGlueEvent[] = [];
  private emitted = 0;
  private droppedOnPurpose = 0;
  /** Delivered / failed without a url (onEvent only). */
  private handedOver = 0;
  private sinkFailures = 0;

  constructor(private readonly options: GlueEventsOptions) {
    this.dropRate = options.dropRate ?? 0;
    if (options.url) {
      this.outbox = new EventOutbox(options.url, options.delivery);
    }
  }

  jobRunChanged(region: RegionModel, run: GlueJobRun, at: number): void {
    this.guarded(() => this.jobRun(region, run, at));
  }

  crawlChanged(
    region: RegionModel,
    crawlerName: string,
    crawl: GlueCrawl,
    at: number,
  ): void {
    this.guarded(() => this.crawl(region, crawlerName, crawl, at));
  }

  /** The simulation calls in the middle of a tick: nothing may escape. */
  private guarded(action: () => void) {
    try {
      action();
    } catch (e) {
      this.options.onError(e);
    }
  }

  private jobRun(region: RegionModel, run: GlueJobRun, at: number) {
    const envelope = glueJobStateChangeEvent({
      id: randomUUID(),
      account: region.accountId,
      region: region.region,
      time: at,
      jobName: run.JobName,
      jobRunId: run.Id,
      state: run.JobRunState,
      errorMessage: run.ErrorMessage,
    });
    this.emit(envelope, `job|${run.JobName}|${run.Id}|${run.JobRunState}`);
  }

  private crawl(
    region: RegionModel,
    crawlerName: string,
    crawl: GlueCrawl,
    at: number,
  ) {
    const state = CRAWL_EVENT_STATES[crawl.State];
    if (!state) return;
    const envelope = glueCrawlerStateChangeEvent({
      id: randomUUID(),
      account: region.accountId,
      region: region.region,
      time: at,
      crawlerName,
      state,
      startTime: crawl.StartedOn * 1000,
      completionDate:
        crawl.CompletedOn === undefined ? undefined : crawl.CompletedOn * 1000,
      errorMessage: crawl.ErrorMessage,
    });
    const key = `crawler|${crawlerName}|${crawl.StartedOn}|${state}`;
    this.emit(envelope, key);
  }

  /**
   * Whether the drop rate drops this event: a hash of the seed and the
   * event's identity (not the order of events), so the same events are
   * dropped on every run with the same seed.
   */
  private drops(identity: string): boolean {
    if (this.dropRate <= 0) return false;
    const h = hashString(`${this.options.seed}|drop-event|${identity}`);
    return h / 4294967296 < this.dropRate;
  }

  private emit(envelope: GlueEventBridgeEnvelope, identity: string) {
    const account = envelope.account;
    const dropped = this.drops(`${account}|${envelope.region}|${identity}`);
    this.emitted += 1;
    this.recentEvents.push({ dropped, envelope });
    if (this.recentEvents.length > RECENT_EVENTS) this.recentEvents.shift();
    if (dropped) {
      this.droppedOnPurpose += 1;
      return;
    }
    const handed = this.handToCallback(envelope);
    if (this.outbox) this.outbox.enqueue(JSON.stringify(envelope));
    else if (handed) this.handedOver += 1;
    else this.sinkFailures += 1;
  }

  /** Calls onEvent; its errors never reach the simulation. */
  private handToCallback(envelope: GlueEventBridgeEnvelope): boolean {
    if (!this.options.onEvent) return true;
    try {
      this.options.onEvent(envelope);
      return true;
    } catch (e) {
      this.options.onError(e);
      return false;
    }
  }

  stats(): GlueEventStats {
    const box = this.outbox?.counts();
    const overflowed = box?.overflowed ?? 0;
    return {
      emitted: this.emitted,
      delivered: box?.delivered ?? this.handedOver,
      dropped: this.droppedOnPurpose + overflowed,
      droppedOnPurpose: this.droppedOnPurpose,
      overflowed,
      failed: box?.failed ?? this.sinkFailures,
      pending: box?.pending ?? 0,
      dropRate: this.dropRate,
      url: this.options.url ?? null,
    };
  }

  /** The last {@link RECENT_EVENTS} events emitted, oldest first. */
  recent(): EmittedGlueEvent[] {
    return this.recentEvents.map(e => ({ ...e }));
  }

  /** Applies settings (validated): `{ dropRate }`. */
  set(settings: GlueEventSettings): void {
    const parsed = eventSettingsSchema.parse(settings);
    if (parsed.dropRate !== undefined) this.dropRate = parsed.dropRate;
  }

  /** Resolves when no event is pending (delivered, dropped or given up). */
  flush(): Promise<void> {
    return this.outbox?.flush() ?? Promise.resolve();
  }

  /** Stops delivering: requests in flight are aborted. */
  close(): void {
    this.outbox?.close();
  }
}
