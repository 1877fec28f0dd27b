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
  log: { atMs: number; replica: string; message: string }[];
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

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
  const latencyMs = 600; // ~5 sequential tagging pages: a sync takes ~3-4 s
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
    const callsBefore = proxy.calls.length;
    while (proxy.calls.length === callsBefore) {
      if (performance.now() > deadline + 60_000) {
        throw new Error('no sync started to kill');
      }
      await sleep(50);
    }
    const victimCall = proxy.calls[callsBefore];
    const killed = victimCall.replica;
    const survivor = killed === 'replica-a' ? 'replica-b' : 'replica-a';
    // Mid-sync: the tagging streams are still paging.
    await sleep(Math.round(latencyMs * 1.5));
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
      survivorApplied = applied.some(
        a => a.replica === survivor && a.atMs > killAt,
      );
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
    result.passed = exactlyOnce && killPassed;
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
