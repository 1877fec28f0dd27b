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
  countFixture,
  countRegion,
  latencyLowerBound,
  minimumCalls,
  pages,
  sequentialChains,
  totalCalls,
} from './plan';
export type { AccountCounts } from './plan';
export { verdict } from './lib/verdict';
