import type { GlueJobRunState } from './types';

const ACTIVE = new Set(['STARTING', 'RUNNING', 'STOPPING', 'WAITING']);
const FAILED = new Set(['FAILED', 'TIMEOUT', 'ERROR', 'EXPIRED']);

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
