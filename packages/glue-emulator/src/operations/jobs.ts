/*
 * Job definitions and bookmarks: GetJobs, GetJob, BatchGetJobs, ListJobs,
 * GetJobBookmark, ResetJobBookmark.
 */
import { resetBookmark } from '../bookmarks';
import {
  entityNotFound,
  Input,
  optionalInt,
  optionalMap,
  optionalString,
  requireString,
  stringList,
} from '../errors';
import type { JobRecord } from '../model';
import {
  decodeToken,
  encodeToken,
  fingerprint,
  pageOf,
  scanPage,
} from '../paging';
import { matchesAnyTag, Operation, OperationContext } from './context';

const DEFAULT_PAGE = 100;

export function findJob(ctx: OperationContext, name: string): JobRecord {
  const job = ctx.model.jobs.get(name);
  if (!job) {
    throw entityNotFound(`Job with name: ${name} not found`);
  }
  return job;
}

export const GetJobs: Operation = (input, ctx) => {
  const max = optionalInt(input, 'MaxResults', 1, 1000) ?? DEFAULT_PAGE;
  const print = fingerprint('GetJobs', ctx.accountId, ctx.region);
  const offset =
    decodeToken(optionalString(input, 'NextToken'), print)?.offset ?? 0;
  const { items, next } = pageOf(ctx.model.jobList, offset, max);
  return {
    Jobs: items.map(j => j.api),
    NextToken: next === undefined ? undefined : encodeToken(next, print),
  };
};

export const GetJob: Operation = (input, ctx) => ({
  Job: findJob(ctx, requireString(input, 'JobName')).api,
});

export const BatchGetJobs: Operation = (input, ctx) => {
  const names = stringList(input, 'JobNames', {
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    required: true,
  })!;
  const jobs = [];
  const notFound = [];
  for (const name of names) {
    const job = ctx.model.jobs.get(name);
    if (job) jobs.push(job.api);
    else notFound.push(name);
  }
  return { Jobs: jobs, JobsNotFound: notFound };
};

export const ListJobs: Operation = (input, ctx) => {
  const max = optionalInt(input, 'MaxResults', 1, 1000) ?? DEFAULT_PAGE;
  const tags = optionalMap(input, 'Tags');
  const print = fingerprint('ListJobs', ctx.accountId, ctx.region, tags ?? {});
  const offset =
    decodeToken(optionalString(input, 'NextToken'), print)?.offset ?? 0;
  const { items, next } = scanPage(ctx.model.jobList, offset, max, j =>
    matchesAnyTag(j.tags, tags),
  );
  return {
    JobNames: items.map(j => j.name),
    NextToken: next === undefined ? undefined : encodeToken(next, print),
  };
};

function bookmarkNotFound(jobName: string) {
  return entityNotFound(`Continuation for job ${jobName} not found`);
}

export const GetJobBookmark: Operation = (input: Input, ctx) => {
  const job = findJob(ctx, requireString(input, 'JobName'));
  const runId = optionalString(input, 'RunId');
  const state = ctx.runtime.bookmarkOf(job);
  if (!state) throw bookmarkNotFound(job.name);
  if (runId !== undefined) {
    const entry = state.byRunId.get(runId);
    if (!entry) throw bookmarkNotFound(job.name);
    return { JobBookmarkEntry: entry };
  }
  return { JobBookmarkEntry: state.entry };
};

export const ResetJobBookmark: Operation = (input: Input, ctx) => {
  const job = findJob(ctx, requireString(input, 'JobName'));
  const runId = optionalString(input, 'RunId');
  const state = ctx.runtime.bookmarkOf(job);
  const entry = state ? resetBookmark(state, runId) : undefined;
  if (!entry) throw bookmarkNotFound(job.name);
  return { JobBookmarkEntry: entry };
};
