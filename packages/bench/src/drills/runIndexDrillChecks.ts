/*
 * The run-index drill's checks, on what the replicas stored (the plugin's
 * and the notifications backend's databases) and what they did (sends
 * counted in each backend, Glue calls attributed by the recording proxy,
 * the reconciler's pass lines).
 */
import type { PostgresCluster } from '../lib/postgres';
import { pgClient } from '../lib/sql';
import {
  checkNotifications,
  compareStore,
  crossReplicaOverlaps,
  NotificationCheck,
  passesOf,
  parseReconcileLine,
  StoreComparison,
} from '../runindex/analysis';
import { allJobRuns } from '../runindex/glue';
import { pgStoreReader } from '../runindex/store';
import type { RecordedCall } from './proxy';
import {
  DRILL_DB_PREFIX,
  DRILL_RECIPIENT,
  notificationScope,
} from './runIndexDrillSetup';

export interface DrillObservations {
  postgres: PostgresCluster;
  endpoint: string;
  jobs: string[];
  failed: { job: string; runId: string; wave?: string }[];
  sends: { replica: string; scope: string | null; atMs: number }[];
  calls: RecordedCall[];
  log: { atMs: number; replica: string; message: string }[];
  /** ms (proxy clock) when the last failing run had ended. */
  afterMs: number;
}

export interface RunIndexDrillChecks {
  /** Glue calls per replica and operation (the plugin's, not the catalog module's). */
  glueCallsByReplica: Record<string, Record<string, number>>;
  storedOnce: { passed: boolean; detail: string; comparison: StoreComparison };
  notifiedOnce: {
    passed: boolean;
    detail: string;
    sendsPerReplica: Record<string, number>;
    /** Per wave: failed runs, and which replica sent their notifications. */
    perWave: Record<string, { runs: number; sentBy: Record<string, number> }>;
    check: NotificationCheck;
  };
  reconcilerExclusive: {
    passed: boolean;
    detail: string;
    passes: {
      replica: string;
      startMs: number;
      endMs: number;
      calls: number;
      jobsPolled?: number;
    }[];
    overlaps: number;
    passesAfterFailures: Record<string, number>;
  };
}

async function notificationRows(postgres: PostgresCluster) {
  const client = pgClient({
    host: postgres.host,
    port: postgres.port,
    user: postgres.user,
    password: postgres.password,
    database: `${DRILL_DB_PREFIX}notifications`,
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select scope, "user", updated from notification',
    );
    return rows as { scope: string | null; user: string; updated: unknown }[];
  } finally {
    await client.end();
  }
}

async function storedOnce(o: DrillObservations) {
  const reader = await pgStoreReader({
    host: o.postgres.host,
    port: o.postgres.port,
    user: o.postgres.user,
    password: o.postgres.password,
    database: `${DRILL_DB_PREFIX}aws-glue`,
  });
  try {
    const glue = [];
    for (const job of o.jobs) {
      for (const run of await allJobRuns(o.endpoint, job)) {
        glue.push({ jobName: job, runId: run.Id, state: run.JobRunState });
      }
    }
    const comparison = compareStore(glue, await reader.runsOf(o.jobs));
    const failedIds = new Set(o.failed.map(f => f.runId));
    const failedInGlue = glue.filter(
      g => failedIds.has(g.runId) && g.state === 'FAILED',
    ).length;
    const passed =
      comparison.missing.length === 0 &&
      comparison.wrongState.length === 0 &&
      comparison.duplicates.length === 0 &&
      failedInGlue === o.failed.length;
    return {
      passed,
      comparison,
      detail: `${comparison.matched} of ${comparison.glueRuns} runs Glue holds stored once in Glue's state (${failedInGlue} of ${o.failed.length} failed runs FAILED in Glue); missing ${comparison.missing.length}, wrong state ${comparison.wrongState.length}, duplicated ${comparison.duplicates.length}`,
    };
  } finally {
    await reader.close();
  }
}

function reconcilerExclusive(o: DrillObservations) {
  const ends = o.log.filter(l => parseReconcileLine(l.message));
  const calls = o.calls
    .filter(
      c => c.operation === 'GetJobRuns' && !c.replica.endsWith('-catalog'),
    )
    .map(c => ({ replica: c.replica, atMs: c.atMs }));
  const passes = passesOf(calls, ends).map(p => ({
    replica: p.replica,
    startMs: p.startMs,
    endMs: p.endMs,
    calls: p.calls,
    jobsPolled: parseReconcileLine(p.message)?.jobsPolled,
  }));
  const overlaps = crossReplicaOverlaps(passes);
  const byReplica: Record<string, number> = {};
  const after: Record<string, number> = {};
  for (const p of passes) {
    byReplica[p.replica] = (byReplica[p.replica] ?? 0) + 1;
    if (p.startMs > o.afterMs) after[p.replica] = (after[p.replica] ?? 0) + 1;
  }
  return {
    passed: overlaps.length === 0 && passes.length >= 2,
    passes,
    overlaps: overlaps.length,
    passesAfterFailures: after,
    detail: `${passes.length} passes (${Object.entries(byReplica)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ')}), ${overlaps.length} overlapping across replicas${
      overlaps.length
        ? `: ${overlaps
            .slice(0, 3)
            .map(
              ([x, y]) =>
                `${x.replica} ${x.startMs}-${x.endMs} ms / ${y.replica} ${y.startMs}-${y.endMs} ms`,
            )
            .join('; ')}`
        : ''
    }; after the last failure: ${Object.entries(after)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ')}`,
  };
}

export async function checkRunIndexDrill(
  o: DrillObservations,
): Promise<RunIndexDrillChecks> {
  const scopes = o.failed.map(f => notificationScope(f.job, f.runId));
  const check = checkNotifications(
    scopes,
    o.sends,
    await notificationRows(o.postgres),
    [DRILL_RECIPIENT],
  );
  const sendsPerReplica: Record<string, number> = {};
  for (const s of o.sends) {
    sendsPerReplica[s.replica] = (sendsPerReplica[s.replica] ?? 0) + 1;
  }
  const perWave: RunIndexDrillChecks['notifiedOnce']['perWave'] = {};
  for (const f of o.failed) {
    const wave = (perWave[f.wave ?? 'all'] ??= { runs: 0, sentBy: {} });
    wave.runs += 1;
    const scope = notificationScope(f.job, f.runId);
    for (const s of o.sends.filter(x => x.scope === scope)) {
      wave.sentBy[s.replica] = (wave.sentBy[s.replica] ?? 0) + 1;
    }
  }
  const glueCallsByReplica: Record<string, Record<string, number>> = {};
  for (const c of o.calls.filter(x => !x.replica.endsWith('-catalog'))) {
    const mine = (glueCallsByReplica[c.replica] ??= {});
    mine[c.operation] = (mine[c.operation] ?? 0) + 1;
  }
  return {
    glueCallsByReplica,
    storedOnce: await storedOnce(o),
    notifiedOnce: {
      passed:
        check.problems.length === 0 && check.exactlyOnce === scopes.length,
      detail: `${check.exactlyOnce} of ${
        scopes.length
      } failed runs notified exactly once to ${DRILL_RECIPIENT} (sends: ${
        Object.entries(sendsPerReplica)
          .map(([r, n]) => `${r} ${n}`)
          .join(', ') || 'none'
      }; by wave: ${Object.entries(perWave)
        .map(
          ([w, v]) =>
            `${w} ${v.runs} runs sent by ${
              Object.entries(v.sentBy)
                .map(([r, n]) => `${r} ${n}`)
                .join(' + ') || 'nobody'
            }`,
        )
        .join('; ')})${
        check.problems.length
          ? `; problems: ${check.problems.slice(0, 5).join(' | ')}`
          : ''
      }`,
      sendsPerReplica,
      perWave,
      check,
    },
    reconcilerExclusive: reconcilerExclusive(o),
  };
}
