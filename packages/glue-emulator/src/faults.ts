/*
 * Fault injection for tests and benchmarks: latency, throttling, random 5xx and
 * outages per operation / region / account. Random decisions come from a PRNG
 * seeded with the fault seed, so a run of requests is reproducible.
 */
import { z } from 'zod';
import { GlueError } from './errors';
import { createRng, Rng } from './random';

export interface LatencyOptions {
  /** Added to every call (ms). */
  fixedMs?: number;
  /** Plus a uniform random 0..jitterMs (ms). */
  jitterMs?: number;
}

/** Calls matching every given field fail. */
export interface OutageOptions {
  /** Operation name, e.g. `GetJobRuns` (all operations when absent). */
  operation?: string;
  region?: string;
  account?: string;
  /** HTTP status (default 500). */
  status?: number;
  /** Error type (default InternalServiceException). */
  errorType?: string;
  message?: string;
}

export interface FaultOptions {
  latency?: LatencyOptions;
  /** Probability (0..1) of ThrottlingException (400, "Rate exceeded"). */
  throttleRate?: number;
  /** Probability (0..1) of InternalServiceException (500). */
  errorRate?: number;
  outages?: OutageOptions[];
  /** Seed of the fault PRNG (default 1). */
  seed?: number;
}

export const faultOptionsSchema = z
  .object({
    latency: z
      .object({
        fixedMs: z.number().min(0).optional(),
        jitterMs: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
    throttleRate: z.number().min(0).max(1).optional(),
    errorRate: z.number().min(0).max(1).optional(),
    outages: z
      .array(
        z
          .object({
            operation: z.string().optional(),
            region: z.string().optional(),
            account: z.string().optional(),
            status: z.number().int().min(400).max(599).optional(),
            errorType: z.string().optional(),
            message: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    seed: z.number().int().optional(),
  })
  .strict();

/** What a call is, for fault decisions. */
export interface CallInfo {
  operation: string;
  region: string;
  account: string;
  service: 'glue' | 'tagging' | 'logs';
}

export interface FaultDecision {
  delayMs: number;
  error?: GlueError;
}

export class FaultInjector {
  private options: FaultOptions = {};
  private rng: Rng = createRng(1);

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  get(): FaultOptions {
    return JSON.parse(JSON.stringify(this.options));
  }

  /** Replaces the given top-level settings (others are kept). */
  set(options: FaultOptions) {
    const parsed = faultOptionsSchema.parse(options) as FaultOptions;
    this.options = { ...this.options, ...parsed };
    if (parsed.seed !== undefined) {
      this.rng = createRng(parsed.seed);
    }
  }

  /** Clears every fault. */
  reset() {
    this.options = { seed: this.options.seed };
    this.rng = createRng(this.options.seed ?? 1);
  }

  decide(call: CallInfo): FaultDecision {
    const { latency, throttleRate, errorRate, outages } = this.options;
    const delayMs =
      (latency?.fixedMs ?? 0) +
      (latency?.jitterMs ? this.rng() * latency.jitterMs : 0);
    const outage = outages?.find(
      o =>
        (o.operation === undefined || o.operation === call.operation) &&
        (o.region === undefined || o.region === call.region) &&
        (o.account === undefined || o.account === call.account),
    );
    if (outage) {
      const status = outage.status ?? 500;
      return {
        delayMs,
        error: new GlueError(
          outage.errorType ??
            (status >= 500
              ? 'InternalServiceException'
              : 'ServiceUnavailableException'),
          outage.message ??
            `Emulated outage of ${call.operation} in ${call.account}/${call.region}`,
          status,
        ),
      };
    }
    if (throttleRate && this.rng() < throttleRate) {
      return {
        delayMs,
        error: new GlueError(
          call.service === 'tagging'
            ? 'ThrottledException'
            : 'ThrottlingException',
          'Rate exceeded',
        ),
      };
    }
    if (errorRate && this.rng() < errorRate) {
      return {
        delayMs,
        error: new GlueError(
          'InternalServiceException',
          'Internal service error (emulated)',
          500,
        ),
      };
    }
    return { delayMs };
  }
}
