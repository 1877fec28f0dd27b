#!/usr/bin/env node
/*
 * `npm run test:deploy`: the production bundle runs, on PostgreSQL.
 *
 * 1. builds it (scripts/deploy/build-backend-bundle.js: the frontend once,
 *    the backend and its workspace packages, the derived package-lock.json);
 * 2. unpacks packages/backend/dist/bundle.tar.gz into a scratch folder outside
 *    the repository (mktemp -d) and checks skeleton.tar.gz holds the
 *    package.json files and the lock;
 * 3. starts a throw-away PostgreSQL cluster (packages/bench's helper, as the
 *    drills do) and the Glue emulator with the demo fixture, then the bundle's
 *    ./start.sh, which installs with `npm ci --omit=dev` and starts the backend
 *    with app-config.yaml + app-config.production.yaml (POSTGRES_* and the
 *    ports from the environment);
 * 4. checks: `/` serves the built app (HTML with the app's title); the catalog
 *    has the demo's freshers_in_dependent_job with a dependsOn relation; the
 *    plugin's runs route answers 200 for the guest; then stops the backend and
 *    starts it again (no second install) and checks the entity kept its uid
 *    and the catalog's rows are in PostgreSQL — a backend on memory would
 *    have re-ingested it under a new uid.
 *
 * Every process and the cluster it starts are stopped by their id, also when a
 * check fails or the run is interrupted.
 *
 * Environment: DEPLOY_TEST_BACKEND_PORT (7107), DEPLOY_TEST_EMULATOR_PORT
 * (4699) — not the demo's 7007 / 4599, which an e2e run may hold;
 * DEPLOY_TEST_SKIP_BUILD=1 tests the bundle already in packages/backend/dist;
 * DEPLOY_TEST_KEEP=1 keeps the scratch folder (its path is printed).
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const rootDir = path.resolve(__dirname, '../..');
const backendPort = Number(process.env.DEPLOY_TEST_BACKEND_PORT || 7107);
const emulatorPort = Number(process.env.DEPLOY_TEST_EMULATOR_PORT || 4699);
const baseUrl = `http://localhost:${backendPort}`;
const ENTITY = 'component/default/freshers_in_dependent_job';
const RUNS_ROUTE =
  '/api/aws-glue/v1/entity/default/component/freshers_in_dependent_job/runs';
const APP_TITLE = 'AWS Glue demo portal'; // app.title in app-config.yaml

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = line => console.log(`[test:deploy ${elapsed()}] ${line}`);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const timings = {};
async function timed(name, fn) {
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  }
}

/** Processes and clean-up steps, undone in reverse order. */
const cleanups = [];
let cleaningUp;
function cleanUp() {
  cleaningUp ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error(`[test:deploy] clean-up: ${error}`);
      }
    }
  })();
  return cleaningUp;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`[test:deploy] ${signal}: cleaning up`);
    cleanUp().then(() => process.exit(1));
  });
}

/**
 * A child in its own process group (start.sh runs npm, then execs node), its
 * output to a log file. stop() signals that group by its id, then waits.
 */
function startProcess(name, command, args, options) {
  const logFile = path.join(options.logDir, `${name}.log`);
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
    name,
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
          `${name} (pid ${child.pid}) still running ${
            graceMs / 1000
          } s after SIGTERM: SIGKILL`,
        );
        signalGroup('SIGKILL');
        await exited;
      }
      log(`${name} (pid ${child.pid}) stopped`);
    },
  };
  cleanups.push(() => handle.stop());
  log(`${name}: pid ${child.pid}, log ${logFile}`);
  return handle;
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls until check() returns a value (not undefined), or fails with the last reason. */
async function waitFor(what, check, { timeoutMs, intervalMs = 500, process }) {
  const deadline = Date.now() + timeoutMs;
  let last = 'never checked';
  for (;;) {
    if (process && !process.running) {
      throw new Error(
        `${
          process.name
        } exited while waiting for ${what}; its log ends:\n${tail(
          process.logFile,
        )}`,
      );
    }
    try {
      const value = await check();
      if (value !== undefined) return value;
      last = 'not yet';
    } catch (error) {
      last = String(error && error.message ? error.message : error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not after ${timeoutMs / 1000} s (last: ${last})${
          process
            ? `; ${process.name}'s log ends:\n${tail(process.logFile)}`
            : ''
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

async function getJson(url, headers = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    cwd: rootDir,
    ...options,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${
        result.status ?? result.signal
      }`,
    );
  }
  return result;
}

async function main() {
  // packages/bench's throw-away PostgreSQL cluster (TypeScript, through the
  // Backstage CLI's node transform, as the emulator's bin runs its sources).
  require('@backstage/cli/config/nodeTransform.cjs');
  const {
    findPostgresBinaries,
    startPostgres,
  } = require('../../packages/bench/src/lib/postgres');
  const binaries = findPostgresBinaries();
  if ('missing' in binaries) throw new Error(binaries.missing);

  // 1. build
  if (process.env.DEPLOY_TEST_SKIP_BUILD === '1') {
    log(
      'DEPLOY_TEST_SKIP_BUILD=1: testing the bundle in packages/backend/dist',
    );
  } else {
    log('building the bundle (npm run build:backend)');
    await timed('build', () =>
      run(process.execPath, [path.join(__dirname, 'build-backend-bundle.js')]),
    );
  }
  const distDir = path.join(rootDir, 'packages/backend/dist');

  // 2. unpack outside the repository
  const scratch = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'aws-glue-deploy-')),
  );
  if (!path.relative(rootDir, scratch).startsWith('..')) {
    throw new Error(`scratch folder ${scratch} is inside the repository`);
  }
  cleanups.push(() => {
    if (process.env.DEPLOY_TEST_KEEP === '1') {
      log(`DEPLOY_TEST_KEEP=1: kept ${scratch}`);
    } else {
      fs.rmSync(scratch, { recursive: true, force: true });
      log(`removed ${scratch}`);
    }
  });
  const portal = path.join(scratch, 'portal');
  const logDir = path.join(scratch, 'logs');
  fs.mkdirSync(portal);
  fs.mkdirSync(logDir);
  const skeleton = spawnSync(
    'tar',
    ['-tzf', path.join(distDir, 'skeleton.tar.gz')],
    { encoding: 'utf8' },
  );
  const skeletonFiles = skeleton.stdout.split('\n').filter(Boolean);
  check(
    skeleton.status === 0 &&
      [
        'package.json',
        'package-lock.json',
        'packages/backend/package.json',
      ].every(f => skeletonFiles.includes(f)),
    `skeleton.tar.gz has package.json, package-lock.json and the workspaces' package.json (${skeletonFiles.length} files)`,
  );
  run('tar', ['-xzf', path.join(distDir, 'bundle.tar.gz'), '-C', portal]);
  check(
    fs.existsSync(path.join(portal, 'start.sh')) &&
      fs.existsSync(path.join(portal, 'packages/app/dist/index.html')),
    `bundle.tar.gz unpacked into ${portal} (start.sh, the built app)`,
  );

  // 3. PostgreSQL, the emulator, the backend
  const postgres = await timed('postgres start', () =>
    startPostgres({ log: line => log(line) }),
  );
  cleanups.push(() => postgres.stop());
  const emulator = startProcess(
    'emulator',
    process.execPath,
    [
      path.join(rootDir, 'packages/glue-emulator/bin/glue-emulator'),
      '--fixture',
      path.join(rootDir, 'examples/glue/demo.yaml'),
      '--port',
      String(emulatorPort),
      '--duration-scale',
      '60',
      '--events-url',
      `http://127.0.0.1:${backendPort}/api/events/http/aws-glue`,
    ],
    { cwd: rootDir, logDir },
  );
  const backendEnv = {
    POSTGRES_HOST: postgres.host,
    POSTGRES_PORT: String(postgres.port),
    POSTGRES_USER: postgres.user,
    POSTGRES_PASSWORD: postgres.password,
    BACKSTAGE_PORT: String(backendPort),
    BACKSTAGE_BASE_URL: baseUrl,
    AWS_GLUE_ENDPOINT: `http://127.0.0.1:${emulatorPort}`,
  };
  await waitFor(
    `the emulator on port ${emulatorPort}`,
    async () => {
      await fetch(`http://127.0.0.1:${emulatorPort}/_emulator/events`);
      return true;
    },
    { timeoutMs: 60_000, process: emulator },
  );

  const startBackend = async name => {
    const backend = startProcess(name, './start.sh', [], {
      cwd: portal,
      env: backendEnv,
      logDir,
      // On SIGTERM the backend stops its tasks at once, but outside
      // development its HTTP server then waits for open requests, and the
      // events backend's event-bus long polls (PostgreSQL) last up to 55 s.
      stopGraceMs: 5_000,
    });
    await waitFor(
      `${name} ready on ${baseUrl}`,
      async () => {
        const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
        return res.ok ? true : undefined;
      },
      { timeoutMs: 8 * 60_000, process: backend },
    );
    return backend;
  };
  const backend = await timed('install + first start', () =>
    startBackend('backend'),
  );
  const firstLog = fs.readFileSync(backend.logFile, 'utf8');
  check(
    /installing production dependencies/.test(firstLog) &&
      fs.existsSync(path.join(portal, 'node_modules/pg')) &&
      !fs.existsSync(path.join(portal, 'node_modules/better-sqlite3')),
    'start.sh installed the production dependencies (npm ci --omit=dev: pg, no better-sqlite3)',
  );

  // 4. checks
  await timed('checks', async () => {
    const home = await fetch(`${baseUrl}/`);
    const html = await home.text();
    check(
      home.status === 200 &&
        /text\/html/.test(home.headers.get('content-type') ?? '') &&
        html.includes(`<title>${APP_TITLE}</title>`),
      `/ serves the built app (200, HTML titled "${APP_TITLE}")`,
    );

    const guest = await getJson(`${baseUrl}/api/auth/guest/refresh`, {
      'X-Requested-With': 'XMLHttpRequest',
    });
    const token = guest.body?.backstageIdentity?.token;
    check(
      guest.status === 200 && token,
      'the guest signs in (/api/auth/guest/refresh)',
    );
    const auth = { Authorization: `Bearer ${token}` };

    const entity = await waitFor(
      `${ENTITY} in the catalog with a dependsOn relation`,
      async () => {
        const res = await getJson(
          `${baseUrl}/api/catalog/entities/by-name/${ENTITY}`,
          auth,
        );
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        return res.body.relations?.some(r => r.type === 'dependsOn')
          ? res.body
          : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 1000, process: backend },
    );
    check(
      entity.metadata.uid,
      `the catalog has ${ENTITY} (uid ${
        entity.metadata.uid
      }) depending on ${entity.relations
        .filter(r => r.type === 'dependsOn')
        .map(r => r.targetRef)
        .join(', ')}`,
    );

    const runs = await getJson(`${baseUrl}${RUNS_ROUTE}`, auth);
    check(
      runs.status === 200 && Array.isArray(runs.body.runs),
      `${RUNS_ROUTE} answers 200 with ${
        runs.body?.runs?.length ?? '?'
      } runs (status ${runs.status})`,
    );

    // restart: the data must come back from PostgreSQL
    await backend.stop();
    const again = await timed('restart', () => startBackend('backend-again'));
    check(
      !/installing production dependencies/.test(
        fs.readFileSync(again.logFile, 'utf8'),
      ),
      'the second start did not install again',
    );
    const guest2 = await getJson(`${baseUrl}/api/auth/guest/refresh`, {
      'X-Requested-With': 'XMLHttpRequest',
    });
    const auth2 = {
      Authorization: `Bearer ${guest2.body?.backstageIdentity?.token}`,
    };
    const after = await getJson(
      `${baseUrl}/api/catalog/entities/by-name/${ENTITY}`,
      auth2,
    );
    check(
      after.status === 200 && after.body.metadata.uid === entity.metadata.uid,
      `after the restart ${ENTITY} has the same uid (${after.body?.metadata?.uid})`,
    );
    const { Client } = require(path.join(portal, 'node_modules/pg'));
    const client = new Client({
      host: postgres.host,
      port: postgres.port,
      user: postgres.user,
      password: postgres.password,
      database: 'backstage_plugin_catalog',
    });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM final_entities f
           JOIN refresh_state r ON r.entity_id = f.entity_id
           WHERE r.entity_ref = 'component:default/freshers_in_dependent_job'`,
      );
      check(
        rows[0].n === 1,
        'PostgreSQL holds it (backstage_plugin_catalog.final_entities)',
      );
    } finally {
      await client.end();
    }
    const runs2 = await getJson(`${baseUrl}${RUNS_ROUTE}`, auth2);
    check(runs2.status === 200, `${RUNS_ROUTE} answers 200 after the restart`);
  });
}

main()
  .then(
    () => 0,
    error => {
      console.error(
        `[test:deploy ${elapsed()}] FAILED: ${
          error && error.stack ? error.stack : error
        }`,
      );
      return 1;
    },
  )
  .then(async code => {
    await cleanUp();
    log(
      `${code === 0 ? 'passed' : 'failed'}; timings: ${Object.entries(timings)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    process.exit(code);
  });
