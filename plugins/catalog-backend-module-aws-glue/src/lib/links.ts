/** The AWS console host for a partition and region. */
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

const enc = encodeURIComponent;

/** Console routes (conventions, not an API contract; glue-api.md §9.3). */
export const consoleLinks = {
  job: (partition: string, region: string, name: string) =>
    `${consoleHost(
      partition,
      region,
    )}/gluestudio/home?region=${region}#/editor/job/${enc(name)}/details`,
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
  connections: (partition: string, region: string) =>
    `${consoleHost(
      partition,
      region,
    )}/glue/home?region=${region}#/v2/data-catalog/connections`,
  table: (partition: string, region: string, database: string, table: string) =>
    `${consoleHost(
      partition,
      region,
    )}/glue/home?region=${region}#/v2/data-catalog/tables/view/${enc(
      table,
    )}?database=${enc(database)}`,
  s3: (partition: string, region: string, location: string) => {
    const [, bucket, prefix] = /^s3:\/\/([^/]+)\/(.*)$/.exec(location) ?? [];
    const host =
      partition === 'aws'
        ? 'https://s3.console.aws.amazon.com'
        : consoleHost(partition, region);
    return `${host}/s3/buckets/${enc(bucket ?? '')}?prefix=${enc(
      prefix ?? '',
    )}`;
  },
  script: (partition: string, region: string, location: string) => {
    const match = /^s3:\/\/([^/]+)\/(.+)$/i.exec(location);
    if (!match || partition !== 'aws') return undefined;
    return `https://s3.console.aws.amazon.com/s3/object/${enc(
      match[1],
    )}?region=${region}&prefix=${enc(match[2])}`;
  },
};
