/** Pure mapping of chain executions onto the timeline, matrix and landing chart. */
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  GLUE_NOT_STARTED,
  GlueChainExecution,
  GlueChainExecutionsResponse,
  GlueExecutionNode,
  GlueExecutionRoot,
  GlueSla,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { formatDateTime, formatDuration } from './format';

const parse = (iso: string | undefined) => (iso ? Date.parse(iso) : NaN);

/** True for a node the execution did not start. */
export const isNotStarted = (node: GlueExecutionNode) =>
  node.state === GLUE_NOT_STARTED || !node.runId;

/** `scheduled (nightly)`, `manual start`, `conditional (after-upstream)`. */
export function describeRoot(root: GlueExecutionRoot): string {
  if (root.kind === 'MANUAL') return 'manual start';
  const kind = root.kind.toLocaleLowerCase('en-US').replace('_', '-');
  return root.triggerName ? `${kind} (${root.triggerName})` : kind;
}

/** The picker's label: start time, state and root trigger. */
export function executionLabel(execution: GlueChainExecution): string {
  return `${formatDateTime(execution.startedOn)} · ${
    execution.state
  } · ${describeRoot(execution.root)}`;
}

/** `2h 00m after the scheduled start`, `by 06:30 Europe/Berlin`. */
export function describeSla(sla: GlueSla): string {
  if (sla.kind === 'duration') {
    return `${formatDuration(sla.seconds)} after the scheduled start`;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `by ${pad(sla.hour)}:${pad(sla.minute)} ${sla.zone}`;
}

/** Where a node's bar starts and ends, in ms; none for a node that did not start. */
function nodeSpan(
  node: GlueExecutionNode,
  now: number,
): { start: number; end: number } | undefined {
  const start = parse(node.startedOn);
  if (isNotStarted(node) || Number.isNaN(start)) return undefined;
  const completed = parse(node.completedOn);
  if (!Number.isNaN(completed)) return { start, end: completed };
  return node.durationSeconds !== undefined && node.durationSeconds > 0
    ? { start, end: start + node.durationSeconds * 1000 }
    : { start, end: Math.max(start, now) };
}

/** One row of the timeline; fractions of the shared axis, from 0 to 1. */
export interface TimelineRow {
  node: GlueExecutionNode;
  bar?: { left: number; width: number };
  /** The trigger delay before the bar. */
  gap?: { left: number; width: number; seconds: number };
}

/** The timeline of one execution: a row per node on one time axis. */
export interface Timeline {
  /** ms since the epoch. */
  start: number;
  end: number;
  rows: TimelineRow[];
}

/**
 * A row per node of the execution, each bar from the run's start to its
 * end (now while running) on an axis from the first start to the last end,
 * the trigger delay drawn before it.
 */
export function executionTimeline(
  execution: GlueChainExecution,
  now: number = Date.now(),
): Timeline {
  const spans = execution.nodes.map(n => nodeSpan(n, now));
  const known = spans.filter(
    (s): s is { start: number; end: number } => s !== undefined,
  );
  const start = known.length ? Math.min(...known.map(s => s.start)) : now;
  const end = Math.max(start + 1000, ...known.map(s => s.end));
  const fraction = (ms: number) => (ms - start) / (end - start);
  const rows = execution.nodes.map((node, i): TimelineRow => {
    const span = spans[i];
    if (!span) return { node };
    const left = fraction(span.start);
    const delay = node.triggerDelaySeconds ?? 0;
    const gapLeft = Math.max(0, fraction(span.start - delay * 1000));
    return {
      node,
      bar: { left, width: Math.max(0, fraction(span.end) - left) },
      gap:
        delay > 0
          ? { left: gapLeft, width: left - gapLeft, seconds: delay }
          : undefined,
    };
  });
  return { start, end, rows };
}

/** One cell of the run matrix: the row's node in one execution, if it ran in it. */
export interface MatrixCell {
  nodeId: string;
  execution: GlueChainExecution;
  node?: GlueExecutionNode;
}

/**
 * The run matrix: the executions oldest left to newest right (the response
 * has them latest first), and a cell per row and execution.
 */
export function runMatrix(response: GlueChainExecutionsResponse): {
  columns: GlueChainExecution[];
  cells: MatrixCell[][];
} {
  const columns = [...response.executions].reverse();
  const cells = response.rows.map(row =>
    columns.map(execution => ({
      nodeId: row.nodeId,
      execution,
      node: execution.nodes.find(n => n.nodeId === row.nodeId),
    })),
  );
  return { columns, cells };
}

/** A cell's tooltip: state, duration and start. */
export function describeCell(cell: MatrixCell): string {
  const { node } = cell;
  if (!node) return 'No run in this execution';
  if (isNotStarted(node)) return 'Not started in this execution';
  return `${node.state}, ${formatDuration(
    node.durationSeconds,
  )}, started ${formatDateTime(node.startedOn)}`;
}

/** One bar of the landing chart. */
export interface LandingPoint {
  execution: GlueChainExecution;
  landingSeconds: number;
  late: boolean;
  /** Seconds from the scheduled start to this execution's deadline. */
  deadlineSeconds?: number;
}

/** The executions that landed after a scheduled start, oldest first. */
export function landingPoints(
  response: GlueChainExecutionsResponse,
): LandingPoint[] {
  return [...response.executions]
    .reverse()
    .filter(e => e.landingSeconds !== undefined)
    .map(execution => {
      const deadline =
        parse(execution.deadline) - parse(execution.root.scheduledFor);
      return {
        execution,
        landingSeconds: execution.landingSeconds!,
        late: execution.late === true,
        deadlineSeconds: Number.isNaN(deadline) ? undefined : deadline / 1000,
      };
    });
}

/**
 * The entity whose run a node is: the job's entity ref (a chain node), or
 * `fallback` (the page's entity) when the node id is not one.
 */
export function nodeEntityRef(
  nodeId: string,
  fallback: CompoundEntityRef,
): CompoundEntityRef {
  try {
    return parseEntityRef(nodeId);
  } catch {
    return fallback;
  }
}
