#!/usr/bin/env node
/*
 * `npm run test:install`: the published packages work in a Backstage app
 * someone else made.
 *
 * 1. builds the six plugin packages (`npm run build:packages`) and packs each
 *    (`npm pack`: the tarballs a registry would hold);
 * 2. per app template (`legacy`, `next`: the legacy frontend and the new
 *    frontend system), generates a fresh app with `@backstage/create-app`
 *    from the npm registry, made into an npm-workspaces app (generate.js);
 * 3. applies the plugin READMEs' install steps, read from the READMEs
 *    (readmeSteps.js): `npm install` commands (a package name of ours becomes
 *    its tarball; the app's root `overrides` send the packages' own
 *    dependencies on each other to the tarballs too), code edits and config;
 *    then test-only config: the emulator as AWS, ports, a quick schedule;
 * 4. type-checks the app (`tsc`: the packages' published types), builds its
 *    frontend, starts the Glue emulator and the app's backend (which serves
 *    the built frontend), and checks through the catalog API and the plugin's
 *    routes that the Glue entities, relations and runs are there, and with
 *    Playwright (Debian's Chromium) that a job's page and the AWS Glue page
 *    render.
 *
 * The generated app's install (~5 min, 3,000 packages) is cached between runs
 * under ~/.cache/aws-glue-backstage/install-test, keyed on the generated
 * package.json files and the Node and npm versions; a run claims the cache by
 * renaming it and gives it back when done, so two runs never share one.
 *
 * Arguments: template names to run (default both). Environment:
 * INSTALL_TEST_BACKEND_PORT (7207), INSTALL_TEST_EMULATOR_PORT (4799);
 * INSTALL_TEST_SKIP_BUILD=1 packs what is built; INSTALL_TEST_KEEP=1 keeps
 * the generated apps (paths printed).
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createHarness, getJson, guestAuth } = require('../lib/harness');
const { generateApp, CREATE_APP_VERSION, TEMPLATES } = require('./generate');
const { stepsFor, applyStep } = require('./readmeSteps');

const rootDir = path.resolve(__dirname, '../..');
const backendPort = Number(process.env.INSTALL_TEST_BACKEND_PORT || 7207);
const emulatorPort = Number(process.env.INSTALL_TEST_EMULATOR_PORT || 4799);
const baseUrl = `http://localhost:${backendPort}`;
const cacheRoot = path.join(
  process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
  'aws-glue-backstage/install-test',
);
const SCOPE = '@aws-glue-backstage/';
/** The READMEs whose install steps are applied, in this order. */
const READMES = [
  'plugins/catalog-backend-module-aws-glue/README.md',
  'plugins/aws-glue-backend/README.md',
  'plugins/aws-glue/README.md',
].map(f => path.join(rootDir, f));
/** A job of examples/glue/demo.yaml with an upstream job and a seeded history. */
const JOB = 'freshers_in_dependent_job';

const h = createHarness('test:install');
const { log, timed, check, run } = h;

/** The workspaces that are published: not private, under plugins/. */
function publishablePackages() {
  const dir = path.join(rootDir, 'plugins');
  return fs
    .readdirSync(dir)
    .map(d => path.join(dir, d, 'package.json'))
    .filter(f => fs.existsSync(f))
    .map(f => ({ dir: path.dirname(f), ...JSON.parse(fs.readFileSync(f)) }))
    .filter(p => !p.private);
}

/** Builds and packs every publishable package; returns name -> tarball path. */
function buildAndPack(packDir) {
  if (process.env.INSTALL_TEST_SKIP_BUILD !== '1') {
    run('npm', ['run', 'build:packages'], { cwd: rootDir });
  }
  fs.rmSync(packDir, { recursive: true, force: true });
  fs.mkdirSync(packDir, { recursive: true });
  const tarballs = {};
  for (const pkg of publishablePackages()) {
    const out = run(
      'npm',
      ['pack', '--json', '--pack-destination', packDir, '-w', pkg.name],
      { cwd: rootDir, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
    );
    const [packed] = JSON.parse(out.stdout);
    const files = packed.files.map(f => f.path);
    check(
      files.includes('dist/index.d.ts') &&
        !files.some(f => f.startsWith('src/')),
      `${pkg.name}: ${packed.filename} (${files.length} files, dist with types, no src/)`,
    );
    tarballs[pkg.name] = path.join(packDir, packed.filename);
  }
  return tarballs;
}

/** The cache key of a generated app's install: its manifests, Node and npm. */
function installKey(appDir) {
  const hash = crypto.createHash('sha256');
  for (const f of [
    'package.json',
    'packages/app/package.json',
    'packages/backend/package.json',
  ]) {
    hash.update(fs.readFileSync(path.join(appDir, f)));
  }
  hash.update(
    `${process.version} ${
      run('npm', ['--version'], { stdio: 'pipe', encoding: 'utf8' }).stdout
    }`,
  );
  return hash.digest('hex').slice(0, 16);
}

const INSTALLED = [
  'node_modules',
  'packages/app/node_modules',
  'packages/backend/node_modules',
  'package-lock.json',
];

/**
 * Moves a cached install into the app (true), or leaves it to a cold
 * install (false). The lock loses our packages: their tarballs change.
 */
function claimCachedInstall(appDir, cacheDir) {
  const claimed = `${cacheDir}.claimed-${process.pid}`;
  // else the same template's install under another key: npm mends it in
  // a fraction of a cold install's time
  const candidates = [
    cacheDir,
    ...fs
      .readdirSync(cacheRoot)
      .filter(d => sameTemplate(d, cacheDir))
      .map(d => path.join(cacheRoot, d)),
  ];
  const found = candidates.find(c => {
    try {
      fs.renameSync(c, claimed);
      return true;
    } catch {
      return false;
    }
  });
  if (!found) return undefined;
  for (const f of INSTALLED) {
    if (fs.existsSync(path.join(claimed, f))) {
      fs.renameSync(path.join(claimed, f), path.join(appDir, f));
    }
  }
  fs.rmSync(claimed, { recursive: true, force: true });
  const lockFile = path.join(appDir, 'package-lock.json');
  const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
  for (const key of Object.keys(lock.packages)) {
    if (key.includes(`node_modules/${SCOPE}`)) delete lock.packages[key];
  }
  fs.writeFileSync(lockFile, JSON.stringify(lock, null, 2));
  return found === cacheDir ? 'cached' : 'cached under another key';
}

/** A cached install of the same template under another key. */
function sameTemplate(dir, cacheDir) {
  const name = path.basename(cacheDir);
  const prefix = name.replace(/-[0-9a-f]{16}$/, '-');
  return (
    dir !== name && dir.startsWith(prefix) && /^\w+-[0-9a-f]{16}$/.test(dir)
  );
}

function returnInstall(appDir, cacheDir) {
  const staging = `${cacheDir}.staging-${process.pid}`;
  fs.mkdirSync(path.join(staging, 'packages/app'), { recursive: true });
  fs.mkdirSync(path.join(staging, 'packages/backend'), { recursive: true });
  for (const f of INSTALLED) {
    if (fs.existsSync(path.join(appDir, f))) {
      fs.renameSync(path.join(appDir, f), path.join(staging, f));
    }
  }
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.renameSync(staging, cacheDir);
  // an install under another key (older manifests) is not used again
  for (const other of fs.readdirSync(cacheRoot)) {
    if (sameTemplate(other, cacheDir)) {
      fs.rmSync(path.join(cacheRoot, other), { recursive: true, force: true });
    }
  }
}

/**
 * The READMEs' shell steps, with our package names as their tarballs. The
 * `npm install -w <workspace> <packages>` commands are merged per workspace
 * (one install of a 3,000-package tree instead of one per README: the same
 * result, minutes sooner); any other command runs as written.
 */
function runReadmeCommands(appDir, tarballs, commands) {
  const perWorkspace = new Map();
  const others = [];
  for (const { command, where } of commands) {
    const names = command.match(/@aws-glue-backstage\/[\w-]+/g) ?? [];
    const unknown = names.filter(n => !tarballs[n]);
    if (unknown.length) {
      throw new Error(
        `${where}: ${unknown.join(', ')} is not a package of this repository`,
      );
    }
    log(`README step (${path.relative(rootDir, where)}): ${command}`);
    const install = /^npm install -w (\S+) ((?:\S+ ?)+)$/.exec(command);
    if (install) {
      const list = perWorkspace.get(install[1]) ?? [];
      perWorkspace.set(install[1], [...list, ...install[2].split(' ')]);
    } else {
      others.push(command);
    }
  }
  const toTarball = arg => tarballs[arg] ?? arg;
  for (const [workspace, packages] of perWorkspace) {
    run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '-w',
        workspace,
        ...packages.map(toTarball),
      ],
      {
        cwd: appDir,
      },
    );
  }
  for (const command of others) {
    const resolved = command.replace(/@aws-glue-backstage\/[\w-]+/g, toTarball);
    run('bash', ['-c', resolved], { cwd: appDir });
  }
}

/** Config that only the test needs: the emulator as AWS, its ports. */
function writeTestConfig(appDir) {
  const YAML = require('yaml');
  const config = {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { port: backendPort },
      cors: { origin: baseUrl },
    },
    aws: {
      accounts: [
        {
          accountId: '123456789012',
          accessKeyId: '123456789012',
          secretAccessKey: 'emulator',
        },
      ],
    },
    catalog: {
      providers: {
        awsGlue: {
          production: {
            endpoint: `http://127.0.0.1:${emulatorPort}`,
            schedule: { initialDelay: { seconds: 2 } },
          },
        },
      },
    },
    awsGlue: {
      endpoint: `http://127.0.0.1:${emulatorPort}`,
      logsEndpoint: `http://127.0.0.1:${emulatorPort}`,
    },
  };
  fs.writeFileSync(
    path.join(appDir, 'app-config.local.yaml'),
    `# written by the install test: the Glue emulator stands in for AWS\n${YAML.stringify(
      config,
    )}`,
  );
}

async function testTemplate(template, tarballs, scratch) {
  const appDir = path.join(scratch, template);
  const logDir = path.join(scratch, `${template}-logs`);
  fs.mkdirSync(logDir, { recursive: true });
  await timed(`${template}: create-app`, () =>
    generateApp({
      template,
      dir: appDir,
      rootDir,
      scratchBin: path.join(scratch, 'bin'),
    }),
  );
  log(
    `${template}: @backstage/create-app@${CREATE_APP_VERSION} generated ${appDir}`,
  );

  const cacheDir = path.join(cacheRoot, `${template}-${installKey(appDir)}`);
  const cached = claimCachedInstall(appDir, cacheDir);
  // Given back also after a failure: the next install mends a broken tree.
  h.cleanups.push(() => returnInstall(appDir, cacheDir));
  const app = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json')));
  app.overrides = {
    ...app.overrides,
    ...Object.fromEntries(
      Object.entries(tarballs).map(([n, t]) => [n, `file:${t}`]),
    ),
  };
  fs.writeFileSync(
    path.join(appDir, 'package.json'),
    `${JSON.stringify(app, null, 2)}\n`,
  );
  const steps = stepsFor(READMES, template);
  const commands = [];
  await timed(`${template}: README steps`, () => {
    for (const step of steps) {
      applyStep(step, appDir, (command, where) =>
        commands.push({ command, where }),
      );
    }
  });
  // The shell steps (installs) after the edits: the first install is the
  // app's whole install too (from the cached tree when there is one).
  await timed(`${template}: README installs (${cached ?? 'cold'})`, () =>
    runReadmeCommands(appDir, tarballs, commands),
  );
  check(
    steps.length > 0 && commands.length > 0,
    `${template}: applied ${steps.length} README install steps (${commands.length} commands)`,
  );
  writeTestConfig(appDir);

  await timed(`${template}: tsc`, () => run('npx', ['tsc'], { cwd: appDir }));
  log(`${template}: the app type-checks against the packages' published types`);
  await timed(`${template}: build app`, () =>
    run('npm', ['run', 'build', '-w', 'app'], { cwd: appDir }),
  );

  const emulator = await h.startGlueEmulator({
    name: `${template}-emulator`,
    port: emulatorPort,
    logDir,
  });
  const backend = h.startProcess(
    `${template}-backend`,
    'npm',
    ['start', '-w', 'backend'],
    {
      cwd: appDir,
      logDir,
      stopGraceMs: 3_000, // a throw-away app: no need to wait for its long polls
    },
  );
  await timed(`${template}: backend start`, () =>
    h.waitFor(
      `the ${template} app's backend on ${baseUrl}`,
      async () =>
        (
          await fetch(`${baseUrl}/.backstage/health/v1/readiness`)
        ).ok
          ? true
          : undefined,
      { timeoutMs: 180_000, process: backend },
    ),
  );
  const entityRef = await timed(`${template}: API checks`, () =>
    checkApi(template, backend),
  );
  await timed(`${template}: browser`, () =>
    run(
      'npx',
      [
        'playwright',
        'test',
        '-c',
        path.join(__dirname, 'playwright.config.ts'),
      ],
      {
        cwd: rootDir,
        env: {
          ...process.env,
          INSTALL_TEST_BASE_URL: baseUrl,
          INSTALL_TEST_ENTITY: entityRef,
          INSTALL_TEST_TEMPLATE: template,
          INSTALL_TEST_OUTPUT: path.join(logDir, 'playwright'),
        },
      },
    ),
  );
  await backend.stop();
  await emulator.stop();
}

/** The synced entities, relations and runs, through the app's own backend. */
async function checkApi(template, backend) {
  const auth = await guestAuth(baseUrl);
  const job = await h.waitFor(
    `${JOB} synced into the ${template} app's catalog with a dependsOn relation`,
    async () => {
      const res = await getJson(
        `${baseUrl}/api/catalog/entities/by-query?filter=kind=component,spec.type=glue-job&limit=500`,
        auth,
      );
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      const found = res.body.items.find(e =>
        Object.values(e.metadata.annotations ?? {}).some(v =>
          String(v).endsWith(`:job/${JOB}`),
        ),
      );
      return found?.relations?.some(r => r.type === 'dependsOn')
        ? { found, all: res.body.items }
        : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 1000, process: backend },
  );
  const { found, all } = job;
  const ref = `${found.metadata.namespace}/component/${found.metadata.name}`;
  check(
    all.length >= 5,
    `${template}: the catalog has ${
      all.length
    } Glue jobs; ${ref} depends on ${found.relations
      .filter(r => r.type === 'dependsOn')
      .map(r => r.targetRef)
      .join(', ')}`,
  );
  const systems = await getJson(
    `${baseUrl}/api/catalog/entities/by-query?filter=kind=system&limit=50`,
    auth,
  );
  const resources = await getJson(
    `${baseUrl}/api/catalog/entities/by-query?filter=kind=resource&limit=500`,
    auth,
  );
  check(
    systems.body.items?.length > 0 && resources.body.items?.length > 0,
    `${template}: workflows as systems (${systems.body.items?.length}) and triggers, crawlers and datasets as resources (${resources.body.items?.length})`,
  );
  const plugin = `${baseUrl}/api/aws-glue/v1/entity/${ref}`;
  const runs = await getJson(`${plugin}/runs`, auth);
  check(
    runs.status === 200 && runs.body.runs?.length > 0,
    `${template}: GET /api/aws-glue/v1/entity/${ref}/runs answers ${runs.status} with ${runs.body.runs?.length} runs`,
  );
  const chain = await getJson(`${plugin}/chain`, auth);
  check(
    chain.status === 200 && chain.body.nodes?.length > 1,
    `${template}: its chain answers ${chain.status} with ${chain.body.nodes?.length} nodes`,
  );
  return ref;
}

async function main() {
  const templates = process.argv.slice(2).length
    ? process.argv.slice(2)
    : Object.keys(TEMPLATES);
  fs.mkdirSync(cacheRoot, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(cacheRoot, 'run-'));
  h.cleanups.push(() => {
    if (process.env.INSTALL_TEST_KEEP === '1')
      log(`INSTALL_TEST_KEEP=1: kept ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  });
  const tarballs = await timed('build and pack', () =>
    buildAndPack(path.join(scratch, 'packs')),
  );
  for (const template of templates) {
    await testTemplate(template, tarballs, scratch);
  }
}

h.runMain(main);
