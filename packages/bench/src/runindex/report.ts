/* The runindex section's tables. */
import { fmtMs, formatTable } from '../lib/table';
import type { RunIndexCase, RunIndexResult } from './runIndexBench';

const n = (v: number) => v.toLocaleString('en-US');

function verdictAtMost(value: number, target: number, unit = ''): string {
  return value <= target
    ? `met (${value}${unit} <= ${target}${unit})`
    : `MISSED (${value}${unit} > ${target}${unit})`;
}

function header(c: RunIndexCase): string {
  return `${n(c.jobs)} jobs in ${c.regions} regions (+ ${
    c.probeJobs
  } probe jobs), ${
    c.history
  } runs each in Glue's history; reconciler budget ${n(
    c.callBudget,
  )} calls per region and pass; ${c.database}${
    c.databaseVersion ? ` ${c.databaseVersion}` : ''
  }; emulator latency ${c.latencyMs} ms/call, runs ${
    c.durationScale
  }x faster; backend up in ${fmtMs(c.backendStartupMs)}, ${n(
    c.entities,
  )} job entities after ${fmtMs(c.catalogReadyMs)}`;
}

function reconcilerTable(result: RunIndexResult): string {
  return formatTable(
    [
      'jobs',
      'backfill passes',
      'backfill wall',
      'runs stored',
      'jobs without a run',
      'backfill Glue calls',
      'quiet pass: jobs polled',
      'Glue calls',
      'per job',
      'target <= 1.05x',
      'pass time',
      'DB transactions / job',
    ],
    result.cases.map(c => [
      n(c.jobs),
      c.backfill.passes.length,
      fmtMs(c.backfill.wallMs),
      n(c.backfill.head.storedRuns),
      c.backfill.head.neverRun,
      n(c.backfill.glueTotal),
      n(c.steady.pass.jobsPolled),
      n(c.steady.glueTotal),
      c.steady.callsPerJob,
      verdictAtMost(
        c.steady.callsPerJob,
        result.targets.steadyCallsPerJob,
        'x',
      ),
      fmtMs(c.steady.pass.passMs),
      c.steady.dbTransactionsPerJob,
    ]),
  );
}

function targetCell(ratio: number | undefined): string {
  if (ratio === undefined) return '(baseline)';
  return ratio <= 1 ? `met (${ratio}x)` : `MISSED (${ratio}x)`;
}

function overviewTable(result: RunIndexResult): string {
  const rows = result.cases.flatMap(c => {
    const o = c.overview;
    return [o.baseline, ...o.cases].map(k => [
      n(c.jobs),
      k.name,
      k.totalCount === undefined ? undefined : n(k.totalCount),
      k.jobsOnPage,
      n(k.bytes),
      `${k.firstMs} ms`,
      `${k.sequential.p50} ms`,
      `${k.sequential.p95} ms`,
      `${k.concurrent.p50} ms`,
      `${k.concurrent.p95} ms`,
      k.errors,
      targetCell(k.p95VsTarget),
    ]);
  });
  const first = result.cases[0]?.overview;
  return formatTable(
    [
      'jobs',
      'request',
      'matching',
      'on page',
      'bytes',
      'first',
      'seq p50',
      'seq p95',
      `${first?.clients ?? '?'} conc. p50`,
      'conc. p95',
      'errors',
      'p95 / 1 s target',
    ],
    rows,
  );
}

function breakdownLines(c: RunIndexCase): string[] {
  const b = c.breakdown;
  const lines = [
    `${n(
      c.jobs,
    )} jobs: the route's catalog read alone (same query and fields, over HTTP) ${
      b.catalogReadMs
    } ms for ${n(b.catalogEntities)} entities (${n(
      b.catalogBytes,
    )} bytes); store queries on the database: ${Object.entries(b.storeQueriesMs)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}`,
  ];
  const p = b.profile;
  if (p) {
    const top = (
      rows: { ms: number; share: number }[],
      key: (r: any) => string,
      count: number,
    ) =>
      rows
        .filter(r => r.ms > 0)
        .slice(0, count)
        .map(r => `${key(r)} ${r.share}%`)
        .join(', ');
    lines.push(
      `  CPU profile of the backend over ${
        p.requests
      } sequential limit=100 requests (${fmtMs(p.wallMs)} wall, ${fmtMs(
        p.totalMs,
      )} busy, ${fmtMs(p.idleMs)} idle); shares of the busy time:`,
      `    code on the stack: ${top(p.inclusiveByOrigin, r => r.origin, 10)}`,
      `    self time: ${top(p.byOrigin, r => r.origin, 8)}`,
      `    steps: ${top(p.inclusive, r => r.name, 20)}`,
      `    (${p.file})`,
    );
  }
  return lines;
}

function feedLines(result: RunIndexResult): string[] {
  const c = result.cases.find(k => k.eventDelay);
  const lines: string[] = [];
  const e = c?.eventDelay;
  if (c && e) {
    lines.push(
      `Event to store (${n(c.jobs)} jobs): ${e.runs} runs, ${
        e.changes
      } state changes emitted, ${e.seen} seen in the fleet route; delay p50 ${
        e.all.p50
      } ms, p95 ${e.all.p95} ms, max ${e.all.max} ms: ${verdictAtMost(
        e.all.p95,
        result.targets.eventToStoreP95Ms,
        ' ms',
      )}`,
      `  by state: ${Object.entries(e.byState)
        .map(([s, v]) => `${s} p50 ${v.p50} / p95 ${v.p95} ms (${v.n})`)
        .join('; ')}; one poll (the resolution) p50 ${
        e.poll.p50
      } ms; Glue calls meanwhile: ${JSON.stringify(e.glueCalls)}`,
    );
    if (e.unseen.length) {
      lines.push(
        `  never seen: ${e.unseen
          .slice(0, 5)
          .map(u => `${u.jobName} ${u.state}`)
          .join(', ')}`,
      );
    }
  }
  const d = c?.dropped;
  if (d) {
    const after = d.afterPass.missing.length + d.afterPass.wrongState.length;
    lines.push(
      `Dropped events: ${d.runs} runs with ${Math.round(
        d.dropRate * 100,
      )}% of events dropped (${d.eventsDropped} of ${
        d.eventsEmitted
      } dropped, the final state's event of ${d.finalEventDropped} runs);`,
      `  before the pass ${d.beforePass.missing.length} runs missing, ${
        d.beforePass.wrongState.length
      } stale of ${d.beforePass.glueRuns} Glue holds; one pass (${
        d.pass.jobsPolled
      } jobs, ${d.pass.calls} calls); after it ${
        d.afterPass.missing.length
      } missing, ${d.afterPass.wrongState.length} stale, ${
        d.afterPass.duplicates.length
      } duplicated: ${verdictAtMost(after, result.targets.missingAfterPass)}`,
      `  the fleet's lastReconciledAt after the pass ${
        d.lastReconciledAt ?? '?'
      }, the last of these runs ended ${d.lastRunEndedAt ?? '?'}`,
    );
  }
  return lines;
}

export function formatRunIndexTables(result: RunIndexResult): string {
  const lines: string[] = [];
  for (const c of result.cases) lines.push(header(c));
  lines.push(
    '',
    'Reconciler (passes triggered through the scheduler API):',
    '',
    reconcilerTable(result),
  );
  lines.push(
    '',
    'Fleet overview GET /api/aws-glue/v1/jobs, client-side over loopback (readiness route as the baseline):',
    '',
    overviewTable(result),
  );
  for (const c of result.cases) {
    lines.push(
      `${n(c.jobs)} jobs: Glue calls during the overview requests: ${
        c.overview.glueTotal
      } (target 0) ${JSON.stringify(
        c.overview.glueCalls,
      )}; reconciler passes meanwhile ${c.overview.passesDuring}, events ${
        c.overview.eventsDuring
      }`,
    );
  }
  lines.push('');
  for (const c of result.cases) lines.push(...breakdownLines(c));
  lines.push('', ...feedLines(result));
  return lines.join('\n');
}
