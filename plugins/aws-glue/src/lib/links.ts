import {
  parseGlueArn,
  s3ConsoleUrl,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** The S3 console page of a job's script, or `undefined` outside the `aws` partition. */
export function scriptConsoleUrl(
  jobArn: string,
  scriptLocation: string | undefined,
): string | undefined {
  const arn = parseGlueArn(jobArn);
  return arn
    ? s3ConsoleUrl(arn.partition, arn.region, scriptLocation)
    : undefined;
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
