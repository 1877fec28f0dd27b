/*
 * Best-effort delivery of event envelopes to an HTTP endpoint: a bounded
 * in-memory outbox (the oldest waiting event is dropped when it is full), a
 * few concurrent POSTs, a timeout per request and retries with exponential
 * backoff, so an endpoint that starts after the emulator still gets the
 * events. Nothing here blocks or throws into the caller.
 */

export interface EventDeliveryOptions {
  /** Most events waiting (queued or between retries); default 10,000. */
  maxPending?: number;
  /** POSTs in flight at once; default 4. */
  concurrency?: number;
  /** Per request (AbortSignal.timeout); default 5,000 ms. */
  timeoutMs?: number;
  /** Tries per event, the first included; default 8. */
  maxAttempts?: number;
  /** Wait before the first retry, doubled per retry; default 1,000 ms. */
  retryDelayMs?: number;
  /** Longest wait between retries; default 30,000 ms. */
  maxRetryDelayMs?: number;
  /** A delivery problem is logged at most this often; default 60,000 ms. */
  logIntervalMs?: number;
  /** Where delivery problems are logged (default console.warn). */
  log?: (message: string) => void;
}

interface OutboxItem {
  seq: number;
  body: string;
  attempts: number;
  timer?: NodeJS.Timeout;
}

/** Counters of an outbox. */
export interface OutboxCounts {
  delivered: number;
  /** Given up after the last attempt, or still waiting when it was closed. */
  failed: number;
  /** Dropped because the outbox was full. */
  overflowed: number;
  /** Queued, in flight or waiting for a retry. */
  pending: number;
}

const DEFAULTS = {
  maxPending: 10_000,
  concurrency: 4,
  timeoutMs: 5_000,
  maxAttempts: 8,
  retryDelayMs: 1_000,
  maxRetryDelayMs: 30_000,
  logIntervalMs: 60_000,
};

/** Why a request failed, in a few words. */
function describeFailure(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: unknown };
  if (e?.name === 'TimeoutError') return 'timed out';
  const cause = e?.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? e?.message ?? String(error);
}

export class EventOutbox {
  private readonly options: Required<Omit<EventDeliveryOptions, 'log'>>;
  private readonly log: (message: string) => void;
  private readonly queue: OutboxItem[] = [];
  /** Items waiting for a retry, oldest first (a Set keeps insertion order). */
  private readonly retrying = new Set<OutboxItem>();
  private readonly abort = new AbortController();
  private readonly idleWaiters: (() => void)[] = [];
  private inFlight = 0;
  private seq = 0;
  private closed = false;
  private delivered = 0;
  private failed = 0;
  private overflowed = 0;
  private lastLogAt = -Infinity;
  private problemsSinceLog = 0;

  constructor(readonly url: string, options: EventDeliveryOptions = {}) {
    const { log, ...rest } = options;
    this.options = { ...DEFAULTS, ...stripUndefined(rest) };
    this.log = log ?? (message => console.warn(message));
  }

  counts(): OutboxCounts {
    return {
      delivered: this.delivered,
      failed: this.failed,
      overflowed: this.overflowed,
      pending: this.pending,
    };
  }

  private get pending(): number {
    return this.queue.length + this.retrying.size + this.inFlight;
  }

  /** Adds an event (JSON text); returns at once. */
  enqueue(body: string): void {
    if (this.closed) {
      this.failed += 1;
      return;
    }
    if (this.queue.length + this.retrying.size >= this.options.maxPending) {
      this.dropOldest();
    }
    this.seq += 1;
    this.queue.push({ seq: this.seq, body, attempts: 0 });
    this.pump();
  }

  /** Resolves when nothing is pending (delivered, failed or dropped). */
  flush(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  /** Aborts requests in flight; what has not been delivered counts as failed. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    for (const item of this.retrying) clearTimeout(item.timer);
    this.failed += this.queue.length + this.retrying.size;
    this.queue.length = 0;
    this.retrying.clear();
    this.settled();
  }

  private dropOldest() {
    const waiting = this.retrying.values().next().value as
      | OutboxItem
      | undefined;
    const queued = this.queue[0];
    if (waiting && (!queued || waiting.seq < queued.seq)) {
      clearTimeout(waiting.timer);
      this.retrying.delete(waiting);
    } else if (queued) {
      this.queue.shift();
    } else {
      return;
    }
    this.overflowed += 1;
  }

  private pump() {
    while (
      !this.closed &&
      this.inFlight < this.options.concurrency &&
      this.queue.length > 0
    ) {
      const item = this.queue.shift()!;
      this.inFlight += 1;
      this.attempt(item).finally(() => {
        this.inFlight -= 1;
        this.pump();
        this.settled();
      });
    }
  }

  /** One POST of an item; never rejects. */
  private async attempt(item: OutboxItem): Promise<void> {
    item.attempts += 1;
    let problem: string;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: item.body,
        signal: AbortSignal.any([
          AbortSignal.timeout(this.options.timeoutMs),
          this.abort.signal,
        ]),
      });
      // Read the body so that the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) {
        this.delivered += 1;
        return;
      }
      problem = `HTTP ${response.status}`;
    } catch (e) {
      problem = describeFailure(e);
    }
    if (this.closed) {
      this.failed += 1;
      return;
    }
    this.retryOrGiveUp(item, problem);
  }

  private retryOrGiveUp(item: OutboxItem, problem: string) {
    const { maxAttempts, retryDelayMs, maxRetryDelayMs } = this.options;
    const last = item.attempts >= maxAttempts;
    if (last) this.failed += 1;
    this.report(problem, last);
    if (last) return;
    const delay = Math.min(
      retryDelayMs * 2 ** (item.attempts - 1),
      maxRetryDelayMs,
    );
    this.retrying.add(item);
    item.timer = setTimeout(() => {
      this.retrying.delete(item);
      this.queue.push(item);
      this.pump();
    }, delay);
    item.timer.unref?.();
  }

  /** Logs a delivery problem, at most once per `logIntervalMs` (not per event). */
  private report(problem: string, gaveUp: boolean) {
    this.problemsSinceLog += 1;
    const now = Date.now();
    if (now - this.lastLogAt < this.options.logIntervalMs) return;
    this.lastLogAt = now;
    this.log(
      `glue-emulator: could not deliver events to ${this.url} (${problem}); ` +
        `${this.problemsSinceLog} failed attempt(s) since the last message, ` +
        `${this.failed} event(s) given up so far, ${this.pending} pending; ` +
        `${gaveUp ? 'an event was given up' : 'retrying with backoff'}`,
    );
    this.problemsSinceLog = 0;
  }

  private settled() {
    if (this.pending !== 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
