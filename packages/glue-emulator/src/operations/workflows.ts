/*
 * Workflows: ListWorkflows, BatchGetWorkflows, GetWorkflow, GetWorkflowRuns,
 * GetWorkflowRun (all with IncludeGraph), plus StartWorkflowRun and
 * ResumeWorkflowRun.
 */
import {
  entityNotFound,
  GlueError,
  invalidInput,
  optionalBoolean,
  optionalInt,
  optionalString,
  requireString,
  stringList,
} from '../errors';
import type {
  CrawlRecord,
  RunRecord,
  WorkflowRecord,
  WorkflowRunRecord,
} from '../model';
import { decodeToken, encodeToken, fingerprint, pageOf } from '../paging';
import { hex64 } from '../random';
import { ConcurrencyError } from '../simulation';
import type {
  GlueCrawl,
  GlueJobRun,
  GlueNode,
  GlueWorkflow,
  GlueWorkflowGraph,
  GlueWorkflowRun,
  GlueWorkflowStatistics,
} from '../types';
import type { Operation, OperationContext } from './context';

const DEFAULT_RUNS_PAGE = 100;

export function findWorkflow(
  ctx: OperationContext,
  name: string,
): WorkflowRecord {
  const workflow = ctx.model.workflows.get(name);
  if (!workflow) {
    throw entityNotFound(`Workflow with name: ${name} not found`);
  }
  return workflow;
}

function uniqueId(
  ctx: OperationContext,
  workflow: WorkflowRecord,
  type: string,
  name: string,
) {
  return `wnode_${hex64(
    `${ctx.accountId}|${ctx.region}|${workflow.name}|${type}|${name}`,
  ).slice(0, 48)}`;
}

/**
 * The workflow graph. Edges go trigger -> job/crawler for actions and
 * job/crawler -> trigger for watched conditions. `jobRuns` / `crawls` give
 * each node's runs (the latest run for a definition, the runs of one
 * workflow run for a run).
 */
function buildGraph(
  ctx: OperationContext,
  workflow: WorkflowRecord,
  jobRuns: (name: string) => GlueJobRun[],
  crawls: (name: string) => GlueCrawl[],
): GlueWorkflowGraph {
  const nodes: GlueNode[] = [];
  const ids = new Map<string, string>();
  for (const trigger of workflow.triggers) {
    const id = uniqueId(ctx, workflow, 'TRIGGER', trigger.name);
    ids.set(`trigger:${trigger.name}`, id);
    nodes.push({
      Type: 'TRIGGER',
      Name: trigger.name,
      UniqueId: id,
      TriggerDetails: { Trigger: trigger.api },
    });
  }
  for (const name of workflow.jobs) {
    const id = uniqueId(ctx, workflow, 'JOB', name);
    ids.set(`job:${name}`, id);
    nodes.push({
      Type: 'JOB',
      Name: name,
      UniqueId: id,
      JobDetails: { JobRuns: jobRuns(name) },
    });
  }
  for (const name of workflow.crawlers) {
    const id = uniqueId(ctx, workflow, 'CRAWLER', name);
    ids.set(`crawler:${name}`, id);
    nodes.push({
      Type: 'CRAWLER',
      Name: name,
      UniqueId: id,
      CrawlerDetails: { Crawls: crawls(name) },
    });
  }
  const edges: GlueWorkflowGraph['Edges'] = [];
  const seen = new Set<string>();
  const edge = (from: string | undefined, to: string | undefined) => {
    if (!from || !to || seen.has(`${from}>${to}`)) return;
    seen.add(`${from}>${to}`);
    edges.push({ SourceId: from, DestinationId: to });
  };
  for (const trigger of workflow.triggers) {
    const triggerId = ids.get(`trigger:${trigger.name}`);
    for (const c of trigger.api.Predicate?.Conditions ?? []) {
      if (c.JobName) edge(ids.get(`job:${c.JobName}`), triggerId);
      if (c.CrawlerName) edge(ids.get(`crawler:${c.CrawlerName}`), triggerId);
    }
    for (const a of trigger.api.Actions) {
      if (a.JobName) edge(triggerId, ids.get(`job:${a.JobName}`));
      if (a.CrawlerName) edge(triggerId, ids.get(`crawler:${a.CrawlerName}`));
    }
  }
  return { Nodes: nodes, Edges: edges };
}

function statistics(
  jobs: Map<string, RunRecord[]>,
  crawls: Map<string, CrawlRecord[]>,
) {
  const stats: GlueWorkflowStatistics = {
    TotalActions: 0,
    TimeoutActions: 0,
    FailedActions: 0,
    StoppedActions: 0,
    SucceededActions: 0,
    RunningActions: 0,
    ErroredActions: 0,
    WaitingActions: 0,
  };
  let completedOn = 0;
  const count = (state: string, completed: number | undefined) => {
    stats.TotalActions += 1;
    switch (state) {
      case 'SUCCEEDED':
        stats.SucceededActions += 1;
        break;
      case 'FAILED':
        stats.FailedActions += 1;
        break;
      case 'TIMEOUT':
        stats.TimeoutActions += 1;
        break;
      case 'STOPPED':
      case 'CANCELLED':
        stats.StoppedActions += 1;
        break;
      case 'ERROR':
      case 'EXPIRED':
        stats.ErroredActions += 1;
        break;
      case 'WAITING':
        stats.WaitingActions += 1;
        break;
      default:
        stats.RunningActions += 1;
    }
    if (completed !== undefined) completedOn = Math.max(completedOn, completed);
  };
  for (const list of jobs.values()) {
    for (const r of list) count(r.run.JobRunState, r.run.CompletedOn);
  }
  for (const list of crawls.values()) {
    for (const c of list) count(c.crawl.State, c.crawl.CompletedOn);
  }
  return { stats, completedOn };
}

/** A workflow run with its Statistics, Status and (optionally) Graph. */
export function workflowRunView(
  ctx: OperationContext,
  workflow: WorkflowRecord,
  record: WorkflowRunRecord,
  includeGraph: boolean,
): GlueWorkflowRun {
  const members = ctx.runtime.chainMembers(workflow, record);
  const { stats, completedOn } = statistics(members.jobs, members.crawls);
  const running =
    stats.RunningActions + stats.WaitingActions > 0 || members.pending > 0;
  const run: GlueWorkflowRun = {
    Name: record.Name,
    WorkflowRunId: record.WorkflowRunId,
    PreviousRunId: record.PreviousRunId,
    WorkflowRunProperties: record.WorkflowRunProperties,
    StartedOn: record.StartedOn,
    Status: running ? 'RUNNING' : 'COMPLETED',
    Statistics: stats,
  };
  if (!running) {
    run.CompletedOn = Math.max(completedOn, record.StartedOn);
  }
  if (run.PreviousRunId === undefined) delete run.PreviousRunId;
  if (includeGraph) {
    run.Graph = buildGraph(
      ctx,
      workflow,
      name => (members.jobs.get(name) ?? []).map(r => r.run),
      name => (members.crawls.get(name) ?? []).map(c => c.crawl),
    );
  }
  return run;
}

/** A workflow with LastRun and (optionally) its Graph with each node's latest run. */
export function workflowView(
  ctx: OperationContext,
  workflow: WorkflowRecord,
  includeGraph: boolean,
): GlueWorkflow {
  const view: GlueWorkflow = { ...workflow.api };
  const runs = ctx.runtime.workflowRunsOf(workflow);
  if (runs.length > 0) {
    view.LastRun = workflowRunView(ctx, workflow, runs[runs.length - 1], false);
  }
  if (includeGraph) {
    view.Graph = buildGraph(
      ctx,
      workflow,
      name => {
        const job = ctx.model.jobs.get(name);
        const list = job ? ctx.runtime.runsOf(job) : [];
        return list.length ? [list[list.length - 1].run] : [];
      },
      name => {
        const crawler = ctx.model.crawlers.get(name);
        const list = crawler ? ctx.runtime.crawlsOf(crawler) : [];
        return list.length ? [list[list.length - 1].crawl] : [];
      },
    );
  }
  return view;
}

export const ListWorkflows: Operation = (input, ctx) => {
  const max = optionalInt(input, 'MaxResults', 1, 25) ?? 25;
  const print = fingerprint('ListWorkflows', ctx.accountId, ctx.region);
  const offset =
    decodeToken(optionalString(input, 'NextToken'), print)?.offset ?? 0;
  const { items, next } = pageOf(ctx.model.workflowList, offset, max);
  return {
    Workflows: items.map(w => w.name),
    NextToken: next === undefined ? undefined : encodeToken(next, print),
  };
};

export const BatchGetWorkflows: Operation = (input, ctx) => {
  const names = stringList(input, 'Names', {
    min: 1,
    max: 25,
    required: true,
  })!;
  const includeGraph = optionalBoolean(input, 'IncludeGraph') ?? false;
  const workflows = [];
  const missing = [];
  for (const name of names) {
    const workflow = ctx.model.workflows.get(name);
    if (workflow) workflows.push(workflowView(ctx, workflow, includeGraph));
    else missing.push(name);
  }
  return { Workflows: workflows, MissingWorkflows: missing };
};

export const GetWorkflow: Operation = (input, ctx) => {
  const workflow = findWorkflow(ctx, requireString(input, 'Name'));
  const includeGraph = optionalBoolean(input, 'IncludeGraph') ?? false;
  return { Workflow: workflowView(ctx, workflow, includeGraph) };
};

export const GetWorkflowRuns: Operation = (input, ctx) => {
  const workflow = findWorkflow(ctx, requireString(input, 'Name'));
  const includeGraph = optionalBoolean(input, 'IncludeGraph') ?? false;
  const max = optionalInt(input, 'MaxResults', 1, 1000) ?? DEFAULT_RUNS_PAGE;
  const print = fingerprint(
    'GetWorkflowRuns',
    ctx.accountId,
    ctx.region,
    workflow.name,
  );
  const token = decodeToken(optionalString(input, 'NextToken'), print);
  const runs = ctx.runtime.workflowRunsOf(workflow);
  const size = Math.min(token?.size ?? runs.length, runs.length);
  const newestFirst = runs.slice(0, size).reverse();
  const { items, next } = pageOf(newestFirst, token?.offset ?? 0, max);
  return {
    Runs: items.map(r => workflowRunView(ctx, workflow, r, includeGraph)),
    NextToken: next === undefined ? undefined : encodeToken(next, print, size),
  };
};

function findWorkflowRun(
  ctx: OperationContext,
  workflow: WorkflowRecord,
  runId: string,
): WorkflowRunRecord {
  const record = ctx.runtime
    .workflowRunsOf(workflow)
    .find(r => r.WorkflowRunId === runId);
  if (!record) {
    throw entityNotFound(
      `Workflow run ${runId} not found for workflow ${workflow.name}`,
    );
  }
  return record;
}

export const GetWorkflowRun: Operation = (input, ctx) => {
  const workflow = findWorkflow(ctx, requireString(input, 'Name'));
  const runId = requireString(input, 'RunId');
  const includeGraph = optionalBoolean(input, 'IncludeGraph') ?? false;
  const record = findWorkflowRun(ctx, workflow, runId);
  return { Run: workflowRunView(ctx, workflow, record, includeGraph) };
};

/** StartWorkflowRun: fires the workflow's starting (SCHEDULED / ON_DEMAND) trigger. */
export const StartWorkflowRun: Operation = (input, ctx) => {
  const workflow = findWorkflow(ctx, requireString(input, 'Name'));
  const start = workflow.triggers.find(t => t.api.Type !== 'CONDITIONAL');
  if (!start) {
    throw invalidInput(`Workflow ${workflow.name} has no starting trigger`);
  }
  const max = workflow.api.MaxConcurrentRuns;
  if (max !== undefined && max > 0) {
    const running = ctx.runtime
      .workflowRunsOf(workflow)
      .filter(
        r => workflowRunView(ctx, workflow, r, false).Status === 'RUNNING',
      ).length;
    if (running >= max) {
      throw new GlueError(
        'ConcurrentRunsExceededException',
        `Concurrent runs exceeded for workflow: ${workflow.name}.`,
      );
    }
  }
  const chain = ctx.runtime.fireRoot(start, ctx.now);
  return { RunId: chain.workflowRunId };
};

const FAILED_JOB_STATES = new Set(['FAILED', 'TIMEOUT', 'ERROR', 'STOPPED']);
const FAILED_CRAWL_STATES = new Set(['FAILED', 'CANCELLED']);

type ResumableNode = {
  type: 'JOB' | 'CRAWLER' | 'TRIGGER';
  name: string;
  /** The final state of the node in the run; undefined when it did not run. */
  state?: string;
};

/** The nodes of a workflow run's graph by UniqueId, with their final state. */
function nodesOfRun(
  ctx: OperationContext,
  workflow: WorkflowRecord,
  record: WorkflowRunRecord,
): Map<string, ResumableNode> {
  const members = ctx.runtime.chainMembers(workflow, record);
  const nodes = new Map<string, ResumableNode>();
  for (const t of workflow.triggers) {
    nodes.set(uniqueId(ctx, workflow, 'TRIGGER', t.name), {
      type: 'TRIGGER',
      name: t.name,
    });
  }
  for (const name of workflow.jobs) {
    const runs = members.jobs.get(name);
    nodes.set(uniqueId(ctx, workflow, 'JOB', name), {
      type: 'JOB',
      name,
      state: runs?.[runs.length - 1].run.JobRunState,
    });
  }
  for (const name of workflow.crawlers) {
    const crawls = members.crawls.get(name);
    nodes.set(uniqueId(ctx, workflow, 'CRAWLER', name), {
      type: 'CRAWLER',
      name,
      state: crawls?.[crawls.length - 1].crawl.State,
    });
  }
  return nodes;
}

function didNotSucceed(node: ResumableNode): boolean {
  if (node.state === undefined) return false;
  return node.type === 'JOB'
    ? FAILED_JOB_STATES.has(node.state)
    : FAILED_CRAWL_STATES.has(node.state);
}

/** Why a NodeId cannot be resumed, or undefined when it can. */
function resumeRefusal(
  id: string,
  node: ResumableNode | undefined,
  runId: string,
): string | undefined {
  if (!node) return `Node ${id} is not a node of the workflow run ${runId}`;
  const what = `Node ${id} (${node.type.toLocaleLowerCase('en-US')} ${
    node.name
  })`;
  if (node.type === 'TRIGGER') {
    return `${what} is a trigger; only job and crawler nodes can be resumed`;
  }
  if (node.state === undefined) {
    return `${what} did not run in workflow run ${runId}; only nodes that ran can be resumed`;
  }
  if (!didNotSucceed(node)) {
    return `${what} is ${node.state} in workflow run ${runId}; only nodes that failed, timed out, errored or were stopped can be resumed`;
  }
  return undefined;
}

/**
 * ResumeWorkflowRun: runs the named failed job / crawler nodes of a finished
 * workflow run again in a new run (a new RunId, PreviousRunId = the
 * original); what they start downstream follows; the nodes that succeeded
 * carry over. See
 * https://docs.aws.amazon.com/glue/latest/dg/resuming-workflow.html
 */
export const ResumeWorkflowRun: Operation = (input, ctx) => {
  const workflow = findWorkflow(ctx, requireString(input, 'Name'));
  const runId = requireString(input, 'RunId');
  const nodeIds = stringList(input, 'NodeIds', {
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    required: true,
  })!;
  const original = findWorkflowRun(ctx, workflow, runId);
  const { Status } = workflowRunView(ctx, workflow, original, false);
  if (Status !== 'COMPLETED' && Status !== 'STOPPED') {
    throw new GlueError(
      'IllegalWorkflowStateException',
      `Workflow run ${runId} of workflow ${workflow.name} is ${Status}; only a finished run can be resumed`,
    );
  }
  const nodes = nodesOfRun(ctx, workflow, original);
  if (![...nodes.values()].some(didNotSucceed)) {
    throw new GlueError(
      'IllegalWorkflowStateException',
      `Workflow run ${runId} of workflow ${workflow.name} has no failed or stopped nodes to resume`,
    );
  }
  const ids = [...new Set(nodeIds)];
  const chosen = { jobs: [] as string[], crawlers: [] as string[] };
  for (const id of ids) {
    const node = nodes.get(id);
    const refusal = resumeRefusal(id, node, runId);
    if (refusal) throw invalidInput(refusal);
    (node!.type === 'JOB' ? chosen.jobs : chosen.crawlers).push(node!.name);
  }
  try {
    const record = ctx.runtime.resumeWorkflowRun(
      workflow,
      original,
      chosen,
      ctx.now,
    );
    return { RunId: record.WorkflowRunId, NodeIds: ids };
  } catch (e) {
    if (e instanceof ConcurrencyError) {
      throw new GlueError('ConcurrentRunsExceededException', e.message);
    }
    throw e;
  }
};
