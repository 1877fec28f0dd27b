/**
 * Benchmarks and fault drills for the AWS Glue catalog module. Run with
 * `node packages/bench/bin/bench`; see the README.
 *
 * @packageDocumentation
 */

export { runCli, parseBenchArgs, HELP, SECTIONS } from './cli';
export type { BenchOptions, Section } from './cli';
export {
  API_MAX_PAGE_SIZES,
  arnListCalls,
  countFixture,
  countRegion,
  latencyLowerBound,
  minimumCalls,
  pages,
  previousLatencyLowerBound,
  previousMinimumCalls,
  sequentialChains,
  TAGGING_CONCURRENCY,
  taggingThroughputFloor,
  totalCalls,
} from './plan';
export type { AccountCounts } from './plan';
export { verdict } from './lib/verdict';
