/**
 * Aggregates over stored runs: success rate, p50/p95 duration, DPU-hours and
 * cost, per UTC day and over a window. Pure.
 */
import {
  GlueRunAggregate,
  GlueRunSummary,
  GlueTrendPoint,
  isActiveRunState,
  isFailedRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { GluePricing, round6 } from '../lib/cost';
import {
  compactObject,
  StoredJobRun,
  storedRunDuration,
  storedRunUsage,
} from '../lib/shapes';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a time, UTC. */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The value below which `p` of the sorted values lie (nearest rank). */
export function percentile(sorted: number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Seconds from start to end of an ended run. */
export function durationOf(run: StoredJobRun): number | undefined {
  const started = Date.parse(run.startedOn ?? '');
  const completed = Date.parse(run.completedOn ?? '');
  if (Number.isNaN(started) || Number.isNaN(completed)) return undefined;
  return Math.max(0, Math.round((completed - started) / 1000));
}

/** Aggregates over runs; active runs are not counted. */
export function aggregateRuns(
  runs: StoredJobRun[],
  pricing: GluePricing,
): GlueRunAggregate {
  const ended = runs.filter(run => !isActiveRunState(run.state));
  const succeeded = ended.filter(run => run.state === 'SUCCEEDED').length;
  const failed = ended.filter(run => isFailedRunState(run.state)).length;
  const durations = ended
    .map(durationOf)
    .filter((d): d is number => d !== undefined)
    .sort((a, b) => a - b);
  let dpuHours = 0;
  let cost = 0;
  for (const run of ended) {
    const usage = storedRunUsage(run, pricing);
    dpuHours += usage.dpuHours ?? 0;
    cost += usage.estimatedCost ?? 0;
  }
  return compactObject({
    runs: ended.length,
    succeeded,
    failed,
    successRate:
      succeeded + failed > 0
        ? round6(succeeded / (succeeded + failed))
        : undefined,
    p50DurationSeconds: percentile(durations, 0.5),
    p95DurationSeconds: percentile(durations, 0.95),
    dpuHours: round6(dpuHours),
    estimatedCost: round6(cost),
  });
}

/**
 * One point per UTC day from `days - 1` days before `now` to `now`'s day,
 * oldest first, days without runs included; a run counts on its start day.
 */
export function dailyTrend(
  runs: StoredJobRun[],
  options: { now: number; days: number; pricing: GluePricing },
): GlueTrendPoint[] {
  const byDay = new Map<string, StoredJobRun[]>();
  for (const run of runs) {
    const started = Date.parse(run.startedOn ?? '');
    if (Number.isNaN(started)) continue;
    const day = utcDay(started);
    byDay.set(day, [...(byDay.get(day) ?? []), run]);
  }
  const points: GlueTrendPoint[] = [];
  for (let i = options.days - 1; i >= 0; i--) {
    const date = utcDay(options.now - i * DAY_MS);
    points.push({
      date,
      ...aggregateRuns(byDay.get(date) ?? [], options.pricing),
    });
  }
  return points;
}

/** The first millisecond of the window's first UTC day. */
export function windowStart(now: number, days: number): number {
  return Date.parse(`${utcDay(now - (days - 1) * DAY_MS)}T00:00:00.000Z`);
}

/** The first millisecond of this and the last UTC calendar month. */
export function monthStarts(now: number): {
  thisMonth: number;
  lastMonth: number;
} {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return {
    thisMonth: Date.UTC(year, month, 1),
    lastMonth: Date.UTC(year, month - 1, 1),
  };
}

/** A stored run as the fleet views show it. */
export function runSummary(
  run: StoredJobRun,
  pricing: GluePricing,
  now: number,
): GlueRunSummary {
  const usage = storedRunUsage(run, pricing);
  const durationSeconds = storedRunDuration(run, now);
  return compactObject({
    id: run.id,
    attempt: run.attempt ?? 0,
    state: run.state ?? 'UNKNOWN',
    startedOn: run.startedOn,
    completedOn: run.completedOn,
    durationSeconds,
    dpuHours: usage.dpuHours,
    estimatedCost: usage.estimatedCost,
    triggerName: run.triggerName,
    errorMessage: run.errorMessage,
  });
}
