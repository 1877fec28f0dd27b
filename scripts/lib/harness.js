/*
 * What the scripted end-to-end checks (test:deploy, test:install) share:
 * logging with elapsed time, step timings, child processes in their own
 * process group stopped by their id, clean-up in reverse order (also on
 * SIGINT/SIGTERM), polling with a deadline, and a check that logs what held.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function getJson(url, headers = {}) {
  const res = await fetch(url, {
    headers,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

/** A harness for one script run; `name` prefixes its log lines. */
function createHarness(name) {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const log = line => console.log(`[${name} ${elapsed()}] ${line}`);
  const timings = {};
  const cleanups = [];
  let cleaningUp;

  async function timed(step, fn) {
    const t0 = Date.now();
    try {
      return await fn();
    } finally {
      timings[step] = `${((Date.now() - t0) / 1000).toFixed(1)} s`;
    }
  }

  function cleanUp() {
    cleaningUp ??= (async () => {
      for (const fn of cleanups.reverse()) {
        try {
          await fn();
        } catch (error) {
          console.error(`[${name}] clean-up: ${error}`);
        }
      }
    })();
    return cleaningUp;
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      console.error(`[${name}] ${signal}: cleaning up`);
      cleanUp().then(() => process.exit(1));
    });
  }

  /**
   * A child in its own process group, its output to a log file. stop()
   * signals that group by its id, then waits (SIGKILL after the grace time).
   */
  function startProcess(processName, command, args, options) {
    const logFile = path.join(options.logDir, `${processName}.log`);
    const out = fs.openSync(logFile, 'a');
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', out, out],
      detached: true,
    });
    fs.closeSync(out);
    const exited = new Promise(resolve =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let running = true;
    exited.then(() => {
      running = false;
    });
    const handle = {
      name: processName,
      pid: child.pid,
      logFile,
      exited,
      get running() {
        return running;
      },
      async stop() {
        if (!running) return;
        const signalGroup = sig => {
          try {
            process.kill(-child.pid, sig);
          } catch (error) {
            if (error.code !== 'ESRCH') throw error;
          }
        };
        signalGroup('SIGTERM');
        const graceMs = options.stopGraceMs ?? 20_000;
        const done = await Promise.race([exited, sleep(graceMs)]);
        if (!done) {
          log(
            `${processName} (pid ${child.pid}) still running ${
              graceMs / 1000
            } s after SIGTERM: SIGKILL`,
          );
          signalGroup('SIGKILL');
          await exited;
        }
        log(`${processName} (pid ${child.pid}) stopped`);
      },
    };
    cleanups.push(() => handle.stop());
    log(`${processName}: pid ${child.pid}, log ${logFile}`);
    return handle;
  }

  /** Polls until probe() returns a value (not undefined), or fails with the last reason. */
  async function waitFor(
    what,
    probe,
    { timeoutMs, intervalMs = 500, process: child },
  ) {
    const deadline = Date.now() + timeoutMs;
    let last = 'never checked';
    for (;;) {
      if (child && !child.running) {
        throw new Error(
          `${
            child.name
          } exited while waiting for ${what}; its log ends:\n${tail(
            child.logFile,
          )}`,
        );
      }
      try {
        const value = await probe();
        if (value !== undefined) return value;
        last = 'not yet';
      } catch (error) {
        last = String(error && error.message ? error.message : error);
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${what}: not after ${timeoutMs / 1000} s (last: ${last})${
            child ? `; ${child.name}'s log ends:\n${tail(child.logFile)}` : ''
          }`,
        );
      }
      await sleep(intervalMs);
    }
  }

  function check(condition, message) {
    if (!condition) throw new Error(`check failed: ${message}`);
    log(`ok: ${message}`);
  }

  function run(command, args, options = {}) {
    const result = spawnSync(command, args, { stdio: 'inherit', ...options });
    if (result.status !== 0) {
      throw new Error(
        `${command} ${args.join(' ')} exited with ${
          result.status ?? result.signal
        }`,
      );
    }
    return result;
  }

  /**
   * The Glue emulator with the demo fixture (examples/glue/demo.yaml) on
   * `port`, once it answers; `eventsUrl` is where it posts Glue's events.
   */
  async function startGlueEmulator({
    name = 'emulator',
    port,
    logDir,
    eventsUrl,
  }) {
    const rootDir = path.resolve(__dirname, '../..');
    const emulator = startProcess(
      name,
      process.execPath,
      [
        path.join(rootDir, 'packages/glue-emulator/bin/glue-emulator'),
        '--fixture',
        path.join(rootDir, 'examples/glue/demo.yaml'),
        '--port',
        String(port),
        '--duration-scale',
        '60',
        ...(eventsUrl ? ['--events-url', eventsUrl] : []),
      ],
      { cwd: rootDir, logDir },
    );
    await waitFor(
      `the emulator on port ${port}`,
      async () => {
        await fetch(`http://127.0.0.1:${port}/_emulator/events`);
        return true;
      },
      { timeoutMs: 60_000, process: emulator },
    );
    return emulator;
  }

  /** Runs main(), then the clean-ups; logs the timings; exits 0 or 1. */
  function runMain(main) {
    main()
      .then(
        () => 0,
        error => {
          console.error(
            `[${name} ${elapsed()}] FAILED: ${
              error && error.stack ? error.stack : error
            }`,
          );
          return 1;
        },
      )
      .then(async code => {
        await cleanUp();
        log(
          `${code === 0 ? 'passed' : 'failed'}; timings: ${Object.entries(
            timings,
          )
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
        );
        process.exit(code);
      });
  }

  return {
    log,
    timed,
    cleanups,
    startProcess,
    startGlueEmulator,
    waitFor,
    check,
    run,
    runMain,
  };
}

/** A guest's token from the auth backend (the stock apps and the demo enable the guest provider). */
async function guestAuth(baseUrl) {
  const guest = await getJson(`${baseUrl}/api/auth/guest/refresh`, {
    'X-Requested-With': 'XMLHttpRequest',
  });
  const token = guest.body?.backstageIdentity?.token;
  if (guest.status !== 200 || !token) {
    throw new Error(
      `the guest could not sign in at ${baseUrl}/api/auth/guest/refresh (status ${guest.status})`,
    );
  }
  return { Authorization: `Bearer ${token}` };
}

module.exports = { createHarness, getJson, guestAuth, sleep, tail };
