/*
 * Entry point of a child process started by lib/child.ts: reads one task
 * from the parent over IPC, runs it, answers, exits.
 */
import type { WorkerMessage } from './lib/child';

async function dispatch(task: Record<string, unknown>): Promise<unknown> {
  switch (task.kind) {
    case 'sync': {
      // require, not import(): the node transform leaves import() to the ESM loader
      const { runSyncTask } =
        require('./sync/syncWorker') as typeof import('./sync/syncWorker');
      return runSyncTask(task as any);
    }
    case 'backend': {
      const { runBackendTask } =
        require('./backend/backendWorker') as typeof import('./backend/backendWorker');
      return runBackendTask(task as any);
    }
    default:
      throw new Error(`unknown worker task ${String(task.kind)}`);
  }
}

function reply(message: WorkerMessage): Promise<void> {
  return new Promise(resolve => {
    if (!process.send) {
      resolve();
      return;
    }
    process.send(message, undefined, {}, () => resolve());
  });
}

export function runWorker(): Promise<number> {
  return new Promise(resolve => {
    process.once('message', async (task: Record<string, unknown>) => {
      // Only the task is read here; later messages go to the task itself.
      let code = 0;
      try {
        const result = await dispatch(task);
        await reply({ type: 'result', result });
      } catch (error) {
        code = 1;
        await reply({
          type: 'error',
          error:
            error instanceof Error
              ? error.stack ?? error.message
              : String(error),
        });
      }
      // A backend or SDK agent may hold handles open: the task is over.
      process.exit(code);
      resolve(code);
    });
  });
}
