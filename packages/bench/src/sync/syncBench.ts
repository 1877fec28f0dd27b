/*
 * Section 1: sync read + transform. For each account size a generated
 * fixture is served by the emulator (in this process); for each latency one
 * child process runs the real provider against it and reports wall time,
 * calls, entities and memory. The figures are set beside what the fixture
 * says is the least possible: the minimum calls and the latency lower bound.
 */
import os from 'node:os';
import {
  generateFixture,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import { runWorker } from '../lib/child';
import { verdict } from '../lib/verdict';
import {
  AccountCounts,
  countFixture,
  latencyLowerBound,
  minimumCalls,
  previousLatencyLowerBound,
  previousMinimumCalls,
  taggingThroughputFloor,
  totalCalls,
} from '../plan';
import type { SyncRun, SyncTask, SyncWorkerResult } from './syncWorker';

export const ACCOUNT = '100000000001';
export const REGION = 'us-east-1';

/** Targets from the issue. */
export const SYNC_TARGETS = { callsVsMinimum: 1.05, wallVsLowerBound: 1.25 };

export interface SyncBenchOptions {
  sizes: number[];
  latencies: number[];
  /** Refreshes per case; the first is cold, the median of the others is reported. */
  runs: number;
  seed: number;
  /** Write V8 CPU profiles of the workers here. */
  profileDir?: string;
  log: (line: string) => void;
}

export interface SyncCaseResult {
  jobs: number;
  latencyMs: number;
  counts: AccountCounts;
  entities: number;
  /** The reported wall time: median of the warm runs (the cold one when there is only one). */
  wallMs: number;
  coldWallMs: number;
  warmWallMs: number[];
  cpuMs: number;
  calls: Record<string, number>;
  minimumCalls: Record<string, number>;
  callsTotal: number;
  minimumCallsTotal: number;
  callsRatio: number;
  /** Requests the emulator saw per refresh (includes retries), for cross-checking. */
  serverCallsPerRun: number;
  lowerBound?: { ms: number; stream: string; calls: number };
  wallRatio?: number;
  /** The previous read's (one GetResources stream per resource type) minimum and bound, for comparison. */
  previous: {
    minimumCallsTotal: number;
    lowerBound?: { ms: number; stream: string; calls: number };
  };
  /** What the ARN-list tagging calls alone need at the provider's default concurrency. */
  taggingFloor?: {
    ms: number;
    rounds: number;
    calls: number;
    concurrency: number;
  };
  peakRssMiB: number;
  peakHeapUsedMiB: number;
  maxRssMiB: number;
  baselineRssMiB: number;
  /**
   * The case's floor: the larger of its latency lower bound and the CPU time
   * the same account takes at 0 ms (a sync cannot end before either).
   */
  floorMs?: number;
  wallVsFloor?: number;
  verdicts: { calls: string; wall: string; wallVsFloor?: string };
  applied: boolean;
  /** 1-minute load average after the case: other work on the machine. */
  loadAverage1m: number;
  runs: SyncRun[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid]
    : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

export async function runSyncBench(
  options: SyncBenchOptions,
): Promise<SyncCaseResult[]> {
  const results: SyncCaseResult[] = [];
  for (const jobs of options.sizes) {
    const fixture = generateFixture({ jobs, seed: options.seed });
    const counts = countFixture(fixture, ACCOUNT, REGION);
    const minimum = minimumCalls(counts);
    // A frozen clock: no simulated runs start while we measure.
    const frozen = Date.now();
    const emulator = await startGlueEmulator({
      fixture,
      port: 0,
      clock: { now: () => frozen },
      ticker: false,
    });
    try {
      for (const latencyMs of options.latencies) {
        emulator.setFaults({ latency: { fixedMs: latencyMs, jitterMs: 0 } });
        emulator.resetStats();
        options.log(
          `sync: ${jobs} jobs (${counts.triggers} triggers, ${counts.workflows} workflows, ${counts.crawlers} crawlers) at ${latencyMs} ms ...`,
        );
        const task: SyncTask = {
          kind: 'sync',
          endpoint: emulator.url,
          accountId: ACCOUNT,
          region: REGION,
          runs: options.runs,
        };
        const execArgv = options.profileDir
          ? [
              // one directory per case: the loader-hooks thread writes a profile too
              '--cpu-prof',
              `--cpu-prof-dir=${options.profileDir}/sync-${jobs}-${latencyMs}ms`,
            ]
          : [];
        const worker = await runWorker<SyncWorkerResult>(
          task as unknown as Record<string, unknown>,
          { timeoutMs: 10 * 60_000, execArgv },
        );
        const server = emulator.stats();
        const runs = worker.runs;
        const warm = runs.slice(1).map(r => r.wallMs);
        const wallMs = warm.length ? median(warm) : runs[0].wallMs;
        const reported = warm.length
          ? runs.slice(1).find(r => r.wallMs === wallMs) ?? runs[1]
          : runs[0];
        const callsTotal = totalCalls(reported.calls);
        const minimumCallsTotal = totalCalls(minimum);
        const callsRatio = callsTotal / minimumCallsTotal;
        const lowerBound =
          latencyMs > 0 ? latencyLowerBound(counts, latencyMs) : undefined;
        const wallRatio = lowerBound ? wallMs / lowerBound.ms : undefined;
        const previous = {
          minimumCallsTotal: totalCalls(previousMinimumCalls(counts)),
          lowerBound:
            latencyMs > 0
              ? previousLatencyLowerBound(counts, latencyMs)
              : undefined,
        };
        const taggingFloor =
          latencyMs > 0 ? taggingThroughputFloor(counts, latencyMs) : undefined;
        const result: SyncCaseResult = {
          jobs,
          latencyMs,
          counts,
          entities: reported.entities,
          wallMs,
          coldWallMs: runs[0].wallMs,
          warmWallMs: warm,
          cpuMs: reported.cpuMs,
          calls: reported.calls,
          minimumCalls: minimum,
          callsTotal,
          minimumCallsTotal,
          callsRatio,
          serverCallsPerRun: Math.round(server.total / runs.length),
          lowerBound,
          wallRatio,
          previous,
          taggingFloor,
          peakRssMiB: Math.max(...runs.map(r => r.memory.peakRssMiB)),
          peakHeapUsedMiB: Math.max(...runs.map(r => r.memory.peakHeapUsedMiB)),
          maxRssMiB: Math.max(...runs.map(r => r.memory.maxRssMiB)),
          baselineRssMiB: runs[0].memory.startRssMiB,
          verdicts: {
            calls: verdict(callsRatio, SYNC_TARGETS.callsVsMinimum),
            wall: lowerBound
              ? verdict(wallRatio, SYNC_TARGETS.wallVsLowerBound)
              : 'n/a (no latency: wall time only)',
          },
          applied: runs.every(r => r.applied),
          loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
          runs,
        };
        if (worker.warnings.length) {
          options.log(`  provider warnings: ${worker.warnings.join(' | ')}`);
        }
        options.log(
          `  ${Math.round(
            wallMs,
          )} ms, ${callsTotal} calls (min ${minimumCallsTotal}), ${
            result.entities
          } entities, peak RSS ${result.peakRssMiB} MiB`,
        );
        results.push(result);
      }
    } finally {
      await emulator.stop();
    }
  }
  return withFloors(results);
}

/**
 * Each latency case's floor, max(lower bound, CPU at 0 ms of the same
 * account), and its wall time against it: with the latency chain this short,
 * the mapping's CPU is what a sync cannot go below.
 */
export function withFloors(results: SyncCaseResult[]): SyncCaseResult[] {
  const cpuAtZero = new Map(
    results.filter(r => r.latencyMs === 0).map(r => [r.jobs, r.cpuMs]),
  );
  return results.map(r => {
    const cpu = cpuAtZero.get(r.jobs);
    if (!r.lowerBound || cpu === undefined) return r;
    const floorMs = Math.max(r.lowerBound.ms, cpu);
    const wallVsFloor = r.wallMs / floorMs;
    return {
      ...r,
      floorMs,
      wallVsFloor,
      verdicts: {
        ...r.verdicts,
        wallVsFloor: verdict(wallVsFloor, SYNC_TARGETS.wallVsLowerBound),
      },
    };
  });
}
