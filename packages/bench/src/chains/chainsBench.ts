/*
 * Section `chains`: the chain-executions route
 * (`GET .../chain-executions?limit=14`) of a ~200-node nightly chain, served
 * from the run index. A real backend (child process: catalog, the Glue
 * module syncing the emulator, the AWS Glue backend plugin with the run
 * index on SQLite) and the emulator (20 ms per call, frozen clock, 90 days
 * of generated history) on loopback.
 *
 * 1. Wait until the catalog holds the chain and its relations (the `.../chain`
 *    route from the last job sees every node).
 * 2. Fill the store as production does: one reconciler pass (triggered through
 *    the scheduler's API; it backfills every job seen the first time), then
 *    poll chain-executions until it reports `limit` executions whose nodes
 *    cover the chain (bounded).
 * 3. K requests of chain-executions for the last job, interleaved with K of
 *    the warm `.../chain` route on the same entity (the same catalog walk),
 *    one at a time: p50 / p95 / max and the Glue calls the emulator saw
 *    (target: 0). Ratios: executions p50 / chain p50, and p95 / a 1 s bound.
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import {
  GlueEmulator,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import type { JsonObject } from '@backstage/types';
import { benchBackendConfig } from '../backend/config';
import { serveBackend, ServingBackend } from '../backend/serve';
import { getOk, HttpClient, sleep } from '../lib/http';
import { freePort } from '../lib/net';
import { jobEntities } from '../routes/routesBench';
import type { PassLine } from '../runindex/environment';
import { PassResult, runPass } from '../runindex/reconciler';
import {
  CHAINS_ACCOUNT,
  CHAINS_REGION,
  LAST_JOB,
  ScheduledChainShape,
  scheduledChainFixture,
  scheduledChainNodes,
} from './fixture';
import {
  ExecutionsBody,
  ExecutionsSummary,
  LatencySummary,
  latencySummary,
  ratio,
  storeReady,
  summarizeExecutions,
} from './summary';

const RECONCILER_TASK = 'aws-glue-run-index-reconciler';
const PASS_LINE = '^AWS Glue run index reconciled';
/** The bound the executions route's p95 is set against. */
export const EXECUTIONS_BOUND_MS = 1000;

export interface ChainsOptions {
  quick: boolean;
  log: (line: string) => void;
  shape?: ScheduledChainShape;
  /** Requests per route (default 20, quick 8). */
  requests?: number;
  /** Executions asked for (default 14). */
  limit?: number;
  latencyMs?: number;
}

export interface RouteMeasure extends LatencySummary {
  glueGetJobRun: number;
  glueGetJobRuns: number;
  glueTotal: number;
  /** Every Glue call the emulator saw during the requests, per operation. */
  glueCalls: Record<string, number>;
}

export interface StoreFill {
  /** The reconciler pass that filled the store (the last, if several ran). */
  pass: PassResult;
  passes: number;
  /** Glue calls during the passes, per operation. */
  glueCalls: Record<string, number>;
  /** chain-executions requests until the store held every execution. */
  polls: number;
  /** Glue calls during those requests (GetJobRun for predecessors the store lacked). */
  pollGlueCalls: Record<string, number>;
  /** From the first pass's trigger until the store was ready. */
  readyMs: number;
}

export interface ChainsResult {
  shape: ScheduledChainShape;
  latencyMs: number;
  limit: number;
  expectedNodes: number;
  expectedJobs: number;
  depth: number;
  backendStartupMs: number;
  catalogReadyMs: number;
  chain: { nodes: number; edges: number; truncated: boolean };
  fill: StoreFill;
  executions: RouteMeasure & { summary: ExecutionsSummary };
  /** The warm `.../chain?direction=up&depth=<depth>` route on the same entity. */
  baseline: RouteMeasure;
  boundMs: number;
  ratios: {
    p50VsChainP50?: number;
    p95VsChainP95?: number;
    p95VsBound?: number;
    maxVsBound?: number;
  };
  /** 0 Glue calls during the executions requests and p95 within the bound. */
  targetMet: boolean;
}

interface ChainsEnv {
  emulator: GlueEmulator;
  backend: ServingBackend;
  client: HttpClient & { token: string };
  passes: PassLine[];
  stop(): Promise<void>;
}

function chainsConfig(
  port: number,
  token: string,
  emulatorUrl: string,
): JsonObject {
  return benchBackendConfig({
    port,
    database: { client: 'better-sqlite3', connection: ':memory:' },
    externalAccess: { token, subject: 'bench-chains' },
    awsAccount: { accountId: CHAINS_ACCOUNT },
    catalog: {
      providers: {
        awsGlue: {
          bench: {
            accountId: CHAINS_ACCOUNT,
            regions: [CHAINS_REGION],
            endpoint: emulatorUrl,
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
          },
        },
      },
    },
    extra: {
      awsGlue: {
        endpoint: emulatorUrl,
        // the baseline's latest runs stay cached through the measurement
        cache: { runsTtl: { minutes: 10 }, activeRunsTtl: { minutes: 10 } },
        runIndex: {
          reconciler: {
            // the first pass runs at start-up (an empty catalog); the bench
            // triggers the one that fills the store through the scheduler
            frequency: { hours: 6 },
            initialDelay: { seconds: 1 },
            timeout: { minutes: 10 },
            callBudget: 5000,
          },
        },
        chain: {
          maxDepth: 20,
          defaultDepth: 3,
          maxNodes: 1000,
          concurrency: 8,
        },
        notifications: { enabled: false },
      },
    },
  });
}

async function startChainsEnv(
  shape: ScheduledChainShape,
  latencyMs: number,
  log: (line: string) => void,
): Promise<ChainsEnv> {
  const frozen = Date.now();
  const emulator = await startGlueEmulator({
    fixture: scheduledChainFixture({ shape, nowMs: frozen }),
    port: 0,
    clock: { now: () => frozen },
    ticker: false,
    latency: { fixedMs: latencyMs, jitterMs: 0 },
  });
  const passes: PassLine[] = [];
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  log(`chains: starting backend on port ${port} ...`);
  let backend: ServingBackend;
  try {
    backend = await serveBackend({
      label: 'chains',
      port,
      config: chainsConfig(port, token, emulator.url),
      task: { forwardLogs: PASS_LINE },
      onEvent: event => {
        const message = String(event.message ?? '');
        if (event.type === 'log' && new RegExp(PASS_LINE).test(message)) {
          passes.push({ atMs: Number(event.atMs), message });
        }
      },
    });
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  return {
    emulator,
    backend,
    client: { base: backend.base, token },
    passes,
    stop: async () => {
      await backend.stop();
      await emulator.stop();
    },
  };
}

/** Polls the catalog until it holds `expected` job entities; their refs by Glue name. */
async function waitForJobs(
  client: ChainsEnv['client'],
  expected: number,
  timeoutMs: number,
): Promise<Map<string, string>> {
  const deadline = performance.now() + timeoutMs;
  let refs = new Map<string, string>();
  while (refs.size < expected) {
    if (performance.now() > deadline) {
      throw new Error(
        `only ${refs.size} of ${expected} job entities after ${timeoutMs} ms`,
      );
    }
    await sleep(500);
    try {
      refs = await jobEntities(client);
    } catch {
      // the catalog is not up yet: poll again until the deadline
    }
  }
  return refs;
}

const chainPath = (ref: string, depth: number) =>
  `/api/aws-glue/v1/entity/${ref}/chain?direction=up&depth=${depth}`;
const executionsPath = (ref: string, limit: number) =>
  `/api/aws-glue/v1/entity/${ref}/chain-executions?limit=${limit}`;

/** Polls the chain route until it sees every node (the relations are stitched after the entities appear). */
async function waitForChain(
  client: HttpClient,
  path: string,
  expectedNodes: number,
  timeoutMs: number,
): Promise<ChainsResult['chain']> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { body } = await getOk(client, path);
    const chain = {
      nodes: body.nodes?.length ?? 0,
      edges: body.edges?.length ?? 0,
      truncated: !!body.truncated,
    };
    if (chain.nodes >= expectedNodes) return chain;
    if (performance.now() > deadline) {
      throw new Error(
        `the chain has ${chain.nodes} of ${expectedNodes} nodes after ${timeoutMs} ms`,
      );
    }
    await sleep(1000);
  }
}

/** Glue calls since the last reset, per operation, and resets. */
function takeCalls(emulator: GlueEmulator): Record<string, number> {
  const calls = { ...emulator.stats().calls };
  emulator.resetStats();
  return calls;
}

const addCalls = (
  into: Record<string, number>,
  calls: Record<string, number>,
) => {
  for (const [op, n] of Object.entries(calls)) into[op] = (into[op] ?? 0) + n;
  return into;
};

/**
 * Reconciler passes (at most 3) until chain-executions reports `limit`
 * executions that cover the chain's `jobs` jobs; a few polls after each.
 */
async function fillStore(
  env: ChainsEnv,
  path: string,
  limit: number,
  jobs: number,
  timeoutMs: number,
): Promise<{ fill: StoreFill; summary: ExecutionsSummary }> {
  const t0 = performance.now();
  const glueCalls: Record<string, number> = {};
  const pollGlueCalls: Record<string, number> = {};
  let polls = 0;
  let summary: ExecutionsSummary | undefined;
  for (let pass = 1; pass <= 3; pass++) {
    env.emulator.resetStats();
    const result = await runPass(
      env.client,
      RECONCILER_TASK,
      env.passes,
      timeoutMs,
    );
    addCalls(glueCalls, takeCalls(env.emulator));
    for (let i = 0; i < 5; i++) {
      polls++;
      const { body } = await getOk(env.client, path);
      addCalls(pollGlueCalls, takeCalls(env.emulator));
      summary = summarizeExecutions(body as ExecutionsBody);
      if (storeReady(summary, limit, jobs)) {
        const readyMs = Math.round(performance.now() - t0);
        return {
          fill: {
            pass: result,
            passes: pass,
            glueCalls,
            polls,
            pollGlueCalls,
            readyMs,
          },
          summary,
        };
      }
      await sleep(1000);
    }
  }
  throw new Error(
    `the store did not hold ${limit} executions covering ${jobs} jobs after 3 reconciler passes: ${JSON.stringify(
      { ...summary, problems: summary?.problems.slice(0, 5) },
    )}`,
  );
}

interface Sample {
  ms: number;
  calls: Record<string, number>;
  body: any;
}

/** One request, timed on the client, with the Glue calls the emulator saw during it. */
async function sample(env: ChainsEnv, path: string): Promise<Sample> {
  env.emulator.resetStats();
  const res = await getOk(env.client, path);
  return { ms: res.ms, calls: takeCalls(env.emulator), body: res.body };
}

function measureOf(samples: Sample[]): RouteMeasure {
  const calls = samples.reduce(
    (all, s) => addCalls(all, s.calls),
    {} as Record<string, number>,
  );
  return {
    ...latencySummary(samples.map(s => s.ms)),
    glueGetJobRun: calls.GetJobRun ?? 0,
    glueGetJobRuns: calls.GetJobRuns ?? 0,
    glueTotal: Object.values(calls).reduce((a, b) => a + b, 0),
    glueCalls: calls,
  };
}

/** K requests of each route, interleaved (chain, executions, chain, ...), one at a time. */
async function measureRoutes(
  env: ChainsEnv,
  paths: { chain: string; executions: string },
  requests: number,
): Promise<{ chain: Sample[]; executions: Sample[] }> {
  const chain: Sample[] = [];
  const executions: Sample[] = [];
  for (let i = 0; i < requests; i++) {
    chain.push(await sample(env, paths.chain));
    executions.push(await sample(env, paths.executions));
  }
  return { chain, executions };
}

function ratiosOf(
  executions: RouteMeasure,
  baseline: RouteMeasure,
): ChainsResult['ratios'] {
  return {
    p50VsChainP50: ratio(executions.p50, baseline.p50),
    p95VsChainP95: ratio(executions.p95, baseline.p95),
    p95VsBound: ratio(executions.p95, EXECUTIONS_BOUND_MS),
    maxVsBound: ratio(executions.max, EXECUTIONS_BOUND_MS),
  };
}

export async function runChainsBench(
  options: ChainsOptions,
): Promise<ChainsResult> {
  const { log } = options;
  const shape = options.shape ?? { width: 12, levels: 8 };
  const requests = options.requests ?? (options.quick ? 8 : 20);
  const limit = options.limit ?? 14;
  const latencyMs = options.latencyMs ?? 20;
  const nodes = scheduledChainNodes(shape);
  const expectedNodes = nodes.jobs + nodes.triggers;

  const t0 = performance.now();
  const env = await startChainsEnv(shape, latencyMs, log);
  try {
    const refs = await waitForJobs(env.client, nodes.jobs, 300_000);
    const ref = refs.get(LAST_JOB);
    if (!ref) throw new Error(`no entity for ${LAST_JOB}`);
    const paths = {
      chain: chainPath(ref, nodes.depth),
      executions: executionsPath(ref, limit),
    };
    const chain = await waitForChain(
      env.client,
      paths.chain,
      expectedNodes,
      120_000,
    );
    const catalogReadyMs = Math.round(performance.now() - t0);
    log(
      `chains: backend up in ${env.backend.startupMs} ms; chain of ${chain.nodes} nodes (expected ${expectedNodes}), ${chain.edges} edges after ${catalogReadyMs} ms`,
    );
    const { fill, summary } = await fillStore(
      env,
      paths.executions,
      limit,
      nodes.jobs,
      300_000,
    );
    log(
      `chains: store ready after ${fill.readyMs} ms (${fill.passes} reconciler pass(es), ${fill.pass.calls} Glue calls, ${fill.polls} polls): ${summary.executions} executions of ${summary.nodesPerExecution[0]} nodes`,
    );
    log(`chains: ${requests} requests per route, interleaved ...`);
    const samples = await measureRoutes(env, paths, requests);
    const baseline = measureOf(samples.chain);
    const executions = {
      ...measureOf(samples.executions),
      summary: summarizeExecutions(samples.executions.at(-1)!.body),
    };
    const ratios = ratiosOf(executions, baseline);
    log(
      `  chain-executions p50 ${executions.p50} ms, p95 ${executions.p95} ms, ${executions.glueTotal} Glue calls; chain p50 ${baseline.p50} ms; ratio ${ratios.p50VsChainP50}`,
    );
    return {
      shape,
      latencyMs,
      limit,
      expectedNodes,
      expectedJobs: nodes.jobs,
      depth: nodes.depth,
      backendStartupMs: env.backend.startupMs,
      catalogReadyMs,
      chain,
      fill,
      executions,
      baseline,
      boundMs: EXECUTIONS_BOUND_MS,
      ratios,
      targetMet:
        executions.glueTotal === 0 && executions.p95 <= EXECUTIONS_BOUND_MS,
    };
  } finally {
    await env.stop();
  }
}
