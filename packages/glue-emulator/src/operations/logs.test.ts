import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  FilteredLogEvent,
  GetLogEventsCommand,
  OutputLogEvent,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  GlueClient,
  JobRun,
  paginateGetJobRuns,
  StartJobRunCommand,
} from '@aws-sdk/client-glue';
import { GlueEmulator, startGlueEmulator } from '../emulator';
import { LOG_SECRETS } from '../logs';
import {
  DEMO_FIXTURE,
  errorOf,
  glueClient,
  manualClock,
  MINUTE,
} from '../__testUtils__';

const ERROR = '/aws-glue/jobs/error';
const OUTPUT = '/aws-glue/jobs/output';
const CONTINUOUS = '/aws-glue/jobs/logs-v2';

function logsClient(url: string) {
  return new CloudWatchLogsClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

async function runsOf(glue: GlueClient, JobName: string): Promise<JobRun[]> {
  const runs: JobRun[] = [];
  for await (const page of paginateGetJobRuns(
    { client: glue, pageSize: 200 },
    { JobName },
  )) {
    runs.push(...page.JobRuns!);
  }
  return runs;
}

describe('CloudWatch Logs of the simulated runs', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;
  let logs: CloudWatchLogsClient;
  const clock = manualClock();
  let failed: JobRun;
  let succeeded: JobRun;

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: DEMO_FIXTURE,
      port: 0,
      clock,
    });
    glue = glueClient(emulator.url);
    logs = logsClient(emulator.url);
    const runs = await runsOf(glue, 'freshers_in_dependent_job');
    failed = runs.find(r => r.JobRunState === 'FAILED')!;
    succeeded = runs.find(r => r.JobRunState === 'SUCCEEDED')!;
  });
  afterAll(() => emulator.stop());

  const stream = async (
    logGroupName: string,
    logStreamName: string,
  ): Promise<OutputLogEvent[]> =>
    (
      await logs.send(
        new GetLogEventsCommand({
          logGroupName,
          logStreamName,
          startFromHead: true,
        }),
      )
    ).events!;

  it("ends a failed run's error stream with a traceback and its ErrorMessage, secrets included", async () => {
    const events = await stream(ERROR, failed.Id!);
    expect(events.length).toBeGreaterThan(5);
    const messages = events.map(e => e.message!);
    expect(messages[messages.length - 1]).toContain(failed.ErrorMessage!);
    expect(messages).toContainEqual(
      expect.stringContaining('Traceback (most recent call last):'),
    );
    const jdbc = messages.find(m => m.includes(LOG_SECRETS.jdbcUrl))!;
    expect(jdbc).toMatch(/^py4j\.protocol\.Py4JJavaError: /);
    expect(jdbc).toContain('password=S3cr3t-Hunter2');
    expect(messages).toContainEqual(
      expect.stringContaining(
        `Authorization: Bearer ${LOG_SECRETS.bearerToken}`,
      ),
    );
    expect(LOG_SECRETS.bearerToken).toMatch(/^eyJhbGciOi/);
    const start = failed.StartedOn!.getTime();
    const end = failed.CompletedOn!.getTime();
    for (const e of events) {
      expect(e.timestamp).toBeGreaterThanOrEqual(start);
      expect(e.timestamp).toBeLessThanOrEqual(end);
      expect(e.ingestionTime).toBeGreaterThan(e.timestamp!);
    }
    const sorted = events.map(e => e.timestamp!);
    expect([...sorted].sort((a, b) => a - b)).toEqual(sorted);
  });

  it('has info lines in the output group for every run and no traceback for a success', async () => {
    const out = await stream(OUTPUT, succeeded.Id!);
    expect(out.map(e => e.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Starting freshers_in_dependent_job \\(run ${succeeded.Id}`,
        ),
      ),
      'Reading s3://freshers-in/staging/triggering/',
      expect.stringMatching(/^Read [\d,]+ records$/),
      'Writing s3://freshers-in/dependent-output/',
      expect.stringMatching(/^Done: wrote \d+ records$/),
    ]);
    const errors = await stream(ERROR, succeeded.Id!);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('launching');
    expect((await stream(OUTPUT, failed.Id!)).length).toBeGreaterThan(0);
  });

  it('serves logs-v2 only for runs with --enable-continuous-cloudwatch-log true', async () => {
    // triggering_job has it in its DefaultArguments.
    const [ingest] = await runsOf(glue, 'triggering_job');
    const driver = await stream(CONTINUOUS, `${ingest.Id}-driver`);
    expect(driver.map(e => e.message).join('\n')).toContain(
      'Running Spark version',
    );
    const none = await errorOf(stream(CONTINUOUS, `${failed.Id}-driver`));
    expect(none).toBeInstanceOf(ResourceNotFoundException);
  });

  it('answers ResourceNotFoundException for an unknown stream or group', async () => {
    const stream404 = await errorOf(stream(ERROR, 'jr_nope'));
    expect(stream404).toBeInstanceOf(ResourceNotFoundException);
    expect(stream404.message).toBe('The specified log stream does not exist.');
    const group404 = await errorOf(stream('/aws-glue/nope', failed.Id!));
    expect(group404).toBeInstanceOf(ResourceNotFoundException);
    expect(group404.message).toBe('The specified log group does not exist.');
  });

  it('pages GetLogEvents forwards and backwards; the token repeats at the end', async () => {
    const all = await stream(ERROR, failed.Id!);
    const forward: OutputLogEvent[] = [];
    let token: string | undefined;
    let last: OutputLogEvent[] | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await logs.send(
        new GetLogEventsCommand({
          logGroupName: ERROR,
          logStreamName: failed.Id,
          startFromHead: true,
          limit: 3,
          nextToken: token,
        }),
      );
      forward.push(...page.events!);
      last = page.events;
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    // The end: the same token again, with no events.
    expect(last).toEqual([]);
    expect(forward).toEqual(all);
    expect(token).toMatch(/^f\/\d{56}$/);

    // Without startFromHead: the newest events first, then back.
    const newest = await logs.send(
      new GetLogEventsCommand({
        logGroupName: ERROR,
        logStreamName: failed.Id,
        limit: 3,
      }),
    );
    expect(newest.events).toEqual(all.slice(-3));
    const older = await logs.send(
      new GetLogEventsCommand({
        logGroupName: ERROR,
        logStreamName: failed.Id,
        limit: 3,
        nextToken: newest.nextBackwardToken,
      }),
    );
    expect(older.events).toEqual(all.slice(-6, -3));
    const bad = await errorOf(
      logs.send(
        new GetLogEventsCommand({
          logGroupName: ERROR,
          logStreamName: failed.Id,
          nextToken: 'garbage',
        }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterException');
  });

  it('FilterLogEvents interleaves streams by time, pages with nextToken and filters', async () => {
    const names = [failed.Id!, succeeded.Id!];
    const events: FilteredLogEvent[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await logs.send(
        new FilterLogEventsCommand({
          logGroupName: ERROR,
          logStreamNames: names,
          limit: 2,
          nextToken,
        }),
      );
      events.push(...page.events!);
      nextToken = page.nextToken;
      pages += 1;
    } while (nextToken && pages < 20);
    const expected =
      (await stream(ERROR, failed.Id!)).length +
      (await stream(ERROR, succeeded.Id!)).length;
    expect(events).toHaveLength(expected);
    expect(pages).toBe(Math.ceil(expected / 2));
    expect(new Set(events.map(e => e.logStreamName))).toEqual(new Set(names));
    expect(new Set(events.map(e => e.eventId)).size).toBe(events.length);
    const times = events.map(e => e.timestamp!);
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const py4j = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: ERROR,
        logStreamNames: names,
        filterPattern: 'Py4JJavaError',
      }),
    );
    expect(py4j.events!.map(e => e.logStreamName)).toEqual([failed.Id]);
    const window = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: ERROR,
        logStreamNames: names,
        startTime: failed.StartedOn!.getTime(),
        endTime: failed.CompletedOn!.getTime() + 1,
      }),
    );
    expect(window.events!.every(e => e.logStreamName === failed.Id)).toBe(true);
  });

  it('shows a live run as far as it got', async () => {
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'glue-catalog-housekeeping' }),
    );
    clock.advance(MINUTE);
    const early = await stream(OUTPUT, JobRunId!);
    expect(early.map(e => e.message)).toEqual([
      expect.stringMatching(/^Starting glue-catalog-housekeeping/),
    ]);
    clock.advance(60 * MINUTE);
    const late = await stream(OUTPUT, JobRunId!);
    expect(late.length).toBeGreaterThan(early.length);
  });
});
