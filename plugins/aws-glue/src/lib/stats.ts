import {
  GlueJobRun,
  isActiveRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** Statistics over a set of loaded runs. */
export interface RunStatistics {
  /** Runs that are no longer active. */
  finished: number;
  succeeded: number;
  /** `succeeded / finished`, `undefined` when nothing finished. */
  successRate?: number;
  /** Median duration of finished runs, seconds. */
  medianDurationSeconds?: number;
  totalCost: number;
  totalDpuHours: number;
}

/** Success rate, median duration and totals of `runs`. */
export function runStatistics(runs: GlueJobRun[]): RunStatistics {
  const finished = runs.filter(r => !isActiveRunState(r.state));
  const succeeded = finished.filter(r => r.state === 'SUCCEEDED').length;
  const durations = finished
    .map(r => r.durationSeconds)
    .filter((d): d is number => typeof d === 'number')
    .sort((a, b) => a - b);
  let median: number | undefined;
  if (durations.length > 0) {
    const mid = Math.floor(durations.length / 2);
    median =
      durations.length % 2
        ? durations[mid]
        : (durations[mid - 1] + durations[mid]) / 2;
  }
  return {
    finished: finished.length,
    succeeded,
    successRate: finished.length ? succeeded / finished.length : undefined,
    medianDurationSeconds: median,
    totalCost: runs.reduce((sum, r) => sum + (r.estimatedCost ?? 0), 0),
    totalDpuHours: runs.reduce((sum, r) => sum + (r.dpuHours ?? 0), 0),
  };
}
