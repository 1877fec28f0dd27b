import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LoggerService } from '@backstage/backend-plugin-api';
import { deadlineSignal } from '@aws-glue-backstage/plugin-aws-glue-node';
import { GlueRunTriageResponse } from '@aws-glue-backstage/plugin-aws-glue-common';
import { logStreamUrl } from '../../lib/links';
import { Redactor } from '../../lib/redaction';
import { JobRef, StoredJob, StoredJobRun } from '../../lib/shapes';
import {
  effectiveArguments,
  RunLogStream,
  runChanges,
  runLogStreams,
} from '../../lib/triage';
import { JobDefinitionStore } from '../../runIndex/JobDefinitions';
import { RunStore } from '../../runIndex/RunStore';
import { GlueClientFactory } from '../GlueClientFactory';

/** The longest log line returned; Glue's Spark lines can be very long. */
const MAX_LINE_CHARS = 2000;

/**
 * Options of {@link RunTriage}.
 *
 * @public
 */
export interface RunTriageOptions {
  clients: GlueClientFactory;
  redactor: Redactor;
  logger: LoggerService;
  store?: RunStore;
  definitions?: JobDefinitionStore;
  /** Lines per log, the last ones. */
  logLines: number;
  /** One CloudWatch Logs call with its retries. */
  callTimeoutMs: number;
}

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : NaN);

/**
 * Why a failed run failed: the tail of its error logs (CloudWatch Logs,
 * redacted line by line), and what changed since the last successful run
 * the run index holds. A log that cannot be read says why; it never fails
 * the triage.
 *
 * @public
 */
export class RunTriage {
  constructor(private readonly options: RunTriageOptions) {}

  async triage(
    job: JobRef,
    definition: StoredJob,
    run: StoredJobRun,
  ): Promise<GlueRunTriageResponse> {
    const effective = effectiveArguments(
      definition.defaultArguments ?? {},
      run.arguments,
    );
    const args = Object.fromEntries(effective.map(a => [a.key, a.value]));
    const [log, changes] = await Promise.all([
      Promise.all(runLogStreams(run, args).map(s => this.tail(job, s))),
      this.changes(job, run),
    ]);
    return {
      jobName: job.name,
      runId: run.id,
      state: run.state ?? 'UNKNOWN',
      ...(run.errorMessage ? { errorMessage: run.errorMessage } : {}),
      log,
      ...changes,
      effectiveArguments: effective,
    };
  }

  private async changes(
    job: JobRef,
    run: StoredJobRun,
  ): Promise<Pick<GlueRunTriageResponse, 'lastSuccess' | 'changes'>> {
    const { store, definitions } = this.options;
    const started = ms(run.startedOn);
    if (!store || Number.isNaN(started)) return { changes: [] };
    const success = await store.lastSucceededBefore(job.arn, started);
    if (!success) return { changes: [] };
    const successStart = ms(success.startedOn);
    const [before, after] = definitions
      ? await Promise.all([
          Number.isNaN(successStart)
            ? undefined
            : definitions.at(job.arn, successStart),
          definitions.at(job.arn, started),
        ])
      : [undefined, undefined];
    return {
      lastSuccess: {
        runId: success.id,
        ...(success.startedOn ? { startedOn: success.startedOn } : {}),
      },
      changes: runChanges(run, success, { before, after }),
    };
  }

  private async tail(
    job: JobRef,
    { group, stream }: RunLogStream,
  ): Promise<GlueRunTriageResponse['log'][number]> {
    const consoleUrl = logStreamUrl(job.partition, job.region, group, stream);
    const base = { group, stream, consoleUrl };
    const { clients, redactor } = this.options;
    if (!clients.getLogsClient) {
      return {
        ...base,
        lines: [],
        error: 'No CloudWatch Logs client is configured',
      };
    }
    try {
      const client = await clients.getLogsClient(job);
      const output = await client.send(
        new GetLogEventsCommand({
          logGroupName: group,
          logStreamName: stream,
          startFromHead: false,
          limit: this.options.logLines,
        }),
        { abortSignal: deadlineSignal(this.options.callTimeoutMs) },
      );
      const lines = (output.events ?? [])
        .slice(-this.options.logLines)
        .map(e => ({
          timestamp: new Date(e.timestamp ?? 0).toISOString(),
          message: redactor.redactText(
            (e.message ?? '').slice(0, MAX_LINE_CHARS),
          ),
        }));
      return { ...base, lines };
    } catch (error) {
      const { name, message } = error as Error;
      if (name === 'ResourceNotFoundException') {
        return {
          ...base,
          lines: [],
          error: `No log stream ${stream} in ${group}: the run wrote none there, or the logs expired`,
        };
      }
      this.options.logger.warn(
        `Could not read the log ${group} ${stream} of ${job.arn}: ${name}: ${message}`,
      );
      return {
        ...base,
        lines: [],
        error: `Could not read the log: ${name}: ${redactor.redactText(
          message,
        )}`,
      };
    }
  }
}
