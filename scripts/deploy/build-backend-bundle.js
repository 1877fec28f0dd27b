#!/usr/bin/env node
/*
 * The backend's production bundle on npm: packages/backend/dist/skeleton.tar.gz
 * and bundle.tar.gz, as `backstage-cli package build` makes them for a yarn
 * repository, plus the package-lock.json the bundle installs from.
 *
 * Why a script: the CLI's backend bundling (buildBackend, @backstage/cli
 * 0.36) copies the root yarn.lock into the bundle and runs `yarn run build` /
 * `yarn pack` for some packages; this repository uses npm workspaces, so it
 * fails with "ENOENT: lstat 'yarn.lock'". This script runs the same steps
 * with the CLI's own building blocks, minus yarn:
 *
 * 1. builds the frontend app (`backstage-cli package build` in packages/app),
 *    the backend's local workspace dependencies (the CLI's package builds) and
 *    the backend itself (CommonJS, dist/index.cjs.js);
 * 2. packs the backend and the local packages it depends on (transitively:
 *    the AWS Glue backend plugins, their -node and -common libraries, the
 *    app) into a dist workspace with the CLI's production pack (the files
 *    `npm pack` would ship, publishConfig applied, config.d.ts compiled to a
 *    JSON schema, a bundled package's dependencies dropped);
 * 3. drops devDependencies from every package.json there (a production
 *    install needs none, and some are workspace packages that are not in the
 *    bundle, such as the Glue emulator), writes the dist root package.json
 *    (these workspaces, the root's overrides and allowScripts) and derives
 *    package-lock.json from the repository's: the root lock, pruned by
 *    `npm install --package-lock-only` to the bundle's packages, keeps every
 *    version CI tested;
 * 4. adds app-config.yaml, app-config.production.yaml, examples/ (the demo's
 *    catalog files) and start.sh, then writes skeleton.tar.gz (package.json
 *    files and the lock, for a cached `npm ci` layer) and bundle.tar.gz
 *    (everything) to packages/backend/dist.
 *
 * Usage: node scripts/deploy/build-backend-bundle.js [--skip-build-dependencies] [--minify]
 * (`npm run build:backend`; `npm run build:all` passes --skip-build-dependencies
 * after `backstage-cli repo build --all` has built everything else.)
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const rootDir = path.resolve(__dirname, '../..');
const backendDir = path.join(rootDir, 'packages/backend');
const BACKEND = 'backend';
const SKELETON_FILE = 'skeleton.tar.gz';
const BUNDLE_FILE = 'bundle.tar.gz';
/** Copied from the repository into the bundle's root. */
const EXTRA_FILES = [
  'app-config.yaml',
  'app-config.production.yaml',
  'examples',
];

const args = process.argv.slice(2);
for (const arg of args) {
  if (!['--skip-build-dependencies', '--minify'].includes(arg)) {
    console.error(`build-backend-bundle: unknown argument ${arg}`);
    process.exit(2);
  }
}
const skipBuildDependencies = args.includes('--skip-build-dependencies');
const minify = args.includes('--minify');

/**
 * The CLI's internal modules this script reuses. They are not a public API:
 * after a CLI upgrade that moves them, this is where it fails, by name.
 */
function cliInternals() {
  const cliDir = path.dirname(
    require.resolve('@backstage/cli/package.json', { paths: [rootDir] }),
  );
  const buildDir = path.dirname(
    require.resolve('@backstage/cli-module-build/package.json', {
      paths: [cliDir, rootDir],
    }),
  );
  const load = (file, names) => {
    const mod = require(path.join(buildDir, file));
    for (const name of names) {
      if (!mod[name]) {
        throw new Error(
          `@backstage/cli-module-build no longer exports ${name} from ${file}; update scripts/deploy/build-backend-bundle.js`,
        );
      }
    }
    return mod;
  };
  const resolveFromBuild = name =>
    require(require.resolve(name, { paths: [buildDir] }));
  return {
    ...load('dist/lib/packager/createDistWorkspace.cjs.js', [
      'createDistWorkspace',
    ]),
    ...load('dist/lib/builder/packager.cjs.js', ['buildPackage']),
    ...load('dist/lib/builder/types.cjs.js', ['Output']),
    cliNode: resolveFromBuild('@backstage/cli-node'),
    tar: resolveFromBuild('tar'),
    cliBin: path.join(cliDir, 'bin/backstage-cli'),
  };
}

function run(command, argv, options) {
  const result = spawnSync(command, argv, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${argv.join(' ')} (in ${options.cwd}) exited with ${
        result.status ?? result.signal
      }`,
    );
  }
}

const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** Overrides that name a root dependency ("$react") need it in the root; the bundle's root has none. */
function withoutReferences(overrides) {
  const out = {};
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (JSON.stringify(value).includes('"$')) continue;
    out[name] = value;
  }
  return out;
}

async function main() {
  const started = Date.now();
  const step = text =>
    console.log(
      `\n[build-backend-bundle ${((Date.now() - started) / 1000).toFixed(
        1,
      )}s] ${text}`,
    );
  const cli = cliInternals();
  process.chdir(backendDir); // where `backstage-cli package build` runs
  const packages = await cli.cliNode.PackageGraph.listTargetPackages();
  const graph = cli.cliNode.PackageGraph.fromPackages(packages);
  const targetNames = graph.collectPackageNames([BACKEND], node =>
    node.packageJson.bundled
      ? undefined
      : node.publishedLocalDependencies.keys(),
  );
  const targets = Array.from(targetNames, name => graph.get(name));
  const bundled = targets.filter(t => t.packageJson.bundled);

  if (!skipBuildDependencies) {
    for (const app of bundled) {
      step(`building ${app.name} (${path.relative(rootDir, app.dir)})`);
      run(process.execPath, [cli.cliBin, 'package', 'build'], {
        cwd: app.dir,
      });
    }
  }
  step(`building ${BACKEND}`);
  await cli.buildPackage({
    targetDir: backendDir,
    packageJson: readJson(path.join(backendDir, 'package.json')),
    outputs: new Set([cli.Output.cjs]),
    minify,
    workspacePackages: packages,
  });

  const distWorkspace = fs.mkdtempSync(
    path.join(os.tmpdir(), 'backstage-bundle-'),
  );
  try {
    step(
      `${skipBuildDependencies ? '' : 'building and '}packing ${targets
        .map(t => t.name)
        .join(', ')} into ${distWorkspace}`,
    );
    await cli.createDistWorkspace([BACKEND], {
      targetDir: distWorkspace,
      buildDependencies: !skipBuildDependencies,
      // built above: the backend by itself, the app with its own build script
      buildExcludes: [BACKEND, ...bundled.map(t => t.name)],
      files: [], // not the root package.json and (yarn.)lock: written below
      minify,
    });

    step('writing the dist workspace root and deriving its package-lock.json');
    const workspaces = targets
      .map(t => path.relative(rootDir, t.dir).split(path.sep).join('/'))
      .sort();
    for (const dir of workspaces) {
      const file = path.join(distWorkspace, dir, 'package.json');
      const pkg = readJson(file);
      delete pkg.devDependencies;
      writeJson(file, pkg);
    }
    const rootPkg = readJson(path.join(rootDir, 'package.json'));
    writeJson(path.join(distWorkspace, 'package.json'), {
      name: rootPkg.name,
      version: rootPkg.version,
      private: true,
      description: `${rootPkg.description} (production bundle of packages/backend)`,
      engines: rootPkg.engines,
      scripts: { start: './start.sh' },
      workspaces,
      overrides: withoutReferences(rootPkg.overrides),
      allowScripts: rootPkg.allowScripts,
    });
    fs.copyFileSync(
      path.join(rootDir, 'package-lock.json'),
      path.join(distWorkspace, 'package-lock.json'),
    );
    run(
      'npm',
      [
        'install',
        '--package-lock-only',
        '--ignore-scripts',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
      ],
      { cwd: distWorkspace },
    );
    const lock = readJson(path.join(distWorkspace, 'package-lock.json'));
    const strays = Object.keys(lock.packages).filter(
      p => p !== '' && !p.includes('node_modules/') && !workspaces.includes(p),
    );
    if (strays.length > 0) {
      throw new Error(
        `derived lock still has workspaces outside the bundle: ${strays.join(
          ', ',
        )}`,
      );
    }

    for (const file of EXTRA_FILES) {
      fs.cpSync(path.join(rootDir, file), path.join(distWorkspace, file), {
        recursive: true,
      });
    }
    fs.copyFileSync(
      path.join(__dirname, 'start.sh'),
      path.join(distWorkspace, 'start.sh'),
    );
    fs.chmodSync(path.join(distWorkspace, 'start.sh'), 0o755);

    step('writing packages/backend/dist');
    const distDir = path.join(backendDir, 'dist');
    fs.rmSync(distDir, { recursive: true, force: true });
    fs.mkdirSync(distDir);
    const tarOptions = { cwd: distWorkspace, portable: true, noMtime: true };
    await cli.tar.create(
      { ...tarOptions, file: path.join(distDir, SKELETON_FILE), gzip: true },
      [
        'package.json',
        'package-lock.json',
        ...workspaces.map(dir => `${dir}/package.json`),
      ],
    );
    await cli.tar.create(
      { ...tarOptions, file: path.join(distDir, BUNDLE_FILE), gzip: true },
      [''],
    );
    const size = file =>
      `${(fs.statSync(path.join(distDir, file)).size / 1024 / 1024).toFixed(
        1,
      )} MiB`;
    step(
      `done: packages/backend/dist/${SKELETON_FILE} (${size(
        SKELETON_FILE,
      )}), ${BUNDLE_FILE} (${size(BUNDLE_FILE)}); ${
        Object.keys(lock.packages).length - 1
      } packages in the lock`,
    );
  } finally {
    fs.rmSync(distWorkspace, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(
    `build-backend-bundle: ${error && error.stack ? error.stack : error}`,
  );
  process.exit(1);
});
