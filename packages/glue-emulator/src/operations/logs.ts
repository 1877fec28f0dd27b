/*
 * CloudWatch Logs (`X-Amz-Target: Logs_20140328.<name>`): GetLogEvents and
 * FilterLogEvents over the job log groups of the simulated runs (see
 * ../logs.ts), with the API's paging tokens.
 */
import {
  GlueError,
  Input,
  optionalBoolean,
  optionalInt,
  optionalString,
  requireString,
  stringList,
} from '../errors';
import {
  JOB_LOG_GROUPS,
  LogLine,
  runIdOfStream,
  runLogLines,
  streamOfRun,
} from '../logs';
import type { JobRecord, RunRecord } from '../model';
import { decodeToken, encodeToken, fingerprint } from '../paging';
import { hashString } from '../random';
import type { Operation, OperationContext } from './context';

const MAX_EVENTS = 10_000;

const invalidParameter = (message: string) =>
  new GlueError('InvalidParameterException', message);

const notFound = (message: string) =>
  new GlueError('ResourceNotFoundException', message);

function requireGroup(input: Input): string {
  const group = requireString(input, 'logGroupName', {
    errorType: 'InvalidParameterException',
  });
  if (!(JOB_LOG_GROUPS as readonly string[]).includes(group)) {
    throw notFound('The specified log group does not exist.');
  }
  return group;
}

function limitOf(input: Input): number {
  return (
    optionalInt(input, 'limit', 1, MAX_EVENTS, {
      errorType: 'InvalidParameterException',
    }) ?? MAX_EVENTS
  );
}

/** A run by id among the jobs of the region (the stream names are run ids). */
function findRunById(
  ctx: OperationContext,
  runId: string,
): { job: JobRecord; record: RunRecord } | undefined {
  for (const job of ctx.model.jobList) {
    const record = ctx.runtime.findRun(job, runId);
    if (record) return { job, record };
  }
  return undefined;
}

function streamLines(
  ctx: OperationContext,
  group: string,
  stream: string,
): LogLine[] | undefined {
  const runId = runIdOfStream(group, stream);
  const found = runId === undefined ? undefined : findRunById(ctx, runId);
  if (!found || streamOfRun(group, found.record) !== stream) return undefined;
  return runLogLines(group, found.job, found.record, ctx.now);
}

/** `f/` or `b/` and 56 digits, like the real tokens. */
function streamToken(direction: 'f' | 'b', offset: number): string {
  return `${direction}/${String(offset).padStart(56, '0')}`;
}

function parseStreamToken(
  token: string,
  size: number,
): { direction: 'f' | 'b'; offset: number } {
  const match = /^([fb])\/(\d{56})$/.exec(token);
  const offset = match ? Number(match[2]) : NaN;
  if (!match || offset > size) {
    throw invalidParameter('The specified nextToken is invalid.');
  }
  return { direction: match[1] as 'f' | 'b', offset };
}

/** The [lo, hi) window of events a GetLogEvents call returns. */
function eventWindow(
  size: number,
  limit: number,
  token: string | undefined,
  startFromHead: boolean,
): [number, number] {
  if (token !== undefined && token !== '') {
    const { direction, offset } = parseStreamToken(token, size);
    return direction === 'f'
      ? [offset, Math.min(size, offset + limit)]
      : [Math.max(0, offset - limit), offset];
  }
  return startFromHead
    ? [0, Math.min(size, limit)]
    : [Math.max(0, size - limit), size];
}

function inTimeRange(t: number, startTime?: number, endTime?: number) {
  return (
    (startTime === undefined || t >= startTime) &&
    (endTime === undefined || t < endTime)
  );
}

function optionalTime(input: Input, field: string): number | undefined {
  return optionalInt(input, field, 0, Number.MAX_SAFE_INTEGER, {
    errorType: 'InvalidParameterException',
  });
}

/**
 * GetLogEvents: one stream, oldest first; without a token the newest `limit`
 * events (or the oldest with `startFromHead`). At either end the token in
 * that direction is the one passed in, as the API does.
 */
export const GetLogEvents: Operation = (input, ctx) => {
  const group = requireGroup(input);
  const stream = requireString(input, 'logStreamName', {
    errorType: 'InvalidParameterException',
  });
  const startTime = optionalTime(input, 'startTime');
  const endTime = optionalTime(input, 'endTime');
  const all = streamLines(ctx, group, stream);
  if (!all) throw notFound('The specified log stream does not exist.');
  const events = all.filter(e => inTimeRange(e.timestamp, startTime, endTime));
  const [lo, hi] = eventWindow(
    events.length,
    limitOf(input),
    optionalString(input, 'nextToken'),
    optionalBoolean(input, 'startFromHead') ?? false,
  );
  return {
    events: events.slice(lo, hi),
    nextForwardToken: streamToken('f', hi),
    nextBackwardToken: streamToken('b', lo),
  };
};

interface FilteredEvent {
  logStreamName: string;
  timestamp: number;
  message: string;
  ingestionTime: number;
  eventId: string;
}

/** Space-separated terms (or "quoted phrases"), all of which must appear. */
function matcher(pattern: string | undefined): (message: string) => boolean {
  const terms = (pattern ?? '').match(/"[^"]*"|\S+/g) ?? [];
  const words = terms.map(t => t.replace(/^"|"$/g, '')).filter(Boolean);
  return message => words.every(w => message.includes(w));
}

/** The streams FilterLogEvents reads: the named ones, else the whole group. */
function filterStreams(
  ctx: OperationContext,
  group: string,
  names: string[] | undefined,
  prefix: string | undefined,
): { stream: string; lines: LogLine[] }[] {
  if (names) {
    return names.flatMap(stream => {
      const lines = streamLines(ctx, group, stream);
      return lines ? [{ stream, lines }] : [];
    });
  }
  const streams: { stream: string; lines: LogLine[] }[] = [];
  for (const job of ctx.model.jobList) {
    for (const record of ctx.runtime.runsOf(job)) {
      const stream = streamOfRun(group, record);
      if (!stream || (prefix && !stream.startsWith(prefix))) continue;
      streams.push({ stream, lines: runLogLines(group, job, record, ctx.now) });
    }
  }
  return streams;
}

/**
 * FilterLogEvents: the events of several streams of a group (all of them
 * without `logStreamNames`), by timestamp, with `startTime` / `endTime` and
 * plain-term `filterPattern`s; `nextToken` only while more events remain.
 */
export const FilterLogEvents: Operation = (input, ctx) => {
  const group = requireGroup(input);
  const names = stringList(
    input,
    'logStreamNames',
    { min: 1, max: 100, required: false },
    { errorType: 'InvalidParameterException' },
  );
  const prefix = optionalString(input, 'logStreamNamePrefix');
  if (names && prefix) {
    throw invalidParameter(
      'You cannot specify both logStreamNames and logStreamNamePrefix.',
    );
  }
  const startTime = optionalTime(input, 'startTime');
  const endTime = optionalTime(input, 'endTime');
  const pattern = optionalString(input, 'filterPattern');
  const limit = limitOf(input);
  const matches = matcher(pattern);
  const events: FilteredEvent[] = [];
  for (const { stream, lines } of filterStreams(ctx, group, names, prefix)) {
    lines.forEach((line, i) => {
      if (!inTimeRange(line.timestamp, startTime, endTime)) return;
      if (!matches(line.message)) return;
      events.push({
        logStreamName: stream,
        ...line,
        eventId: eventId(group, stream, i, line.timestamp),
      });
    });
  }
  events.sort(
    (a, b) =>
      a.timestamp - b.timestamp || (a.logStreamName < b.logStreamName ? -1 : 1),
  );
  const print = fingerprint(
    'FilterLogEvents',
    ctx.accountId,
    ctx.region,
    group,
    names,
    prefix,
    startTime,
    endTime,
    pattern,
  );
  const offset =
    decodeToken(optionalString(input, 'nextToken'), print, invalidParameter)
      ?.offset ?? 0;
  const page = events.slice(offset, offset + limit);
  const next = offset + page.length;
  return {
    events: page,
    nextToken: next < events.length ? encodeToken(next, print) : undefined,
    searchedLogStreams: [],
  };
};

/** A 56-digit id, stable for the same event. */
function eventId(
  group: string,
  stream: string,
  index: number,
  timestamp: number,
): string {
  const h = hashString(`${group}|${stream}|${index}`);
  return `${String(timestamp).padStart(20, '0')}${String(h).padStart(
    12,
    '0',
  )}${String(index).padStart(24, '0')}`;
}
