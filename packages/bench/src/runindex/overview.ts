/*
 * The fleet overview route (`GET /api/aws-glue/v1/jobs`) under sequential
 * and concurrent requests, timed on the client over loopback, beside the
 * backend's readiness route measured the same way in the same run, with
 * the Glue calls the emulator saw meanwhile (target 0: the route reads the
 * catalog and the run store only). No reconciler pass runs meanwhile (the
 * bench triggers every pass) and no run is started.
 */
import { performance } from 'node:perf_hooks';
import { get, HttpClient } from '../lib/http';
import { LatencySummary, summarize } from './analysis';
import type { RunIndexEnv } from './environment';

export interface OverviewCase {
  name: string;
  path: string;
}

export const overviewCases = (): OverviewCase[] => [
  { name: 'limit=100', path: '/api/aws-glue/v1/jobs?limit=100' },
  { name: 'limit=500', path: '/api/aws-glue/v1/jobs?limit=500' },
  { name: 'q=orders', path: '/api/aws-glue/v1/jobs?q=orders&limit=100' },
  {
    name: 'state=FAILED',
    path: '/api/aws-glue/v1/jobs?state=FAILED&limit=100',
  },
];

export const READINESS: OverviewCase = {
  name: 'readiness (baseline)',
  path: '/.backstage/health/v1/readiness',
};

export interface CaseResult {
  name: string;
  path: string;
  /** The first request (after start-up and the backfill; nothing cached). */
  firstMs: number;
  sequential: LatencySummary;
  concurrent: LatencySummary & { clients: number; wallMs: number };
  errors: number;
  errorSamples: string[];
  /** Of the route's answer: jobs on the page, matching jobs, bytes. */
  jobsOnPage?: number;
  totalCount?: number;
  bytes: number;
  /** p95 (sequential and concurrent, the larger) / the 1 s target. */
  p95VsTarget?: number;
}

async function load(
  client: HttpClient,
  path: string,
  clients: number,
  perClient: number,
  errors: { count: number; samples: string[] },
): Promise<{ latencies: number[]; wallMs: number; last?: any }> {
  const latencies: number[] = [];
  let last: any;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        try {
          const res = await get(client, path);
          latencies.push(res.ms);
          if (res.status !== 200) {
            errors.count++;
            if (errors.samples.length < 3) {
              errors.samples.push(
                `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
              );
            }
          } else last = { body: res.body, bytes: res.bytes };
        } catch (error) {
          errors.count++;
          if (errors.samples.length < 3) errors.samples.push(String(error));
        }
      }
    }),
  );
  return { latencies, wallMs: performance.now() - t0, last };
}

export async function measureCase(
  client: HttpClient,
  c: OverviewCase,
  sequential: number,
  clients: number,
  perClient: number,
): Promise<CaseResult> {
  const errors = { count: 0, samples: [] as string[] };
  const first = await load(client, c.path, 1, 1, errors);
  await load(client, c.path, 1, 1, errors); // warm-up, not counted
  const seq = await load(client, c.path, 1, sequential, errors);
  const conc = await load(client, c.path, clients, perClient, errors);
  const body = seq.last?.body;
  const seqSummary = summarize(seq.latencies);
  const concSummary = summarize(conc.latencies);
  const isFleet = c.path.startsWith('/api/aws-glue/');
  return {
    name: c.name,
    path: c.path,
    firstMs: Math.round(first.latencies[0] ?? 0),
    sequential: seqSummary,
    concurrent: { ...concSummary, clients, wallMs: Math.round(conc.wallMs) },
    errors: errors.count,
    errorSamples: errors.samples,
    jobsOnPage: isFleet ? body?.jobs?.length : undefined,
    totalCount: isFleet ? body?.totalCount : undefined,
    bytes: seq.last?.bytes ?? 0,
    p95VsTarget: isFleet
      ? Math.round((Math.max(seqSummary.p95, concSummary.p95) / 1000) * 100) /
        100
      : undefined,
  };
}

export interface OverviewResult {
  cases: CaseResult[];
  baseline: CaseResult;
  sequentialRequests: number;
  clients: number;
  perClient: number;
  /** Glue calls the emulator counted from the first to the last request. */
  glueCalls: Record<string, number>;
  glueTotal: number;
  /** Reconciler passes that ended and events emitted meanwhile (both 0 expected). */
  passesDuring: number;
  eventsDuring: number;
  wallMs: number;
}

export async function runOverview(
  env: RunIndexEnv,
  options: { sequential: number; clients: number; perClient: number },
  log: (line: string) => void,
): Promise<OverviewResult> {
  const passes0 = env.passes.length;
  const events0 = env.emitted.length;
  env.emulator.resetStats();
  const t0 = performance.now();
  const baseline = await measureCase(
    env.client,
    READINESS,
    options.sequential,
    options.clients,
    options.perClient,
  );
  const cases: CaseResult[] = [];
  for (const c of overviewCases()) {
    const result = await measureCase(
      env.client,
      c,
      options.sequential,
      options.clients,
      options.perClient,
    );
    log(
      `  ${c.name}: sequential p50 ${result.sequential.p50} / p95 ${result.sequential.p95} ms, ${options.clients} concurrent p50 ${result.concurrent.p50} / p95 ${result.concurrent.p95} ms, ${result.totalCount} jobs match, ${result.bytes} bytes`,
    );
    cases.push(result);
  }
  const stats = env.emulator.stats();
  return {
    cases,
    baseline,
    sequentialRequests: options.sequential,
    clients: options.clients,
    perClient: options.perClient,
    glueCalls: { ...stats.calls },
    glueTotal: stats.total,
    passesDuring: env.passes.length - passes0,
    eventsDuring: env.emitted.length - events0,
    wallMs: Math.round(performance.now() - t0),
  };
}
