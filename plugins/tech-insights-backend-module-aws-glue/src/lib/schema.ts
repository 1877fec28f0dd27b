import { FactSchema } from '@backstage-community/plugin-tech-insights-common';

/**
 * The id of the fact retriever, and of its facts in checks' `factIds`.
 *
 * @public
 */
export const AWS_GLUE_JOB_FACTS_ID = 'aws-glue-job-facts';

/**
 * The facts of each Glue job entity. Windows are rolling (the last 7 or 30
 * days when the retriever ran); a value that cannot be known is `null`.
 *
 * @public
 */
export const awsGlueJobFactSchema: FactSchema = {
  runs7d: {
    type: 'integer',
    description: 'Finished runs that started in the last 7 days',
  },
  runs30d: {
    type: 'integer',
    description: 'Finished runs that started in the last 30 days',
  },
  successRate7d: {
    type: 'float',
    description:
      'Succeeded / (succeeded + failed, timed out, errored, expired) over the runs of the last 7 days, 0..1; null without such runs',
  },
  successRate30d: {
    type: 'float',
    description:
      'As successRate7d, over the last 30 days; null without such runs',
  },
  p95DurationSeconds30d: {
    type: 'float',
    description:
      '95th percentile of the durations of the finished runs of the last 30 days, in seconds; null without runs',
  },
  dpuHours30d: {
    type: 'float',
    description: 'DPU-hours of the finished runs of the last 30 days',
  },
  cost30d: {
    type: 'float',
    description:
      'Estimated cost of the finished runs of the last 30 days (awsGlue.pricing), in `currency`',
  },
  currency: { type: 'string', description: 'ISO currency code of cost30d' },
  daysSinceLastSuccess: {
    type: 'float',
    description:
      'Days since the newest succeeded run ended; null when the run index has none',
  },
  readsIncrementalSource: {
    type: 'boolean',
    description: 'The job reads an S3 prefix or a Data Catalog table (lineage)',
  },
  bookmarkEnabled: {
    type: 'boolean',
    description: "The job's --job-bookmark-option is job-bookmark-enable",
  },
  maxRetries: {
    type: 'integer',
    description:
      'How often Glue retries a failed run (MaxRetries, 0 when unset)',
  },
  timeoutMinutes: {
    type: 'integer',
    description:
      "The job's timeout in minutes (Glue's default 2880 = 48 h when unset)",
  },
  ownerIsGroup: {
    type: 'boolean',
    description: "The entity's spec.owner is a Group entity in the catalog",
  },
};
