import {
  GlueEffectiveArgument,
  GlueRunChange,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { JobDefinition } from '../runIndex/JobDefinitions';
import { DEFAULT_LOG_GROUP_PREFIX } from './links';
import { StoredJobRun } from './shapes';

/**
 * A run's effective arguments: the job's `DefaultArguments` overlaid by the
 * run's own `Arguments` (what StartJobRun or the trigger's action gave), each
 * with where it came from. Both already redacted. Pure.
 */
export function effectiveArguments(
  defaults: Record<string, string>,
  own: Record<string, string>,
): GlueEffectiveArgument[] {
  const keys = [...new Set([...Object.keys(defaults), ...Object.keys(own)])];
  return keys.sort().map(key => {
    if (!(key in own)) {
      return { key, value: defaults[key], source: 'default' };
    }
    return {
      key,
      value: own[key],
      source: key in defaults ? 'run-overrides-default' : 'run',
    };
  });
}

/** Run fields that are the job definition in effect for that run. */
const RUN_DEFINITION_FIELDS = {
  workerType: (run: StoredJobRun) => run.workerType,
  numberOfWorkers: (run: StoredJobRun) => run.numberOfWorkers,
  maxCapacity: (run: StoredJobRun) => run.maxCapacity,
  glueVersion: (run: StoredJobRun) => run.glueVersion,
  timeout: (run: StoredJobRun) => run.timeout,
  executionClass: (run: StoredJobRun) => run.executionClass,
} as const;

const text = (value: unknown) =>
  value === undefined || value === null || value === ''
    ? undefined
    : String(value);

/**
 * What differs between a failed run and the last successful one: their own
 * arguments (redacted), the definition fields each run carries, and the
 * job-definition snapshots in effect at their starts (for the script
 * location and retries, which runs do not carry). Pure.
 */
export function runChanges(
  failed: StoredJobRun,
  success: StoredJobRun,
  definitions: { before?: JobDefinition; after?: JobDefinition } = {},
): GlueRunChange[] {
  const changes: GlueRunChange[] = [];
  const add = (
    kind: GlueRunChange['kind'],
    field: string,
    before: unknown,
    after: unknown,
  ) => {
    const [b, a] = [text(before), text(after)];
    if (b !== a) {
      changes.push({
        kind,
        field,
        ...(b !== undefined ? { before: b } : {}),
        ...(a !== undefined ? { after: a } : {}),
      });
    }
  };
  const keys = new Set([
    ...Object.keys(success.arguments),
    ...Object.keys(failed.arguments),
  ]);
  for (const key of [...keys].sort()) {
    add('argument', key, success.arguments[key], failed.arguments[key]);
  }
  const fields = new Set<string>(Object.keys(RUN_DEFINITION_FIELDS));
  for (const [field, read] of Object.entries(RUN_DEFINITION_FIELDS)) {
    add('definition', field, read(success), read(failed));
  }
  const { before, after } = definitions;
  if (before && after) {
    for (const field of Object.keys({ ...before, ...after }).sort()) {
      if (fields.has(field)) continue; // the runs said it already
      add(
        'definition',
        field,
        before[field as keyof JobDefinition],
        after[field as keyof JobDefinition],
      );
    }
  }
  return changes;
}

/** A log stream of a run. */
export interface RunLogStream {
  group: string;
  stream: string;
}

/**
 * The log streams with a run's errors: `<LogGroupName or /aws-glue/jobs>/error`
 * (the stream named by the run id) and, with continuous logging
 * (`--enable-continuous-cloudwatch-log`), the driver's stream
 * `<run id>-driver` of its group (`--continuous-log-logGroup` or
 * `/aws-glue/jobs/logs-v2`), where `--custom-logStream-prefix` replaces the
 * run id (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging-enable.html).
 * Pure.
 */
export function runLogStreams(
  run: StoredJobRun,
  args: Record<string, string>,
): RunLogStream[] {
  const prefix = (run.logGroupName || DEFAULT_LOG_GROUP_PREFIX).replace(
    /\/+$/,
    '',
  );
  const streams = [{ group: `${prefix}/error`, stream: run.id }];
  if (args['--enable-continuous-cloudwatch-log'] === 'true') {
    streams.push({
      group:
        args['--continuous-log-logGroup'] ||
        `${DEFAULT_LOG_GROUP_PREFIX}/logs-v2`,
      stream: `${args['--custom-logStream-prefix'] || run.id}-driver`,
    });
  }
  return streams;
}
