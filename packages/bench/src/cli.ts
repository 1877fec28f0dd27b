/*
 * `node packages/bench/bin/bench [--quick] [--only sync|ingestion|drills|routes|chains|runindex]`:
 * runs the sections, prints one table per section with the machine, and
 * writes everything to bench/results/<timestamp>.json at the repo root.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { describeMachine, machineInfo } from './lib/machine';
import { runSyncBench } from './sync/syncBench';
import { formatSyncTable } from './sync/report';
import { fmtMs } from './lib/table';

export const SECTIONS = [
  'sync',
  'ingestion',
  'drills',
  'routes',
  'chains',
  'runindex',
] as const;
export type Section = (typeof SECTIONS)[number];

/** What a plain run does: runindex (25-40 min), chains and drills are opt-in. */
export const DEFAULT_SECTIONS: Section[] = ['sync', 'ingestion', 'routes'];

export const HELP = `bench — benchmarks and drills for the AWS Glue catalog module

Usage: node packages/bench/bin/bench [options]

  --quick               small matrix for a smoke run (1,000 jobs at 0 and 20 ms; ingestion of 1,000 jobs)
  --only SECTION        sync | ingestion | drills | routes | chains | runindex (repeatable, or
                        comma-separated); default: sync, ingestion and routes (runindex takes 25-40 min,
                        --quick 2-4.5 min; drills need PostgreSQL and take minutes; chains, the
                        chain-executions route of a 196-node chain from the run index, about a minute)
  --run-index-drill     with --quick, also run the two-replica run-index drill after the
                        replica drill (about 2 min more; without --quick it always runs)
  --runs N              refreshes per sync case (the first is cold; default 3, quick 2)
  --sizes A,B,...       sync account sizes in jobs (default 1000,5000,20000)
  --latencies A,B,...   sync emulated latencies in ms (default 0,20,50)
  --ingestion-jobs N    jobs in the ingestion account (default 5000, quick 1000)
  --runindex-jobs A,B   run-index account sizes in jobs (default 2000,20000; quick 2000)
  --profile             write V8 CPU profiles of the sync workers (and of the backend serving
                        the fleet route) next to the results
  --out DIR             results directory (default bench/results at the repo root)
  -h, --help            this help

Targets: sync API calls <= 1.05x the minimum, sync wall time <= 1.25x the latency
lower bound, catalog ingestion through the provider <= 1.2x the static-file baseline,
routes: at most one Glue GetJobRuns per job per cache TTL under 50 concurrent clients;
chains: chain-executions (14 executions) p95 <= 1 s with 0 Glue calls once stored;
run index: fleet route p95 <= 1 s with 0 Glue calls, event to store p95 <= 2 s, no run
missing after one reconciler pass with 30% of events dropped, a quiet pass <= 1.05 Glue
calls per job; drills: exactly once across two replicas (syncs, run-index notifications).
No target is asserted: the tables say what was met and by how much one was missed.
`;

export interface BenchOptions {
  sections: Section[];
  quick: boolean;
  runs: number;
  sizes: number[];
  latencies: number[];
  ingestionJobs: number;
  runIndexJobs: number[];
  /** Run the two-replica run-index drill in the drills section (always without --quick). */
  runIndexDrill: boolean;
  profile: boolean;
  outDir: string;
}

// The bench only runs from source (bin/bench + the node transform), never built.
// eslint-disable-next-line no-restricted-syntax
const repoRoot = path.resolve(__dirname, '../../..');

function numbers(value: string, flag: string): number[] {
  return value.split(',').map(v => {
    const n = Number(v.trim());
    if (!Number.isFinite(n) || n < 0) {
      throw new Error(`${flag}: '${v}' is not a non-negative number`);
    }
    return n;
  });
}

export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      runs: { type: 'string' },
      sizes: { type: 'string' },
      latencies: { type: 'string' },
      'ingestion-jobs': { type: 'string' },
      'runindex-jobs': { type: 'string' },
      'run-index-drill': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const quick = !!values.quick;
  const only = (values.only ?? []).flatMap(v => v.split(',')).filter(Boolean);
  for (const s of only) {
    if (!(SECTIONS as readonly string[]).includes(s)) {
      throw new Error(
        `--only: unknown section '${s}' (use ${SECTIONS.join(', ')})`,
      );
    }
  }
  const pick = <T>(given: T | undefined, quickValue: T, fullValue: T): T => {
    if (given !== undefined) return given;
    return quick ? quickValue : fullValue;
  };
  return {
    sections: only.length ? (only as Section[]) : DEFAULT_SECTIONS,
    quick,
    runs: pick(
      values.runs ? numbers(values.runs, '--runs')[0] : undefined,
      2,
      3,
    ),
    sizes: pick(
      values.sizes ? numbers(values.sizes, '--sizes') : undefined,
      [1000],
      [1000, 5000, 20000],
    ),
    latencies: pick(
      values.latencies ? numbers(values.latencies, '--latencies') : undefined,
      [0, 20],
      [0, 20, 50],
    ),
    ingestionJobs: pick(
      values['ingestion-jobs']
        ? numbers(values['ingestion-jobs'], '--ingestion-jobs')[0]
        : undefined,
      1000,
      5000,
    ),
    runIndexJobs: pick(
      values['runindex-jobs']
        ? numbers(values['runindex-jobs'], '--runindex-jobs')
        : undefined,
      [2000],
      [2000, 20000],
    ),
    runIndexDrill: !quick || !!values['run-index-drill'],
    profile: !!values.profile,
    outDir: values.out
      ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
      : path.join(repoRoot, 'bench/results'),
  };
}

export async function runCli(argv: string[]): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const started = new Date();
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const machine = machineInfo();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  mkdirSync(options.outDir, { recursive: true });
  const report: Record<string, unknown> = {
    startedAt: started.toISOString(),
    machine,
    options: { ...options, outDir: undefined },
  };
  const outFile = path.join(options.outDir, `${stamp}.json`);
  const save = () =>
    writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  const print = (title: string, body: string) =>
    process.stdout.write(
      `\n## ${title}\n${describeMachine(machine)}\n\n${body}\n`,
    );

  let failed = false;
  for (const section of options.sections) {
    try {
      if (section === 'sync') {
        const results = await runSyncBench({
          sizes: options.sizes,
          latencies: options.latencies,
          runs: Math.max(1, options.runs),
          seed: 1,
          profileDir: options.profile
            ? path.join(options.outDir, `${stamp}-profiles`)
            : undefined,
          log,
        });
        report.sync = results;
        print('Sync read + transform', formatSyncTable(results));
      }
      if (section === 'ingestion') {
        const { runIngestionBench } =
          require('./ingestion/ingestionBench') as typeof import('./ingestion/ingestionBench');
        const { formatIngestionTable } =
          require('./ingestion/report') as typeof import('./ingestion/report');
        const results = await runIngestionBench({
          jobs: options.ingestionJobs,
          log,
        });
        report.ingestion = results;
        print(
          'Catalog ingestion: provider vs static file',
          formatIngestionTable(results),
        );
      }
      if (section === 'drills') {
        const { runReplicaDrill } =
          require('./drills/replicaDrill') as typeof import('./drills/replicaDrill');
        const { formatDrillReport } =
          require('./drills/report') as typeof import('./drills/report');
        const drillStart = performance.now();
        const results = await runReplicaDrill({ quick: options.quick, log });
        const drillMs = Math.round(performance.now() - drillStart);
        report.drills = { ...results, durationMs: drillMs };
        print(
          'Drill: two replicas on one PostgreSQL',
          `${formatDrillReport(results)}\n(drill wall time ${fmtMs(drillMs)})`,
        );
        if (!results.passed) failed = true;
        save();
        if (!options.runIndexDrill) {
          report.runIndexDrill = {
            skipped: 'not in --quick (about 2 min); add --run-index-drill',
          };
          print(
            'Drill: the run index on two replicas (events, reconciler, notifications)',
            'SKIPPED: not part of --quick (it adds about 2 min); run `npm run drills` without --quick, or add --run-index-drill',
          );
        } else {
          const { runRunIndexDrill } =
            require('./drills/runIndexDrill') as typeof import('./drills/runIndexDrill');
          const { formatRunIndexDrillReport } =
            require('./drills/runIndexReport') as typeof import('./drills/runIndexReport');
          const indexStart = performance.now();
          const indexDrill = await runRunIndexDrill({
            quick: options.quick,
            log,
          });
          const indexMs = Math.round(performance.now() - indexStart);
          report.runIndexDrill = { ...indexDrill, durationMs: indexMs };
          print(
            'Drill: the run index on two replicas (events, reconciler, notifications)',
            `${formatRunIndexDrillReport(indexDrill)}\n(drill wall time ${fmtMs(
              indexMs,
            )})`,
          );
          if (!indexDrill.passed) failed = true;
        }
      }
      if (section === 'routes') {
        const { runRoutesBench } =
          require('./routes/routesBench') as typeof import('./routes/routesBench');
        const { formatRoutesTables } =
          require('./routes/report') as typeof import('./routes/report');
        const results = await runRoutesBench({ quick: options.quick, log });
        report.routes = results;
        print(
          'AWS Glue backend routes: run history and chain',
          formatRoutesTables(results),
        );
      }
      if (section === 'chains') {
        const { runChainsBench } =
          require('./chains/chainsBench') as typeof import('./chains/chainsBench');
        const { formatChainsTables } =
          require('./chains/report') as typeof import('./chains/report');
        const results = await runChainsBench({ quick: options.quick, log });
        report.chains = results;
        print(
          'AWS Glue backend: chain executions from the run index',
          formatChainsTables(results),
        );
      }
      if (section === 'runindex') {
        const { runRunIndexBench } =
          require('./runindex/runIndexBench') as typeof import('./runindex/runIndexBench');
        const { formatRunIndexTables } =
          require('./runindex/report') as typeof import('./runindex/report');
        const results = await runRunIndexBench({
          quick: options.quick,
          log,
          sizes: options.runIndexJobs,
          profile: options.profile,
          profileDir: path.join(options.outDir, `${stamp}-profiles`),
        });
        report.runindex = results;
        print(
          'AWS Glue run index: fleet route, feeds, reconciler',
          formatRunIndexTables(results),
        );
      }
    } catch (error) {
      failed = true;
      report[`${section}Error`] = String((error as Error).stack ?? error);
      log(
        `bench: section ${section} failed: ${(error as Error).stack ?? error}`,
      );
    }
    save();
  }
  report.finishedAt = new Date().toISOString();
  save();
  process.stdout.write(`\nresults: ${path.relative(process.cwd(), outFile)}\n`);
  return failed ? 1 : 0;
}
