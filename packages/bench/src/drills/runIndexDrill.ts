/*
 * Drill: the run index on two backend replicas sharing one PostgreSQL.
 *
 * Both replicas run the catalog (with the Glue module and a small org:
 * the jobs' owner Group has one User), the AWS Glue backend plugin with the
 * run index, the events backend (its event bus is database-backed across
 * replicas) and the notifications backend. The emulator's events go through
 * a forwarder to the two replicas' HTTP ingresses; the reconciler runs
 * every few seconds on whichever replica the scheduler's lock lets. Runs
 * that fail on purpose (`--emulator-outcome FAILED`), one per job, in three
 * waves: events alternating between the replicas; every event delivered to
 * both replicas at once (duplicates, as at-least-once delivery makes); and
 * every event dropped, so that only the reconciler learns of the failures.
 * Then:
 *
 * (a) every run Glue holds for those jobs is stored once, complete, in
 *     Glue's state (the failed runs FAILED);
 * (b) each failure produced exactly one notification: one send across both
 *     replicas' notificationService (counted in the backends) and one stored
 *     notification for the team's user, never re-sent, although both
 *     replicas and both feeds (events, reconciler) saw the failure;
 * (c) the reconciler ran on one replica at a time: its passes (first Glue
 *     call to pass log line, per replica) never overlap.
 *
 * Needs PostgreSQL server binaries; without them the drill is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { JsonObject } from '@backstage/types';
import {
  GlueEmulator,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import { serveBackend, ServingBackend } from '../backend/serve';
import { getOk, HttpClient, sleep } from '../lib/http';
import { freePort } from '../lib/net';
import {
  findPostgresBinaries,
  PostgresCluster,
  startPostgres,
} from '../lib/postgres';
import { parseReconcileLine } from '../runindex/analysis';
import { Alternator, ForwardMode, startAlternator } from './alternator';
import { RecordingProxy, startRecordingProxy } from './proxy';
import {
  checkRunIndexDrill,
  DrillObservations,
  RunIndexDrillChecks,
} from './runIndexDrillChecks';
import {
  DRILL_DB_PREFIX,
  DRILL_USER,
  drillFixture,
  drillJob,
  replicaConfig,
  writeOrg,
} from './runIndexDrillSetup';
import { ENDED, getJobRun, startJobRun } from '../runindex/glue';

const LOG_LINES =
  '^(AWS Glue run index reconciled|Could not notify|Dropped an AWS Glue event|Could not store runs)';

export interface RunIndexDrillOptions {
  quick: boolean;
  log: (line: string) => void;
}

/** How each wave's events reach the replicas. */
export type WaveMode = ForwardMode | 'dropped';
const WAVES: WaveMode[] = ['alternate', 'both', 'dropped'];

export interface RunIndexDrillResult extends Partial<RunIndexDrillChecks> {
  skipped?: string;
  passed: boolean;
  postgresVersion?: string;
  settings?: {
    jobs: number;
    waves: WaveMode[];
    failedRuns: number;
    reconcilerFrequencySeconds: number;
    durationScale: number;
  };
  /** Events the forwarder delivered per replica. */
  eventsPerReplica?: Record<string, number>;
  log: { atMs: number; replica: string; message: string }[];
}

async function waitFor(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean> | boolean,
) {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) {
      throw new Error(`drill: ${what} not reached after ${timeoutMs} ms`);
    }
    await sleep(500);
  }
}

/** Starts one failing run per job and waits until Glue says they ended. */
async function failingWave(endpoint: string, jobs: string[]) {
  const runs: { job: string; runId: string }[] = [];
  for (const job of jobs) {
    runs.push({ job, runId: await startJobRun(endpoint, job, 'FAILED') });
  }
  await waitFor('the failing runs ending', 120_000, async () => {
    const states = await Promise.all(
      runs.map(r => getJobRun(endpoint, r.job, r.runId)),
    );
    return states.every(s => ENDED.has(s.JobRunState));
  });
  return runs;
}

interface DrillRig {
  options: RunIndexDrillOptions;
  log: RunIndexDrillResult['log'];
  sends: DrillObservations['sends'];
  proxy: RecordingProxy;
  postgres: PostgresCluster;
  token: string;
  orgFile: string;
  frequencySeconds: number;
}

/** One replica: its sends and log lines go to the rig. */
async function startReplica(
  rig: DrillRig,
  name: string,
): Promise<ServingBackend> {
  const port = await freePort();
  const backend = await serveBackend({
    label: name,
    port,
    config: replicaConfig({
      name,
      port,
      token: rig.token,
      database: rig.postgres.backstageDatabaseConfig(
        DRILL_DB_PREFIX,
      ) as JsonObject,
      proxyUrl: rig.proxy.url,
      orgFile: rig.orgFile,
      frequencySeconds: rig.frequencySeconds,
    }),
    task: {
      extras: ['events', 'notifications'],
      countNotifications: true,
      forwardLogs: LOG_LINES,
    },
    onEvent: event => {
      const atMs = rig.proxy.now();
      if (event.type === 'log') {
        rig.log.push({ atMs, replica: name, message: String(event.message) });
      }
      if (event.type === 'notification' && event.pluginId === 'aws-glue') {
        const scope = (event.scope as string) ?? null;
        rig.sends.push({ replica: name, scope, atMs });
      }
    },
  });
  rig.options.log(
    `drill: run-index replica ${name} ready on port ${port} (pid ${backend.handle.pid})`,
  );
  return backend;
}

/**
 * Until the catalog has the jobs and the team (with the user's membership),
 * a reconciler pass went over every job, and the plugin's directory of
 * synced jobs (cached 60 s per replica) is fresh on both replicas.
 */
async function waitUntilReady(
  rig: DrillRig,
  client: HttpClient,
  jobs: string[],
  bothUpAt: number,
) {
  const filter = encodeURIComponent('kind=component,spec.type=glue-job');
  await waitFor(
    'the catalog holding the jobs and the team',
    180_000,
    async () => {
      const res = await getOk(
        client,
        `/api/catalog/entities/by-query?filter=${filter}&limit=1`,
      ).catch(() => undefined);
      const user = await getOk(
        client,
        `/api/catalog/entities/by-name/user/default/${DRILL_USER}`,
      ).catch(() => undefined);
      const member = (user?.body?.relations ?? []).some(
        (r: any) => r.type === 'memberOf',
      );
      return Number(res?.body?.totalItems ?? 0) >= jobs.length && member;
    },
  );
  await waitFor('a reconciler pass over every job', 180_000, () =>
    rig.log.some(
      l => (parseReconcileLine(l.message)?.jobsPolled ?? 0) >= jobs.length,
    ),
  );
  await sleep(Math.max(0, 62_000 - (performance.now() - bothUpAt)));
}

/** The waves of failing runs; then both feeds have had their say. */
async function failInWaves(
  rig: DrillRig,
  emulator: GlueEmulator,
  alternator: Alternator,
  jobs: string[],
): Promise<{ failed: DrillObservations['failed']; lastEndMs: number }> {
  const failed: DrillObservations['failed'] = [];
  for (const wave of WAVES) {
    emulator.events.set({ dropRate: wave === 'dropped' ? 1 : 0 });
    if (wave !== 'dropped') alternator.setMode(wave);
    for (const run of await failingWave(emulator.url, jobs)) {
      failed.push({ ...run, wave });
    }
    await emulator.events.flush();
  }
  emulator.events.set({ dropRate: 0 });
  const lastEndMs = rig.proxy.now();
  // the events are applied, and two reconciler passes ran after the last
  await waitFor(
    'two reconciler passes after the last failure',
    90_000,
    () =>
      rig.log.filter(l => l.atMs > lastEndMs && parseReconcileLine(l.message))
        .length >= 2,
  );
  await sleep(3000);
  return { failed, lastEndMs };
}

export async function runRunIndexDrill(
  options: RunIndexDrillOptions,
): Promise<RunIndexDrillResult> {
  const log: RunIndexDrillResult['log'] = [];
  const binaries = findPostgresBinaries();
  if ('missing' in binaries) {
    return {
      skipped: `run-index drill not run: ${binaries.missing}`,
      passed: false,
      log,
    };
  }
  const jobs = Array.from({ length: options.quick ? 4 : 6 }, (_, i) =>
    drillJob(i),
  );
  const frequencySeconds = 8;
  const durationScale = 60;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-rixdrill-'));
  const alternator = await startAlternator();
  const emulator = await startGlueEmulator({
    fixture: drillFixture(jobs.length),
    port: 0,
    durationScale,
    tickIntervalMs: 100,
    eventsUrl: alternator.url,
  });
  const proxy = await startRecordingProxy(emulator.url);
  const replicas: ServingBackend[] = [];
  let postgres: PostgresCluster | undefined;
  try {
    postgres = await startPostgres({ log: options.log });
    const rig: DrillRig = {
      options,
      log,
      sends: [],
      proxy,
      postgres,
      token: randomBytes(24).toString('hex'),
      orgFile: writeOrg(dir),
      frequencySeconds,
    };
    const result: RunIndexDrillResult = {
      passed: false,
      postgresVersion: postgres.version,
      settings: {
        jobs: jobs.length,
        waves: WAVES,
        failedRuns: jobs.length * WAVES.length,
        reconcilerFrequencySeconds: frequencySeconds,
        durationScale,
      },
      log,
    };
    replicas.push(await startReplica(rig, 'replica-a'));
    replicas.push(await startReplica(rig, 'replica-b'));
    const bothUpAt = performance.now();
    alternator.setTargets(
      replicas.map(r => ({
        name: r.label,
        url: `${r.base}/api/events/http/aws-glue`,
      })),
    );
    await waitUntilReady(
      rig,
      { base: replicas[0].base, token: rig.token },
      jobs,
      bothUpAt,
    );
    options.log(
      `drill: ${
        jobs.length
      } jobs synced and backfilled; failing runs, events ${WAVES.join(
        ', then ',
      )} ...`,
    );
    const { failed, lastEndMs } = await failInWaves(
      rig,
      emulator,
      alternator,
      jobs,
    );
    result.eventsPerReplica = alternator.counts();
    Object.assign(
      result,
      await checkRunIndexDrill({
        postgres,
        endpoint: emulator.url,
        jobs,
        failed,
        sends: rig.sends,
        calls: proxy.calls,
        log,
        afterMs: lastEndMs,
      }),
    );
    result.passed = !!(
      result.storedOnce?.passed &&
      result.notifiedOnce?.passed &&
      result.reconcilerExclusive?.passed
    );
    return result;
  } finally {
    await Promise.all(replicas.map(r => r.stop()));
    await postgres?.stop();
    await proxy.stop();
    await alternator.stop();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
