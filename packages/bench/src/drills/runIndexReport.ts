/* The run-index drill's report. */
import { fmtMs, formatTable } from '../lib/table';
import type { RunIndexDrillResult } from './runIndexDrill';

const verdict = (passed: boolean | undefined) => (passed ? 'PASSED' : 'FAILED');

export function formatRunIndexDrillReport(result: RunIndexDrillResult): string {
  if (result.skipped) return `SKIPPED: ${result.skipped}`;
  const s = result.settings!;
  const lines = [
    `PostgreSQL ${result.postgresVersion}, two backends (catalog + Glue module + a Group with one User, the AWS Glue backend plugin with the run index,`,
    `the events backend, the notifications backend); ${s.jobs} jobs owned by the group; one run per job failing on purpose in each of ${s.waves.length} waves (${s.failedRuns} failures),`,
    `the waves' events: ${s.waves.join(
      ' / ',
    )} (alternate = round robin over the replicas' HTTP ingresses, both = every event to both at once, dropped = none:`,
    `only the reconciler sees those failures); events forwarded: ${Object.entries(
      result.eventsPerReplica ?? {},
    )
      .map(([r, n]) => `${r} ${n}`)
      .join(', ')}; reconciler every ${
      s.reconcilerFrequencySeconds
    } s on whichever replica holds the task's lock.`,
  ];
  const r = result.reconcilerExclusive;
  if (r) {
    lines.push(
      '',
      formatTable(
        [
          'pass',
          'replica',
          'first Glue call',
          'pass line',
          'GetJobRuns',
          'jobs polled',
        ],
        r.passes.map((p, i) => [
          i + 1,
          p.replica,
          fmtMs(p.startMs),
          fmtMs(p.endMs),
          p.calls,
          p.jobsPolled,
        ]),
      ),
    );
  }
  lines.push(
    '',
    `Glue calls of the plugin per replica (GetJobRun: the events feed; GetJobRuns: the reconciler): ${Object.entries(
      result.glueCallsByReplica ?? {},
    )
      .map(([replica, ops]) => `${replica} ${JSON.stringify(ops)}`)
      .join(', ')}`,
  );
  if (result.storedOnce) {
    lines.push(
      `(a) each run stored once in Glue's state: ${verdict(
        result.storedOnce.passed,
      )} (${result.storedOnce.detail})`,
    );
  }
  if (result.notifiedOnce) {
    lines.push(
      `(b) one notification per failure across replicas and feeds: ${verdict(
        result.notifiedOnce.passed,
      )} (${result.notifiedOnce.detail})`,
    );
  }
  if (r) {
    lines.push(
      `(c) the reconciler on one replica at a time: ${verdict(r.passed)} (${
        r.detail
      })`,
    );
  }
  lines.push('', `drill: ${verdict(result.passed)}`);
  return lines.join('\n');
}
