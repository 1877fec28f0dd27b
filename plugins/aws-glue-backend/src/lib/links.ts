/**
 * CloudWatch log links of Glue job runs: the log groups are
 * `/aws-glue/jobs/output` and `/aws-glue/jobs/error` (and `/aws-glue/jobs/logs-v2`
 * with continuous logging), the stream is named by the run id
 * (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging.html).
 * The console URLs are console conventions, not an API contract. Pure.
 */
import {
  consoleHost,
  glueConsoleUrls,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/**
 * The CloudWatch console's fragment encoding: URI-encode twice and write `%`
 * as `$`, so `/` becomes `$252F`.
 */
export function cloudWatchEncode(value: string): string {
  return encodeURIComponent(encodeURIComponent(value)).replace(/%/g, '$');
}

/**
 * A CloudWatch log group with its streams filtered by a prefix (a run's
 * streams all start with its run id). The group name and the prefix go
 * through `cloudWatchEncode` (URI-encoded twice, `%` written as `$`); the
 * `?logStreamNameFilter=` part is encoded once (`$3F`, `$3D`), as the console
 * itself writes it.
 */
export function logGroupStreamsUrl(
  partition: string,
  region: string,
  logGroup: string,
  streamPrefix: string,
): string {
  return `${logGroupUrl(
    partition,
    region,
    logGroup,
  )}$3FlogStreamNameFilter$3D${cloudWatchEncode(streamPrefix)}`;
}

/** A CloudWatch log group in the console. */
function logGroupUrl(partition: string, region: string, logGroup: string) {
  return `${consoleHost(
    partition,
    region,
  )}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${cloudWatchEncode(
    logGroup,
  )}`;
}

/** One log stream in the CloudWatch console. */
export function logStreamUrl(
  partition: string,
  region: string,
  logGroup: string,
  logStream: string,
): string {
  return `${logGroupUrl(
    partition,
    region,
    logGroup,
  )}/log-events/${cloudWatchEncode(logStream)}`;
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
    console: glueConsoleUrls.jobRun(partition, region, jobName, runId),
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
