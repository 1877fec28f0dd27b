/*
 * CloudWatch Logs of the job runs the emulator simulates: the log lines of a
 * run, derived from the run alone (its id, job, arguments, times, state and
 * error), so they are the same on every read and for the same seed.
 *
 * Groups and streams, as Glue writes them
 * (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging.html):
 *
 *   /aws-glue/jobs/output   stream <JobRunId>          every run: a few info lines
 *   /aws-glue/jobs/error    stream <JobRunId>          every run; a failed, errored
 *                                                      or timed-out run ends with a
 *                                                      Python / Spark traceback and
 *                                                      its ErrorMessage
 *   /aws-glue/jobs/logs-v2  stream <JobRunId>-driver   runs with
 *                                                      --enable-continuous-cloudwatch-log=true
 *
 * A run in progress has the lines up to the emulated now. The traceback of a
 * failed run carries a database password in a JDBC URL and a bearer token,
 * like real driver logs sometimes do, so a reader can prove it redacts them.
 */
import { JOB_LOG_GROUP } from './history';
import type { JobRecord, RunRecord } from './model';
import { hashString } from './random';

export const OUTPUT_LOG_GROUP = `${JOB_LOG_GROUP}/output`;
export const ERROR_LOG_GROUP = `${JOB_LOG_GROUP}/error`;
export const CONTINUOUS_LOG_GROUP = `${JOB_LOG_GROUP}/logs-v2`;
export const JOB_LOG_GROUPS = [
  ERROR_LOG_GROUP,
  CONTINUOUS_LOG_GROUP,
  OUTPUT_LOG_GROUP,
] as const;

const CONTINUOUS_LOG_ARGUMENT = '--enable-continuous-cloudwatch-log';
const DRIVER_SUFFIX = '-driver';

/** The secrets in every failed run's traceback (what a reader must redact). */
export const LOG_SECRETS = {
  jdbcUrl:
    'jdbc:postgresql://orders-db:5432/orders?user=etl&password=S3cr3t-Hunter2',
  password: 'S3cr3t-Hunter2',
  bearerToken:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJnbHVlLWV0bCIsInNjb3BlIjoibGluZWFnZTp3cml0ZSJ9.Qm9ndXNTaWduYXR1cmVGb3JUaGVFbXVsYXRvck9ubHk',
} as const;

/** One log event of a stream. */
export interface LogLine {
  /** Epoch ms. */
  timestamp: number;
  message: string;
  /** Epoch ms, a moment after `timestamp`. */
  ingestionTime: number;
}

const FAILED_STATES = new Set(['FAILED', 'ERROR', 'TIMEOUT']);

/** Whether the run logs to /aws-glue/jobs/logs-v2. */
export function hasContinuousLog(record: RunRecord): boolean {
  return record.effectiveArgs[CONTINUOUS_LOG_ARGUMENT] === 'true';
}

/** The run id of a stream name in a group, or undefined when it is not one. */
export function runIdOfStream(
  group: string,
  stream: string,
): string | undefined {
  if (group === CONTINUOUS_LOG_GROUP) {
    return stream.endsWith(DRIVER_SUFFIX)
      ? stream.slice(0, -DRIVER_SUFFIX.length)
      : undefined;
  }
  return stream;
}

/** The stream name of a run in a group (undefined: the run has none there). */
export function streamOfRun(
  group: string,
  record: RunRecord,
): string | undefined {
  if (group !== CONTINUOUS_LOG_GROUP) return record.run.Id;
  return hasContinuousLog(record) ? record.run.Id + DRIVER_SUFFIX : undefined;
}

interface RunWindow {
  startMs: number;
  /** When the run ended, or is going to. */
  endMs: number;
  /** Lines after this (the emulated now) are not written yet. */
  cutoffMs: number;
  done: boolean;
}

function windowOf(record: RunRecord, nowMs: number): RunWindow {
  const run = record.run;
  const startMs = Math.round(run.StartedOn * 1000);
  const done = run.CompletedOn !== undefined;
  const endMs = done
    ? Math.round(run.CompletedOn! * 1000)
    : record.planned?.endMs ?? nowMs;
  return {
    startMs,
    endMs: Math.max(startMs, endMs),
    cutoffMs: Math.min(nowMs, Math.max(startMs, endMs)),
    done,
  };
}

/** Log4j-style prefix of a driver line. */
function log4j(ms: number, level: string, logger: string): string {
  const iso = new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  return `${iso.replace('.', ',')} ${level} [main] ${logger}:`;
}

/** Timestamps at fractions of the run, never after its end (or now). */
function at(w: RunWindow, fraction: number, offsetMs = 0): number {
  const t = w.startMs + Math.round((w.endMs - w.startMs) * fraction);
  return Math.min(w.endMs, t + offsetMs);
}

function lines(
  record: RunRecord,
  w: RunWindow,
  entries: [number, string][],
): LogLine[] {
  const seed = hashString(record.run.Id);
  return entries
    .filter(([t]) => t <= w.cutoffMs)
    .map(([timestamp, message], i) => ({
      timestamp,
      message,
      ingestionTime: timestamp + 150 + ((seed >>> i % 16) % 900),
    }))
    .sort((a, b) => a.timestamp - b.timestamp);
}

function scriptName(job: JobRecord): string {
  const location = job.api.Command.ScriptLocation ?? '';
  const last = location.split('/').filter(Boolean).pop() ?? '';
  return last.endsWith('.py') ? last : `${job.name}.py`;
}

/** /aws-glue/jobs/output: what the script prints. */
function outputLines(
  job: JobRecord,
  record: RunRecord,
  w: RunWindow,
): LogLine[] {
  const { run } = record;
  const args = record.effectiveArgs;
  const records = 10_000 + (hashString(`${run.Id}|records`) % 5_000_000);
  const entries: [number, string][] = [
    [
      at(w, 0, 2_000),
      `Starting ${job.name} (run ${run.Id}, attempt ${run.Attempt})`,
    ],
  ];
  if (args['--input']) {
    entries.push([at(w, 0.05, 3_000), `Reading ${args['--input']}`]);
  }
  entries.push([at(w, 0.4), `Read ${records.toLocaleString('en-US')} records`]);
  if (w.done && run.JobRunState === 'SUCCEEDED') {
    if (args['--output']) {
      entries.push([at(w, 0.8), `Writing ${args['--output']}`]);
    }
    entries.push([at(w, 1, -1_000), `Done: wrote ${records} records`]);
  }
  return lines(record, w, entries);
}

/** The traceback a failed run ends with; its last line is the ErrorMessage. */
function traceback(
  job: JobRecord,
  record: RunRecord,
  w: RunWindow,
): [number, string][] {
  const end = w.endMs;
  const script = scriptName(job);
  const line = 20 + (hashString(`${record.run.Id}|line`) % 180);
  const message =
    record.run.ErrorMessage ?? `Job run ${record.run.JobRunState}`;
  return [
    [
      end - 4_000,
      `${log4j(
        end - 4_000,
        'WARN',
        'lineage.OpenLineageEmitter',
      )} POST https://lineage.internal/api/v1/lineage failed (401 Unauthorized); request headers: {Content-Type: application/json, Authorization: Bearer ${
        LOG_SECRETS.bearerToken
      }}`,
    ],
    [
      end - 3_000,
      `${log4j(
        end - 3_000,
        'ERROR',
        'glue.ProcessLauncher',
      )} Error from Python:Traceback (most recent call last):`,
    ],
    [end - 2_900, `  File "/tmp/${script}", line ${line}, in <module>`],
    [
      end - 2_800,
      '    orders = glueContext.create_dynamic_frame.from_options(connection_type="postgresql", connection_options=jdbc_options)',
    ],
    [
      end - 2_700,
      '  File "/opt/amazon/spark/python/lib/py4j-0.10.9.5-src.zip/py4j/protocol.py", line 326, in get_return_value',
    ],
    [
      end - 2_600,
      `py4j.protocol.Py4JJavaError: An error occurred while calling o98.getDynamicFrame.: java.sql.SQLException: Connection to ${LOG_SECRETS.jdbcUrl} refused (after 3 attempts)`,
    ],
    [
      end - 1_000,
      `${log4j(end - 1_000, 'ERROR', 'glue.ProcessLauncher')} ${message}`,
    ],
  ];
}

/** /aws-glue/jobs/error: the driver's stderr (and the traceback of a failure). */
function errorLines(
  job: JobRecord,
  record: RunRecord,
  w: RunWindow,
): LogLine[] {
  const entries: [number, string][] = [
    [
      at(w, 0, 1_000),
      `${log4j(at(w, 0, 1_000), 'INFO', 'glue.ProcessLauncher')} Glue ${
        job.api.GlueVersion ?? '0.9'
      } job run ${record.run.Id} of ${job.name} launching`,
    ],
  ];
  if (w.done && FAILED_STATES.has(record.run.JobRunState)) {
    entries.push(
      ...traceback(job, record, w).map(([t, m]): [number, string] => [
        Math.max(w.startMs, t),
        m,
      ]),
    );
  }
  return lines(record, w, entries);
}

/** /aws-glue/jobs/logs-v2 <id>-driver: the continuous driver log. */
function driverLines(
  job: JobRecord,
  record: RunRecord,
  w: RunWindow,
): LogLine[] {
  const { run } = record;
  const entries: [number, string][] = [
    [
      at(w, 0, 1_500),
      `${log4j(
        at(w, 0, 1_500),
        'INFO',
        'spark.SparkContext',
      )} Running Spark version 3.3.0-amzn-1 for ${job.name}`,
    ],
    [
      at(w, 0.1),
      `${log4j(
        at(w, 0.1),
        'INFO',
        'scheduler.DAGScheduler',
      )} Job 0 started with ${run.NumberOfWorkers ?? 2} workers (${
        run.WorkerType ?? 'Standard'
      })`,
    ],
    [
      at(w, 0.6),
      `${log4j(
        at(w, 0.6),
        'INFO',
        'scheduler.DAGScheduler',
      )} Job 0 finished: stage 3 took ${Math.round(
        (at(w, 0.6) - w.startMs) / 1000,
      )} s`,
    ],
  ];
  if (w.done) {
    entries.push([
      at(w, 1, -500),
      `${log4j(at(w, 1, -500), 'INFO', 'glue.ProcessLauncher')} Job run ${
        run.Id
      } ended: ${run.JobRunState}`,
    ]);
  }
  return lines(record, w, entries);
}

/** The events of a run's stream in a job log group, oldest first. */
export function runLogLines(
  group: string,
  job: JobRecord,
  record: RunRecord,
  nowMs: number,
): LogLine[] {
  const w = windowOf(record, nowMs);
  if (group === OUTPUT_LOG_GROUP) return outputLines(job, record, w);
  if (group === ERROR_LOG_GROUP) return errorLines(job, record, w);
  if (group === CONTINUOUS_LOG_GROUP && hasContinuousLog(record)) {
    return driverLines(job, record, w);
  }
  return [];
}
