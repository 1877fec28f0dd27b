/*
 * Section 2: catalog ingestion, side by side in one run. A real backend
 * (catalog plugin + the Glue module, real scheduler and database) ingests a
 * generated account through the provider; another ingests the same entities
 * from a static YAML file served as a `file` location. Each case is its own
 * child process with a fresh database; the time is until every entity is
 * visible through the catalog API. On in-memory SQLite and on a throw-away
 * PostgreSQL cluster (skipped, and said so, when PostgreSQL is absent).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import {
  generateFixture,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import { AwsGlueEntityProvider } from '@aws-glue-backstage/plugin-catalog-backend-module-aws-glue';
import type {
  BackendIngestResult,
  BackendTask,
} from '../backend/backendWorker';
import { benchBackendConfig } from '../backend/config';
import { runWorker } from '../lib/child';
import { verdict } from '../lib/verdict';
import { BenchLogger } from '../lib/logger';
import { freePort } from '../lib/net';
import {
  findPostgresBinaries,
  PostgresCluster,
  startPostgres,
} from '../lib/postgres';
import { providerConfig } from '../sync/syncWorker';

export const INGESTION_TARGET = 1.2;
const ACCOUNT = '100000000001';
const REGION = 'us-east-1';
export const ACCOUNT_FILTER = `metadata.annotations.amazonaws.com/account-id=${ACCOUNT}`;

export interface IngestionOptions {
  jobs: number;
  /** Emulated Glue latency per call for the provider (ms). */
  latencyMs?: number;
  log: (line: string) => void;
}

export interface IngestionDbResult {
  database: 'sqlite' | 'postgres';
  /** Why this database was not measured. */
  skipped?: string;
  databaseVersion?: string;
  static?: BackendIngestResult;
  provider?: BackendIngestResult;
  /** provider / static, both from backend start to all entities visible. */
  ratio?: number;
  /** The same with each side's start-up time taken off. */
  ratioAfterStartup?: number;
  verdict?: string;
}

export interface IngestionResult {
  jobs: number;
  latencyMs: number;
  entities: number;
  kinds: Record<string, number>;
  yamlBytes: number;
  databases: IngestionDbResult[];
}

/** The entities the provider would apply, for the static file. */
async function providerEntities(endpoint: string): Promise<Entity[]> {
  const [provider] = AwsGlueEntityProvider.fromConfig(
    new ConfigReader(
      providerConfig({ endpoint, accountId: ACCOUNT, region: REGION }),
    ),
    { logger: new BenchLogger(() => {}, 'error') },
  );
  let entities: Entity[] = [];
  await provider.connect({
    applyMutation: async mutation => {
      if (mutation.type === 'full') {
        entities = mutation.entities.map(e => e.entity);
      }
    },
    refresh: async () => {},
  });
  const result = await provider.refresh();
  if (!result.applied) {
    throw new Error(`the provider did not apply: ${result.reason}`);
  }
  return entities;
}

function staticYaml(entities: Entity[]): string {
  return entities
    .map(entity => {
      const annotations = { ...entity.metadata.annotations };
      // The catalog sets these for entities read from a location.
      delete annotations['backstage.io/managed-by-location'];
      delete annotations['backstage.io/managed-by-origin-location'];
      return stringify(
        { ...entity, metadata: { ...entity.metadata, annotations } },
        { lineWidth: 0 },
      );
    })
    .join('---\n');
}

async function ingest(
  label: string,
  mode: 'static' | 'provider',
  database: JsonObject,
  context: { yamlPath: string; endpoint: string; expected: number },
  log: (line: string) => void,
): Promise<BackendIngestResult> {
  const port = await freePort();
  const glue = providerConfig({
    endpoint: context.endpoint,
    accountId: ACCOUNT,
    region: REGION,
  });
  const config =
    mode === 'static'
      ? benchBackendConfig({
          port,
          database,
          catalog: {
            locations: [{ type: 'file', target: context.yamlPath }],
          },
        })
      : benchBackendConfig({
          port,
          database,
          // the account (and dummy secret) the static file was made with
          awsAccount: glue.aws.accounts[0],
          catalog: {
            providers: {
              awsGlue: {
                bench: {
                  ...glue.catalog.providers.awsGlue.bench,
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 10 },
                  },
                },
              },
            },
          },
        });
  log(`ingestion: ${label} ...`);
  const task: BackendTask = {
    kind: 'backend',
    mode: 'ingest',
    label,
    port,
    config,
    filter: ACCOUNT_FILTER,
    expected: context.expected,
    pollMs: 250,
    timeoutMs: 20 * 60_000,
  };
  const result = await runWorker<BackendIngestResult>(
    task as unknown as Record<string, unknown>,
    { timeoutMs: 25 * 60_000 },
  );
  log(
    `  all ${result.visible} visible after ${result.allVisibleMs} ms (start-up ${result.startupMs} ms)`,
  );
  return result;
}

export async function runIngestionBench(
  options: IngestionOptions,
): Promise<IngestionResult> {
  const latencyMs = options.latencyMs ?? 20;
  const fixture = generateFixture({ jobs: options.jobs, seed: 1 });
  const frozen = Date.now();
  const emulator = await startGlueEmulator({
    fixture,
    port: 0,
    clock: { now: () => frozen },
    ticker: false,
    latency: { fixedMs: latencyMs, jitterMs: 0 },
  });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-ingestion-'));
  let postgres: PostgresCluster | undefined;
  try {
    const entities = await providerEntities(emulator.url);
    const kinds: Record<string, number> = {};
    for (const e of entities) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    const yamlPath = path.join(tmp, 'glue-entities.yaml');
    const yaml = staticYaml(entities);
    writeFileSync(yamlPath, yaml);
    const context = {
      yamlPath,
      endpoint: emulator.url,
      expected: entities.length,
    };
    options.log(
      `ingestion: ${entities.length} entities (${Object.entries(kinds)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}), static file ${Math.round(yaml.length / 1024)} KiB`,
    );

    const databases: IngestionDbResult[] = [];
    const measure = async (
      database: 'sqlite' | 'postgres',
      dbConfig: (label: string) => JsonObject,
      version?: string,
    ) => {
      const result: IngestionDbResult = { database, databaseVersion: version };
      result.static = await ingest(
        `${database}/static`,
        'static',
        dbConfig('static'),
        context,
        options.log,
      );
      result.provider = await ingest(
        `${database}/provider`,
        'provider',
        dbConfig('provider'),
        context,
        options.log,
      );
      result.ratio = result.provider.allVisibleMs / result.static.allVisibleMs;
      result.ratioAfterStartup =
        (result.provider.allVisibleMs - result.provider.startupMs) /
        (result.static.allVisibleMs - result.static.startupMs);
      result.verdict = verdict(
        Math.max(result.ratio, result.ratioAfterStartup),
        INGESTION_TARGET,
      );
      databases.push(result);
    };

    await measure('sqlite', () => ({
      client: 'better-sqlite3',
      connection: ':memory:',
    }));

    const binaries = findPostgresBinaries();
    if ('missing' in binaries) {
      databases.push({
        database: 'postgres',
        skipped: `PostgreSQL not measured: ${binaries.missing}`,
      });
    } else {
      postgres = await startPostgres({ log: options.log });
      const pg = postgres;
      const run = Date.now().toString(36);
      await measure(
        'postgres',
        label =>
          pg.backstageDatabaseConfig(`bench_${run}_${label}_`) as JsonObject,
        pg.version,
      );
    }
    return {
      jobs: options.jobs,
      latencyMs,
      entities: entities.length,
      kinds,
      yamlBytes: yaml.length,
      databases,
    };
  } finally {
    await postgres?.stop();
    await emulator.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
