/*
 * The sync task's timeout, and what it costs when a replica dies mid-sync.
 *
 * Backstage's scheduler (backend-defaults 0.18, `TaskWorker` and
 * `PluginTaskSchedulerJanitor`) locks a global task by writing a ticket and
 * `current_run_expires_at = claim + timeout` into its table. A worker that
 * finishes (or is aborted by its timeout) clears the ticket itself; a worker
 * that dies (SIGKILL, OOM, a lost node) cannot, and no other worker may claim
 * the task until the janitor of a live replica clears tickets whose expiry
 * has passed. The janitor runs once a minute; a worker then sees the task due
 * within its work check (5 s, or the task's frequency when shorter). So the
 * others take over after what remained of the timeout, plus up to 65 s, plus
 * their own sync: the timeout is the only lever this module has.
 */
import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/**
 * The sync task's timeout when `schedule.timeout` is not set. A sync of the
 * bench's largest account (20,000 jobs, 64,000 entities, 50 ms a call) reads
 * and maps in about 12 s: 45 s leaves it nearly 4x, and a replica killed
 * mid-sync is taken over within 45 s + 65 s + one sync, about 2 minutes.
 *
 * @public
 */
export const DEFAULT_SYNC_TIMEOUT: HumanDuration = { seconds: 45 };

/** Up to how long the scheduler takes to free an expired lock: the janitor's minute and a 5 s work check. */
export const LOCK_RELEASE_MS = 65_000;

/** How soon another replica should have synced after one dies mid-sync. */
export const TAKEOVER_TARGET_MS = 120_000;

/** A schedule's timeout in milliseconds (a luxon `Duration` from code, or a `HumanDuration`). */
export function scheduleTimeoutMs(
  schedule: SchedulerServiceTaskScheduleDefinition,
): number {
  const timeout = schedule.timeout;
  return 'toMillis' in timeout
    ? timeout.toMillis()
    : durationToMilliseconds(timeout);
}

const seconds = (ms: number) =>
  ms >= 120_000
    ? `${Math.round(ms / 60_000)} min`
    : `${Math.ceil(ms / 1000)} s`;

/**
 * What to tell the operator about a task timeout, given how long a whole
 * sync (read, mapping and apply) took: that it is too short (a sync that
 * outlives it applies nothing), or so long that a replica dying mid-sync
 * leaves the account unsynced for more than {@link TAKEOVER_TARGET_MS}.
 * `undefined` when it fits.
 */
export function timeoutAdvice(options: {
  timeoutMs: number;
  syncMs: number;
  /** The provider's config path, for the message. */
  path: string;
}): { kind: 'too-short' | 'too-long'; message: string } | undefined {
  const { timeoutMs, syncMs, path } = options;
  // about 3x the sync, in whole 5 s, never below the default
  const suggestedMs = Math.max(
    durationToMilliseconds(DEFAULT_SYNC_TIMEOUT),
    Math.ceil((3 * syncMs) / 5000) * 5000,
  );
  if (syncMs > timeoutMs / 2) {
    return {
      kind: 'too-short',
      message: `This Glue sync took ${seconds(
        syncMs,
      )}, more than half of its task timeout (${seconds(
        timeoutMs,
      )}); a sync that outlives its timeout applies nothing. Raise ${path}.schedule.timeout to about ${seconds(
        suggestedMs,
      )}`,
    };
  }
  const takeoverMs = timeoutMs + LOCK_RELEASE_MS + syncMs;
  // only when far off: twice what would do
  if (takeoverMs > TAKEOVER_TARGET_MS && timeoutMs >= 2 * suggestedMs) {
    return {
      kind: 'too-long',
      message: `${path}.schedule.timeout (${seconds(
        timeoutMs,
      )}) is ${Math.round(
        timeoutMs / Math.max(syncMs, 1),
      )}x this sync (${seconds(
        syncMs,
      )}): if a replica dies mid-sync, another can take the task over only once the timeout has passed plus up to ${
        LOCK_RELEASE_MS / 1000
      } s (the scheduler's lock sweep), so up to ${seconds(
        takeoverMs,
      )} pass before its sync is applied; about ${seconds(
        suggestedMs,
      )} would do`,
    };
  }
  return undefined;
}
