/*
 * Section `runindex`: the AWS Glue backend plugin's run index in a real
 * backend (see environment.ts), per account size:
 *
 * 0. Backfill: reconciler passes (triggered through the scheduler's API)
 *    until every job has a latest run in the index and nothing changes.
 * 1. Reconciler steady state: one more pass with no new runs; its Glue calls
 *    (the emulator's count) against the jobs it polled. Target <= 1.05x.
 * 2. Fleet overview `GET /v1/jobs` (limit 100 / 500, `q=`, `state=FAILED`),
 *    sequential and concurrent, p50/p95 on the client beside the readiness
 *    route; Glue calls meanwhile (target 0); p95 against the 1 s target;
 *    a breakdown (catalog read, store queries, answer size) and, when a p95
 *    is over 1 s or with --profile, a CPU profile of the backend.
 * 3. (smallest size) Event to store delay, target p95 <= 2 s.
 * 4. (smallest size) 30% of events dropped, one reconciler pass: every run
 *    Glue holds for those jobs stored in Glue's state (target: 0 missing).
 */
import { mkdirSync } from 'node:fs';
import {
  BackfillResult,
  backfill,
  SteadyPassResult,
  steadyPass,
} from './backfill';
import { FleetBreakdown, fleetBreakdown } from './breakdown';
import { startRunIndexEnv } from './environment';
import {
  DropResult,
  EventDelayResult,
  measureDroppedEvents,
  measureEventDelay,
} from './feeds';
import { runIndexFixture } from './fixture';
import { OverviewResult, runOverview } from './overview';

export interface RunIndexOptions {
  quick: boolean;
  log: (line: string) => void;
  /** Generated jobs per case (default 2,000 and 20,000; quick 2,000). */
  sizes?: number[];
  /** Manual runs per generated job in the emulator's history (default 10, quick 5). */
  history?: number;
  /** Regions (account x region units) the jobs are spread over (default 4). */
  regions?: number;
  /** Emulated Glue latency per call (default 20 ms). */
  latencyMs?: number;
  /** Where CPU profiles go. */
  profileDir: string;
  /** Profile the fleet route at every size (default: only when a p95 is over 1 s). */
  profile?: boolean;
}

export const TARGETS = {
  fleetP95Ms: 1000,
  fleetGlueCalls: 0,
  eventToStoreP95Ms: 2000,
  missingAfterPass: 0,
  steadyCallsPerJob: 1.05,
};

export interface RunIndexCase {
  jobs: number;
  probeJobs: number;
  history: number;
  regions: number;
  entities: number;
  database: string;
  databaseVersion?: string;
  latencyMs: number;
  durationScale: number;
  callBudget: number;
  backendStartupMs: number;
  catalogReadyMs: number;
  backfill: BackfillResult;
  steady: SteadyPassResult;
  overview: OverviewResult;
  breakdown: FleetBreakdown;
  eventDelay?: EventDelayResult;
  dropped?: DropResult;
}

export interface RunIndexResult {
  targets: typeof TARGETS;
  cases: RunIndexCase[];
}

const OUTCOMES = ['SUCCEEDED', 'FAILED', 'SUCCEEDED', 'ERROR'];

/** Requests per overview case: fewer where each takes seconds. */
function overviewLoad(jobs: number, quick: boolean) {
  if (jobs >= 10_000) return { sequential: 8, clients: 4, perClient: 2 };
  return quick
    ? { sequential: 8, clients: 4, perClient: 2 }
    : { sequential: 20, clients: 4, perClient: 5 };
}

async function runCase(
  jobs: number,
  withFeeds: boolean,
  options: RunIndexOptions,
): Promise<RunIndexCase> {
  const { log, quick } = options;
  const history = options.history ?? (quick ? 5 : 10);
  const regions = options.regions ?? 4;
  const latencyMs = options.latencyMs ?? 20;
  const durationScale = 60;
  const fixture = runIndexFixture({
    jobs,
    regions,
    history,
    eventProbes: quick ? 10 : 20,
    dropProbes: quick ? 20 : 40,
  });
  // per account x region and pass: enough for a backfill in one pass
  const callBudget = Math.max(
    1000,
    2 * Math.ceil(fixture.jobNames.length / regions) + 100,
  );
  log(
    `runindex: ${jobs} jobs in ${regions} regions (+ ${
      fixture.eventJobs.length + fixture.dropJobs.length
    } probes), ${history} runs each ...`,
  );
  const env = await startRunIndexEnv({
    fixture,
    latencyMs,
    durationScale,
    callBudget,
    log,
  });
  try {
    const passTimeout = 30 * 60_000;
    log('runindex: backfill through the reconciler ...');
    const filled = await backfill(env, passTimeout, log);
    if (!filled.complete) {
      log(
        `runindex: the index was not complete after ${filled.wallMs} ms; measuring anyway`,
      );
    }
    log('runindex: one steady-state reconciler pass ...');
    const steady = await steadyPass(env, passTimeout);
    log(
      `  ${steady.pass.jobsPolled} jobs polled, ${
        steady.glueTotal
      } Glue calls (${steady.callsPerJob} per job), ${
        steady.pass.passMs ?? '?'
      } ms`,
    );
    log('runindex: fleet overview ...');
    const overview = await runOverview(env, overviewLoad(jobs, quick), log);
    const slow = overview.cases.some(
      c => Math.max(c.sequential.p95, c.concurrent.p95) > TARGETS.fleetP95Ms,
    );
    if (slow || options.profile)
      mkdirSync(options.profileDir, { recursive: true });
    const breakdown = await fleetBreakdown(env, {
      profileDir: slow || options.profile ? options.profileDir : undefined,
      profileRequests: quick ? 5 : 10,
      label: String(jobs),
    });
    const result: RunIndexCase = {
      jobs,
      probeJobs: fixture.eventJobs.length + fixture.dropJobs.length,
      history,
      regions,
      entities: env.entities,
      database: env.database,
      databaseVersion: env.databaseVersion,
      latencyMs,
      durationScale,
      callBudget,
      backendStartupMs: env.backend.startupMs,
      catalogReadyMs: env.catalogReadyMs,
      backfill: filled,
      steady,
      overview,
      breakdown,
    };
    if (withFeeds) {
      log('runindex: event to store delay ...');
      result.eventDelay = await measureEventDelay(env, {
        outcomes: OUTCOMES,
        staggerMs: 250,
        timeoutMs: 90_000,
      });
      log(
        `  ${result.eventDelay.seen} of ${result.eventDelay.changes} changes seen, p50 ${result.eventDelay.all.p50} / p95 ${result.eventDelay.all.p95} ms`,
      );
      log('runindex: 30% of events dropped, one reconciler pass ...');
      result.dropped = await measureDroppedEvents(env, {
        dropRate: 0.3,
        outcomes: OUTCOMES,
        // the runs end within two minutes; the pass then reads every job
        timeoutMs: 120_000 + passTimeout,
      });
      const d = result.dropped;
      log(
        `  ${d.eventsDropped} events dropped; before the pass ${d.beforePass.missing.length} missing / ${d.beforePass.wrongState.length} stale, after ${d.afterPass.missing.length} / ${d.afterPass.wrongState.length}`,
      );
    }
    return result;
  } finally {
    await env.stop();
  }
}

export async function runRunIndexBench(
  options: RunIndexOptions,
): Promise<RunIndexResult> {
  const sizes = options.sizes ?? (options.quick ? [2000] : [2000, 20000]);
  const cases: RunIndexCase[] = [];
  for (const [i, jobs] of sizes.entries()) {
    cases.push(await runCase(jobs, i === 0, options));
  }
  return { targets: TARGETS, cases };
}
