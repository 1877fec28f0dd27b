import { parseGlueArn } from '@aws-glue-backstage/plugin-aws-glue-common';

/** The S3 console page of a job's script, or `undefined` outside the `aws` partition. */
export function scriptConsoleUrl(
  jobArn: string,
  scriptLocation: string | undefined,
): string | undefined {
  const arn = parseGlueArn(jobArn);
  const match = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(scriptLocation ?? '');
  if (!arn || !match || arn.partition !== 'aws') return undefined;
  const [, bucket, key] = match;
  const enc = encodeURIComponent;
  if (!key || key.endsWith('/')) {
    return `https://s3.console.aws.amazon.com/s3/buckets/${enc(
      bucket,
    )}?region=${arn.region}&prefix=${enc(key)}`;
  }
  return `https://s3.console.aws.amazon.com/s3/object/${enc(bucket)}?region=${
    arn.region
  }&prefix=${enc(key)}`;
}

const COMMANDS: Record<string, string> = {
  glueetl: 'Spark ETL',
  gluestreaming: 'Spark Streaming',
  pythonshell: 'Python shell',
  glueray: 'Ray',
};

/** `Spark ETL (glueetl)`. */
export function describeCommand(command: string | undefined): string {
  if (!command) return '—';
  const name = COMMANDS[command];
  return name ? `${name} (${command})` : command;
}
