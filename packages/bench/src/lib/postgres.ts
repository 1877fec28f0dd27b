/*
 * A throw-away PostgreSQL cluster for the benchmark and the drills:
 * initdb into a temp dir, pg_ctl start on a free port (loopback only, trust
 * auth), and stop + delete at the end. Runs the server as the `postgres`
 * user when we are root (PostgreSQL refuses to run as root).
 */
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  chownSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './net';

const run = promisify(execFile);

export interface PostgresCluster {
  host: string;
  port: number;
  user: string;
  password: string;
  version: string;
  dataDir: string;
  /** backend.database config for a Backstage backend (prefix keeps runs apart). */
  backstageDatabaseConfig(prefix: string): Record<string, unknown>;
  stop(): Promise<void>;
}

/** Where initdb and pg_ctl are, or why they cannot be used. */
export function findPostgresBinaries():
  | { binDir: string; version: string }
  | { missing: string } {
  const root = '/usr/lib/postgresql';
  const candidates = existsSync(root)
    ? readdirSync(root)
        .filter(v => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  // Prefer 15 (what the project targets), else the newest installed.
  const ordered = candidates.includes('15')
    ? ['15', ...candidates.filter(v => v !== '15')]
    : candidates;
  for (const version of ordered) {
    const binDir = path.join(root, version, 'bin');
    if (
      existsSync(path.join(binDir, 'initdb')) &&
      existsSync(path.join(binDir, 'pg_ctl'))
    ) {
      return { binDir, version };
    }
  }
  return {
    missing: `no PostgreSQL server binaries (initdb, pg_ctl) under ${root}/<version>/bin`,
  };
}

function asUser(
  runAs: string | undefined,
  command: string,
  args: string[],
): [string, string[]] {
  return runAs
    ? ['runuser', ['-u', runAs, '--', command, ...args]]
    : [command, args];
}

export async function startPostgres(
  options: { log?: (line: string) => void } = {},
): Promise<PostgresCluster> {
  const found = findPostgresBinaries();
  if ('missing' in found) {
    throw new Error(found.missing);
  }
  const { binDir, version } = found;
  const isRoot = process.getuid?.() === 0;
  const runAs = isRoot ? 'postgres' : undefined;
  const baseDir = mkdtempSync(path.join(os.tmpdir(), 'bench-pg-'));
  const dataDir = path.join(baseDir, 'data');
  if (runAs) {
    const { stdout } = await run('id', ['-u', runAs]);
    const { stdout: gid } = await run('id', ['-g', runAs]);
    chownSync(baseDir, Number(stdout.trim()), Number(gid.trim()));
  }
  const port = await freePort();
  const user = 'postgres';
  const exec = (command: string, args: string[]) => {
    const [cmd, argv] = asUser(runAs, path.join(binDir, command), args);
    return run(cmd, argv, { cwd: baseDir, maxBuffer: 10 * 1024 * 1024 });
  };
  await exec('initdb', [
    '-D',
    dataDir,
    '--username',
    user,
    '--auth',
    'trust',
    '--encoding',
    'UTF8',
    '--no-sync',
  ]);
  await exec('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    path.join(baseDir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${baseDir} -c max_connections=200`,
    'start',
  ]);
  options.log?.(
    `postgres ${version}: started on 127.0.0.1:${port} (${dataDir})`,
  );
  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    user,
    password: 'bench',
    version,
    dataDir,
    backstageDatabaseConfig: (prefix: string) => ({
      client: 'pg',
      connection: {
        host: '127.0.0.1',
        port,
        user,
        password: 'bench',
      },
      prefix,
    }),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await exec('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(baseDir, { recursive: true, force: true });
      }
      options.log?.(`postgres ${version}: stopped and removed`);
    },
  };
}
