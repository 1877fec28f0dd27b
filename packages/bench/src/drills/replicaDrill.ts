/*
 * Drill: two backend replicas sharing one PostgreSQL.
 *
 * 1. Exactly once: both replicas run the catalog with the Glue module on the
 *    same database; the Backstage scheduler's database lock must make each
 *    schedule tick sync exactly once across both. Counted at the wire: every
 *    Glue call goes through a recording proxy that knows which replica made it.
 * 2. Kill mid-sync: while a replica is in the middle of a sync (emulator
 *    latency makes a sync take seconds) it gets SIGKILL. The catalog must
 *    stay whole: the entity count never drops, and it is unchanged after the
 *    other replica's next sync.
 * 3. Takeover: the survivor's sync must be applied within 2 minutes of the
 *    kill. The dead replica's lock is freed only once its task timeout has
 *    passed and the survivor's scheduler janitor (once a minute) has swept
 *    it, so with these settings the bound is about timeout + 65 s + a sync.
 *
 * Needs PostgreSQL server binaries (initdb, pg_ctl); without them the drill
 * is reported as skipped.
 */
import { performance } from 'node:perf_hooks';
import type { JsonObject } from '@backstage/types';
import {
  generateFixture,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import { countEntities } from '../backend/backendWorker';
import type { BackendTask } from '../backend/backendWorker';
import { benchBackendConfig } from '../backend/config';
import { startWorker, waitForExit, WorkerHandle } from '../lib/child';
import { freePort } from '../lib/net';
import { findPostgresBinaries, startPostgres } from '../lib/postgres';
import { startRecordingProxy } from './proxy';
import { groupSyncs, SyncObservation } from './syncs';

const ACCOUNT = '100000000001';
const REGION = 'us-east-1';
const FILTER = `metadata.annotations.amazonaws.com/account-id=${ACCOUNT}`;

export interface ReplicaDrillOptions {
  quick: boolean;
  log: (line: string) => void;
}

export interface ReplicaDrillResult {
  skipped?: string;
  passed: boolean;
  postgresVersion?: string;
  settings?: {
    jobs: number;
    latencyMs: number;
    frequencySeconds: number;
    timeoutSeconds: number;
    ticksObserved: number;
  };
  expectedEntities?: number;
  exactlyOnce?: {
    passed: boolean;
    syncs: SyncObservation[];
    /** Syncs per tick window, in order. */
    perTick: number[];
    overlapping: number;
    detail: string;
  };
  killMidSync?: {
    passed: boolean;
    killed: string;
    survivor: string;
    /** ms from the killed sync's first call to the kill. */
    killedAfterMs: number;
    /** Calls the killed sync made before the kill / a full sync makes. */
    killedSyncCalls: number;
    fullSyncCalls: number;
    countBeforeKill: number;
    minCountAfterKill: number;
    maxCountAfterKill: number;
    countAfterSurvivorSync: number;
    /** ms from the kill until the survivor's next sync started (the lock must expire first). */
    survivorTookOverAfterMs?: number;
    survivorSyncApplied: boolean;
    detail: string;
  };
  takeover?: {
    passed: boolean;
    /** ms from the kill until the survivor's sync was applied (its log line). */
    takeoverMs?: number;
    targetMs: number;
    /** The worst case for these settings: the whole timeout, the janitor's minute, a 5 s work check, a sync. */
    boundMs: number;
    detail: string;
  };
  log: { atMs: number; replica: string; message: string }[];
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const fmtSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runReplicaDrill(
  options: ReplicaDrillOptions,
): Promise<ReplicaDrillResult> {
  const log: ReplicaDrillResult['log'] = [];
  const binaries = findPostgresBinaries();
  if ('missing' in binaries) {
    return {
      skipped: `two-replica drill not run: ${binaries.missing}`,
      passed: false,
      log,
    };
  }
  const jobs = 500; // one GetJobs page per sync: GetJobs calls count syncs
  // Two calls deep (a listing page, then its tags by ARN list or
  // BatchGetWorkflows): a sync takes ~1.2-2 s.
  const latencyMs = 600;
  const frequencySeconds = 15;
  const timeoutSeconds = 20;
  const ticksObserved = options.quick ? 3 : 5;

  const frozen = Date.now();
  const emulator = await startGlueEmulator({
    fixture: generateFixture({ jobs, seed: 1 }),
    port: 0,
    clock: { now: () => frozen },
    ticker: false,
    latency: { fixedMs: latencyMs, jitterMs: 0 },
  });
  const proxy = await startRecordingProxy(emulator.url);
  const postgres = await startPostgres({ log: options.log });
  const replicas = new Map<
    string,
    { handle: WorkerHandle<unknown>; port: number }
  >();
  const applied: { replica: string; atMs: number; message: string }[] = [];

  const startReplica = async (name: string) => {
    const port = await freePort();
    const config = benchBackendConfig({
      port,
      database: postgres.backstageDatabaseConfig('drill_') as JsonObject,
      awsAccount: { accountId: ACCOUNT, secretAccessKey: 'drill' },
      catalogKinds: ['Component', 'System', 'Resource', 'Location'],
      catalog: {
        providers: {
          awsGlue: {
            drill: {
              accountId: ACCOUNT,
              regions: [REGION],
              // the path prefix tells the proxy which replica called
              endpoint: `${proxy.url}/${name}`,
              schedule: {
                frequency: { seconds: frequencySeconds },
                timeout: { seconds: timeoutSeconds },
              },
            },
          },
        },
      },
    });
    const task: BackendTask = {
      kind: 'backend',
      mode: 'serve',
      label: name,
      port,
      config,
      filter: FILTER,
    };
    let ready: () => void = () => {};
    const readyPromise = new Promise<void>(resolve => {
      ready = resolve;
    });
    const handle = startWorker<unknown>(
      task as unknown as Record<string, unknown>,
      {
        timeoutMs: 30 * 60_000,
        onEvent: event => {
          if (event.type === 'ready') ready();
          if (event.type === 'log') {
            const entry = {
              atMs: proxy.now(),
              replica: name,
              message: String(event.message),
            };
            log.push(entry);
            if (/^Glue sync applied/.test(entry.message)) applied.push(entry);
          }
        },
      },
    );
    handle.result.catch(() => {}); // a killed replica never answers
    replicas.set(name, { handle, port });
    await Promise.race([
      readyPromise,
      handle.result.then(() => {
        throw new Error(`replica ${name} stopped before it was ready`);
      }),
      sleep(120_000).then(() => {
        throw new Error(`replica ${name} not ready after 120 s`);
      }),
    ]);
    options.log(
      `drill: replica ${name} ready on port ${port} (pid ${handle.pid})`,
    );
  };

  const result: ReplicaDrillResult = {
    passed: false,
    postgresVersion: postgres.version,
    settings: {
      jobs,
      latencyMs,
      frequencySeconds,
      timeoutSeconds,
      ticksObserved,
    },
    log,
  };
  try {
    await startReplica('replica-a');
    await startReplica('replica-b');

    // ---- 1. exactly once per tick ------------------------------------
    const phase1Start = proxy.now();
    options.log(
      `drill: watching ${ticksObserved} schedule ticks of ${frequencySeconds} s ...`,
    );
    await sleep((ticksObserved * frequencySeconds + 8) * 1000);
    const phase1End = proxy.now();
    const syncs = groupSyncs(
      proxy.calls.filter(c => c.atMs <= phase1End),
      2 * latencyMs + 1500,
    );
    const first = syncs[0];
    const overlapping = syncs.filter((s, i) =>
      syncs.some(
        (o, j) => j !== i && o.startMs <= s.endMs && s.startMs <= o.endMs,
      ),
    ).length;
    const perTick: number[] = [];
    if (first) {
      for (const s of syncs) {
        s.tick = Math.round(
          (s.startMs - first.startMs) / (frequencySeconds * 1000),
        );
        perTick[s.tick] = (perTick[s.tick] ?? 0) + 1;
      }
    }
    const ticks = Array.from(perTick, n => n ?? 0);
    const wholeTicks = ticks.slice(0, ticksObserved);
    const fullSyncCalls = first?.calls ?? 0;
    const exactlyOnce =
      wholeTicks.length === ticksObserved &&
      wholeTicks.every(n => n === 1) &&
      overlapping === 0 &&
      syncs.every(s => s.getJobs === 1);
    result.exactlyOnce = {
      passed: exactlyOnce,
      syncs,
      perTick: ticks,
      overlapping,
      detail: `${syncs.length} syncs in ${Math.round(
        (phase1End - phase1Start) / 1000,
      )} s; per tick: [${ticks.join(', ')}]; by replica: ${[
        ...new Set(syncs.map(s => s.replica)),
      ]
        .map(r => `${r} ${syncs.filter(s => s.replica === r).length}`)
        .join(', ')}; overlapping syncs: ${overlapping}`,
    };
    options.log(`drill: exactly once: ${result.exactlyOnce.detail}`);

    // ---- 2. kill a replica mid-sync -----------------------------------
    const anyPort = replicas.get('replica-a')!.port;
    const deadline = performance.now() + 180_000;
    let expected = 0;
    for (;;) {
      const lastApplied = applied[applied.length - 1];
      const match =
        lastApplied && /applied (\d+) entities/.exec(lastApplied.message);
      expected = match ? Number(match[1]) : 0;
      const count = expected ? await countEntities(anyPort, FILTER) : 0;
      if (expected && count === expected) break;
      if (performance.now() > deadline) {
        throw new Error(
          `the catalog never showed all ${expected} entities before the kill (${count})`,
        );
      }
      await sleep(1000);
    }
    result.expectedEntities = expected;
    options.log(
      `drill: catalog whole with ${expected} entities; waiting for the next sync to kill its replica ...`,
    );
    // Watch arrivals, not answers: with 600 ms a call, a sync's first
    // answers come back when it is already half done.
    const callsBefore = proxy.arrivals.length;
    while (proxy.arrivals.length === callsBefore) {
      if (performance.now() > deadline + 60_000) {
        throw new Error('no sync started to kill');
      }
      await sleep(20);
    }
    const victimCall = proxy.arrivals[callsBefore];
    const killed = victimCall.replica;
    const survivor = killed === 'replica-a' ? 'replica-b' : 'replica-a';
    // Mid-sync: the listings' first pages are on the wire, none answered.
    await sleep(Math.round(latencyMs / 2));
    const countBeforeKill = await countEntities(
      replicas.get(survivor)!.port,
      FILTER,
    );
    const killAt = proxy.now();
    replicas.get(killed)!.handle.kill('SIGKILL');
    await waitForExit(replicas.get(killed)!.handle.child, 10_000);
    options.log(
      `drill: SIGKILL ${killed} (pid ${replicas.get(killed)!.handle.pid}) ${
        killAt - victimCall.atMs
      } ms into its sync`,
    );
    await sleep(2 * latencyMs + 1500); // let calls in flight settle
    const killedSyncCalls = proxy.calls.filter(
      c => c.replica === killed && c.atMs >= victimCall.atMs,
    ).length;
    const appliedByKilled = applied.some(
      a => a.replica === killed && a.atMs >= victimCall.atMs,
    );

    // Watch the count until the survivor has synced after the kill.
    const survivorPort = replicas.get(survivor)!.port;
    let minCount = countBeforeKill;
    let maxCount = countBeforeKill;
    let survivorStartMs: number | undefined;
    let survivorApplied = false;
    let survivorAppliedAtMs: number | undefined;
    const waitUntil =
      performance.now() +
      (timeoutSeconds + 60 + 2 * frequencySeconds + 30) * 1000;
    while (performance.now() < waitUntil) {
      const count = await countEntities(survivorPort, FILTER);
      minCount = Math.min(minCount, count);
      maxCount = Math.max(maxCount, count);
      survivorStartMs ??= proxy.calls.find(
        c => c.replica === survivor && c.atMs > killAt,
      )?.atMs;
      survivorAppliedAtMs = applied.find(
        a => a.replica === survivor && a.atMs > killAt,
      )?.atMs;
      survivorApplied = survivorAppliedAtMs !== undefined;
      if (survivorApplied) break;
      await sleep(500);
    }
    // After the survivor's sync, let processing settle, then count again.
    await sleep(5000);
    const countAfter = await countEntities(survivorPort, FILTER);
    minCount = Math.min(minCount, countAfter);
    maxCount = Math.max(maxCount, countAfter);
    const killPassed =
      !appliedByKilled &&
      killedSyncCalls < fullSyncCalls &&
      survivorApplied &&
      minCount === expected &&
      maxCount === expected &&
      countAfter === expected;
    result.killMidSync = {
      passed: killPassed,
      killed,
      survivor,
      killedAfterMs: killAt - victimCall.atMs,
      killedSyncCalls,
      fullSyncCalls,
      countBeforeKill,
      minCountAfterKill: minCount,
      maxCountAfterKill: maxCount,
      countAfterSurvivorSync: countAfter,
      survivorTookOverAfterMs:
        survivorStartMs !== undefined ? survivorStartMs - killAt : undefined,
      survivorSyncApplied: survivorApplied,
      detail: `${killed} killed ${
        killAt - victimCall.atMs
      } ms into a sync (${killedSyncCalls} of ${fullSyncCalls} calls made${
        appliedByKilled ? ', but it had applied!' : ', nothing applied'
      }); ${survivor} synced ${
        survivorStartMs !== undefined
          ? `${Math.round((survivorStartMs - killAt) / 1000)} s after the kill`
          : 'never'
      }${
        survivorApplied ? ' and applied' : ' (no apply seen)'
      }; entity count ${countBeforeKill} before, ${minCount}..${maxCount} after, ${countAfter} after the survivor's sync (expected ${expected})`,
    };
    options.log(`drill: kill mid-sync: ${result.killMidSync.detail}`);

    // ---- 3. takeover time ----------------------------------------------
    const takeoverMs =
      survivorAppliedAtMs !== undefined
        ? survivorAppliedAtMs - killAt
        : undefined;
    const targetMs = 120_000;
    const survivorSync = groupSyncs(
      proxy.calls.filter(c => c.replica === survivor && c.atMs > killAt),
      2 * latencyMs + 1500,
    )[0];
    const syncMs = survivorSync
      ? survivorSync.endMs - survivorSync.startMs + latencyMs
      : 0;
    const boundMs = timeoutSeconds * 1000 + 65_000 + syncMs;
    const takeoverPassed = takeoverMs !== undefined && takeoverMs <= targetMs;
    // The lock was claimed just before the victim's first call.
    const lockExpiredAfterKillMs =
      timeoutSeconds * 1000 - (killAt - victimCall.atMs);
    const startedAfterKillMs =
      survivorStartMs !== undefined ? survivorStartMs - killAt : undefined;
    result.takeover = {
      passed: takeoverPassed,
      takeoverMs,
      targetMs,
      boundMs,
      detail:
        takeoverMs === undefined || startedAfterKillMs === undefined
          ? `${survivor} applied no sync after the kill`
          : `${survivor}'s sync applied ${fmtSeconds(
              takeoverMs,
            )} after the kill (target ${fmtSeconds(
              targetMs,
            )}): the dead replica's lock expired ~${fmtSeconds(
              lockExpiredAfterKillMs,
            )} after the kill (task timeout ${timeoutSeconds} s from its sync's start), the survivor's scheduler freed and claimed it ${fmtSeconds(
              startedAfterKillMs - lockExpiredAfterKillMs,
            )} later (janitor every 60 s, work check 5 s), and its sync took ${fmtSeconds(
              takeoverMs - startedAfterKillMs,
            )} to apply; bound for these settings ${fmtSeconds(
              boundMs,
            )} (timeout + 65 s + a sync)`,
    };
    options.log(`drill: takeover: ${result.takeover.detail}`);
    result.passed = exactlyOnce && killPassed && takeoverPassed;
    return result;
  } finally {
    for (const { handle } of replicas.values()) {
      handle.child.send?.({ type: 'stop' }, () => {});
    }
    await Promise.all(
      [...replicas.values()].map(({ handle }) =>
        waitForExit(handle.child, 15_000),
      ),
    );
    await postgres.stop();
    await proxy.stop();
    await emulator.stop();
  }
}
