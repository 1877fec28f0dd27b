/*
 * Child-process side of the ingestion benchmark and the replica drill: a
 * real Backstage backend (createBackend from @backstage/backend-defaults:
 * real database, scheduler, HTTP) with the catalog plugin and, when the
 * config has `catalog.providers.awsGlue`, the Glue module, and when it has
 * `awsGlue`, the AWS Glue backend plugin (its routes).
 *
 * - mode `ingest`: starts, polls the catalog API until `expected` entities
 *   match `filter`, reports the timings, stops.
 * - mode `serve`: starts, reports `ready` with the port, serves until the
 *   parent sends `{ type: 'stop' }` (or kills it).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { sendEvent } from '../lib/child';
import { BenchLogger, LogRecord } from '../lib/logger';
import { MemorySampler } from '../lib/memory';
import { addBackendExtras, BackendExtra } from './extras';
import { listenForProfileRequests } from './profiler';

export interface BackendTask {
  kind: 'backend';
  mode: 'ingest' | 'serve';
  label: string;
  port: number;
  config: JsonObject;
  /** Catalog filter that matches exactly the entities being ingested. */
  filter: string;
  expected?: number;
  pollMs?: number;
  timeoutMs?: number;
  /** Optional plugins: the events backend, the notifications backend, permissions with an allow-all policy. */
  extras?: BackendExtra[];
  /** Report every notificationService.send to the parent (`notification` events). */
  countNotifications?: boolean;
  /**
   * Also forward info+ records whose message matches this regular
   * expression to the parent as `log` events (the provider's are always).
   */
  forwardLogs?: string;
  /** Serve mode: answer `profile-start` / `profile-stop` messages with CPU profiles. */
  profiling?: boolean;
}

export interface BackendIngestResult {
  label: string;
  /** From the start of `backend.start()` until it resolved. */
  startupMs: number;
  /** From the start of `backend.start()` until the first matching entity was visible. */
  firstVisibleMs?: number;
  /** From the start of `backend.start()` until all `expected` entities were visible. */
  allVisibleMs: number;
  visible: number;
  polls: number;
  /** "Glue sync applied ..." lines, with ms since start. */
  syncLog: { atMs: number; message: string }[];
  peakRssMiB: number;
  maxRssMiB: number;
  /** 1-minute load average when all were visible. */
  loadAverage1m: number;
}

export async function countEntities(
  port: number,
  filter: string,
): Promise<number> {
  const res = await fetch(
    `http://127.0.0.1:${port}/api/catalog/entities/by-query?filter=${encodeURIComponent(
      filter,
    )}&limit=1`,
  );
  if (!res.ok) {
    throw new Error(`catalog answered ${res.status}: ${await res.text()}`);
  }
  const body = (await res.json()) as { totalItems: number };
  return body.totalItems;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export async function runBackendTask(
  task: BackendTask,
): Promise<BackendIngestResult | { label: string; stopped: true }> {
  const t0 = performance.now();
  const since = () => Math.round(performance.now() - t0);
  const syncLog: BackendIngestResult['syncLog'] = [];
  let errors = 0;
  const forward = task.forwardLogs ? new RegExp(task.forwardLogs) : undefined;
  const logger = new BenchLogger((record: LogRecord) => {
    const target = String(record.meta.target ?? '');
    if (
      target.startsWith('AwsGlueEntityProvider') ||
      forward?.test(record.message)
    ) {
      const entry = { atMs: since(), message: record.message };
      syncLog.push(entry);
      sendEvent({
        type: 'log',
        label: task.label,
        level: record.level,
        plugin: String(record.meta.plugin ?? ''),
        ...entry,
      });
      return;
    }
    if (record.level === 'error' && errors++ < 20) {
      process.stderr.write(
        `[${task.label}] ${record.level} ${String(record.meta.plugin ?? '')} ${
          record.message
        }\n`,
      );
    }
  }, 'info');

  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => new ConfigReader(task.config),
    }),
  );
  backend.add(
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => logger,
    }),
  );
  backend.add(require('@backstage/plugin-catalog-backend'));
  const catalogConfig = (task.config.catalog ?? {}) as JsonObject;
  const providers = (catalogConfig.providers ?? {}) as JsonObject;
  if (providers.awsGlue) {
    backend.add(
      require('@aws-glue-backstage/plugin-catalog-backend-module-aws-glue'),
    );
  }

  if (task.config.awsGlue) {
    backend.add(require('@aws-glue-backstage/plugin-aws-glue-backend'));
  }
  addBackendExtras(backend, task);
  if (task.profiling) listenForProfileRequests(task.label);

  const sampler = new MemorySampler(50);
  sampler.start();
  await backend.start();
  const startupMs = since();

  if (task.mode === 'serve') {
    sendEvent({
      type: 'ready',
      label: task.label,
      startupMs,
      pid: process.pid,
    });
    await new Promise<void>(resolve => {
      process.on('message', (m: { type?: string }) => {
        if (m?.type === 'stop') resolve();
      });
    });
    await backend.stop();
    return { label: task.label, stopped: true };
  }

  const expected = task.expected ?? 1;
  const deadline = performance.now() + (task.timeoutMs ?? 10 * 60_000);
  let firstVisibleMs: number | undefined;
  let visible = 0;
  let polls = 0;
  for (;;) {
    polls++;
    try {
      visible = await countEntities(task.port, task.filter);
    } catch (error) {
      if (performance.now() > deadline) throw error;
    }
    if (visible > 0 && firstVisibleMs === undefined) firstVisibleMs = since();
    if (visible >= expected) break;
    if (performance.now() > deadline) {
      throw new Error(
        `${
          task.label
        }: only ${visible} of ${expected} entities visible after ${since()} ms`,
      );
    }
    await sleep(task.pollMs ?? 250);
  }
  const allVisibleMs = since();
  const memory = sampler.stop();
  await backend.stop();
  return {
    label: task.label,
    startupMs,
    firstVisibleMs,
    allVisibleMs,
    visible,
    polls,
    syncLog,
    peakRssMiB: memory.peakRssMiB,
    maxRssMiB: memory.maxRssMiB,
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
