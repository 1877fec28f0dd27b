/**
 * AWS console links for Glue jobs, runs and their CloudWatch logs. These are
 * console conventions, not an API contract (glue-api.md §9.2, §9.3). Pure.
 */

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

/**
 * The CloudWatch console's fragment encoding: URI-encode twice and write `%`
 * as `$`, so `/` becomes `$252F` (glue-api.md §9.2).
 */
export function cloudWatchEncode(value: string): string {
  return encodeURIComponent(encodeURIComponent(value)).replace(/%/g, '$');
}

/** A job's page in Glue Studio. */
export function jobConsoleUrl(
  partition: string,
  region: string,
  jobName: string,
): string {
  return `${consoleHost(
    partition,
    region,
  )}/gluestudio/home?region=${region}#/editor/job/${encodeURIComponent(
    jobName,
  )}/details`;
}

/** A job run's page in Glue Studio. */
export function jobRunConsoleUrl(
  partition: string,
  region: string,
  jobName: string,
  runId: string,
): string {
  return `${consoleHost(
    partition,
    region,
  )}/gluestudio/home?region=${region}#/job/${encodeURIComponent(
    jobName,
  )}/run/${encodeURIComponent(runId)}`;
}

/**
 * A CloudWatch log group with its streams filtered by a prefix (a run's
 * streams all start with its run id). The group name is encoded as in
 * §9.2; the `?logStreamNameFilter=` part is encoded once (`$3F`, `$3D`),
 * as the console itself writes it.
 */
export function logGroupStreamsUrl(
  partition: string,
  region: string,
  logGroup: string,
  streamPrefix: string,
): string {
  return `${consoleHost(
    partition,
    region,
  )}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${cloudWatchEncode(
    logGroup,
  )}$3FlogStreamNameFilter$3D${cloudWatchEncode(streamPrefix)}`;
}

/** The default log group prefix of Glue jobs. */
export const DEFAULT_LOG_GROUP_PREFIX = '/aws-glue/jobs';

/**
 * The console link of a run and its CloudWatch output and error logs:
 * `<LogGroupName or /aws-glue/jobs>/output` and `/error`, filtered to the
 * run's streams.
 */
export function jobRunLinks(options: {
  partition: string;
  region: string;
  jobName: string;
  runId: string;
  logGroupName?: string;
}): { console: string; logs: { title: string; url: string }[] } {
  const { partition, region, jobName, runId } = options;
  const prefix = (options.logGroupName || DEFAULT_LOG_GROUP_PREFIX).replace(
    /\/+$/,
    '',
  );
  return {
    console: jobRunConsoleUrl(partition, region, jobName, runId),
    logs: [
      {
        title: 'Output logs',
        url: logGroupStreamsUrl(partition, region, `${prefix}/output`, runId),
      },
      {
        title: 'Error logs',
        url: logGroupStreamsUrl(partition, region, `${prefix}/error`, runId),
      },
    ],
  };
}
