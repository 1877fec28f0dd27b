/**
 * Every state of a Glue job run, as Glue's `JobRunState` has them
 * (https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-jobs-runs.html#aws-glue-api-jobs-runs-JobRun).
 * The one list the type, the API's `state` filter, the views' filters and
 * the annotation schemas derive from.
 *
 * @public
 */
export const GLUE_JOB_RUN_STATES = [
  'STARTING',
  'RUNNING',
  'STOPPING',
  'STOPPED',
  'SUCCEEDED',
  'FAILED',
  'TIMEOUT',
  'ERROR',
  'WAITING',
  'EXPIRED',
] as const;

/**
 * The states in which a run may still change state (views refresh, caches
 * are short).
 *
 * @public
 */
export const ACTIVE_GLUE_JOB_RUN_STATES = [
  'STARTING',
  'RUNNING',
  'STOPPING',
  'WAITING',
] as const satisfies readonly GlueJobRunStateName[];

/**
 * The states that mean the run did not do its work.
 *
 * @public
 */
export const FAILED_GLUE_JOB_RUN_STATES = [
  'FAILED',
  'TIMEOUT',
  'ERROR',
  'EXPIRED',
] as const satisfies readonly GlueJobRunStateName[];

/**
 * One of {@link GLUE_JOB_RUN_STATES}.
 *
 * @public
 */
export type GlueJobRunStateName = (typeof GLUE_JOB_RUN_STATES)[number];

/**
 * The state of a Glue job run. Treated as open: an unknown state from a
 * newer Glue is passed through as a string.
 *
 * @public
 */
export type GlueJobRunState = GlueJobRunStateName;

const ACTIVE = new Set<string>(ACTIVE_GLUE_JOB_RUN_STATES);
const FAILED = new Set<string>(FAILED_GLUE_JOB_RUN_STATES);

/**
 * True while a run may still change state (so views refresh and caches are short).
 *
 * @public
 */
export function isActiveRunState(
  state: GlueJobRunState | string | undefined,
): boolean {
  return state !== undefined && ACTIVE.has(state);
}

/**
 * True for the states that mean the run did not do its work.
 *
 * @public
 */
export function isFailedRunState(
  state: GlueJobRunState | string | undefined,
): boolean {
  return state !== undefined && FAILED.has(state);
}

/**
 * A coarse status for display: `ok`, `error`, `running`, `aborted` or `pending`.
 *
 * @public
 */
export function runStatusCategory(
  state: GlueJobRunState | string | undefined,
): 'ok' | 'error' | 'running' | 'aborted' | 'pending' {
  if (state === 'SUCCEEDED') return 'ok';
  if (isFailedRunState(state)) return 'error';
  if (state === 'STOPPED' || state === 'STOPPING') return 'aborted';
  if (state === 'WAITING' || state === undefined) return 'pending';
  return 'running';
}

const RANK: Readonly<Record<string, number>> = {
  WAITING: 1,
  STARTING: 1,
  RUNNING: 2,
  STOPPING: 3,
};

/**
 * Where a state lies on a run's way: waiting or starting (1), running (2),
 * stopping (3), ended (4). A run never goes back to a lower rank, so a store
 * that keeps the highest rank it saw is right whatever order its updates
 * arrive in.
 *
 * @public
 */
export function runStateRank(state: GlueJobRunState | string): number {
  return RANK[state] ?? 4;
}

/**
 * Glue's workflow run statuses (`WorkflowRunStatus`); they rank like job run
 * states ({@link runStateRank}): running, stopping, ended.
 *
 * @public
 */
export const GLUE_WORKFLOW_RUN_STATUSES = [
  'RUNNING',
  'STOPPING',
  'COMPLETED',
  'STOPPED',
  'ERROR',
] as const;

/**
 * True while a workflow run may still change (RUNNING or STOPPING).
 *
 * @public
 */
export function isActiveWorkflowStatus(status: string | undefined): boolean {
  return status === 'RUNNING' || status === 'STOPPING';
}
