/*
 * What the agent actions answer, mapped from the HTTP routes' responses (so
 * that permissions and redaction are the routes' own): compact, flat shapes
 * an agent reads without the browser's links and arguments. Pure.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  GlueChainExecutionsResponse,
  GlueFleetJob,
  GlueJobRun,
  GlueRunTriageResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** A run as an agent sees it. */
export interface AgentRun {
  runId: string;
  jobName: string;
  attempt: number;
  state: string;
  startedOn?: string;
  completedOn?: string;
  durationSeconds?: number;
  dpuHours?: number;
  estimatedCost?: number;
  currency: string;
  triggerName?: string;
  /** Redacted. */
  errorMessage?: string;
  /** The run in the AWS Glue console. */
  consoleUrl?: string;
}

/** The entity ref an action was given, in full form, or an `InputError` saying why not. */
export function agentEntityRef(ref: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(
      `entityRef: '${ref}' is not an entity ref (give kind:namespace/name, e.g. component:default/orders-daily-etl): ${
        (error as Error).message
      }`,
    );
  }
}

export function toAgentRun(run: GlueJobRun): AgentRun {
  return {
    runId: run.id,
    jobName: run.jobName,
    attempt: run.attempt,
    state: run.state,
    startedOn: run.startedOn,
    completedOn: run.completedOn,
    durationSeconds: run.durationSeconds,
    dpuHours: run.dpuHours,
    estimatedCost: run.estimatedCost,
    currency: run.currency,
    triggerName: run.triggerName,
    errorMessage: run.errorMessage,
    consoleUrl: run.links.console,
  };
}

/** The explanation of a failed run: its error, log tail and what changed since the last success. */
export function toFailureExplanation(
  entityRef: string,
  run: GlueJobRun,
  triage: GlueRunTriageResponse,
) {
  const logs = triage.log.map(log => ({
    group: log.group,
    lines: log.lines.map(line => `${line.timestamp} ${line.message}`),
    error: log.error,
  }));
  return {
    entityRef,
    found: true,
    run: toAgentRun(run),
    errorMessage: triage.errorMessage ?? run.errorMessage,
    logTail: logs,
    lastSuccess: triage.lastSuccess,
    changesSinceLastSuccess: triage.changes.map(change => ({
      kind: change.kind,
      field: change.field,
      before: change.before,
      after: change.after,
    })),
    summary: failureSummary(run, triage),
  };
}

function failureSummary(run: GlueJobRun, triage: GlueRunTriageResponse) {
  const error = triage.errorMessage ?? run.errorMessage;
  const parts = [
    sentence(
      `Run ${run.id} of ${run.jobName} ended ${run.state}${
        run.completedOn ? ` at ${run.completedOn}` : ''
      }${error ? `: ${error}` : ''}`,
    ),
  ];
  if (!triage.lastSuccess) {
    parts.push('The run index holds no earlier successful run to compare.');
  } else if (triage.changes.length === 0) {
    parts.push(
      `Nothing in its arguments or job definition changed since the last success (run ${triage.lastSuccess.runId}).`,
    );
  } else {
    parts.push(
      `Changed since the last success (run ${
        triage.lastSuccess.runId
      }): ${triage.changes.map(c => `${c.kind} ${c.field}`).join(', ')}.`,
    );
  }
  return parts.join(' ');
}

/** Ends a sentence with a full stop unless it has one. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** The latest execution of the chain around an entity, or why there is none. */
export function toChainStatus(response: GlueChainExecutionsResponse) {
  const [latest] = response.executions;
  return {
    entityRef: response.entityRef,
    found: latest !== undefined,
    execution: latest && {
      rootRunId: latest.id,
      rootJobName: latest.root.jobName,
      startKind: latest.root.kind,
      state: latest.state,
      startedOn: latest.startedOn,
      completedOn: latest.completedOn,
      landingSeconds: latest.landingSeconds,
      late: latest.late,
      deadline: latest.deadline,
      nodes: latest.nodes.map(node => ({
        entityRef: node.nodeId,
        jobName: node.jobName,
        runId: node.runId,
        state: node.state,
        startedOn: node.startedOn,
        completedOn: node.completedOn,
        durationSeconds: node.durationSeconds,
        critical: node.critical,
        errorMessage: node.errorMessage,
      })),
    },
    problems: [...response.problems, ...(latest?.problems ?? [])],
  };
}

/** A failing job of the fleet, as `list-failing-glue-jobs` lists it. */
export function toFailingJob(job: GlueFleetJob) {
  return {
    entityRef: job.entityRef,
    title: job.title,
    owner: job.owner,
    system: job.system,
    jobName: job.name,
    accountId: job.accountId,
    region: job.region,
    failuresLast24h: job.failuresLast24h,
    latestRun: job.latestRun && {
      runId: job.latestRun.id,
      state: job.latestRun.state,
      startedOn: job.latestRun.startedOn,
      completedOn: job.latestRun.completedOn,
      errorMessage: job.latestRun.errorMessage,
    },
  };
}

/** When a fleet job's latest run ended (or started), for the `since` filter. */
export function latestRunTime(job: GlueFleetJob): number | undefined {
  const at = job.latestRun?.completedOn ?? job.latestRun?.startedOn;
  return at === undefined ? undefined : Date.parse(at);
}
