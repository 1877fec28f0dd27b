/*
 * Child-process side of the sync benchmark: one provider (the real
 * AwsGlueEntityProvider with the real SDK) reading the emulator, timed, with
 * memory sampled during each refresh.
 */
import { performance } from 'node:perf_hooks';
import { ConfigReader } from '@backstage/config';
import { AwsGlueEntityProvider } from '@aws-glue-backstage/plugin-catalog-backend-module-aws-glue';
import { BenchLogger, LogRecord } from '../lib/logger';
import { MemoryPeaks, MemorySampler } from '../lib/memory';

export interface SyncTask {
  kind: 'sync';
  endpoint: string;
  accountId: string;
  region: string;
  /** Refreshes in this process: the first is cold, the others warm. */
  runs: number;
  maxAttempts?: number;
  memoryIntervalMs?: number;
}

export interface SyncRun {
  applied: boolean;
  reason?: string;
  /** Wall time of `refresh()` measured around the call. */
  wallMs: number;
  /** The provider's own durationMs. */
  providerMs: number;
  /** CPU time of this process during the refresh (user + system). */
  cpuMs: number;
  entities: number;
  /** Entities in the applied mutation. */
  mutationEntities: number;
  counts: Record<string, number>;
  calls: Record<string, number>;
  memory: MemoryPeaks;
}

export interface SyncWorkerResult {
  runs: SyncRun[];
  warnings: string[];
}

export function providerConfig(task: {
  endpoint: string;
  accountId: string;
  region: string;
  maxAttempts?: number;
}) {
  return {
    aws: {
      accounts: [
        {
          accountId: task.accountId,
          // The emulator takes a 12-digit access key id as the account.
          accessKeyId: task.accountId,
          secretAccessKey: 'bench',
        },
      ],
    },
    catalog: {
      providers: {
        awsGlue: {
          bench: {
            accountId: task.accountId,
            regions: [task.region],
            endpoint: task.endpoint,
            ...(task.maxAttempts ? { maxAttempts: task.maxAttempts } : {}),
          },
        },
      },
    },
  };
}

export async function runSyncTask(task: SyncTask): Promise<SyncWorkerResult> {
  const warnings: string[] = [];
  const logger = new BenchLogger((r: LogRecord) => {
    if (warnings.length < 20) warnings.push(`${r.level}: ${r.message}`);
  }, 'warn');
  const [provider] = AwsGlueEntityProvider.fromConfig(
    new ConfigReader(providerConfig(task)),
    { logger },
  );
  let mutationEntities = 0;
  await provider.connect({
    applyMutation: async mutation => {
      mutationEntities =
        mutation.type === 'full'
          ? mutation.entities.length
          : mutation.added.length;
    },
    refresh: async () => {},
  });

  const runs: SyncRun[] = [];
  for (let i = 0; i < task.runs; i++) {
    mutationEntities = 0;
    const sampler = new MemorySampler(task.memoryIntervalMs ?? 10);
    sampler.start();
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const result = await provider.refresh();
    const wallMs = performance.now() - t0;
    const cpuUsed = process.cpuUsage(cpu);
    const memory = sampler.stop();
    runs.push({
      applied: result.applied,
      reason: result.reason,
      wallMs: Math.round(wallMs),
      providerMs: result.durationMs,
      cpuMs: Math.round((cpuUsed.user + cpuUsed.system) / 1000),
      entities: result.entities,
      mutationEntities,
      counts: result.counts,
      calls: result.calls,
      memory,
    });
  }
  return { runs, warnings };
}
