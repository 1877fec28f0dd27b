/*
 * Driving the reconciler from outside: the plugin's scheduler API
 * (`/api/aws-glue/.backstage/scheduler/v1/tasks[/:id/trigger]`, served by
 * the Backstage scheduler for every plugin) starts a pass now and tells
 * when it started and ended; the pass's own log line says what it did.
 */
import { performance } from 'node:perf_hooks';
import { getOk, HttpClient, request, sleep } from '../lib/http';
import { parseReconcileLine } from './analysis';
import type { PassLine } from './environment';

const TASKS = '/api/aws-glue/.backstage/scheduler/v1/tasks';

export interface PassResult {
  jobsPolled: number;
  calls: number;
  runsChanged: number;
  /** Jobs the pass's call budget left for the next one. */
  deferred: number;
  message: string;
  /** Scheduler times (the database's clock). */
  startedAt?: string;
  endedAt?: string;
  /** endedAt - startedAt, when both were seen. */
  passMs?: number;
  /** From the trigger until the pass line arrived (includes the scheduler's poll, up to 5 s). */
  waitedMs: number;
  /** Task-state reads the bench made while waiting (one query each on the plugin's database). */
  statePolls: number;
}

interface TaskState {
  status?: string;
  startedAt?: string;
  lastRunEndedAt?: string;
}

export async function reconcilerState(
  client: HttpClient,
  taskId: string,
): Promise<TaskState | undefined> {
  const res = await getOk(client, TASKS);
  const task = (res.body.tasks as any[]).find(t => t.taskId === taskId);
  return task?.taskState ?? undefined;
}

/** Asks the scheduler to run the task now (409 while it runs: retried). */
export async function triggerTask(client: HttpClient, taskId: string) {
  const deadline = performance.now() + 120_000;
  for (;;) {
    const res = await request(client, 'POST', `${TASKS}/${taskId}/trigger`);
    if (res.status === 200) return;
    if (res.status !== 409 || performance.now() > deadline) {
      throw new Error(
        `triggering ${taskId} answered ${res.status}: ${JSON.stringify(
          res.body,
        )}`,
      );
    }
    await sleep(500);
  }
}

/** Triggers one pass and waits for its log line (bounded). */
export async function runPass(
  client: HttpClient,
  taskId: string,
  passes: PassLine[],
  timeoutMs: number,
): Promise<PassResult> {
  const before = passes.length;
  const t0 = performance.now();
  await triggerTask(client, taskId);
  let startedAt: string | undefined;
  let statePolls = 0;
  while (passes.length === before) {
    if (performance.now() - t0 > timeoutMs) {
      throw new Error(`no reconciler pass ended within ${timeoutMs} ms`);
    }
    statePolls += 1;
    const state = await reconcilerState(client, taskId).catch(() => undefined);
    if (state?.status === 'running') startedAt ??= state.startedAt;
    await sleep(250);
  }
  const waitedMs = Math.round(performance.now() - t0);
  const line = passes[before];
  const parsed = parseReconcileLine(line.message);
  const endedAt = (await reconcilerState(client, taskId))?.lastRunEndedAt;
  return {
    jobsPolled: parsed?.jobsPolled ?? 0,
    calls: parsed?.calls ?? 0,
    runsChanged: parsed?.runsChanged ?? 0,
    deferred: parsed?.deferred ?? 0,
    message: line.message,
    startedAt,
    endedAt,
    passMs:
      startedAt && endedAt
        ? Date.parse(endedAt) - Date.parse(startedAt)
        : undefined,
    waitedMs,
    statePolls: statePolls + 1,
  };
}
