/*
 * The run-index section's set-up: the emulator (real clock, runs finishing
 * `durationScale` times faster, every state change POSTed to the backend's
 * events ingress and recorded here as it is emitted), a database
 * (PostgreSQL when its binaries are installed, else SQLite files), and a
 * real backend in a child process: catalog + the Glue module (lineage off),
 * the AWS Glue backend plugin with the run index, the events backend
 * (`events.http.topics: [aws-glue]`) and the permission backend with an
 * allow-all policy (so every fleet request makes its one policy call).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { JsonObject } from '@backstage/types';
import {
  GlueEmulator,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import { benchBackendConfig } from '../backend/config';
import { serveBackend, ServingBackend } from '../backend/serve';
import { getOk, HttpClient, sleep } from '../lib/http';
import { freePort } from '../lib/net';
import {
  findPostgresBinaries,
  PostgresCluster,
  startPostgres,
} from '../lib/postgres';
import type { EmittedChange } from './analysis';
import { RIX_ACCOUNT, RunIndexFixture } from './fixture';
import { pgStoreReader, sqliteStoreReader, StoreReader } from './store';

export const RECONCILER_TASK = 'aws-glue-run-index-reconciler';
export const PASS_LINE = '^AWS Glue run index reconciled';
const DB_PREFIX = 'rix_';

export interface PassLine {
  atMs: number;
  message: string;
}

export interface RunIndexEnv {
  emulator: GlueEmulator;
  backend: ServingBackend;
  client: HttpClient;
  store: StoreReader;
  database: string;
  fixture: RunIndexFixture;
  /** Every job state change the emulator emitted (not dropped), in order. */
  emitted: EmittedChange[];
  /** The reconciler's pass lines, in order. */
  passes: PassLine[];
  catalogReadyMs: number;
  entities: number;
  databaseVersion?: string;
  /** Listeners of the backend's events (profile, log, ...). */
  listeners: Set<(event: Record<string, unknown>) => void>;
  stop(): Promise<void>;
}

export interface EnvOptions {
  fixture: RunIndexFixture;
  latencyMs: number;
  durationScale: number;
  callBudget: number;
  log: (line: string) => void;
}

function backendConfig(
  port: number,
  token: string,
  database: JsonObject,
  emulatorUrl: string,
  callBudget: number,
  regions: string[],
): JsonObject {
  return benchBackendConfig({
    port,
    database,
    externalAccess: { token, subject: 'bench-runindex' },
    awsAccount: { accountId: RIX_ACCOUNT },
    catalogKinds: ['Component', 'System', 'Resource', 'Location'],
    catalog: {
      providers: {
        awsGlue: {
          bench: {
            accountId: RIX_ACCOUNT,
            regions,
            endpoint: emulatorUrl,
            lineage: { enabled: false },
            schedule: { frequency: { minutes: 60 }, timeout: { minutes: 30 } },
          },
        },
      },
    },
    extra: {
      permission: { enabled: true },
      events: { http: { topics: ['aws-glue'] } },
      awsGlue: {
        endpoint: emulatorUrl,
        runIndex: {
          reconciler: {
            // the first pass runs at start-up (an empty catalog); the bench
            // triggers every later pass through the scheduler's API
            frequency: { hours: 6 },
            initialDelay: { seconds: 1 },
            timeout: { minutes: 60 },
            callBudget,
          },
        },
        // no notifications backend in this section (the drill has one)
        notifications: { enabled: false },
      },
    },
  });
}

async function openDatabase(log: (line: string) => void): Promise<{
  config: JsonObject;
  kind: 'pg' | 'sqlite';
  version?: string;
  reader: () => Promise<StoreReader>;
  stop: () => Promise<void>;
}> {
  if (!('missing' in findPostgresBinaries())) {
    const pg: PostgresCluster = await startPostgres({ log });
    return {
      config: pg.backstageDatabaseConfig(DB_PREFIX) as JsonObject,
      kind: 'pg',
      version: pg.version,
      reader: () =>
        pgStoreReader({
          host: pg.host,
          port: pg.port,
          user: pg.user,
          password: pg.password,
          database: `${DB_PREFIX}aws-glue`,
        }),
      stop: () => pg.stop(),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-rix-sqlite-'));
  log(`runindex: no PostgreSQL binaries, SQLite files in ${dir}`);
  return {
    config: { client: 'better-sqlite3', connection: { directory: dir } },
    kind: 'sqlite',
    reader: () => sqliteStoreReader(dir),
    stop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Polls the catalog until every job entity is there (bounded). */
async function waitForCatalog(
  client: HttpClient,
  expected: number,
  timeoutMs: number,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  const filter = encodeURIComponent('kind=component,spec.type=glue-job');
  for (;;) {
    const res = await getOk(
      client,
      `/api/catalog/entities/by-query?filter=${filter}&limit=1`,
    ).catch(() => undefined);
    const count = Number(res?.body?.totalItems ?? 0);
    if (count >= expected) return count;
    if (performance.now() > deadline) {
      throw new Error(
        `only ${count} of ${expected} job entities after ${timeoutMs} ms`,
      );
    }
    await sleep(1000);
  }
}

export async function startRunIndexEnv(
  options: EnvOptions,
): Promise<RunIndexEnv> {
  const { log, fixture } = options;
  const emitted: EmittedChange[] = [];
  const passes: PassLine[] = [];
  const listeners = new Set<(event: Record<string, unknown>) => void>();
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const client: HttpClient = { base: `http://127.0.0.1:${port}`, token };
  const emulator = await startGlueEmulator({
    fixture: fixture.fixture,
    port: 0,
    durationScale: options.durationScale,
    tickIntervalMs: 50,
    latency: { fixedMs: options.latencyMs, jitterMs: 0 },
    eventsUrl: `${client.base}/api/events/http/aws-glue`,
    onEvent: event => {
      if (event['detail-type'] !== 'Glue Job State Change') return;
      emitted.push({
        jobName: event.detail.jobName,
        runId: event.detail.jobRunId,
        state: event.detail.state,
        atMs: performance.now(),
      });
    },
  });
  const db = await openDatabase(log).catch(async error => {
    await emulator.stop();
    throw error;
  });
  let backend: ServingBackend | undefined;
  let store: StoreReader | undefined;
  const stop = async () => {
    await store?.close().catch(() => {});
    await backend?.stop();
    await emulator.stop();
    await db.stop();
  };
  try {
    const t0 = performance.now();
    log(`runindex: starting backend on port ${port} (${db.kind}) ...`);
    backend = await serveBackend({
      label: 'runindex',
      port,
      config: backendConfig(
        port,
        token,
        db.config,
        emulator.url,
        options.callBudget,
        fixture.regions,
      ),
      task: {
        extras: ['events', 'permission-allow-all'],
        forwardLogs: PASS_LINE,
        profiling: true,
      },
      onEvent: event => {
        for (const listener of listeners) listener(event);
        if (
          event.type === 'log' &&
          new RegExp(PASS_LINE).test(String(event.message))
        ) {
          passes.push({
            atMs: performance.now(),
            message: String(event.message),
          });
        }
      },
    });
    const expected = fixture.jobNames.length;
    const entities = await waitForCatalog(
      client,
      expected,
      120_000 + expected * 60,
    );
    const catalogReadyMs = Math.round(performance.now() - t0);
    log(`runindex: ${entities} job entities after ${catalogReadyMs} ms`);
    store = await db.reader();
    return {
      emulator,
      backend,
      client,
      store,
      database: db.kind === 'pg' ? 'PostgreSQL' : 'SQLite (files)',
      fixture,
      emitted,
      passes,
      catalogReadyMs,
      entities,
      databaseVersion: db.version,
      listeners,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
