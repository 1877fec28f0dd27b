/*
 * Runs one measured case in a child process (so memory peaks of cases do not
 * mix and every case starts cold the same way). The child re-enters through
 * bin/bench with `--worker`, gets its task over IPC and answers over IPC.
 */
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

// The bench only runs from source (bin/bench + the node transform), never built.
// eslint-disable-next-line no-restricted-syntax
const BIN = path.resolve(__dirname, '../../bin/bench');

/** A message from a worker. */
export type WorkerMessage =
  | { type: 'result'; result: unknown }
  | { type: 'error'; error: string }
  | { type: 'event'; event: Record<string, unknown> };

function isWorkerMessage(m: { type: string }): m is WorkerMessage {
  return m.type === 'result' || m.type === 'error' || m.type === 'event';
}

export interface WorkerHandle<T> {
  child: ChildProcess;
  pid: number;
  /** Settles with the worker's result; rejects on error, exit or timeout. */
  result: Promise<T>;
  /** Sends SIGKILL to this worker (and only this one). */
  kill(signal?: NodeJS.Signals): void;
}

export interface StartWorkerOptions {
  timeoutMs: number;
  onEvent?: (event: Record<string, unknown>) => void;
  env?: Record<string, string>;
  /** Extra node flags, e.g. --expose-gc. */
  execArgv?: string[];
}

export function startWorker<T>(
  task: Record<string, unknown>,
  options: StartWorkerOptions,
): WorkerHandle<T> {
  const child = fork(BIN, ['--worker'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...options.env },
    execArgv: options.execArgv ?? [],
    serialization: 'advanced',
  });
  let done = false;
  const result = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      child.kill('SIGKILL');
      reject(
        new Error(
          `worker ${String(task.kind)} timed out after ${options.timeoutMs} ms`,
        ),
      );
    }, options.timeoutMs);
    child.on('message', (message: WorkerMessage | { type: string }) => {
      // The CLI's node transform also talks over IPC ({ type: 'watch' }).
      if (!isWorkerMessage(message)) return;
      if (message.type === 'event') {
        options.onEvent?.(message.event);
        return;
      }
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (message.type === 'result') resolve(message.result as T);
      else reject(new Error(message.error));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (done) return;
      done = true;
      reject(
        new Error(
          `worker ${String(task.kind)} exited (${
            signal ?? `code ${code}`
          }) before answering`,
        ),
      );
    });
  });
  child.send(task);
  return {
    child,
    pid: child.pid!,
    result,
    kill: (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
      }
    },
  };
}

/** Starts a worker and waits for its result; the worker exits afterwards. */
export async function runWorker<T>(
  task: Record<string, unknown>,
  options: StartWorkerOptions,
): Promise<T> {
  const handle = startWorker<T>(task, options);
  try {
    return await handle.result;
  } finally {
    await waitForExit(handle.child, 10_000);
  }
}

/** Waits until the child exits; kills it (SIGKILL) after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs: number) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise<void>(resolve => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Inside a worker: sends an event to the parent. */
export function sendEvent(event: Record<string, unknown>) {
  process.send?.({ type: 'event', event } satisfies WorkerMessage);
}
