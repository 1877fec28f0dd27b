/*
 * A fresh Backstage app from the npm registry (`@backstage/create-app`), made
 * into an npm-workspaces app as ../shared/reference's recipe does it: the
 * generator wants yarn on PATH (a stand-in that prints a version does), and
 * yarn's files and workspace syntax become npm's.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** The create-app release of the Backstage line the plugins are built against (backstage.json). */
const CREATE_APP_VERSION = '0.9.2';

const TEMPLATES = {
  legacy: { args: ['--legacy'], name: 'legacy-app' },
  next: { args: [], name: 'next-app' },
};

/** What npm needs that yarn did not (see the recipe); same as this repository's root. */
function npmRootFields(ownRoot) {
  const mui = ['core', 'icons', 'lab', 'pickers', 'styles', 'system', 'utils'];
  return {
    overrides: {
      '@types/react': '^18',
      '@types/react-dom': '^18',
      '@yarnpkg/core': { got: '^11.8.6' },
      ...Object.fromEntries(
        mui.map(p => [
          `@material-ui/${p}`,
          { react: '$react', 'react-dom': '$react-dom', '@types/react': '^18' },
        ]),
      ),
      '@swc/core': ownRoot.overrides['@swc/core'],
      rollup: ownRoot.overrides.rollup,
      'unrs-resolver': ownRoot.overrides['unrs-resolver'],
    },
    devDependencies: {
      react: '^18.0.2',
      'react-dom': '^18.0.2',
      '@types/react': '^18',
      // npm hoists zod 3 (which some dependencies want) to the root, and a
      // plugin that accepts 3 or 4 (plugin-home 0.9.10) then hands a zod 3
      // schema to frontend-plugin-api 0.18, which needs zod 4: the app's
      // discovered plugins fail to load. zod 4 at the root, as in this
      // repository's tree, leaves zod 3 nested where it is required.
      zod: '^4.0.0',
    },
    allowScripts: ownRoot.allowScripts,
  };
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Runs create-app into `dir` (which must not exist) and converts it to npm. */
function generateApp({ template, dir, rootDir, scratchBin }) {
  const spec = TEMPLATES[template];
  if (!spec) throw new Error(`unknown app template '${template}'`);
  fs.mkdirSync(scratchBin, { recursive: true });
  const fakeYarn = path.join(scratchBin, 'yarn');
  fs.writeFileSync(fakeYarn, '#!/bin/sh\necho 4.13.0\n', { mode: 0o755 });
  const result = spawnSync(
    'npx',
    [
      '--yes',
      `@backstage/create-app@${CREATE_APP_VERSION}`,
      '--skip-install',
      ...spec.args,
      '--path',
      dir,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${scratchBin}:${process.env.PATH}`,
        BACKSTAGE_APP_NAME: spec.name,
      },
    },
  );
  if (result.status !== 0 || !fs.existsSync(path.join(dir, 'package.json'))) {
    throw new Error(
      `@backstage/create-app@${CREATE_APP_VERSION} (${template}) failed: ${result.stderr}${result.stdout}`,
    );
  }
  convertToNpm(
    dir,
    readJson(path.join(rootDir, 'package.json')),
    readJson(path.join(rootDir, 'package-lock.json')),
  );
}

/**
 * `@backstage/*` at the top of this repository's lock: name -> version, for
 * the generated app's `overrides`. An app stays on its Backstage release
 * through create-app's seed yarn.lock; npm has no seed (and it cannot be
 * fetched here), and a fresh npm install takes whatever newer versions the
 * ranges allow, e.g. the next release's plugin-signals-backend 0.3.21, which
 * needs backend-defaults 0.19 where the template's range stops at 0.18: the
 * stock backend stops at start-up. Held at the set the plugins are tested
 * with, the others resolve in their ranges next to them.
 */
function releaseVersions(ownLock) {
  const prefix = 'node_modules/@backstage/';
  return Object.fromEntries(
    Object.entries(ownLock.packages)
      .filter(
        ([key]) =>
          key.startsWith(prefix) &&
          !key.slice(prefix.length).includes('node_modules'),
      )
      .map(([key, entry]) => [
        key.slice('node_modules/'.length),
        entry.version,
      ]),
  );
}

function convertToNpm(dir, ownRoot, ownLock) {
  for (const f of ['.yarnrc.yml', '.yarn', 'yarn.lock']) {
    fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  }
  const rootFile = path.join(dir, 'package.json');
  const root = readJson(rootFile);
  delete root.packageManager;
  const npmFields = npmRootFields(ownRoot);
  root.overrides = { ...root.resolutions, ...npmFields.overrides };
  const direct = { ...root.dependencies, ...root.devDependencies };
  for (const [name, version] of Object.entries(releaseVersions(ownLock))) {
    // npm refuses an override of a root dependency unless the specs match
    if (!(name in direct)) root.overrides[name] = version;
  }
  delete root.resolutions;
  root.devDependencies = {
    ...root.devDependencies,
    ...npmFields.devDependencies,
  };
  root.allowScripts = npmFields.allowScripts;
  for (const [name, script] of Object.entries(root.scripts)) {
    root.scripts[name] = script.replace(
      /yarn workspace (\S+) (\S+)/g,
      'npm run $2 -w $1',
    );
  }
  writeJson(rootFile, root);

  const backendFile = path.join(dir, 'packages/backend/package.json');
  const backend = readJson(backendFile);
  if (backend.dependencies.app?.startsWith('link:')) {
    backend.dependencies.app = '0.0.0';
  }
  writeJson(backendFile, backend);

  const appFile = path.join(dir, 'packages/app/package.json');
  const app = readJson(appFile);
  app.devDependencies['@testing-library/dom'] = '^10.0.0';
  app.devDependencies['@testing-library/react'] = '^16.0.0';
  writeJson(appFile, app);
}

module.exports = { generateApp, CREATE_APP_VERSION, TEMPLATES };
