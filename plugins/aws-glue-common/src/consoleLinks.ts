/*
 * AWS console links. These are the console's own routes, not an API
 * contract: AWS may change them without notice.
 */

const enc = encodeURIComponent;

/**
 * The AWS console host for a partition and region.
 *
 * @public
 */
export function consoleHost(partition: string, region: string): string {
  switch (partition) {
    case 'aws-cn':
      return `https://${region}.console.amazonaws.cn`;
    case 'aws-us-gov':
      return `https://${region}.console.amazonaws-us-gov.com`;
    default:
      return `https://${region}.console.aws.amazon.com`;
  }
}

/**
 * Console pages of Glue resources.
 *
 * @public
 */
export const glueConsoleUrls = {
  job: (partition: string, region: string, name: string) =>
    `${consoleHost(
      partition,
      region,
    )}/gluestudio/home?region=${region}#/editor/job/${enc(name)}/details`,
  jobRun: (partition: string, region: string, name: string, runId: string) =>
    `${consoleHost(
      partition,
      region,
    )}/gluestudio/home?region=${region}#/job/${enc(name)}/run/${enc(runId)}`,
  trigger: (partition: string, region: string, name: string) =>
    `${consoleHost(
      partition,
      region,
    )}/glue/home?region=${region}#/v2/etl-configuration/triggers/view/${enc(
      name,
    )}`,
  workflow: (partition: string, region: string, name: string) =>
    `${consoleHost(
      partition,
      region,
    )}/glue/home?region=${region}#/v2/etl-configuration/workflows/view/${enc(
      name,
    )}`,
  crawler: (partition: string, region: string, name: string) =>
    `${consoleHost(
      partition,
      region,
    )}/glue/home?region=${region}#/v2/data-catalog/crawlers/view/${enc(name)}`,
  table: (partition: string, region: string, database: string, table: string) =>
    `${consoleHost(
      partition,
      region,
    )}/glue/home?region=${region}#/v2/data-catalog/tables/view/${enc(
      table,
    )}?database=${enc(database)}`,
  connections: (partition: string, region: string) =>
    `${consoleHost(
      partition,
      region,
    )}/glue/home?region=${region}#/v2/data-catalog/connections`,
};

/**
 * The S3 console page of an `s3://bucket/key` location: the folder view for
 * a prefix (empty key or ending in `/`), the object view otherwise.
 * `undefined` for anything else, and outside the `aws` partition.
 *
 * @public
 */
export function s3ConsoleUrl(
  partition: string,
  region: string,
  location: string | undefined,
): string | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(location ?? '');
  if (!match || partition !== 'aws') return undefined;
  const [, bucket, key] = match;
  const view = !key || key.endsWith('/') ? 'buckets' : 'object';
  return `https://s3.console.aws.amazon.com/s3/${view}/${enc(
    bucket,
  )}?region=${region}&prefix=${enc(key)}`;
}
