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

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createHarness, getJson, guestAuth } = require('../lib/harness');

const rootDir = path.resolve(__dirname, '../..');
const backendPort = Number(process.env.DEPLOY_TEST_BACKEND_PORT || 7107);
const emulatorPort = Number(process.env.DEPLOY_TEST_EMULATOR_PORT || 4699);
const baseUrl = `http://localhost:${backendPort}`;
const ENTITY = 'component/default/freshers_in_dependent_job';
const RUNS_ROUTE =
  '/api/aws-glue/v1/entity/default/component/freshers_in_dependent_job/runs';
const APP_TITLE = 'AWS Glue demo portal'; // app.title in app-config.yaml

const {
  log,
  timed,
  cleanups,
  startProcess,
  startGlueEmulator,
  waitFor,
  check,
  run,
  runMain,
} = createHarness('test:deploy');

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
      run(process.execPath, [path.join(__dirname, 'build-backend-bundle.js')], {
        cwd: rootDir,
      }),
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
  const backendEnv = {
    POSTGRES_HOST: postgres.host,
    POSTGRES_PORT: String(postgres.port),
    POSTGRES_USER: postgres.user,
    POSTGRES_PASSWORD: postgres.password,
    BACKSTAGE_PORT: String(backendPort),
    BACKSTAGE_BASE_URL: baseUrl,
    AWS_GLUE_ENDPOINT: `http://127.0.0.1:${emulatorPort}`,
  };
  await startGlueEmulator({
    port: emulatorPort,
    logDir,
    eventsUrl: `http://127.0.0.1:${backendPort}/api/events/http/aws-glue`,
  });

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

    const auth = await guestAuth(baseUrl);
    log('the guest signs in (/api/auth/guest/refresh)');

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
    const auth2 = await guestAuth(baseUrl);
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

runMain(main);
