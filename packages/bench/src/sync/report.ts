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
      'LB (old)',
      'wall/LB',
      'calls',
      'min',
      'min (old)',
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
      r.previous.lowerBound ? fmtMs(r.previous.lowerBound.ms) : 'n/a',
      r.lowerBound ? fmtRatio(r.wallRatio) : 'n/a',
      r.callsTotal,
      r.minimumCallsTotal,
      r.previous.minimumCallsTotal ?? 'n/a',
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
      'floor',
      `wall <= ${SYNC_TARGETS.wallVsLowerBound}x floor`,
      'longest stream',
      'longest stream (old)',
      'tagging floor',
    ],
    results.map(r => [
      r.jobs,
      `${r.latencyMs} ms`,
      r.verdicts.calls,
      r.verdicts.wall,
      r.floorMs !== undefined ? fmtMs(r.floorMs) : undefined,
      r.verdicts.wallVsFloor,
      r.lowerBound
        ? `${r.lowerBound.stream}: ${r.lowerBound.calls} calls`
        : undefined,
      r.previous.lowerBound
        ? `${r.previous.lowerBound.stream}: ${r.previous.lowerBound.calls} calls`
        : undefined,
      r.taggingFloor
        ? `${fmtMs(r.taggingFloor.ms)} (${r.taggingFloor.calls} calls / ${
            r.taggingFloor.concurrency
          } in flight)`
        : undefined,
    ]),
  );
  const notes = [
    'wall (warm): median of the refreshes after the first in the same process; wall (cold): the first refresh.',
    'lower bound: the longest chain of pages that must be fetched one after another (per stream, the max) x latency; a job, trigger or crawler stream ends with the tagging call of its last page.',
    'LB (old), min (old): the same for the previous read, one paged GetResources stream per resource type (its longest chain was the glue:job tagging stream).',
    'calls: counted by the provider (one per SDK command, retries not counted); min: every operation at its API maximum page size, GetResources one call per 100 jobs, triggers and crawlers (ResourceARNList) plus the glue:workflow pages.',
    "tagging floor: the ARN-list calls alone at the provider's default tagging.concurrency, ceil(calls / concurrency) x latency; not a chain, but where it exceeds the lower bound it is the configured read's floor.",
    "floor: max(lower bound, the same account's CPU time at 0 ms): a sync ends no sooner than its latency chain nor than its own CPU work (the issue's target: wall <= 1.25x floor).",
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
