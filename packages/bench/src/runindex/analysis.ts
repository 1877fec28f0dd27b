/*
 * Pure analysis of what the run-index section and drill observed: latency
 * summaries, event-to-store delays, the store against Glue, reconciler
 * passes and their overlaps, notifications per failed run, and where a CPU
 * profile's time went. No I/O here (unit-tested).
 */
import { percentile } from '../lib/stats';

const round1 = (n: number) => Math.round(n * 10) / 10;

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    n: sorted.length,
    p50: round1(percentile(sorted, 50)),
    p95: round1(percentile(sorted, 95)),
    p99: round1(percentile(sorted, 99)),
    max: round1(sorted[sorted.length - 1] ?? 0),
    mean: sorted.length ? round1(sum / sorted.length) : 0,
  };
}

/** A run's place on its way (as the plugin's `runStateRank`): 1 starting ... 4 ended. */
export function stateRank(state: string | undefined): number {
  if (state === undefined) return 0;
  const ranks: Record<string, number> = {
    WAITING: 1,
    STARTING: 1,
    RUNNING: 2,
    STOPPING: 3,
  };
  return ranks[state] ?? 4;
}

/** A state change the emulator emitted (ms on the bench's clock). */
export interface EmittedChange {
  jobName: string;
  runId: string;
  state: string;
  atMs: number;
}

/** What one poll of the index showed for a job (ms when the answer arrived). */
export interface IndexObservation {
  jobName: string;
  runId?: string;
  state?: string;
  atMs: number;
}

export interface DelaySample extends EmittedChange {
  /** ms from the emit until a poll showed this state or a later one; absent when never seen. */
  delayMs?: number;
}

/**
 * For each emitted change, the first observation at or after it that shows
 * the same run in this state or a later one. Observations must be in time
 * order per job.
 */
export function eventDelays(
  emitted: EmittedChange[],
  observations: IndexObservation[],
): DelaySample[] {
  const byJob = new Map<string, IndexObservation[]>();
  for (const o of observations) {
    byJob.set(o.jobName, [...(byJob.get(o.jobName) ?? []), o]);
  }
  return emitted.map(change => {
    const seen = (byJob.get(change.jobName) ?? []).find(
      o =>
        o.atMs >= change.atMs &&
        o.runId === change.runId &&
        stateRank(o.state) >= stateRank(change.state),
    );
    return seen
      ? { ...change, delayMs: round1(seen.atMs - change.atMs) }
      : { ...change };
  });
}

export interface StoreComparison {
  /** Runs Glue has (for the jobs compared). */
  glueRuns: number;
  matched: number;
  /** In Glue, not in the store. */
  missing: { jobName: string; runId: string; state: string }[];
  /** In the store with another state (or only from an event). */
  wrongState: {
    jobName: string;
    runId: string;
    glue: string;
    stored: string;
    complete: boolean;
  }[];
  /** Stored more than once (must never happen: one row per job and run). */
  duplicates: string[];
}

/** Every run Glue holds must be stored once, complete, in Glue's state. */
export function compareStore(
  glue: { jobName: string; runId: string; state: string }[],
  stored: {
    jobName: string;
    runId: string;
    state: string;
    complete: boolean;
  }[],
): StoreComparison {
  const key = (r: { jobName: string; runId: string }) =>
    `${r.jobName}/${r.runId}`;
  const byKey = new Map<string, (typeof stored)[number][]>();
  for (const row of stored) {
    byKey.set(key(row), [...(byKey.get(key(row)) ?? []), row]);
  }
  const result: StoreComparison = {
    glueRuns: glue.length,
    matched: 0,
    missing: [],
    wrongState: [],
    duplicates: [...byKey]
      .filter(([, rows]) => rows.length > 1)
      .map(([k]) => k),
  };
  for (const run of glue) {
    const row = byKey.get(key(run))?.[0];
    if (!row) result.missing.push(run);
    else if (row.state !== run.state || !row.complete) {
      result.wrongState.push({
        jobName: run.jobName,
        runId: run.runId,
        glue: run.state,
        stored: row.state,
        complete: row.complete,
      });
    } else result.matched += 1;
  }
  return result;
}

export interface Interval {
  replica: string;
  startMs: number;
  endMs: number;
}

/** Pairs of intervals of different replicas that overlap in time. */
export function crossReplicaOverlaps(
  intervals: Interval[],
): [Interval, Interval][] {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs);
  const pairs: [Interval, Interval][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (sorted[j].startMs > sorted[i].endMs) break;
      if (sorted[j].replica !== sorted[i].replica) {
        pairs.push([sorted[i], sorted[j]]);
      }
    }
  }
  return pairs;
}

/**
 * Reconciler passes from per-replica call times (GetJobRuns) and the pass
 * log lines (their end): calls of one replica belong to the pass whose log
 * line is the first at or after them; the pass spans its first call to its
 * log line. A pass with no call (no jobs yet) spans its log line alone.
 */
export function passesOf(
  calls: { replica: string; atMs: number }[],
  passEnds: { replica: string; atMs: number; message: string }[],
): (Interval & { calls: number; message: string })[] {
  const passes: (Interval & { calls: number; message: string })[] = [];
  for (const replica of new Set(passEnds.map(p => p.replica))) {
    const ends = passEnds
      .filter(p => p.replica === replica)
      .sort((a, b) => a.atMs - b.atMs);
    const times = calls
      .filter(c => c.replica === replica)
      .map(c => c.atMs)
      .sort((a, b) => a - b);
    let i = 0;
    for (const end of ends) {
      const mine: number[] = [];
      while (i < times.length && times[i] <= end.atMs) mine.push(times[i++]);
      passes.push({
        replica,
        startMs: mine[0] ?? end.atMs,
        endMs: end.atMs,
        calls: mine.length,
        message: end.message,
      });
    }
  }
  return passes.sort((a, b) => a.startMs - b.startMs);
}

/** "AWS Glue run index reconciled N jobs with C Glue calls: R runs changed, D jobs deferred..." */
export function parseReconcileLine(
  message: string,
):
  | { jobsPolled: number; calls: number; runsChanged: number; deferred: number }
  | undefined {
  const m =
    /reconciled (\d+) jobs with (\d+) Glue calls: (\d+) runs changed, (\d+) jobs deferred/.exec(
      message,
    );
  return m
    ? {
        jobsPolled: Number(m[1]),
        calls: Number(m[2]),
        runsChanged: Number(m[3]),
        deferred: Number(m[4]),
      }
    : undefined;
}

export interface NotificationCheck {
  failedRuns: number;
  /** Failed runs with exactly one send and exactly one stored notification. */
  exactlyOnce: number;
  problems: string[];
}

/**
 * Each failed run must have produced one send (counted in the backends'
 * notificationService) and one stored notification per recipient that
 * was never re-sent (the notifications backend updates a row it is sent
 * again for the same scope).
 */
export function checkNotifications(
  failedScopes: string[],
  sends: { scope: string | null; replica: string }[],
  rows: { scope: string | null; user: string; updated: unknown }[],
  recipients: string[],
): NotificationCheck {
  const problems: string[] = [];
  let exactlyOnce = 0;
  for (const scope of failedScopes) {
    const sent = sends.filter(s => s.scope === scope);
    const stored = rows.filter(r => r.scope === scope);
    const issues: string[] = [];
    if (sent.length !== 1) {
      issues.push(
        `${sent.length} sends (${
          sent.map(s => s.replica).join(', ') || 'none'
        })`,
      );
    }
    for (const user of recipients) {
      const mine = stored.filter(r => r.user === user);
      if (mine.length !== 1) issues.push(`${mine.length} rows for ${user}`);
      else if (mine[0].updated) issues.push(`re-sent to ${user} (row updated)`);
    }
    if (issues.length) problems.push(`${scope}: ${issues.join('; ')}`);
    else exactlyOnce += 1;
  }
  const known = new Set(failedScopes);
  const stray = sends.filter(s => !s.scope || !known.has(s.scope));
  if (stray.length) {
    problems.push(
      `${stray.length} sends for runs the drill did not fail: ${stray
        .slice(0, 3)
        .map(s => s.scope)
        .join(', ')}`,
    );
  }
  return { failedRuns: failedScopes.length, exactlyOnce, problems };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Where a URL's code comes from: a package, node itself, or V8. */
export function codeOrigin(url: string): string {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node core';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const workspace = /\/(plugins|packages)\/([^/]+)\//.exec(url);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  return url;
}

export interface ProfileSummary {
  /** Sampled time the process was busy (idle excluded), ms; shares are of this. */
  totalMs: number;
  idleMs: number;
  /** Self time by where the code comes from, largest first. */
  byOrigin: { origin: string; ms: number; share: number }[];
  /** Time with code of each origin anywhere on the stack, largest first. */
  inclusiveByOrigin: { origin: string; ms: number; share: number }[];
  /**
   * Inclusive time of functions of interest: `name`, or `name in origin`
   * for a name that other code uses too.
   */
  inclusive: { name: string; ms: number; share: number }[];
}

/** Self time (us) per node: from `timeDeltas` when present, else hit counts. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length && deltas.length === samples.length) {
    // timeDeltas[i] is the time before sample i: it belongs to sample i-1
    for (let i = 0; i < samples.length; i++) {
      const us = deltas[i + 1] ?? 0;
      selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, us));
    }
    return selfUs;
  }
  const hits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const per = hits ? (profile.endTime - profile.startTime) / hits : 0;
  for (const n of profile.nodes) selfUs.set(n.id, (n.hitCount ?? 0) * per);
  return selfUs;
}

const SPECIAL = new Set(['(garbage collector)', '(program)', '(idle)']);

function originOf(node: ProfileNode): string {
  const fn = node.callFrame.functionName;
  return SPECIAL.has(fn) ? fn : codeOrigin(node.callFrame.url);
}

/**
 * Where a profile's busy time went: self time per code origin, inclusive
 * time per origin (code of that origin anywhere on the sampled stack; node
 * core and native frames are not counted as origins there) and inclusive
 * time of the named functions.
 */
export function summarizeProfile(
  profile: CpuProfile,
  functionsOfInterest: string[],
): ProfileSummary {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const wanted = functionsOfInterest.map(f => {
    const [name, origin] = f.split(' in ');
    return { key: f, name, origin };
  });
  let total = 0;
  let idle = 0;
  const self = new Map<string, number>();
  const incOrigin = new Map<string, number>();
  const incFn = new Map<string, number>(functionsOfInterest.map(f => [f, 0]));
  for (const [id, us] of selfTimes(profile)) {
    const node = byId.get(id);
    if (!node || us === 0) continue;
    if (node.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    self.set(originOf(node), (self.get(originOf(node)) ?? 0) + us);
    const origins = new Set<string>();
    const fns = new Set<string>();
    for (
      let at: number | undefined = id;
      at !== undefined;
      at = parent.get(at)
    ) {
      const frame = byId.get(at)!;
      const origin = originOf(frame);
      if (origin !== 'node core' && origin !== '(native / V8)')
        origins.add(origin);
      for (const w of wanted) {
        if (
          frame.callFrame.functionName === w.name &&
          (!w.origin || origin === w.origin)
        ) {
          fns.add(w.key);
        }
      }
    }
    for (const o of origins) incOrigin.set(o, (incOrigin.get(o) ?? 0) + us);
    for (const f of fns) incFn.set(f, incFn.get(f)! + us);
  }
  const row = <K extends string>(key: K, name: string, us: number) =>
    ({
      [key]: name,
      ms: round1(us / 1000),
      share: total ? Math.round((us / total) * 1000) / 10 : 0,
    } as { [P in K]: string } & { ms: number; share: number });
  const sorted = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    totalMs: round1(total / 1000),
    idleMs: round1(idle / 1000),
    byOrigin: sorted(self).map(([o, us]) => row('origin', o, us)),
    inclusiveByOrigin: sorted(incOrigin).map(([o, us]) => row('origin', o, us)),
    inclusive: [...incFn].map(([f, us]) => row('name', f, us)),
  };
}
