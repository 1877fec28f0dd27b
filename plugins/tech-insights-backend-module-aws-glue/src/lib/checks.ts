/**
 * The default AWS Glue checks, in the shape the JSON rules engine fact
 * checker (`@backstage-community/plugin-tech-insights-backend-module-jsonfc`)
 * reads from `techInsights.factChecker.checks`. Pure.
 */
import { GLUE_DEFAULT_TIMEOUT_MINUTES } from '@aws-glue-backstage/plugin-aws-glue-common';
import { AWS_GLUE_JOB_FACTS_ID } from './schema';

/**
 * Every AWS Glue check id starts so (the job page shows those).
 *
 * @public
 */
export const AWS_GLUE_CHECK_ID_PREFIX = 'aws-glue-';

/**
 * The thresholds of the default checks; p95 and cost checks are added only when set.
 *
 * @public
 */
export interface AwsGlueCheckThresholds {
  /** Least success rate over 7 days (0..1). Default 0.9. */
  successRate7d: number;
  /** Least success rate over 30 days (0..1). Default 0.95. */
  successRate30d: number;
  /** Most days since the last success. Default 2. */
  daysSinceLastSuccess: number;
  /** Least MaxRetries. Default 1. */
  minRetries: number;
  /** The timeout must be below this many minutes. Default 2880 (Glue's 48 h default). */
  timeoutBelowMinutes: number;
  /** Optional: most p95 duration over 30 days, in seconds. */
  p95DurationSeconds?: number;
  /** Optional: most estimated cost over 30 days. */
  cost30d?: number;
}

export const DEFAULT_THRESHOLDS: AwsGlueCheckThresholds = {
  successRate7d: 0.9,
  successRate30d: 0.95,
  daysSinceLastSuccess: 2,
  minRetries: 1,
  timeoutBelowMinutes: GLUE_DEFAULT_TIMEOUT_MINUTES,
};

/**
 * One condition of a default check: a fact, a json-rules-engine operator and
 * the value to compare with.
 *
 * @public
 */
export type AwsGlueCheckCondition = {
  fact: string;
  operator: string;
  value: unknown;
};

function check(
  name: string,
  description: string,
  conditions:
    | { all: AwsGlueCheckCondition[] }
    | { any: AwsGlueCheckCondition[] },
) {
  return {
    type: 'json-rules-engine',
    name,
    description,
    factIds: [AWS_GLUE_JOB_FACTS_ID],
    rule: { conditions },
  };
}

const fact = (
  name: string,
  operator: string,
  value: unknown,
): AwsGlueCheckCondition => ({
  fact: name,
  operator,
  value,
});

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** At least `rate` of the finished runs of the last `days` succeeded; passes without runs. */
function successRateCheck(days: 7 | 30, rate: number) {
  return check(
    `Glue success rate (${days} days)`,
    `At least ${percent(
      rate,
    )} of the job's finished runs of the last ${days} days succeeded (passes when it had none)`,
    {
      any: [
        fact(`runs${days}d`, 'equal', 0),
        fact(`successRate${days}d`, 'greaterThanInclusive', rate),
      ],
    },
  );
}

/**
 * The default checks, keyed by id as `techInsights.factChecker.checks`
 * holds them: paste `{ techInsights: { factChecker: { checks: ... } } }`
 * into app-config (the README has the YAML).
 *
 * @public
 */
export function awsGlueDefaultChecks(
  thresholds: Partial<AwsGlueCheckThresholds> = {},
) {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const checks: Record<string, ReturnType<typeof check>> = {
    'aws-glue-success-rate-7d': successRateCheck(7, t.successRate7d),
    'aws-glue-success-rate-30d': successRateCheck(30, t.successRate30d),
    'aws-glue-last-success': check(
      'Glue job succeeded recently',
      `The job's last successful run ended at most ${t.daysSinceLastSuccess} days ago (fails when no success is on record)`,
      {
        all: [
          fact(
            'daysSinceLastSuccess',
            'lessThanInclusive',
            t.daysSinceLastSuccess,
          ),
        ],
      },
    ),
    'aws-glue-bookmark': check(
      'Glue job bookmark for incremental sources',
      'A job that reads an S3 prefix or a Data Catalog table has --job-bookmark-option job-bookmark-enable',
      {
        any: [
          fact('readsIncrementalSource', 'equal', false),
          fact('bookmarkEnabled', 'equal', true),
        ],
      },
    ),
    'aws-glue-retries': check(
      'Glue job retries configured',
      `The job retries a failed run at least ${t.minRetries} time(s) (MaxRetries >= ${t.minRetries})`,
      { all: [fact('maxRetries', 'greaterThanInclusive', t.minRetries)] },
    ),
    'aws-glue-timeout': check(
      'Glue job timeout set',
      `The job's timeout is below ${t.timeoutBelowMinutes} minutes (Glue's default is ${GLUE_DEFAULT_TIMEOUT_MINUTES} minutes = 48 h)`,
      { all: [fact('timeoutMinutes', 'lessThan', t.timeoutBelowMinutes)] },
    ),
    'aws-glue-owner-group': check(
      'Glue job owned by a group',
      "The job's spec.owner is a Group entity in the catalog",
      { all: [fact('ownerIsGroup', 'equal', true)] },
    ),
  };
  if (t.p95DurationSeconds !== undefined) {
    checks['aws-glue-p95-duration'] = check(
      'Glue job p95 duration',
      `95% of the job's finished runs of the last 30 days took at most ${t.p95DurationSeconds} seconds (passes when it had none)`,
      {
        any: [
          fact('runs30d', 'equal', 0),
          fact(
            'p95DurationSeconds30d',
            'lessThanInclusive',
            t.p95DurationSeconds,
          ),
        ],
      },
    );
  }
  if (t.cost30d !== undefined) {
    checks['aws-glue-cost-30d'] = check(
      'Glue job cost (30 days)',
      `The job's estimated cost over the last 30 days is at most ${t.cost30d} (in the currency of awsGlue.pricing)`,
      { all: [fact('cost30d', 'lessThanInclusive', t.cost30d)] },
    );
  }
  return checks;
}
