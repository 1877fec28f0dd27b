/* Pure summaries of the chains section's responses and timings. */
import { median, percentile } from '../lib/stats';

/** The parts of a chain-executions response the bench reads. */
export interface ExecutionsBody {
  rows: { nodeId: string }[];
  executions: {
    id: string;
    state: string;
    root?: { kind?: string };
    nodes: { nodeId: string; state: string; runId?: string }[];
    problems: string[];
  }[];
  problems: string[];
}

export interface ExecutionsSummary {
  executions: number;
  /** Job rows of the matrix (the chain's jobs the caller may read). */
  rows: number;
  /** Nodes of each execution, latest first. */
  nodesPerExecution: number[];
  /** Of those nodes, the ones with a run (the rest did not start). */
  runsPerExecution: number[];
  /** Executions whose nodes name every row's job. */
  covering: number;
  /** Executions per state (SUCCEEDED, FAILED, RUNNING). */
  states: Record<string, number>;
  /** Executions per root kind (SCHEDULED, TRIGGER, MANUAL). */
  rootKinds: Record<string, number>;
  /** Problems of the response and of its executions. */
  problems: string[];
}

const countBy = (values: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
};

export function summarizeExecutions(body: ExecutionsBody): ExecutionsSummary {
  const rows = new Set(body.rows.map(r => r.nodeId));
  const executions = body.executions;
  const covers = (e: ExecutionsBody['executions'][number]) => {
    const ids = new Set(e.nodes.map(n => n.nodeId));
    return [...rows].every(id => ids.has(id));
  };
  return {
    executions: executions.length,
    rows: rows.size,
    nodesPerExecution: executions.map(e => e.nodes.length),
    runsPerExecution: executions.map(e => e.nodes.filter(n => n.runId).length),
    covering: executions.filter(covers).length,
    states: countBy(executions.map(e => e.state)),
    rootKinds: countBy(executions.map(e => e.root?.kind ?? 'UNKNOWN')),
    problems: [...body.problems, ...executions.flatMap(e => e.problems)],
  };
}

/** Whether the store holds what the step measures: `limit` executions of `jobs` jobs, each covering the chain. */
export function storeReady(
  summary: ExecutionsSummary,
  limit: number,
  jobs: number,
): boolean {
  return (
    summary.executions >= limit &&
    summary.rows === jobs &&
    summary.covering === summary.executions
  );
}

export interface LatencySummary {
  requests: number;
  p50: number;
  p95: number;
  max: number;
  min: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function latencySummary(ms: number[]): LatencySummary {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? 0),
    min: round(sorted[0] ?? 0),
  };
}

/** `a / b` to two places (undefined when b is 0). */
export const ratio = (a: number, b: number): number | undefined =>
  b > 0 ? Math.round((a / b) * 100) / 100 : undefined;

export { median };
