/*
 * Section `routes`: the AWS Glue backend plugin's read routes under load, in
 * a real backend (createBackend in a child process: catalog plugin, the Glue
 * catalog module syncing the emulator, and @aws-glue-backstage/plugin-aws-glue-backend
 * with `awsGlue.endpoint` = the emulator). The emulator (20 ms per call,
 * frozen clock) and the load client run in this process, on loopback.
 *
 * 1. Run history (`.../runs?limit=25`): N concurrent clients for a fixed
 *    time; phase A all on one job, phase B spread over every job. Latency
 *    percentiles, requests, errors and the GetJobRuns calls the emulator saw,
 *    set beside the target: one Glue call per job per cache TTL.
 * 2. Chain (`.../chain?direction=up&depth=20`) from the last job of a
 *    192-node chain: cold (a chain copy nobody asked for yet) and warm.
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { startGlueEmulator } from '@aws-glue-backstage/glue-emulator';
import type { BackendTask } from '../backend/backendWorker';
import { benchBackendConfig } from '../backend/config';
import { startWorker, waitForExit } from '../lib/child';
import { freePort } from '../lib/net';
import { median, percentile } from '../lib/stats';
import {
  ChainShape,
  chainLastJob,
  chainNodes,
  ROUTES_ACCOUNT,
  ROUTES_REGION,
  routesFixture,
} from './fixture';

const ACTIVE = new Set(['STARTING', 'RUNNING', 'STOPPING', 'WAITING']);

export interface RoutesOptions {
  quick: boolean;
  log: (line: string) => void;
  /** Jobs with run history for the run-history route (default 200). */
  jobs?: number;
  clients?: number;
  /** Per phase (default 30 s, quick 10 s). */
  durationMs?: number;
  latencyMs?: number;
  runsTtlSeconds?: number;
  activeRunsTtlSeconds?: number;
  chain?: ChainShape;
  /** Warm chain requests (median reported). */
  warmRuns?: number;
}

export interface LoadPhaseResult {
  phase: 'A' | 'B';
  description: string;
  clients: number;
  durationMs: number;
  /** Wall time from the first request to the last answer. */
  wallMs: number;
  jobs: number;
  /** Of those jobs, how many have an active run (shorter TTL). */
  activeJobs: number;
  requests: number;
  errors: number;
  errorSamples: string[];
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  glueGetJobRuns: number;
  glueCalls: Record<string, number>;
  /** When the emulator saw each GetJobRuns, in ms since the phase started (sampled every 50 ms; the first 2,000). */
  getJobRunsAtMs: number[];
  /** Single-job phases: the shortest time between two GetJobRuns (ms). */
  minGapMs?: number;
  /** TTL windows the phase spans: ceil(wallMs / TTL). */
  ttlWindows: number;
  /** The most GetJobRuns the target allows: per job, one per TTL window. */
  allowedGetJobRuns: number;
  getJobRunsPerJobPerWindow: number;
  targetMet: boolean;
}

export interface ChainRunResult {
  /** The chain copy requested (cold runs each use a fresh copy). */
  copy: number;
  latencyMs: number;
  nodes: number;
  edges: number;
  truncated: boolean;
  glueGetJobRuns: number;
  glueCalls: number;
}

export interface ChainResult {
  shape: ChainShape;
  expectedNodes: number;
  depth: number;
  cold: ChainRunResult[];
  warm: ChainRunResult[];
  coldMedianMs: number;
  warmMedianMs: number;
  coldGlueCallsPerRequest: number;
  warmGlueCallsPerRequest: number;
}

export interface RoutesResult {
  latencyMs: number;
  runsTtlSeconds: number;
  activeRunsTtlSeconds: number;
  jobs: number;
  entities: number;
  backendStartupMs: number;
  catalogReadyMs: number;
  phases: LoadPhaseResult[];
  chain?: ChainResult;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export { percentile, median };

const round = (n: number) => Math.round(n * 10) / 10;

interface Client {
  base: string;
  token: string;
}

async function getJson(
  client: Client,
  pathAndQuery: string,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${client.base}${pathAndQuery}`, {
    headers: { authorization: `Bearer ${client.token}` },
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the error sample
  }
  return { status: res.status, body };
}

/** Glue job name -> entity ref path (`namespace/kind/name`) from the catalog. */
export async function jobEntities(
  client: Client,
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const query = cursor
      ? `cursor=${encodeURIComponent(cursor)}`
      : `filter=${encodeURIComponent(
          'metadata.annotations.aws.amazon.com/aws-glue-resource-kind=job',
        )}&limit=500`;
    const { status, body } = await getJson(
      client,
      `/api/catalog/entities/by-query?${query}`,
    );
    if (status !== 200) {
      throw new Error(`catalog answered ${status}: ${JSON.stringify(body)}`);
    }
    for (const e of body.items as any[]) {
      const name = e.metadata.annotations['aws.amazon.com/aws-glue-name'];
      map.set(
        name,
        `${e.metadata.namespace ?? 'default'}/${String(e.kind).toLowerCase()}/${
          e.metadata.name
        }`,
      );
    }
    cursor = body.pageInfo?.nextCursor;
    if (!cursor) break;
  }
  return map;
}

/** Reads a job's first run page straight from the emulator (no backend cache). */
async function hasActiveRun(endpoint: string, job: string): Promise<boolean> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSGlue.GetJobRuns',
    },
    body: JSON.stringify({ JobName: job, MaxResults: 25 }),
  });
  if (!res.ok) throw new Error(`emulator GetJobRuns ${job}: ${res.status}`);
  const body = (await res.json()) as { JobRuns?: { JobRunState: string }[] };
  return (body.JobRuns ?? []).some(r => ACTIVE.has(r.JobRunState));
}

async function runLoad(
  client: Client,
  paths: string[],
  clients: number,
  durationMs: number,
  maxRequests: number,
): Promise<{
  latencies: number[];
  errors: number;
  errorSamples: string[];
  wallMs: number;
}> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let issued = 0;
  const t0 = performance.now();
  const end = t0 + durationMs;
  const worker = async (w: number) => {
    let i = w;
    while (performance.now() < end && issued < maxRequests) {
      issued++;
      const path = paths[i % paths.length];
      i += clients;
      const start = performance.now();
      try {
        const res = await fetch(`${client.base}${path}`, {
          headers: { authorization: `Bearer ${client.token}` },
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        latencies.push(performance.now() - start);
        if (res.status !== 200) {
          errors++;
          if (errorSamples.length < 5) {
            errorSamples.push(`${res.status} ${text.slice(0, 200)}`);
          }
        }
      } catch (error) {
        latencies.push(performance.now() - start);
        errors++;
        if (errorSamples.length < 5) errorSamples.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
  return {
    latencies,
    errors,
    errorSamples,
    wallMs: performance.now() - t0,
  };
}

export async function runRoutesBench(
  options: RoutesOptions,
): Promise<RoutesResult> {
  const log = options.log;
  const jobsCount = options.jobs ?? 200;
  const clients = options.clients ?? 50;
  const durationMs = options.durationMs ?? (options.quick ? 10_000 : 30_000);
  const latencyMs = options.latencyMs ?? 20;
  const runsTtlSeconds = options.runsTtlSeconds ?? 30;
  const activeRunsTtlSeconds = options.activeRunsTtlSeconds ?? 5;
  const shape: ChainShape = options.chain ?? {
    width: 10,
    levels: 10,
    copies: options.quick ? 3 : 5,
  };
  const warmRuns = options.warmRuns ?? (options.quick ? 5 : 10);
  const maxRequests = 2_000_000;

  const full = routesFixture({ jobs: jobsCount, chain: shape });
  const loadJobs = (full.accounts[0].regions[ROUTES_REGION].jobs ?? [])
    .map(j => j.Name)
    .filter(n => !n.startsWith('chain'))
    .slice(0, jobsCount);

  const frozen = Date.now();
  const emulator = await startGlueEmulator({
    fixture: full,
    port: 0,
    clock: { now: () => frozen },
    ticker: false,
    latency: { fixedMs: latencyMs, jitterMs: 0 },
  });
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const client: Client = { base: `http://127.0.0.1:${port}`, token };
  const config = benchBackendConfig({
    port,
    database: { client: 'better-sqlite3', connection: ':memory:' },
    externalAccess: { token, subject: 'bench-load' },
    awsAccount: { accountId: ROUTES_ACCOUNT },
    catalog: {
      providers: {
        awsGlue: {
          bench: {
            accountId: ROUTES_ACCOUNT,
            regions: [ROUTES_REGION],
            endpoint: emulator.url,
            schedule: {
              frequency: { minutes: 30 },
              timeout: { minutes: 10 },
            },
          },
        },
      },
    },
    extra: {
      awsGlue: {
        endpoint: emulator.url,
        cache: {
          runsTtl: { seconds: runsTtlSeconds },
          activeRunsTtl: { seconds: activeRunsTtlSeconds },
        },
        // The run index stays on (the routes write through to it), but not its
        // reconciler: its backfill of every job (30 s after start, by default)
        // would add its GetJobRuns to the ones the phases count.
        runIndex: { reconciler: { enabled: false } },
        chain: {
          maxDepth: 20,
          defaultDepth: 3,
          maxNodes: 1000,
          concurrency: 8,
        },
      },
    },
  });

  const task: BackendTask = {
    kind: 'backend',
    mode: 'serve',
    label: 'routes',
    port,
    config,
    filter: 'kind=component',
  };
  let ready: (startupMs: number) => void = () => {};
  const readyPromise = new Promise<number>(resolve => {
    ready = resolve;
  });
  log(`routes: starting backend on port ${port} ...`);
  const t0 = performance.now();
  const handle = startWorker<unknown>(
    task as unknown as Record<string, unknown>,
    {
      timeoutMs: 30 * 60_000,
      onEvent: event => {
        if (event.type === 'ready') ready(Number(event.startupMs));
      },
    },
  );
  handle.result.catch(() => {});
  let readyTimer: NodeJS.Timeout | undefined;
  try {
    const backendStartupMs = await Promise.race([
      readyPromise,
      handle.result.then(() => {
        throw new Error('routes backend stopped before it was ready');
      }),
      new Promise<never>((_, reject) => {
        readyTimer = setTimeout(
          () => reject(new Error('routes backend not ready after 180 s')),
          180_000,
        );
      }),
    ]).finally(() => clearTimeout(readyTimer));

    // Wait until the catalog module has synced every job.
    const expectedJobs =
      loadJobs.length + chainNodes(shape).jobs * shape.copies;
    let refs = new Map<string, string>();
    const deadline = performance.now() + 300_000;
    while (refs.size < expectedJobs) {
      if (performance.now() > deadline) {
        throw new Error(
          `only ${refs.size} of ${expectedJobs} job entities after 300 s`,
        );
      }
      await sleep(500);
      try {
        refs = await jobEntities(client);
      } catch (error) {
        if (performance.now() > deadline) throw error;
      }
    }
    // (The chain's relations may still be stitching: the chain step waits.)
    const catalogReadyMs = Math.round(performance.now() - t0);
    const totalRes = await getJson(
      client,
      '/api/catalog/entities/by-query?limit=1',
    );
    const entities = Number(totalRes.body.totalItems ?? 0);
    log(
      `routes: backend up in ${backendStartupMs} ms, ${refs.size} job entities (${entities} in all) after ${catalogReadyMs} ms`,
    );

    // Which jobs have an active run (their run pages use activeRunsTtl).
    const active = new Set<string>();
    await Promise.all(
      loadJobs.map(async job => {
        if (await hasActiveRun(emulator.url, job)) active.add(job);
      }),
    );
    const hotJob = loadJobs.find(j => !active.has(j)) ?? loadJobs[0];
    const runsPath = (job: string) =>
      `/api/aws-glue/v1/entity/${refs.get(job)}/runs?limit=25`;

    // A single request first: the route works at all (and its Glue calls).
    const probeJob = loadJobs.find(j => j !== hotJob && !active.has(j))!;
    const probe = await getJson(client, runsPath(probeJob));
    if (probe.status !== 200) {
      throw new Error(
        `runs route answered ${probe.status}: ${JSON.stringify(
          probe.body,
        ).slice(0, 500)}`,
      );
    }

    const phases: LoadPhaseResult[] = [];
    const phase = async (
      name: 'A' | 'B',
      description: string,
      jobs: string[],
    ) => {
      await sleep(1000);
      emulator.resetStats();
      log(
        `routes: phase ${name}: ${clients} clients for ${durationMs} ms, ${description} ...`,
      );
      // When the Glue calls happen, sampled every 50 ms (ms since the phase start).
      const callTimes: number[] = [];
      const phaseStart = performance.now();
      let seen = 0;
      const sampler = setInterval(() => {
        const n = emulator.stats().calls.GetJobRuns ?? 0;
        const at = Math.round(performance.now() - phaseStart);
        for (; seen < n; seen++)
          if (callTimes.length < 2000) callTimes.push(at);
      }, 50);
      const load = await runLoad(
        client,
        jobs.map(runsPath),
        clients,
        durationMs,
        maxRequests,
      );
      clearInterval(sampler);
      const stats = emulator.stats();
      const sorted = [...load.latencies].sort((a, b) => a - b);
      const activeJobs = jobs.filter(j => active.has(j)).length;
      // Windows over the phase's real span (first request to last answer):
      // requests issued just before the end are answered a little after it.
      const windows = Math.max(
        1,
        Math.ceil(load.wallMs / (runsTtlSeconds * 1000)),
      );
      const activeWindows = Math.max(
        1,
        Math.ceil(load.wallMs / (activeRunsTtlSeconds * 1000)),
      );
      const gaps = callTimes.slice(1).map((t, i) => t - callTimes[i]);
      const minGapMs = gaps.length ? Math.min(...gaps) : undefined;
      const allowed =
        (jobs.length - activeJobs) * windows + activeJobs * activeWindows;
      const getJobRuns = stats.calls.GetJobRuns ?? 0;
      const result: LoadPhaseResult = {
        phase: name,
        description,
        clients,
        durationMs,
        wallMs: Math.round(load.wallMs),
        jobs: jobs.length,
        activeJobs,
        requests: load.latencies.length,
        errors: load.errors,
        errorSamples: load.errorSamples,
        requestsPerSecond: round(load.latencies.length / (load.wallMs / 1000)),
        latencyMs: {
          p50: round(percentile(sorted, 50)),
          p95: round(percentile(sorted, 95)),
          p99: round(percentile(sorted, 99)),
          max: round(sorted[sorted.length - 1] ?? 0),
        },
        glueGetJobRuns: getJobRuns,
        glueCalls: { ...stats.calls },
        getJobRunsAtMs: callTimes,
        ttlWindows: windows,
        allowedGetJobRuns: allowed,
        getJobRunsPerJobPerWindow:
          Math.round((getJobRuns / jobs.length / windows) * 100) / 100,
        minGapMs,
        // One job: also no two calls closer than the TTL (less the 50 ms sampling).
        targetMet:
          getJobRuns <= allowed &&
          (jobs.length > 1 ||
            activeJobs > 0 ||
            minGapMs === undefined ||
            minGapMs >= runsTtlSeconds * 1000 - 100),
      };
      log(
        `  ${result.requests} requests, ${result.errors} errors, p50 ${result.latencyMs.p50} ms, GetJobRuns ${getJobRuns} (allowed ${allowed})`,
      );
      phases.push(result);
    };
    await phase('A', `all on one job (${hotJob})`, [hotJob]);
    await phase(
      'B',
      `spread over ${loadJobs.length} jobs, round robin`,
      loadJobs,
    );

    // Chain: cold on a fresh copy each time, then warm on the last one.
    const nodes = chainNodes(shape);
    const expectedNodes = nodes.jobs + nodes.triggers;
    const chainRun = async (copy: number): Promise<ChainRunResult> => {
      const ref = refs.get(chainLastJob(copy));
      if (!ref) throw new Error(`no entity for ${chainLastJob(copy)}`);
      emulator.resetStats();
      const start = performance.now();
      const res = await getJson(
        client,
        `/api/aws-glue/v1/entity/${ref}/chain?direction=up&depth=${nodes.depth}`,
      );
      const ms = performance.now() - start;
      if (res.status !== 200) {
        throw new Error(
          `chain route answered ${res.status}: ${JSON.stringify(res.body).slice(
            0,
            500,
          )}`,
        );
      }
      const stats = emulator.stats();
      return {
        copy,
        latencyMs: round(ms),
        nodes: res.body.nodes?.length ?? 0,
        edges: res.body.edges?.length ?? 0,
        truncated: !!res.body.truncated,
        glueGetJobRuns: stats.calls.GetJobRuns ?? 0,
        glueCalls: stats.total,
      };
    };
    // The chain's relations are stitched after the entities appear: wait
    // until the first copy's chain is complete (this also warms copy 0).
    const chainDeadline = performance.now() + 120_000;
    let first = await chainRun(0);
    while (first.nodes < expectedNodes && performance.now() < chainDeadline) {
      await sleep(1000);
      first = await chainRun(0);
    }
    log(
      `routes: chain of ${first.nodes} nodes (expected ${expectedNodes}), ${first.edges} edges`,
    );
    const cold: ChainRunResult[] = [];
    for (let copy = 1; copy < shape.copies; copy++) {
      cold.push(await chainRun(copy));
    }
    const warm: ChainRunResult[] = [];
    const warmCopy = shape.copies - 1;
    for (let i = 0; i < warmRuns; i++) warm.push(await chainRun(warmCopy));
    const avg = (rs: ChainRunResult[]) =>
      rs.length
        ? Math.round(
            (rs.reduce((s, r) => s + r.glueGetJobRuns, 0) / rs.length) * 10,
          ) / 10
        : 0;
    const chain: ChainResult = {
      shape,
      expectedNodes,
      depth: nodes.depth,
      cold,
      warm,
      coldMedianMs: round(median(cold.map(r => r.latencyMs))),
      warmMedianMs: round(median(warm.map(r => r.latencyMs))),
      coldGlueCallsPerRequest: avg(cold),
      warmGlueCallsPerRequest: avg(warm),
    };
    log(
      `  chain cold median ${chain.coldMedianMs} ms (${chain.coldGlueCallsPerRequest} GetJobRuns), warm median ${chain.warmMedianMs} ms (${chain.warmGlueCallsPerRequest})`,
    );

    return {
      latencyMs,
      runsTtlSeconds,
      activeRunsTtlSeconds,
      jobs: loadJobs.length,
      entities,
      backendStartupMs,
      catalogReadyMs,
      phases,
      chain,
    };
  } finally {
    handle.child.send?.({ type: 'stop' }, () => {});
    await waitForExit(handle.child, 20_000);
    await emulator.stop();
  }
}
