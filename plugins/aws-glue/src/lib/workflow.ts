import {
  GlueChainResponse,
  GlueWorkflowRun,
  isActiveWorkflowStatus,
} from '@aws-glue-backstage/plugin-aws-glue-common';

const STAT_LABELS: [string, string][] = [
  ['SucceededActions', 'succeeded'],
  ['FailedActions', 'failed'],
  ['ErroredActions', 'errored'],
  ['TimeoutActions', 'timed out'],
  ['StoppedActions', 'stopped'],
  ['RunningActions', 'running'],
  ['WaitingActions', 'waiting'],
];

/** `5 actions: 3 succeeded, 1 failed, 1 running`. */
export function describeStatistics(statistics: Record<string, number>): string {
  const total = statistics.TotalActions;
  const parts = STAT_LABELS.filter(([key]) => (statistics[key] ?? 0) > 0).map(
    ([key, label]) => `${statistics[key]} ${label}`,
  );
  const head =
    total !== undefined ? `${total} action${total === 1 ? '' : 's'}` : '';
  if (!head) return parts.join(', ') || '—';
  return parts.length ? `${head}: ${parts.join(', ')}` : head;
}

/** Seconds between start and completion (or now, while running). */
export function workflowRunDuration(
  run: GlueWorkflowRun,
  now: number = Date.now(),
): number | undefined {
  const start = run.startedOn ? Date.parse(run.startedOn) : NaN;
  if (Number.isNaN(start)) return undefined;
  const end = run.completedOn ? Date.parse(run.completedOn) : now;
  return Number.isNaN(end) ? undefined : Math.max(0, (end - start) / 1000);
}

const KINDS: Record<string, 'job' | 'trigger' | 'crawler'> = {
  JOB: 'job',
  TRIGGER: 'trigger',
  CRAWLER: 'crawler',
};

/** A workflow run's graph in the shape of a chain, for the chain graph. */
export function workflowRunAsChain(run: GlueWorkflowRun): GlueChainResponse {
  return {
    root: '',
    truncated: false,
    nodes: run.nodes.map(node => ({
      id: node.id,
      kind: KINDS[node.type] ?? 'other',
      title: node.name,
      depth: 0,
      latestRun: node.state
        ? { id: node.runId ?? '', state: node.state }
        : undefined,
    })),
    edges: run.edges.map(edge => ({
      from: edge.from,
      to: edge.to,
      kind: 'action' as const,
      label: '',
    })),
  };
}

const FAILURE_STATISTICS = [
  'FailedActions',
  'ErroredActions',
  'TimeoutActions',
  'StoppedActions',
];

/**
 * True for a workflow run that has ended and did not do all its work: it
 * failed (ERROR, STOPPED) or finished with failed, errored, timed-out or
 * stopped actions. The runs Resume is offered for.
 */
export function endedWithFailures(run: GlueWorkflowRun): boolean {
  if (isActiveWorkflowStatus(run.status)) return false;
  if (run.status === 'ERROR' || run.status === 'STOPPED') return true;
  return FAILURE_STATISTICS.some(key => (run.statistics[key] ?? 0) > 0);
}
