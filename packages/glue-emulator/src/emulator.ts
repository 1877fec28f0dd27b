/*
 * startGlueEmulator: the programmatic entry point used by tests, benchmarks,
 * the demo and the CLI.
 */
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GlueEventBridgeEnvelope } from './events/envelope';
import {
  EmittedGlueEvent,
  GlueEvents,
  GlueEventSettings,
  GlueEventStats,
} from './events/hub';
import type { EventDeliveryOptions } from './events/outbox';
import { Fixture, loadFixture, validateFixture } from './fixture';
import { isGeneratedFixture } from './generate';
import { FaultInjector, FaultOptions, LatencyOptions } from './faults';
import { EmulatorModel } from './model';
import { createRequestListener } from './server';
import { Clock, clockStartingAt, Simulation, systemClock } from './simulation';
import { CallStats, EmulatorStats } from './stats';

export interface GlueEmulatorOptions {
  /** A fixture object (validated) or the path of a YAML fixture. Empty when absent. */
  fixture?: Fixture | string;
  /** Port to listen on; 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Seed of the run history (overrides the fixture's `seed`; default 42). */
  seed?: number;
  /** Emulated seconds per real second (default 1). */
  timeScale?: number;
  /**
   * Live runs and crawls finish this many times faster, on the real clock
   * (default 1). The demo uses this: timestamps stay real.
   */
  durationScale?: number;
  /** Time source (ms). The history ends at `clock.now()` at start-up. */
  clock?: Clock;
  /**
   * The emulated time at start-up (default: the clock's now). The history
   * ends here and the clock runs on from it in real time (times `timeScale`).
   */
  startTime?: Date;
  latency?: LatencyOptions;
  faults?: FaultOptions;
  /** Default true, like Glue: only trigger-started runs fire conditional triggers. */
  requireTriggeredUpstream?: boolean;
  /** Run a timer that advances the simulation (default: true unless a clock is given). */
  ticker?: boolean;
  /** Ticker period in real ms (default 250). */
  tickIntervalMs?: number;
  /** Account for requests whose access key is not a 12-digit id (default: the fixture's). */
  account?: string;
  /** Called with unexpected errors inside handlers (default: console.error). */
  onError?: (error: unknown) => void;
  /**
   * POST every Glue EventBridge event ("Glue Job State Change", "Glue
   * Crawler State Change") to this http(s) URL as JSON, asynchronously and
   * best-effort (bounded outbox, retries with backoff).
   */
  eventsUrl?: string;
  /** Fraction 0..1 of events never sent, decided from the seed (default 0). */
  dropEvents?: number;
  /** Called synchronously with every event that is not dropped. */
  onEvent?: (event: GlueEventBridgeEnvelope) => void;
  /** Tuning of the HTTP delivery (outbox size, concurrency, timeout, retries, log). */
  eventDelivery?: EventDeliveryOptions;
}

/** The Glue EventBridge events the emulator emitted. */
export interface GlueEmulatorEvents {
  /** Counters; after `flush()`, emitted = delivered + dropped + failed + pending. */
  stats(): GlueEventStats;
  /** The last 200 events emitted, oldest first, dropped ones included. */
  recent(): EmittedGlueEvent[];
  /** Resolves when no event is waiting to be delivered. */
  flush(): Promise<void>;
  /** Changes settings at run time, e.g. `{ dropRate: 0.3 }`. */
  set(settings: GlueEventSettings): void;
}

/** The emulator's in-memory state, for tests that want to look inside. */
export interface EmulatorState {
  model: EmulatorModel;
  simulation: Simulation;
}

export interface EmulatorSummary {
  jobs: number;
  triggers: number;
  workflows: number;
  crawlers: number;
  /** Populated account/region pairs. */
  regions: number;
}

export interface GlueEmulator {
  /** e.g. `http://127.0.0.1:4599` — pass as the SDK client's `endpoint`. */
  url: string;
  port: number;
  host: string;
  stop(): Promise<void>;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Replaces the given fault settings (latency, rates, outages, seed). */
  setFaults(faults: FaultOptions): void;
  /** Clears every fault. */
  resetFaults(): void;
  /** Processes transitions and trigger firings due at the clock's now. Returns how many. */
  tick(): number;
  /** Emulated now. */
  now(): Date;
  summary: EmulatorSummary;
  state: EmulatorState;
  /** The EventBridge events emitted while it runs. */
  events: GlueEmulatorEvents;
}

export const DEFAULT_SEED = 42;

function summarize(model: EmulatorModel): EmulatorSummary {
  const summary: EmulatorSummary = {
    jobs: 0,
    triggers: 0,
    workflows: 0,
    crawlers: 0,
    regions: 0,
  };
  for (const r of model.populatedRegions()) {
    summary.jobs += r.jobs.size;
    summary.triggers += r.triggers.size;
    summary.workflows += r.workflows.size;
    summary.crawlers += r.crawlers.size;
    summary.regions += 1;
  }
  return summary;
}

function resolveFixture(fixture: Fixture | string | undefined): Fixture {
  if (fixture === undefined) return { accounts: [] };
  if (typeof fixture === 'string') return loadFixture(fixture);
  // Generated fixtures are valid by construction; skip the schema for speed.
  return isGeneratedFixture(fixture) ? fixture : validateFixture(fixture);
}

/** Loads the fixture and builds the model and simulation, without a server. */
export function createEmulatorState(
  options: GlueEmulatorOptions = {},
): EmulatorState {
  const fixture = resolveFixture(options.fixture);
  const base = options.clock ?? systemClock;
  const startMs = options.startTime?.getTime() ?? base.now();
  const clock = options.startTime ? clockStartingAt(startMs, base) : base;
  const model = new EmulatorModel(fixture, startMs, options.account);
  const simulation = new Simulation(model, {
    seed: options.seed ?? fixture.seed ?? DEFAULT_SEED,
    clock,
    startMs,
    timeScale: options.timeScale ?? 1,
    durationScale: options.durationScale ?? 1,
    requireTriggeredUpstream: options.requireTriggeredUpstream ?? true,
  });
  simulation.armSchedules();
  return { model, simulation };
}

/** Throws for an events URL that is not http(s) or a drop rate outside 0..1. */
function checkEventOptions(options: GlueEmulatorOptions) {
  if (options.eventsUrl !== undefined) {
    let protocol: string | undefined;
    try {
      protocol = new URL(options.eventsUrl).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new Error(
        `eventsUrl must be an http(s) URL, got '${options.eventsUrl}'`,
      );
    }
  }
  const rate = options.dropEvents;
  if (rate !== undefined && !(rate >= 0 && rate <= 1)) {
    throw new Error(`dropEvents must be a number 0..1, got ${rate}`);
  }
}

/** Throws for options that cannot work. */
function checkOptions(options: GlueEmulatorOptions) {
  if (options.durationScale !== undefined && !(options.durationScale > 0)) {
    throw new Error(
      `durationScale must be a positive number, got ${options.durationScale}`,
    );
  }
  if (options.startTime && Number.isNaN(options.startTime.getTime())) {
    throw new Error('startTime must be a valid date');
  }
  if (options.timeScale !== undefined && !(options.timeScale > 0)) {
    throw new Error(
      `timeScale must be a positive number, got ${options.timeScale}`,
    );
  }
  checkEventOptions(options);
}

/** Starts the emulator's HTTP server. */
export async function startGlueEmulator(
  options: GlueEmulatorOptions = {},
): Promise<GlueEmulator> {
  checkOptions(options);
  const state = createEmulatorState(options);
  const faults = new FaultInjector({
    ...options.faults,
    ...(options.latency ? { latency: options.latency } : {}),
  });
  const stats = new CallStats();
  const onError =
    options.onError ??
    ((e: unknown) => console.error('glue-emulator: internal error', e));
  const events = new GlueEvents({
    url: options.eventsUrl,
    dropRate: options.dropEvents,
    seed: state.simulation.options.seed,
    onEvent: options.onEvent,
    delivery: options.eventDelivery,
    onError,
  });
  state.simulation.observer = events;
  const server: Server = createServer(
    createRequestListener({
      model: state.model,
      sim: state.simulation,
      faults,
      stats,
      events,
      onError,
    }),
  );
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      events.close();
      reject(error);
    };
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const useTicker = options.ticker ?? options.clock === undefined;
  const timer = useTicker
    ? setInterval(() => {
        try {
          state.simulation.tick();
        } catch (e) {
          onError(e);
        }
      }, options.tickIntervalMs ?? 250).unref()
    : undefined;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    summary: summarize(state.model),
    state,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    setFaults: f => faults.set(f),
    resetFaults: () => faults.reset(),
    tick: () => state.simulation.tick(),
    now: () => new Date(state.simulation.now()),
    events: {
      stats: () => events.stats(),
      recent: () => events.recent(),
      flush: () => events.flush(),
      set: settings => events.set(settings),
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        if (timer) clearInterval(timer);
        // Undelivered events count as failed; call events.flush() first to wait.
        events.close();
        server.close(err => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
