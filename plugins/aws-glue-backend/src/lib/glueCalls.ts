/**
 * Glue calls shared by the cached data source and the run index's reader:
 * one deadline and error mapping for every call, and one way to read job
 * runs into their stored (redacted) shape.
 */
import {
  GetJobRunCommand,
  GetJobRunsCommand,
  GlueClient,
} from '@aws-sdk/client-glue';
import { deadlineSignal } from '@aws-glue-backstage/plugin-aws-glue-node';
import { GlueClientFactory } from '../services/GlueClientFactory';
import { mapGlueError } from './errors';
import { Redactor } from './redaction';
import {
  compactObject,
  JobRef,
  StoredJobRun,
  storedJobRunFromSdk,
} from './shapes';

/**
 * What every Glue call needs.
 *
 * @public
 */
export interface GlueCallOptions {
  clients: GlueClientFactory;
  redactor: Redactor;
  /** The deadline of one call, every retry included. */
  callTimeoutMs: number;
}

/**
 * Sends a Glue call with its deadline and maps its errors to HTTP statuses
 * (503 throttled/unavailable, 504 past the deadline, 502 unparsable, 404...),
 * with Glue's message redacted: it may echo an argument value.
 */
export async function callGlue<T>(
  options: GlueCallOptions,
  ref: Pick<JobRef, 'accountId' | 'region'>,
  call: { operation: string; target: string },
  send: (client: GlueClient, abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  const client = await options.clients.getClient({
    accountId: ref.accountId,
    region: ref.region,
  });
  const abortSignal = deadlineSignal(options.callTimeoutMs);
  try {
    return await send(client, abortSignal);
  } catch (error) {
    const mapped = mapGlueError(error, {
      operation: call.operation,
      target: call.target,
      deadlineMs: abortSignal.aborted ? options.callTimeoutMs : undefined,
    });
    mapped.message = options.redactor.redactText(mapped.message);
    throw mapped;
  }
}

/** GetJobRuns: one page, newest first. */
export async function fetchJobRunsPage(
  client: GlueClient,
  job: JobRef,
  page: { nextToken?: string; maxResults: number },
  redactor: Redactor,
  abortSignal: AbortSignal,
): Promise<{ runs: StoredJobRun[]; nextToken?: string }> {
  const output = await client.send(
    new GetJobRunsCommand({
      JobName: job.name,
      MaxResults: page.maxResults,
      NextToken: page.nextToken,
    }),
    { abortSignal },
  );
  return compactObject({
    runs: (output.JobRuns ?? []).map(run => storedJobRunFromSdk(run, redactor)),
    nextToken: output.NextToken || undefined,
  });
}

/** GetJobRun with its predecessors; `undefined` when Glue returns none. */
export async function fetchJobRun(
  client: GlueClient,
  job: JobRef,
  runId: string,
  redactor: Redactor,
  abortSignal: AbortSignal,
): Promise<StoredJobRun | undefined> {
  const output = await client.send(
    new GetJobRunCommand({
      JobName: job.name,
      RunId: runId,
      PredecessorsIncluded: true,
    }),
    { abortSignal },
  );
  return output.JobRun
    ? storedJobRunFromSdk(output.JobRun, redactor)
    : undefined;
}
