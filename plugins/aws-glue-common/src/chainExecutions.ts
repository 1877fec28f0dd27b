import { z } from 'zod';
import type { Entity } from '@backstage/catalog-model';
import type { GlueJobRunState } from './runState';

/**
 * The state of a chain node that did not run in an execution because what
 * should have started it failed or never ran.
 *
 * @public
 */
export const GLUE_NOT_STARTED = 'NOT_STARTED';

/**
 * One node of one chain execution: a job run, or a job of the chain that the
 * execution did not start.
 *
 * @public
 */
export interface GlueExecutionNode {
  /** The job's entity ref (the chain node). */
  nodeId: string;
  jobName: string;
  /** Absent when the node did not start ({@link GLUE_NOT_STARTED}). */
  runId?: string;
  state: GlueJobRunState | typeof GLUE_NOT_STARTED | string;
  attempt?: number;
  /** ISO-8601. */
  startedOn?: string;
  completedOn?: string;
  durationSeconds?: number;
  /** The trigger that started the run (absent for the root's manual start). */
  triggerName?: string;
  /** Run ids of this execution whose end started this run (`PredecessorRuns`). */
  predecessorRunIds: string[];
  /**
   * Seconds from the end of the last predecessor to this run's start: the
   * trigger's delay (and any queueing).
   */
  triggerDelaySeconds?: number;
  /** On the critical path: the chain of runs that decided when the execution ended. */
  critical: boolean;
  errorMessage?: string;
}

/**
 * How an execution began.
 *
 * @public
 */
export interface GlueExecutionRoot {
  runId: string;
  jobName: string;
  /** `SCHEDULED`, `ON_DEMAND`, `CONDITIONAL`, `EVENT` (the trigger's type) or `MANUAL` (no trigger). */
  kind: string;
  triggerName?: string;
  /** SCHEDULED roots: when the schedule fired (ISO-8601), the minute of the root's start. */
  scheduledFor?: string;
}

/**
 * One execution of a chain: the runs linked by `PredecessorRuns` from one
 * root run downstream.
 *
 * @public
 */
export interface GlueChainExecution {
  /** The root run's id. */
  id: string;
  root: GlueExecutionRoot;
  /** RUNNING while a node runs, FAILED when one failed, else SUCCEEDED. */
  state: 'RUNNING' | 'FAILED' | 'SUCCEEDED';
  startedOn?: string;
  /** When the last node finished: the chain's output landed. */
  completedOn?: string;
  /** Seconds from `root.scheduledFor` to `completedOn` (scheduled roots only). */
  landingSeconds?: number;
  /** True when an SLA is set and this execution landed after it (or has not landed past it). */
  late?: boolean;
  /** The SLA's deadline for this execution (ISO-8601), when one is set and the root is scheduled. */
  deadline?: string;
  nodes: GlueExecutionNode[];
  /** Why the execution graph was cut (a cycle, a missing predecessor, the node limit). */
  problems: string[];
}

/**
 * A row of the run matrix: a job (or crawler) of the chain.
 *
 * @public
 */
export interface GlueExecutionRow {
  nodeId: string;
  title: string;
  kind: 'job' | 'crawler';
}

/**
 * Response of `GET .../chain-executions`.
 *
 * @public
 */
export interface GlueChainExecutionsResponse {
  /** The entity asked for. */
  entityRef: string;
  /** The matrix's rows, upstream first. */
  rows: GlueExecutionRow[];
  /** Latest first, at most `limit`. */
  executions: GlueChainExecution[];
  /** The SLA of the chain, as the annotation said it. */
  sla?: GlueSla;
  /** The executions asked for and the node limit per execution. */
  limits: { executions: number; maxNodes: number };
  /** What could not be read (a restricted job, a chain cut short). */
  problems: string[];
}

/**
 * The landing-time SLA of a job or workflow: a time of day in a zone, or a
 * duration after the scheduled start.
 *
 * @public
 */
export type GlueSla =
  | { kind: 'time-of-day'; hour: number; minute: number; zone: string }
  | { kind: 'duration'; seconds: number };

/**
 * The SLA annotation, on a job or a workflow System: `06:30 Europe/Berlin`
 * (a time of day, the zone an IANA name, UTC when left out) or `PT2H30M` /
 * `2h30m` (a duration after the scheduled start).
 *
 * @public
 */
export const ANNOTATION_AWS_GLUE_SLA = 'aws.amazon.com/aws-glue-sla';

/**
 * The Glue tag the catalog module copies into {@link ANNOTATION_AWS_GLUE_SLA}
 * on synced jobs and workflows (a synced entity is not edited by hand).
 *
 * @public
 */
export const GLUE_SLA_TAG = 'sla';

const timeOfDay = /^([01]?\d|2[0-3]):([0-5]\d)(?:\s+(\S+))?$/;
const isoDuration = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i;
const shortDuration = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/i;

const knownZone = (zone: string): boolean => {
  try {
    return Boolean(new Intl.DateTimeFormat('en-US', { timeZone: zone }));
  } catch {
    return false;
  }
};

/**
 * Reads an SLA value; a `ZodError`-like message when it is neither form.
 * Pure.
 *
 * @public
 */
export function parseGlueSla(
  value: string,
): { sla: GlueSla } | { error: string } {
  const text = value.trim();
  const time = timeOfDay.exec(text);
  if (time) {
    const zone = time[3] ?? 'UTC';
    if (!knownZone(zone)) {
      return {
        error: `'${zone}' is not a time zone (use an IANA name such as Europe/Berlin)`,
      };
    }
    return {
      sla: {
        kind: 'time-of-day',
        hour: Number(time[1]),
        minute: Number(time[2]),
        zone,
      },
    };
  }
  const duration =
    isoDuration.exec(text) ?? (text ? shortDuration.exec(text) : null);
  if (duration && (duration[1] || duration[2] || duration[3])) {
    const seconds =
      Number(duration[1] ?? 0) * 3600 +
      Number(duration[2] ?? 0) * 60 +
      Number(duration[3] ?? 0);
    if (seconds > 0 && seconds <= 7 * 86400) {
      return { sla: { kind: 'duration', seconds } };
    }
  }
  return {
    error: `'${text.slice(
      0,
      60,
    )}' is not an SLA: give a time of day with an optional zone ('06:30 Europe/Berlin') or a duration after the schedule of at most 7 days ('PT2H', '2h30m')`,
  };
}

/**
 * The entity's SLA annotation, read once: absent, the SLA, or what is wrong
 * with it.
 *
 * @public
 */
export function readGlueSla(entity: Entity): { sla?: GlueSla; error?: string } {
  const value = entity.metadata.annotations?.[ANNOTATION_AWS_GLUE_SLA];
  if (value === undefined) return {};
  const read = parseGlueSla(value);
  return 'sla' in read
    ? { sla: read.sla }
    : { error: `${ANNOTATION_AWS_GLUE_SLA}: ${read.error}` };
}

/**
 * Where an argument of a run came from: the job's `DefaultArguments`, the
 * run's own `Arguments` (what `StartJobRun` or the trigger's action gave), or
 * the run's overriding a default.
 *
 * @public
 */
export type GlueArgumentSource = 'default' | 'run' | 'run-overrides-default';

/**
 * One effective argument of a run (redacted).
 *
 * @public
 */
export interface GlueEffectiveArgument {
  key: string;
  value: string;
  source: GlueArgumentSource;
}

/**
 * One difference between a failed run and the last successful run before it.
 *
 * @public
 */
export interface GlueRunChange {
  /** `argument` or `definition`. */
  kind: 'argument' | 'definition';
  /** The argument key, or the definition field (`workerType`, `numberOfWorkers`, `glueVersion`, `scriptLocation`, `timeout`, `maxRetries`). */
  field: string;
  /** Redacted; absent when it was not set. */
  before?: string;
  after?: string;
}

/**
 * Response of `GET .../runs/:runId/triage`: why a failed run failed.
 *
 * @public
 */
export interface GlueRunTriageResponse {
  jobName: string;
  runId: string;
  state: string;
  errorMessage?: string;
  /** The last lines of the run's error log, redacted. */
  log: {
    group: string;
    stream: string;
    lines: { timestamp: string; message: string }[];
    /** The log stream in the CloudWatch console. */
    consoleUrl: string;
    /** Set when the log could not be read (no such stream, access denied, ...). */
    error?: string;
  }[];
  /** The last successful run before this one, if the store has one. */
  lastSuccess?: { runId: string; startedOn?: string };
  /** What differs from it: arguments (redacted) and job-definition fields. */
  changes: GlueRunChange[];
  /** The run's effective arguments, each with where it came from. */
  effectiveArguments: GlueEffectiveArgument[];
}

/**
 * Response of `POST .../runs/:runId/retry`.
 *
 * @public
 */
export interface RetryGlueJobRunResponse {
  jobName: string;
  /** The run that was retried. */
  retriedRunId: string;
  /** The new run. */
  runId: string;
}

/**
 * What `Resume` would run again: the failed nodes and what they start.
 *
 * @public
 */
export interface GlueWorkflowResumePreview {
  workflowName: string;
  runId: string;
  /** The workflow run's failed (or stopped) job and crawler nodes: what is resumed. */
  nodeIds: string[];
  /** Names of every job and crawler that will run again (the nodes and what they start). */
  willRun: string[];
  /** False, with a reason, when the run cannot be resumed. */
  resumable: boolean;
  reason?: string;
}

/**
 * Response of `POST .../workflow-runs/:runId/resume`.
 *
 * @public
 */
export interface ResumeGlueWorkflowRunResponse {
  workflowName: string;
  /** The run that was resumed. */
  resumedRunId: string;
  /** The new workflow run id Glue gave the resumed run. */
  runId: string;
  nodeIds: string[];
}

/** Query of the executions route, for both sides. @public */
export const glueChainExecutionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(60).default(14),
});
