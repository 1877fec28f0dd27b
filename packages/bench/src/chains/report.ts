/* The chains section's table. */
import { fmtMs, formatTable } from '../lib/table';
import type { ChainsResult, RouteMeasure } from './chainsBench';
import { median } from './summary';

const calls = (m: RouteMeasure) =>
  `${m.glueTotal} (GetJobRun ${m.glueGetJobRun}, GetJobRuns ${m.glueGetJobRuns})`;

const x = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${value}x`;

function header(r: ChainsResult): string[] {
  const s = r.executions.summary;
  const runs = s.runsPerExecution;
  const nodes = s.nodesPerExecution;
  return [
    `Chain executions: GET .../chain-executions?limit=${r.limit} from the last job of a ${r.expectedNodes}-node nightly chain`,
    `(a SCHEDULED trigger starts the first job; ${r.shape.levels} levels x ${r.shape.width} jobs, each started by a CONDITIONAL trigger;`,
    `${
      r.expectedJobs
    } jobs), served from the run index (SQLite); Glue latency ${
      r.latencyMs
    } ms per call; backend up in ${fmtMs(
      r.backendStartupMs,
    )}, chain complete in the catalog after ${fmtMs(r.catalogReadyMs)}.`,
    `Store filled by ${r.fill.passes} reconciler pass(es) (${
      r.fill.pass.jobsPolled
    } jobs, ${r.fill.pass.calls} Glue calls, ${
      r.fill.pass.runsChanged
    } runs) and ready after ${fmtMs(r.fill.readyMs)} (${
      r.fill.polls
    } poll(s), Glue calls during them: ${JSON.stringify(
      r.fill.pollGlueCalls,
    )}).`,
    `Response: ${s.executions} executions (${JSON.stringify(
      s.states,
    )}, roots ${JSON.stringify(s.rootKinds)}), ${s.covering} covering all ${
      s.rows
    } jobs; nodes per execution ${Math.min(...nodes)}..${Math.max(
      ...nodes,
    )} (median ${median(nodes)}), of them with a run ${Math.min(
      ...runs,
    )}..${Math.max(...runs)}; problems: ${s.problems.length}.`,
  ];
}

export function formatChainsTables(r: ChainsResult): string {
  const row = (name: string, m: RouteMeasure) => [
    name,
    m.requests,
    `${m.p50} ms`,
    `${m.p95} ms`,
    `${m.min} ms`,
    `${m.max} ms`,
    calls(m),
  ];
  const glueOk = r.executions.glueTotal === 0;
  const boundOk = r.executions.p95 <= r.boundMs;
  return [
    ...header(r),
    '',
    formatTable(
      ['route', 'requests', 'p50', 'p95', 'min', 'max', 'Glue calls'],
      [
        row(`chain-executions?limit=${r.limit}`, r.executions),
        row(`chain?direction=up&depth=${r.depth} (warm, baseline)`, r.baseline),
      ],
    ),
    '',
    formatTable(
      ['measure', 'value', 'target'],
      [
        [
          'executions p50 / chain p50',
          x(r.ratios.p50VsChainP50),
          'reported (same catalog walk)',
        ],
        ['executions p95 / chain p95', x(r.ratios.p95VsChainP95), 'reported'],
        [
          `executions p95 / ${fmtMs(r.boundMs)} bound`,
          x(r.ratios.p95VsBound),
          boundOk ? 'met (<= 1x)' : 'MISSED (> 1x)',
        ],
        [
          'Glue calls during the executions requests',
          r.executions.glueTotal,
          glueOk ? 'met (0 once stored)' : 'MISSED (> 0)',
        ],
      ],
    ),
    '',
    'One request at a time, chain and chain-executions interleaved; latency timed on the client (loopback),',
    'Glue calls as counted by the emulator during each request (every operation).',
  ].join('\n');
}
