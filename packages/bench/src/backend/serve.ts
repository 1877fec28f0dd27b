/*
 * Parent side of a serving backend: starts `backendWorker` in mode `serve`
 * in a child process, waits until it is ready, and stops it.
 */
import type { JsonObject } from '@backstage/types';
import { startWorker, waitForExit, WorkerHandle } from '../lib/child';
import type { BackendTask } from './backendWorker';

export interface ServingBackend {
  label: string;
  port: number;
  base: string;
  handle: WorkerHandle<unknown>;
  startupMs: number;
  /** Sends a message to the child (profile-start, profile-stop, ...). */
  send(message: Record<string, unknown>): void;
  stop(): Promise<void>;
}

export async function serveBackend(options: {
  label: string;
  port: number;
  config: JsonObject;
  task?: Partial<BackendTask>;
  onEvent?: (event: Record<string, unknown>) => void;
  readyTimeoutMs?: number;
}): Promise<ServingBackend> {
  const task: BackendTask = {
    kind: 'backend',
    mode: 'serve',
    label: options.label,
    port: options.port,
    config: options.config,
    filter: 'kind=component',
    ...options.task,
  };
  let ready: (startupMs: number) => void = () => {};
  const readyPromise = new Promise<number>(resolve => {
    ready = resolve;
  });
  const handle = startWorker<unknown>(
    task as unknown as Record<string, unknown>,
    {
      timeoutMs: 60 * 60_000,
      onEvent: event => {
        if (event.type === 'ready') ready(Number(event.startupMs));
        options.onEvent?.(event);
      },
    },
  );
  handle.result.catch(() => {}); // a killed backend never answers
  const stop = async () => {
    if (handle.child.connected) handle.child.send({ type: 'stop' }, () => {});
    await waitForExit(handle.child, 20_000);
  };
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = options.readyTimeoutMs ?? 180_000;
  try {
    const startupMs = await Promise.race([
      readyPromise,
      handle.result.then(() => {
        throw new Error(`backend ${options.label} stopped before it was ready`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `backend ${options.label} not ready after ${timeoutMs} ms`,
              ),
            ),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    return {
      label: options.label,
      port: options.port,
      base: `http://127.0.0.1:${options.port}`,
      handle,
      startupMs,
      send: message => {
        if (handle.child.connected) handle.child.send(message, () => {});
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
