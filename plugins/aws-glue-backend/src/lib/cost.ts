/**
 * DPUs, DPU-hours and estimated cost of a Glue job run. Pure.
 */

/**
 * DPUs per worker of each Glue worker type
 * (https://docs.aws.amazon.com/glue/latest/dg/add-job.html, "Worker type").
 */
export const DPU_PER_WORKER: Readonly<Record<string, number>> = {
  'G.025X': 0.25,
  'G.1X': 1,
  'G.2X': 2,
  'G.4X': 4,
  'G.8X': 8,
  'G.12X': 12,
  'G.16X': 16,
  'R.1X': 1,
  'R.2X': 2,
  'R.4X': 4,
  'R.8X': 8,
  'Z.2X': 2,
  Standard: 1,
};

/**
 * Prices per DPU-hour.
 *
 * @public
 */
export interface GluePricing {
  /** Standard execution class, per DPU-hour. */
  dpuHour: number;
  /** FLEX execution class, per DPU-hour. */
  flexDpuHour: number;
  /** ISO currency code of the prices. */
  currency: string;
}

/** The capacity and usage fields of a run (or job) that cost depends on. */
export interface RunCapacity {
  maxCapacity?: number;
  workerType?: string;
  numberOfWorkers?: number;
  allocatedCapacity?: number;
  executionTimeSeconds?: number;
  /** Glue's own DPUSeconds (FLEX and auto-scaling runs). */
  dpuSeconds?: number;
  executionClass?: string;
}

/** What a run consumed and roughly cost. */
export interface RunUsage {
  dpuSeconds?: number;
  dpuHours?: number;
  estimatedCost?: number;
}

/** Rounds to 6 decimals, so sums and JSON stay free of float noise. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The DPUs a run had: `MaxCapacity` when set, else workers x DPU per worker,
 * else the deprecated `AllocatedCapacity`; `undefined` when unknown (an
 * unknown worker type without MaxCapacity).
 */
export function dpusOf(capacity: RunCapacity): number | undefined {
  if (capacity.maxCapacity !== undefined && capacity.maxCapacity > 0) {
    return capacity.maxCapacity;
  }
  if (capacity.workerType && capacity.numberOfWorkers !== undefined) {
    const perWorker = DPU_PER_WORKER[capacity.workerType];
    if (perWorker !== undefined) {
      return perWorker * capacity.numberOfWorkers;
    }
  }
  if (
    capacity.allocatedCapacity !== undefined &&
    capacity.allocatedCapacity > 0
  ) {
    return capacity.allocatedCapacity;
  }
  return undefined;
}

/** The price per DPU-hour for a run's execution class. */
export function pricePerDpuHour(
  executionClass: string | undefined,
  pricing: GluePricing,
): number {
  return executionClass === 'FLEX' ? pricing.flexDpuHour : pricing.dpuHour;
}

/**
 * DPU-seconds (Glue's `DPUSeconds`, else execution time x DPUs), DPU-hours
 * and estimated cost of a run. Fields are `undefined` when they cannot be
 * known.
 */
export function runUsage(
  capacity: RunCapacity,
  pricing: GluePricing,
): RunUsage {
  let dpuSeconds: number | undefined;
  if (capacity.dpuSeconds !== undefined && capacity.dpuSeconds >= 0) {
    dpuSeconds = capacity.dpuSeconds;
  } else if (capacity.executionTimeSeconds !== undefined) {
    const dpus = dpusOf(capacity);
    if (dpus !== undefined) {
      dpuSeconds = capacity.executionTimeSeconds * dpus;
    }
  }
  if (dpuSeconds === undefined) {
    return {};
  }
  const dpuHours = round6(dpuSeconds / 3600);
  return {
    dpuSeconds: round6(dpuSeconds),
    dpuHours,
    estimatedCost: round6(
      (dpuSeconds / 3600) * pricePerDpuHour(capacity.executionClass, pricing),
    ),
  };
}
