/* The drill section's report. */
import { fmtMs, formatTable } from '../lib/table';
import type { ReplicaDrillResult } from './replicaDrill';

export function formatDrillReport(result: ReplicaDrillResult): string {
  if (result.skipped) {
    return `SKIPPED: ${result.skipped}`;
  }
  const s = result.settings!;
  const lines = [
    `PostgreSQL ${result.postgresVersion}, two backends (catalog + Glue module, real scheduler), ${s.jobs}-job account, emulator latency ${s.latencyMs} ms/call,`,
    `schedule every ${s.frequencySeconds} s, task timeout ${
      s.timeoutSeconds
    } s; ${result.expectedEntities ?? '?'} entities.`,
    '',
  ];
  const once = result.exactlyOnce;
  if (once) {
    lines.push(
      formatTable(
        ['tick', 'replica', 'started at', 'last call at', 'calls', 'GetJobs'],
        once.syncs.map(sync => [
          sync.tick,
          sync.replica,
          fmtMs(sync.startMs),
          fmtMs(sync.endMs),
          sync.calls,
          sync.getJobs,
        ]),
      ),
      '',
      `exactly one sync per tick across both replicas: ${
        once.passed ? 'PASSED' : 'FAILED'
      } (${once.detail})`,
    );
  }
  const kill = result.killMidSync;
  if (kill) {
    lines.push(
      `catalog whole after a replica is killed mid-sync: ${
        kill.passed ? 'PASSED' : 'FAILED'
      } (${kill.detail})`,
    );
  }
  const takeover = result.takeover;
  if (takeover) {
    lines.push(
      `takeover after the kill within ${Math.round(
        takeover.targetMs / 60_000,
      )} minutes: ${takeover.passed ? 'PASSED' : 'FAILED'} (${
        takeover.detail
      })`,
    );
  }
  lines.push('', `drill: ${result.passed ? 'PASSED' : 'FAILED'}`);
  return lines.join('\n');
}
