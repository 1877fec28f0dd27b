/*
 * The run index's feeds against the emulator's events:
 *
 * - Event to store: runs started on the probe jobs (StartJobRun on the
 *   emulator); every state change the emulator emits is timed here, and one
 *   client polls the fleet route (`?q=rix-event`, one request for all
 *   probes, back to back) until each job's latest run shows that state or
 *   a later one. The delay is an upper bound: it ends when the answer that
 *   first showed it arrived (so it includes up to one poll's latency).
 * - Dropped events: with the emulator dropping 30% of its events, runs on
 *   other probe jobs are started and finish; then one reconciler pass; then
 *   every run Glue holds for those jobs must be in the store, complete, in
 *   Glue's state.
 */
import { performance } from 'node:perf_hooks';
import { get, getOk, sleep } from '../lib/http';
import {
  compareStore,
  DelaySample,
  eventDelays,
  IndexObservation,
  LatencySummary,
  StoreComparison,
  stateRank,
  summarize,
} from './analysis';
import { RECONCILER_TASK, RunIndexEnv } from './environment';
import { allJobRuns, ENDED, getJobRun, startJobRun } from './glue';
import { PassResult, runPass } from './reconciler';

export interface EventDelayResult {
  runs: number;
  changes: number;
  seen: number;
  unseen: DelaySample[];
  all: LatencySummary;
  byState: Record<string, LatencySummary>;
  /** The polling client's own request times: the resolution of the measure. */
  poll: LatencySummary;
  pollErrors: number;
  /** Glue calls the events feed made meanwhile (GetJobRun per event). */
  glueCalls: Record<string, number>;
  samples: DelaySample[];
}

export async function measureEventDelay(
  env: RunIndexEnv,
  options: { outcomes: string[]; staggerMs: number; timeoutMs: number },
): Promise<EventDelayResult> {
  const jobs = env.fixture.eventJobs;
  const observations: IndexObservation[] = [];
  const pollMs: number[] = [];
  let polling = true;
  let pollErrors = 0;
  const poller = (async () => {
    while (polling) {
      const res = await get(
        env.client,
        `/api/aws-glue/v1/jobs?q=rix-event&limit=100`,
      ).catch(() => undefined);
      if (res?.status !== 200) {
        pollErrors += 1;
        await sleep(100);
        continue;
      }
      const atMs = performance.now();
      pollMs.push(res.ms);
      for (const job of res.body.jobs as any[]) {
        observations.push({
          jobName: job.name,
          runId: job.latestRun?.id,
          state: job.latestRun?.state,
          atMs,
        });
      }
    }
  })();
  env.emulator.resetStats();
  const from = env.emitted.length;
  const runIds = new Set<string>();
  for (let i = 0; i < jobs.length; i++) {
    const outcome = options.outcomes[i % options.outcomes.length];
    runIds.add(await startJobRun(env.emulator.url, jobs[i], outcome));
    await sleep(options.staggerMs);
  }
  const deadline = performance.now() + options.timeoutMs;
  const changes = () =>
    env.emitted.slice(from).filter(e => runIds.has(e.runId));
  const allSeen = () => {
    const done = eventDelays(changes(), observations);
    const ended = new Set(
      changes()
        .filter(c => stateRank(c.state) === 4)
        .map(c => c.runId),
    );
    return (
      ended.size === runIds.size && done.every(d => d.delayMs !== undefined)
    );
  };
  while (!allSeen() && performance.now() < deadline) await sleep(200);
  polling = false;
  await poller;
  const glueCalls = { ...env.emulator.stats().calls };
  const samples = eventDelays(changes(), observations);
  const seen = samples.filter(s => s.delayMs !== undefined);
  const byState: Record<string, LatencySummary> = {};
  for (const state of new Set(seen.map(s => s.state))) {
    byState[state] = summarize(
      seen.filter(s => s.state === state).map(s => s.delayMs!),
    );
  }
  return {
    runs: runIds.size,
    changes: samples.length,
    seen: seen.length,
    unseen: samples.filter(s => s.delayMs === undefined),
    all: summarize(seen.map(s => s.delayMs!)),
    byState,
    poll: summarize(pollMs),
    pollErrors,
    glueCalls,
    samples,
  };
}

export interface DropResult {
  dropRate: number;
  runs: number;
  /** Events of these runs the emulator emitted / dropped on purpose. */
  eventsEmitted: number;
  eventsDropped: number;
  /** Runs whose final state's event was dropped. */
  finalEventDropped: number;
  beforePass: StoreComparison;
  pass: PassResult;
  afterPass: StoreComparison;
  /** The fleet's lastReconciledAt after the pass, and when the last run ended. */
  lastReconciledAt?: string;
  lastRunEndedAt?: string;
}

async function glueRunsOf(endpoint: string, jobs: string[]) {
  const runs = [];
  for (const job of jobs) {
    for (const run of await allJobRuns(endpoint, job)) {
      runs.push({ jobName: job, runId: run.Id, state: run.JobRunState });
    }
  }
  return runs;
}

export async function measureDroppedEvents(
  env: RunIndexEnv,
  options: { dropRate: number; outcomes: string[]; timeoutMs: number },
): Promise<DropResult> {
  const { emulator } = env;
  const jobs = env.fixture.dropJobs;
  const before = emulator.events.stats();
  emulator.events.set({ dropRate: options.dropRate });
  const started: { job: string; runId: string }[] = [];
  try {
    for (let i = 0; i < jobs.length; i++) {
      const outcome = options.outcomes[i % options.outcomes.length];
      started.push({
        job: jobs[i],
        runId: await startJobRun(emulator.url, jobs[i], outcome),
      });
      await sleep(100);
    }
    const deadline = performance.now() + options.timeoutMs;
    let ended = 0;
    while (ended < started.length && performance.now() < deadline) {
      await sleep(500);
      const runs = await Promise.all(
        started.map(s => getJobRun(emulator.url, s.job, s.runId)),
      );
      ended = runs.filter(r => ENDED.has(r.JobRunState)).length;
    }
    await emulator.events.flush();
  } finally {
    emulator.events.set({ dropRate: before.dropRate });
  }
  const after = emulator.events.stats();
  await sleep(3000); // the last delivered events are applied
  const ids = new Set(started.map(s => s.runId));
  const ours = emulator.events
    .recent()
    .filter(e => e.envelope['detail-type'] === 'Glue Job State Change')
    .filter(e => ids.has((e.envelope.detail as any).jobRunId));
  const finalDropped = ours.filter(
    e => e.dropped && ENDED.has((e.envelope.detail as any).state),
  ).length;
  const glue = await glueRunsOf(emulator.url, jobs);
  const beforePass = compareStore(glue, await env.store.runsOf(jobs));
  const pass = await runPass(
    env.client,
    RECONCILER_TASK,
    env.passes,
    options.timeoutMs,
  );
  const afterPass = compareStore(glue, await env.store.runsOf(jobs));
  const head = await getOk(env.client, '/api/aws-glue/v1/jobs?limit=1');
  const lastEnds = (
    await Promise.all(started.map(s => getJobRun(emulator.url, s.job, s.runId)))
  ).map(r => Number(r.CompletedOn ?? 0));
  const lastEnd = Math.max(...lastEnds);
  return {
    dropRate: options.dropRate,
    runs: started.length,
    eventsEmitted: ours.length,
    eventsDropped: after.droppedOnPurpose - before.droppedOnPurpose,
    finalEventDropped: finalDropped,
    beforePass,
    pass,
    afterPass,
    lastReconciledAt: head.body.freshness?.lastReconciledAt,
    lastRunEndedAt: lastEnd
      ? new Date(lastEnd * 1000).toISOString()
      : undefined,
  };
}
