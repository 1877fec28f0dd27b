import { test as base } from '@playwright/test';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/*
 * The demo's emulator and backend, started once per Playwright project with
 * that project's emulated date, so that the README's demo scenario is proven
 * on several dates and hours (a Monday before the nightly chain, a month and
 * year end just before midnight, a leap day while the chain runs), not only
 * on the day the tests happen to run. The frontend dev server is Playwright's
 * `webServer`: it does not depend on the date.
 *
 * They are started with the same npm scripts as `npm start`, so the demo
 * configuration is the one a user gets.
 */

const ROOT = path.resolve(__dirname, '../../..');
const LOGS = path.join(ROOT, 'e2e-artifacts/logs');
export const BACKEND = 'http://localhost:7007';
const EMULATOR_PORT = 4599;
const BACKEND_PORT = 7007;

export interface DemoOptions {
  /**
   * The emulator's clock at start-up (ISO 8601), or undefined for the real
   * clock. Set per project in playwright.config.ts.
   */
  emulatorStartTime: string | undefined;
}

export interface Demo {
  /** The emulator's clock at start-up, as it reported it. */
  emulatedStart: Date;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function startProcess(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): ChildProcess {
  fs.mkdirSync(LOGS, { recursive: true });
  const log = fs.openSync(path.join(LOGS, `${name}.log`), 'w');
  return spawn('npm', args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    // its own process group, so that stopping it stops npm's children too
    detached: true,
    stdio: ['ignore', log, log],
  });
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor<T>(
  what: string,
  child: ChildProcess,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `${what}: the process exited with ${child.exitCode}; see e2e-artifacts/logs`,
      );
    }
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1_000));
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

/** When the emulator's clock started, as its health endpoint says. */
async function emulatedStart(): Promise<Date | undefined> {
  const res = await fetch(`http://127.0.0.1:${EMULATOR_PORT}/_emulator/health`);
  if (!res.ok) return undefined;
  const body = await res.json();
  return body.startedAt ? new Date(body.startedAt) : undefined;
}

async function backendReady(): Promise<true | undefined> {
  const res = await fetch(`${BACKEND}/.backstage/health/v1/readiness`);
  return res.ok ? true : undefined;
}

export const test = base.extend<{}, DemoOptions & { demo: Demo }>({
  emulatorStartTime: [undefined, { scope: 'worker', option: true }],
  demo: [
    async ({ emulatorStartTime }, use, workerInfo) => {
      const name = workerInfo.project.name;
      const busy =
        (await portInUse(EMULATOR_PORT)) || (await portInUse(BACKEND_PORT));
      if (busy) {
        // A developer's `npm start` is running: use it for the real-clock
        // project, refuse to mix it with an emulated date.
        if (emulatorStartTime || process.env.CI) {
          throw new Error(
            `ports ${EMULATOR_PORT}/${BACKEND_PORT} are in use: stop \`npm start\` before running the dated e2e projects`,
          );
        }
        await use({ emulatedStart: (await emulatedStart()) ?? new Date() });
        return;
      }
      const emulator = startProcess(
        `${name}-emulator`,
        ['run', 'start:emulator'],
        {
          GLUE_EMULATOR_START_TIME: emulatorStartTime ?? '',
        },
      );
      const backend = startProcess(
        `${name}-backend`,
        ['start', '-w', 'backend'],
        {},
      );
      try {
        const started = await waitFor(
          'the Glue emulator',
          emulator,
          emulatedStart,
          60_000,
        );
        if (
          emulatorStartTime &&
          started.getTime() !== new Date(emulatorStartTime).getTime()
        ) {
          throw new Error(
            `the emulator started at ${started.toISOString()}, not at ${emulatorStartTime}`,
          );
        }
        await waitFor('the backend', backend, backendReady, 180_000);
        await use({ emulatedStart: started });
      } finally {
        await Promise.all([stopProcess(backend), stopProcess(emulator)]);
      }
    },
    { scope: 'worker', auto: true, timeout: 300_000 },
  ],
});

export { expect } from '@playwright/test';
