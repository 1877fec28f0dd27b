import {
  GLUE_NOT_STARTED,
  GlueChainExecution,
  GlueExecutionNode,
  GlueExecutionRoot,
  GlueSla,
  GlueWorkflowRun,
  isActiveRunState,
  isActiveWorkflowStatus,
  isFailedRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { StoredJobRun } from './shapes';

/** A job of the chain whose runs the caller may read. */
export interface ExecutionJob {
  arn: string;
  /** The job's entity ref. */
  nodeId: string;
  name: string;
}

/** A stored run of one of the chain's jobs. */
export interface ExecutionRun {
  jobArn: string;
  run: StoredJobRun;
}

/** What {@link buildExecutions} works from. */
export interface ExecutionsInput {
  jobs: ExecutionJob[];
  runs: ExecutionRun[];
  /** Job entity ref -> the job entity refs its end starts (through conditional triggers). */
  downstream: ReadonlyMap<string, readonly string[]>;
  /** Glue trigger name -> its type (SCHEDULED, CONDITIONAL, ...). */
  triggerTypes: ReadonlyMap<string, string>;
  /** Executions returned, latest first. */
  limit: number;
  /** Nodes per execution before it is cut. */
  maxNodes: number;
  sla?: GlueSla;
  /** ms since the epoch. */
  now: number;
}

const time = (iso: string | undefined): number | undefined => {
  const value = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(value) ? undefined : value;
};

const seconds = (ms: number) => Math.round(ms / 1000);

/** The runs linked to each run by `PredecessorRuns` (parent id -> children). */
function childrenOf(runs: Map<string, ExecutionRun>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const { run } of runs.values()) {
    for (const p of run.predecessorRuns) {
      if (!runs.has(p.runId) || p.runId === run.id) continue;
      children.set(p.runId, [...(children.get(p.runId) ?? []), run.id]);
    }
  }
  return children;
}

/** Latest start first; the run id breaks ties so the order never depends on input order. */
function latestFirst(a: ExecutionRun, b: ExecutionRun): number {
  const byStart = (time(b.run.startedOn) ?? 0) - (time(a.run.startedOn) ?? 0);
  if (byStart !== 0) return byStart;
  return a.run.id.localeCompare(b.run.id);
}

/** RUNNING while a node runs, FAILED when one failed, else SUCCEEDED. */
function stateOf(nodes: GlueExecutionNode[]): GlueChainExecution['state'] {
  if (nodes.some(n => isActiveRunState(n.state))) return 'RUNNING';
  if (nodes.some(n => isFailedRunState(n.state))) return 'FAILED';
  return 'SUCCEEDED';
}

/**
 * The chain's executions: each root run (one no stored run of the chain
 * started) and the runs its end started, through `PredecessorRuns`, then the
 * jobs it should have started but did not. Latest first. Pure: cycles and
 * repeated runs are visited once, an execution past `maxNodes` is cut, and
 * each says so in `problems`.
 */
export function buildExecutions(input: ExecutionsInput): GlueChainExecution[] {
  const jobsByArn = new Map(input.jobs.map(job => [job.arn, job]));
  const runs = new Map<string, ExecutionRun>();
  for (const entry of input.runs) {
    if (jobsByArn.has(entry.jobArn) && entry.run.id) {
      runs.set(entry.run.id, entry);
    }
  }
  const children = childrenOf(runs);
  const roots = [...runs.values()]
    .filter(({ run }) => !run.predecessorRuns.some(p => runs.has(p.runId)))
    .sort(latestFirst)
    .slice(0, input.limit);
  return roots.map(root =>
    executionOf(root, { ...input, runs, children, jobsByArn }),
  );
}

interface Context extends Omit<ExecutionsInput, 'runs'> {
  runs: Map<string, ExecutionRun>;
  children: Map<string, string[]>;
  jobsByArn: Map<string, ExecutionJob>;
}

function executionOf(root: ExecutionRun, ctx: Context): GlueChainExecution {
  const problems: string[] = [];
  const members = collect(root, ctx, problems);
  const nodes = members.map(entry => nodeOf(entry, members, ctx));
  addNotStarted(nodes, ctx, problems);
  markCriticalPath(nodes);
  const state = stateOf(nodes);
  const ends = nodes.flatMap(n => time(n.completedOn) ?? []);
  const completedAt =
    state !== 'RUNNING' && ends.length > 0 ? Math.max(...ends) : undefined;
  const rootInfo = rootOf(root, ctx);
  const missing = root.run.predecessorRuns.filter(p => !ctx.runs.has(p.runId));
  if (missing.length > 0) {
    problems.push(
      `${root.run.jobName ?? 'the root run'} ${
        root.run.id
      } was started by ${missing
        .map(p => `${p.jobName} ${p.runId}`)
        .join(
          ', ',
        )}, which the run index does not hold (or you may not read): the execution starts here`,
    );
  }
  return {
    id: root.run.id,
    root: rootInfo,
    state,
    ...(root.run.startedOn ? { startedOn: root.run.startedOn } : {}),
    ...(completedAt !== undefined
      ? { completedOn: new Date(completedAt).toISOString() }
      : {}),
    ...landing(rootInfo, completedAt, ctx),
    nodes,
    problems,
  };
}

/** The runs of one execution, breadth-first from the root, each once. */
function collect(
  root: ExecutionRun,
  ctx: Context,
  problems: string[],
): ExecutionRun[] {
  const seen = new Set([root.run.id]);
  const members = [root];
  for (let i = 0; i < members.length; i++) {
    for (const childId of ctx.children.get(members[i].run.id) ?? []) {
      if (seen.has(childId)) continue;
      if (members.length >= ctx.maxNodes) {
        problems.push(
          `Cut at ${ctx.maxNodes} runs (awsGlue.chain.executions.maxNodes): the rest of this execution is not shown`,
        );
        return members;
      }
      seen.add(childId);
      members.push(ctx.runs.get(childId)!);
    }
  }
  return members;
}

function nodeOf(
  { jobArn, run }: ExecutionRun,
  members: ExecutionRun[],
  ctx: Context,
): GlueExecutionNode {
  const ids = new Set(members.map(m => m.run.id));
  const predecessorRunIds = run.predecessorRuns
    .map(p => p.runId)
    .filter(id => ids.has(id) && id !== run.id);
  const start = time(run.startedOn);
  const end = time(run.completedOn);
  const predecessorEnds = predecessorRunIds.flatMap(
    id => time(ctx.runs.get(id)!.run.completedOn) ?? [],
  );
  const lastPredecessorEnd =
    predecessorEnds.length > 0 ? Math.max(...predecessorEnds) : undefined;
  return {
    nodeId: ctx.jobsByArn.get(jobArn)!.nodeId,
    jobName: run.jobName ?? ctx.jobsByArn.get(jobArn)!.name,
    runId: run.id,
    state: run.state ?? 'UNKNOWN',
    ...(run.attempt !== undefined ? { attempt: run.attempt } : {}),
    ...(run.startedOn ? { startedOn: run.startedOn } : {}),
    ...(run.completedOn ? { completedOn: run.completedOn } : {}),
    ...(start !== undefined && end !== undefined
      ? { durationSeconds: seconds(end - start) }
      : {}),
    ...(run.triggerName ? { triggerName: run.triggerName } : {}),
    predecessorRunIds,
    ...(start !== undefined && lastPredecessorEnd !== undefined
      ? {
          triggerDelaySeconds: Math.max(0, seconds(start - lastPredecessorEnd)),
        }
      : {}),
    critical: false,
    ...(run.errorMessage ? { errorMessage: run.errorMessage } : {}),
  };
}

/**
 * The chain's jobs an ended node should have started and that did not run
 * in this execution, and what they in turn would have started.
 */
function addNotStarted(
  nodes: GlueExecutionNode[],
  ctx: Context,
  problems: string[],
) {
  const present = new Set(nodes.map(n => n.nodeId));
  const names = new Map(ctx.jobs.map(job => [job.nodeId, job.name]));
  const queue = nodes.filter(
    n => !isActiveRunState(n.state) && n.state !== 'UNKNOWN',
  );
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i];
    for (const nodeId of ctx.downstream.get(from.nodeId) ?? []) {
      if (present.has(nodeId) || !names.has(nodeId)) continue;
      if (nodes.length >= ctx.maxNodes) {
        problems.push(
          `Cut at ${ctx.maxNodes} nodes: more jobs did not start than are shown`,
        );
        return;
      }
      present.add(nodeId);
      const node: GlueExecutionNode = {
        nodeId,
        jobName: names.get(nodeId)!,
        state: GLUE_NOT_STARTED,
        predecessorRunIds: from.runId ? [from.runId] : [],
        critical: false,
      };
      nodes.push(node);
      queue.push(node);
    }
  }
}

/**
 * Marks the runs that decided the execution's end: from the node that ended
 * last (or started last, while running) back through the predecessor that
 * ended last.
 */
function markCriticalPath(nodes: GlueExecutionNode[]) {
  const byRun = new Map(
    nodes.flatMap(n => (n.runId ? [[n.runId, n] as const] : [])),
  );
  const key = (n: GlueExecutionNode) =>
    time(n.completedOn) ?? time(n.startedOn) ?? -Infinity;
  let current = [...byRun.values()].sort((a, b) => key(b) - key(a))[0];
  const seen = new Set<string>();
  while (current && !seen.has(current.runId!)) {
    seen.add(current.runId!);
    current.critical = true;
    current = current.predecessorRunIds
      .map(id => byRun.get(id)!)
      .sort((a, b) => key(b) - key(a))[0];
  }
}

function rootOf(root: ExecutionRun, ctx: Context): GlueExecutionRoot {
  const { run } = root;
  const kind = run.triggerName
    ? ctx.triggerTypes.get(run.triggerName) ?? 'TRIGGER'
    : 'MANUAL';
  const start = time(run.startedOn);
  return {
    runId: run.id,
    jobName: run.jobName ?? ctx.jobsByArn.get(root.jobArn)!.name,
    kind,
    ...(run.triggerName ? { triggerName: run.triggerName } : {}),
    ...(kind === 'SCHEDULED' && start !== undefined
      ? { scheduledFor: new Date(scheduledStartOf(start)).toISOString() }
      : {}),
  };
}

/** Landing time after the schedule, the SLA's deadline and whether it was missed. */
function landing(
  root: GlueExecutionRoot,
  completedAt: number | undefined,
  ctx: Context,
): Pick<GlueChainExecution, 'landingSeconds' | 'late' | 'deadline'> {
  const scheduled = time(root.scheduledFor);
  if (scheduled === undefined) return {};
  const result: Pick<
    GlueChainExecution,
    'landingSeconds' | 'late' | 'deadline'
  > =
    completedAt !== undefined
      ? { landingSeconds: seconds(completedAt - scheduled) }
      : {};
  if (!ctx.sla) return result;
  const deadline = slaDeadline(ctx.sla, scheduled);
  return {
    ...result,
    deadline: new Date(deadline).toISOString(),
    late: (completedAt ?? ctx.now) > deadline,
  };
}

/**
 * When the schedule that started a root run at `startMs` fired: a schedule
 * fires on the minute and the run starts seconds after. Pure.
 */
export function scheduledStartOf(startMs: number): number {
  return startMs - (startMs % 60_000);
}

/** The instant an SLA asks an execution scheduled at `scheduled` (ms) to have landed by. Pure. */
export function slaDeadline(sla: GlueSla, scheduled: number): number {
  if (sla.kind === 'duration') return scheduled + sla.seconds * 1000;
  // the first hh:mm in the zone at or after the scheduled start
  for (let day = 0; day < 3; day++) {
    const candidate = zonedTime(scheduled + day * 86_400_000, sla);
    if (candidate >= scheduled) return candidate;
  }
  return scheduled + 86_400_000;
}

/** hh:mm in `zone` on the zone's calendar day of `at`, as ms since the epoch. */
function zonedTime(
  at: number,
  sla: { hour: number; minute: number; zone: string },
): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: sla.zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date(at))
      .map(p => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  const offset = wall - (at - (at % 1000));
  const target = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    sla.hour,
    sla.minute,
  );
  return target - offset;
}

/** What {@link buildWorkflowExecution} works from. */
export interface WorkflowExecutionInput {
  workflowName: string;
  /** The workflow's jobs the caller may read, by Glue name. */
  jobs: ReadonlyMap<string, ExecutionJob>;
  /** The stored runs of this workflow run's job nodes. */
  runs: ExecutionRun[];
  maxNodes: number;
  now: number;
}

/**
 * One workflow run as an execution: its job nodes' runs (timing from the
 * store), linked by `PredecessorRuns`, and the job nodes that did not run
 * once the workflow run ended as not started. Pure.
 */
export function buildWorkflowExecution(
  run: GlueWorkflowRun,
  input: WorkflowExecutionInput,
): GlueChainExecution {
  const jobsByArn = new Map([...input.jobs.values()].map(j => [j.arn, j]));
  const runs = new Map(input.runs.map(entry => [entry.run.id, entry]));
  const ctx: Context = {
    jobs: [...input.jobs.values()],
    runs,
    children: childrenOf(runs),
    jobsByArn,
    downstream: new Map(),
    triggerTypes: new Map(),
    limit: 1,
    maxNodes: input.maxNodes,
    now: input.now,
  };
  const problems: string[] = [];
  const members = [...runs.values()].sort((a, b) => -latestFirst(a, b));
  if (members.length > input.maxNodes) {
    problems.push(
      `Cut at ${input.maxNodes} runs (awsGlue.chain.executions.maxNodes): the rest of this workflow run is not shown`,
    );
  }
  const shown = members.slice(0, input.maxNodes);
  const nodes = shown.map(entry => nodeOf(entry, shown, ctx));
  if (!isActiveWorkflowStatus(run.status)) {
    const present = new Set(nodes.map(n => n.jobName));
    for (const node of run.nodes) {
      const job = input.jobs.get(node.name);
      if (node.type !== 'JOB' || !job || present.has(node.name)) continue;
      if (node.runId) continue; // it ran, but the index does not hold the run
      present.add(node.name);
      nodes.push({
        nodeId: job.nodeId,
        jobName: node.name,
        state: GLUE_NOT_STARTED,
        predecessorRunIds: [],
        critical: false,
      });
    }
  }
  markCriticalPath(nodes);
  const missing = run.nodes.filter(
    n =>
      n.type === 'JOB' &&
      n.runId &&
      input.jobs.has(n.name) &&
      !runs.has(n.runId),
  );
  if (missing.length > 0) {
    problems.push(
      `The run index does not hold ${
        missing.length
      } of this workflow run's job runs yet (${missing
        .map(n => n.name)
        .join(', ')})`,
    );
  }
  return {
    id: run.id,
    root: { runId: run.id, jobName: input.workflowName, kind: 'WORKFLOW' },
    state: workflowStateOf(run, nodes),
    ...(run.startedOn ? { startedOn: run.startedOn } : {}),
    ...(run.completedOn && !isActiveWorkflowStatus(run.status)
      ? { completedOn: run.completedOn }
      : {}),
    nodes,
    problems,
  };
}

/** A workflow run's state as an execution's: its own status, failures from its nodes. */
function workflowStateOf(
  run: GlueWorkflowRun,
  nodes: GlueExecutionNode[],
): GlueChainExecution['state'] {
  if (isActiveWorkflowStatus(run.status)) return 'RUNNING';
  if ((run.statistics.FailedActions ?? 0) > 0 || run.status === 'ERROR') {
    return 'FAILED';
  }
  return stateOf(nodes) === 'FAILED' ? 'FAILED' : 'SUCCEEDED';
}
