/* The routes section's tables. */
import { fmtMs, formatTable } from '../lib/table';
import type { RoutesResult } from './routesBench';

export function formatRoutesTables(result: RoutesResult): string {
  const lines: string[] = [];
  lines.push(
    `Run history: GET .../runs?limit=25, ${
      result.phases[0]?.clients ?? 0
    } concurrent clients per phase; ${result.jobs} jobs; Glue latency ${
      result.latencyMs
    } ms per call; runsTtl ${result.runsTtlSeconds} s (activeRunsTtl ${
      result.activeRunsTtlSeconds
    } s for jobs with an active run); backend up in ${fmtMs(
      result.backendStartupMs,
    )}, catalog synced (${result.entities} entities) after ${fmtMs(
      result.catalogReadyMs,
    )}`,
  );
  lines.push('');
  lines.push(
    formatTable(
      [
        'phase',
        'jobs',
        'duration / wall',
        'requests',
        'req/s',
        'errors',
        'p50',
        'p95',
        'p99',
        'max',
        'GetJobRuns',
        'per job',
        'TTL windows',
        'per job per window',
        'target: <= 1 call per job per TTL',
      ],
      result.phases.map(p => [
        `${p.phase}: ${p.description}`,
        p.activeJobs ? `${p.jobs} (${p.activeJobs} active)` : p.jobs,
        `${fmtMs(p.durationMs)} / ${fmtMs(p.wallMs)}`,
        p.requests,
        p.requestsPerSecond,
        p.errors,
        `${p.latencyMs.p50} ms`,
        `${p.latencyMs.p95} ms`,
        `${p.latencyMs.p99} ms`,
        `${p.latencyMs.max} ms`,
        p.glueGetJobRuns,
        Math.round((p.glueGetJobRuns / p.jobs) * 100) / 100,
        p.ttlWindows,
        p.getJobRunsPerJobPerWindow,
        p.targetMet
          ? `met (${p.glueGetJobRuns} <= ${p.allowedGetJobRuns})`
          : `MISSED (${p.glueGetJobRuns} > ${p.allowedGetJobRuns})`,
      ]),
    ),
  );
  for (const p of result.phases) {
    if (p.jobs === 1) {
      lines.push(
        `phase ${p.phase}: GetJobRuns at ${p.getJobRunsAtMs
          .map(ms => fmtMs(ms))
          .join(', ')} after the phase started (sampled every 50 ms)${
          p.minGapMs === undefined
            ? ''
            : `; shortest gap ${fmtMs(p.minGapMs)} (TTL ${
                result.runsTtlSeconds
              } s)`
        }`,
      );
    }
    if (p.errorSamples.length) {
      lines.push(
        `phase ${p.phase} errors, e.g.: ${p.errorSamples.join(' | ')}`,
      );
    }
  }
  lines.push(
    '',
    'GetJobRuns as counted by the emulator during the phase (other Glue calls are in the JSON). TTL windows = ceil(wall time / TTL),',
    'wall time = first request to last answer; the allowance is one call per job per window (jobs with an active run: per',
    'activeRunsTtl window); for one job, two calls must also be at least a TTL apart.',
  );
  const c = result.chain;
  if (c) {
    lines.push(
      '',
      `Chain: GET .../chain?direction=up&depth=${c.depth} from the last job of a ${c.expectedNodes}-node chain (${c.shape.levels} levels x ${c.shape.width} jobs,`,
      'each started by a CONDITIONAL trigger watching the level below, ANY: SUCCEEDED); cold = a chain copy not requested before.',
      '',
      formatTable(
        [
          'cache',
          'requests',
          'median',
          'min',
          'max',
          'nodes',
          'edges',
          'truncated',
          'GetJobRuns / request',
        ],
        (['cold', 'warm'] as const).map(kind => {
          const runs = c[kind];
          const ms = runs.map(r => r.latencyMs);
          return [
            kind,
            runs.length,
            `${kind === 'cold' ? c.coldMedianMs : c.warmMedianMs} ms`,
            ms.length ? `${Math.min(...ms)} ms` : undefined,
            ms.length ? `${Math.max(...ms)} ms` : undefined,
            runs[0]?.nodes,
            runs[0]?.edges,
            runs.some(r => r.truncated) ? 'yes' : 'no',
            kind === 'cold'
              ? c.coldGlueCallsPerRequest
              : c.warmGlueCallsPerRequest,
          ];
        }),
      ),
    );
  }
  return lines.join('\n');
}
