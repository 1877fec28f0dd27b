/** What the trend charts draw, as pure functions of the trends routes' points. */
import { GlueTrendPoint } from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  formatCost,
  formatDpuHours,
  formatDuration,
  formatFullDay,
  formatPercent,
} from './format';

/** `reliability`: success rate and p95 duration; `usage`: DPU-hours and cost. */
export type TrendMetric = 'reliability' | 'usage';

/** The metrics, in the order the toggle offers them. */
export const TREND_METRICS: { value: TrendMetric; label: string }[] = [
  { value: 'reliability', label: 'Success rate and p95 duration' },
  { value: 'usage', label: 'DPU-hours and cost' },
];

/** One series of a chart: what it reads from a day and how it says it. */
export interface TrendSeries {
  label: string;
  value: (point: GlueTrendPoint) => number | undefined;
  format: (value: number | undefined) => string;
}

/** A chart: bars against the left axis, a line against the right one. */
export interface TrendChartDefinition {
  title: string;
  bars: TrendSeries;
  line: TrendSeries;
  /** Bars are shares between 0 and 1, drawn against 100%. */
  barsAreShares: boolean;
}

/** The series of a metric, costs in `currency`. */
export function trendChartDefinition(
  metric: TrendMetric,
  currency: string,
): TrendChartDefinition {
  if (metric === 'usage') {
    return {
      title: 'DPU-hours and estimated cost per day',
      bars: {
        label: 'DPU-hours',
        value: p => p.dpuHours,
        format: v => `${formatDpuHours(v)} DPU-hours`,
      },
      line: {
        label: 'Estimated cost',
        value: p => p.estimatedCost,
        format: v => formatCost(v, currency),
      },
      barsAreShares: false,
    };
  }
  return {
    title: 'Success rate and p95 duration per day',
    bars: {
      label: 'Success rate',
      value: p => p.successRate,
      format: formatPercent,
    },
    line: {
      label: 'p95 duration',
      value: p => p.p95DurationSeconds,
      format: formatDuration,
    },
    barsAreShares: true,
  };
}

/** The largest of the values (at least `floor`), for an axis to fit them. */
export function axisMax(values: (number | undefined)[], floor = 0): number {
  return Math.max(
    floor,
    ...values.filter((v): v is number => v !== undefined && Number.isFinite(v)),
  );
}

/**
 * The `points` attributes of polylines through the values, one per run of
 * days that have a value: a day without one breaks the line. A lone day
 * between gaps is a flat dash `loneHalfWidth` either side of it, so that it
 * shows.
 */
export function lineSegments(
  values: (number | undefined)[],
  position: (value: number, index: number) => [number, number],
  loneHalfWidth = 0,
): string[] {
  const segments: [number, number][][] = [];
  let current: [number, number][] | undefined;
  values.forEach((value, i) => {
    if (value === undefined || !Number.isFinite(value)) {
      current = undefined;
      return;
    }
    if (!current) {
      current = [];
      segments.push(current);
    }
    current.push(position(value, i));
  });
  return segments.map(segment => {
    const [[x, y]] = segment;
    const drawn: [number, number][] =
      segment.length === 1 && loneHalfWidth > 0
        ? [
            [x - loneHalfWidth, y],
            [x + loneHalfWidth, y],
          ]
        : segment;
    return drawn.map(([px, py]) => `${px},${py}`).join(' ');
  });
}

/** True when some day has a finished run. */
export function hasFinishedRuns(points: GlueTrendPoint[]): boolean {
  return points.some(p => p.runs > 0);
}

/** A day in words, for a tooltip: `Tue, Mar 4, 2025: 3 runs, 67% succeeded, …`. */
export function describeTrendPoint(
  point: GlueTrendPoint,
  currency: string,
): string {
  const day = formatFullDay(point.date);
  if (point.runs === 0) return `${day}: no finished runs`;
  return `${day}: ${point.runs} run${
    point.runs === 1 ? '' : 's'
  }, ${formatPercent(point.successRate)} succeeded, ${
    point.failed
  } failed, p95 ${formatDuration(point.p95DurationSeconds)}, ${formatDpuHours(
    point.dpuHours,
  )} DPU-hours, ${formatCost(point.estimatedCost, currency)}`;
}
