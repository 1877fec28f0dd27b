/* The sync section's tables. */
import { fmtMs, fmtRatio, formatTable } from '../lib/table';
import { SYNC_TARGETS, SyncCaseResult } from './syncBench';

const OPS = [
  'GetJobs',
  'GetTriggers',
  'ListWorkflows',
  'BatchGetWorkflows',
  'GetCrawlers',
  'GetResources',
];

export function formatSyncTable(results: SyncCaseResult[]): string {
  const main = formatTable(
    [
      'jobs',
      'latency',
      'wall (warm)',
      'wall (cold)',
      'lower bound',
      'wall/LB',
      'calls',
      'min',
      'calls/min',
      'entities',
      'peak RSS',
      'peak heap',
      'cpu',
      'load',
    ],
    results.map(r => [
      r.jobs,
      `${r.latencyMs} ms`,
      fmtMs(r.wallMs),
      fmtMs(r.coldWallMs),
      r.lowerBound ? fmtMs(r.lowerBound.ms) : 'n/a',
      r.lowerBound ? fmtRatio(r.wallRatio) : 'n/a',
      r.callsTotal,
      r.minimumCallsTotal,
      fmtRatio(r.callsRatio),
      r.entities,
      `${Math.round(r.peakRssMiB)} MiB`,
      `${Math.round(r.peakHeapUsedMiB)} MiB`,
      fmtMs(r.cpuMs),
      r.loadAverage1m,
    ]),
  );
  const calls = formatTable(
    ['jobs', 'latency', ...OPS.map(op => `${op} (min)`)],
    results.map(r => [
      r.jobs,
      `${r.latencyMs} ms`,
      ...OPS.map(op => `${r.calls[op] ?? 0} (${r.minimumCalls[op] ?? 0})`),
    ]),
  );
  const verdicts = formatTable(
    [
      'jobs',
      'latency',
      `calls <= ${SYNC_TARGETS.callsVsMinimum}x min`,
      `wall <= ${SYNC_TARGETS.wallVsLowerBound}x LB`,
      'longest stream',
    ],
    results.map(r => [
      r.jobs,
      `${r.latencyMs} ms`,
      r.verdicts.calls,
      r.verdicts.wall,
      r.lowerBound
        ? `${r.lowerBound.stream}: ${r.lowerBound.calls} calls`
        : undefined,
    ]),
  );
  const notes = [
    'wall (warm): median of the refreshes after the first in the same process; wall (cold): the first refresh.',
    'lower bound: the longest chain of pages that must be fetched one after another (per stream, the max) x latency.',
    'calls: counted by the provider (one per SDK command, retries not counted); min: every operation at its API maximum page size.',
    "peak RSS / heap: sampled every 10 ms in the case's own child process during the refreshes; cpu: CPU time of the child during the reported refresh.",
  ];
  return [
    main,
    '',
    'Calls per operation (minimum):',
    calls,
    '',
    'Targets:',
    verdicts,
    '',
    ...notes,
  ].join('\n');
}
