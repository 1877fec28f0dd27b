/*
 * Job runs: GetJobRuns, GetJobRun, StartJobRun, BatchStopJobRun.
 */
import {
  entityNotFound,
  GlueError,
  optionalBoolean,
  optionalInt,
  optionalMap,
  optionalString,
  requireString,
  stringList,
} from '../errors';
import type { RunRecord } from '../model';
import { decodeToken, encodeToken, fingerprint } from '../paging';
import { ConcurrencyError } from '../simulation';
import type { GlueJobRun } from '../types';
import type { Operation } from './context';
import { findJob } from './jobs';

const DEFAULT_PAGE = 100;

function withoutPredecessors(
  run: GlueJobRun,
): Omit<GlueJobRun, 'PredecessorRuns'> {
  const { PredecessorRuns: _ignored, ...rest } = run;
  return rest;
}

export const GetJobRuns: Operation = (input, ctx) => {
  const job = findJob(ctx, requireString(input, 'JobName'));
  const max = optionalInt(input, 'MaxResults', 1, 200) ?? DEFAULT_PAGE;
  const print = fingerprint('GetJobRuns', ctx.accountId, ctx.region, job.name);
  const token = decodeToken(optionalString(input, 'NextToken'), print);
  const runs = ctx.runtime.runsOf(job);
  // Newest first. Offsets count back from the list size at the first page, so
  // runs started while paging do not shift later pages.
  const size = Math.min(token?.size ?? runs.length, runs.length);
  const offset = token?.offset ?? 0;
  const page: GlueJobRun[] = [];
  for (let i = size - 1 - offset; i >= 0 && page.length < max; i--) {
    page.push(runs[i].run);
  }
  const next = offset + page.length;
  return {
    JobRuns: page,
    NextToken: next < size ? encodeToken(next, print, size) : undefined,
  };
};

function findRun(
  records: Map<string, RunRecord> | undefined,
  jobName: string,
  runId: string,
) {
  const record = records?.get(runId);
  if (!record) {
    throw entityNotFound(`Job run ${runId} not found for job ${jobName}`);
  }
  return record;
}

export const GetJobRun: Operation = (input, ctx) => {
  const job = findJob(ctx, requireString(input, 'JobName'));
  const runId = requireString(input, 'RunId');
  const predecessors = optionalBoolean(input, 'PredecessorsIncluded') ?? false;
  ctx.runtime.runsOf(job);
  const record = findRun(job.runsById, job.name, runId);
  return {
    JobRun: predecessors ? record.run : withoutPredecessors(record.run),
  };
};

export const StartJobRun: Operation = (input, ctx) => {
  const job = findJob(ctx, requireString(input, 'JobName'));
  const retryId = optionalString(input, 'JobRunId');
  const args = optionalMap(input, 'Arguments');
  const timeout = optionalInt(input, 'Timeout', 1, Number.MAX_SAFE_INTEGER);
  const numberOfWorkers = optionalInt(
    input,
    'NumberOfWorkers',
    1,
    Number.MAX_SAFE_INTEGER,
  );
  const maxCapacity = input.MaxCapacity;
  if (maxCapacity !== undefined && typeof maxCapacity !== 'number') {
    throw new GlueError(
      'SerializationException',
      "Expected a number for member 'MaxCapacity'",
    );
  }
  ctx.runtime.runsOf(job);
  const retryOf =
    retryId === undefined
      ? undefined
      : findRun(job.runsById, job.name, retryId);
  try {
    const record = ctx.runtime.startJobRun(
      job,
      {
        arguments: args,
        retryOf,
        timeout,
        workerType: optionalString(input, 'WorkerType'),
        numberOfWorkers,
        maxCapacity: maxCapacity as number | undefined,
        executionClass: optionalString(input, 'ExecutionClass'),
      },
      ctx.now,
    );
    return { JobRunId: record.run.Id };
  } catch (e) {
    if (e instanceof ConcurrencyError) {
      throw new GlueError('ConcurrentRunsExceededException', e.message);
    }
    throw e;
  }
};

export const BatchStopJobRun: Operation = (input, ctx) => {
  const job = findJob(ctx, requireString(input, 'JobName'));
  const ids = stringList(input, 'JobRunIds', {
    min: 1,
    max: 25,
    required: true,
  })!;
  ctx.runtime.runsOf(job);
  const successful: { JobName: string; JobRunId: string }[] = [];
  const errors: {
    JobName: string;
    JobRunId: string;
    ErrorDetail: { ErrorCode: string; ErrorMessage: string };
  }[] = [];
  for (const id of ids) {
    const record = job.runsById!.get(id);
    if (!record) {
      errors.push({
        JobName: job.name,
        JobRunId: id,
        ErrorDetail: {
          ErrorCode: 'EntityNotFoundException',
          ErrorMessage: `Job run ${id} not found for job ${job.name}`,
        },
      });
    } else if (ctx.runtime.stopJobRun(job, record, ctx.now)) {
      successful.push({ JobName: job.name, JobRunId: id });
    } else {
      errors.push({
        JobName: job.name,
        JobRunId: id,
        ErrorDetail: {
          ErrorCode: 'InvalidInputException',
          ErrorMessage: `Job run ${id} is ${record.run.JobRunState} and cannot be stopped`,
        },
      });
    }
  }
  return { SuccessfulSubmissions: successful, Errors: errors };
};
