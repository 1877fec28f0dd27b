/*
 * The reconciler's backfill (passes until the index holds a latest run for
 * every job with history and the stored runs stop growing) and one
 * steady-state pass (no new runs): its Glue calls, counted by the emulator,
 * against the jobs it polled.
 */
import { performance } from 'node:perf_hooks';
import { getOk, sleep } from '../lib/http';
import { RECONCILER_TASK, RunIndexEnv } from './environment';
import { PassResult, runPass } from './reconciler';

export interface FleetHead {
  totalCount: number;
  neverRun: number;
  storedRuns: number;
  lastReconciledAt?: string;
  lastEventAt?: string;
}

export async function fleetHead(env: RunIndexEnv): Promise<FleetHead> {
  const { body } = await getOk(env.client, '/api/aws-glue/v1/jobs?limit=1');
  return {
    totalCount: body.totalCount,
    neverRun: body.counts?.neverRun ?? 0,
    storedRuns: body.freshness?.storedRuns ?? 0,
    lastReconciledAt: body.freshness?.lastReconciledAt,
    lastEventAt: body.freshness?.lastEventAt,
  };
}

export interface BackfillResult {
  complete: boolean;
  passes: PassResult[];
  /** From the first trigger until the index was complete. */
  wallMs: number;
  glueCalls: Record<string, number>;
  glueTotal: number;
  head: FleetHead;
  latestRows: number;
}

export async function backfill(
  env: RunIndexEnv,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<BackfillResult> {
  const expected = env.fixture.jobNames.length;
  env.emulator.resetStats();
  const t0 = performance.now();
  const passes: PassResult[] = [];
  let head: FleetHead | undefined;
  let complete = false;
  while (performance.now() - t0 < timeoutMs) {
    const pass = await runPass(
      env.client,
      RECONCILER_TASK,
      env.passes,
      timeoutMs - (performance.now() - t0),
    );
    passes.push(pass);
    head = await fleetHead(env);
    log(
      `  backfill pass: ${pass.jobsPolled} jobs, ${pass.calls} calls, ${
        pass.runsChanged
      } runs changed in ${pass.passMs ?? '?'} ms; ${
        head.storedRuns
      } runs stored, ${head.neverRun} of ${head.totalCount} jobs without a run`,
    );
    // every job polled and holding a latest run (the steady pass after
    // this one shows whether anything was left: it must change nothing)
    complete =
      head.totalCount >= expected &&
      head.neverRun === 0 &&
      pass.jobsPolled >= expected &&
      pass.deferred === 0;
    if (complete) break;
    // the plugin's directory of synced jobs is cached for 60 s: a pass
    // right after start-up may not know every job yet
    if (pass.jobsPolled < expected) await sleep(5000);
  }
  const stats = env.emulator.stats();
  return {
    complete,
    passes,
    wallMs: Math.round(performance.now() - t0),
    glueCalls: { ...stats.calls },
    glueTotal: stats.total,
    head: head ?? (await fleetHead(env)),
    latestRows: (await env.store.counts()).latest,
  };
}

export interface SteadyPassResult {
  pass: PassResult;
  glueCalls: Record<string, number>;
  glueTotal: number;
  /** Glue calls the emulator saw / jobs the pass polled (target <= 1.05). */
  callsPerJob: number;
  /** PostgreSQL: transactions committed in the plugin's database during the pass. */
  dbTransactions?: number;
  dbTransactionsPerJob?: number;
}

export async function steadyPass(
  env: RunIndexEnv,
  timeoutMs: number,
): Promise<SteadyPassResult> {
  await sleep(1500); // let the statistics of earlier work settle
  const tx0 = await env.store.transactions();
  env.emulator.resetStats();
  const pass = await runPass(
    env.client,
    RECONCILER_TASK,
    env.passes,
    timeoutMs,
  );
  const stats = env.emulator.stats();
  await sleep(1500); // PostgreSQL flushes transaction counters about every second
  const tx1 = await env.store.transactions();
  // the scheduler's tables live in the plugin's database too: the bench's
  // task-state reads are taken off; the scheduler's own polls (every few
  // seconds) are not, so this is a slight over-count
  const dbTransactions =
    tx0 !== undefined && tx1 !== undefined
      ? tx1 - tx0 - pass.statePolls
      : undefined;
  const per = (n: number) =>
    pass.jobsPolled ? Math.round((n / pass.jobsPolled) * 100) / 100 : 0;
  return {
    pass,
    glueCalls: { ...stats.calls },
    glueTotal: stats.total,
    callsPerJob: per(stats.total),
    dbTransactions,
    dbTransactionsPerJob:
      dbTransactions !== undefined ? per(dbTransactions) : undefined,
  };
}
