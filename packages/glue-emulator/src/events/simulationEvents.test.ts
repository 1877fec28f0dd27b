import {
  BatchStopJobRunCommand,
  GetJobRunCommand,
  GetJobRunsCommand,
  GlueClient,
  InvalidInputException,
  JobRun,
  StartCrawlerCommand,
  StartJobRunCommand,
  StartTriggerCommand,
} from '@aws-sdk/client-glue';
import {
  GlueEmulator,
  GlueEmulatorOptions,
  startGlueEmulator,
} from '../emulator';
import type { Fixture } from '../fixture';
import {
  errorOf,
  glueClient,
  HOUR,
  manualClock,
  MINUTE,
  smallFixture,
} from '../__testUtils__';
import type {
  GlueCrawlerStateChangeEvent,
  GlueEventBridgeEnvelope,
  GlueJobStateChangeEvent,
} from './envelope';

const UUID_V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Seconds-precision ISO, as in events. */
const iso = (d: Date | undefined) =>
  new Date(Math.floor(d!.getTime() / 1000) * 1000)
    .toISOString()
    .replace('.000Z', 'Z');

function jobOf(fixture: Fixture, name: string) {
  return fixture.accounts[0].regions['us-east-1'].jobs!.find(
    j => j.Name === name,
  )!;
}

describe('EventBridge events of the simulation', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;
  let clock: ReturnType<typeof manualClock>;
  let received: GlueEventBridgeEnvelope[];

  async function start(
    options: Partial<GlueEmulatorOptions> = {},
    fixture: Fixture = smallFixture(),
  ) {
    clock = manualClock();
    received = [];
    emulator = await startGlueEmulator({
      fixture,
      port: 0,
      clock,
      onEvent: e => received.push(e),
      ...options,
    });
    glue = glueClient(emulator.url);
  }
  afterEach(() => emulator?.stop());

  const jobEvents = (runId?: string) =>
    received.filter(
      (e): e is GlueJobStateChangeEvent =>
        e['detail-type'] === 'Glue Job State Change' &&
        (runId === undefined || e.detail.jobRunId === runId),
    );
  const crawlerEvents = () =>
    received.filter(
      (e): e is GlueCrawlerStateChangeEvent =>
        e['detail-type'] === 'Glue Crawler State Change',
    );
  const states = (runId: string) => jobEvents(runId).map(e => e.detail.state);
  const getRun = async (JobName: string, RunId: string): Promise<JobRun> =>
    (await glue.send(new GetJobRunCommand({ JobName, RunId }))).JobRun!;

  it('emits STARTING, RUNNING and SUCCEEDED for a started run, at emulated times', async () => {
    await start({ startTime: new Date('2028-02-29T02:05:00Z') });
    // Reading the generated history emits nothing.
    await glue.send(new GetJobRunsCommand({ JobName: 'a' }));
    expect(received).toEqual([]);

    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'c' }),
    );
    expect(states(JobRunId!)).toEqual(['STARTING']);
    clock.advance(HOUR);
    emulator.tick();
    const run = await getRun('c', JobRunId!);
    const events = jobEvents(JobRunId);
    expect(
      events.map(e => [e.detail.state, e.detail.severity, e.detail.message]),
    ).toEqual([
      ['STARTING', 'INFO', 'Job run started'],
      ['RUNNING', 'INFO', 'Job run is running'],
      ['SUCCEEDED', 'INFO', 'Job run succeeded'],
    ]);
    // The emulator's clock (started in 2028), not the wall clock.
    expect(events.map(e => e.time)).toEqual([
      '2028-02-29T02:05:00Z',
      '2028-02-29T02:05:10Z',
      iso(run.CompletedOn),
    ]);
    for (const e of events) {
      expect(e).toMatchObject({
        version: '0',
        source: 'aws.glue',
        account: '123456789012',
        region: 'us-east-1',
        resources: [],
        detail: { jobName: 'c', jobRunId: JobRunId },
      });
      expect(e.id).toMatch(UUID_V4);
    }
    expect(new Set(events.map(e => e.id)).size).toBe(3);
    // The same events are in recent(), none dropped; without a url they count as delivered.
    expect(emulator.events.recent()).toEqual(
      events.map(envelope => ({ dropped: false, envelope })),
    );
    expect(emulator.events.stats()).toMatchObject({
      emitted: 3,
      delivered: 3,
      dropped: 0,
      failed: 0,
      pending: 0,
      dropRate: 0,
      url: null,
    });
  });

  it('emits the events of an automatic retry under its own run id, and of the runs and crawls a trigger starts', async () => {
    const fixture = smallFixture();
    jobOf(fixture, 'a').MaxRetries = 1;
    jobOf(fixture, 'a').Simulation = {
      durationSeconds: 300,
      outcomes: ['FAILED', 'SUCCEEDED'],
    };
    await start({}, fixture);
    await glue.send(new StartTriggerCommand({ Name: 'start-a' }));
    clock.advance(HOUR);
    emulator.tick();
    const { JobRuns } = await glue.send(
      new GetJobRunsCommand({ JobName: 'a', MaxResults: 2 }),
    );
    const [retry, first] = JobRuns!;
    expect(retry.PreviousRunId).toBe(first.Id);
    expect(states(first.Id!)).toEqual(['STARTING', 'RUNNING', 'FAILED']);
    const failed = jobEvents(first.Id).at(-1)!;
    expect(failed.detail.severity).toBe('ERROR');
    expect(failed.detail.message).toBe(first.ErrorMessage);
    expect(states(retry.Id!)).toEqual(['STARTING', 'RUNNING', 'SUCCEEDED']);
    // b (started by a-then-b) and the crawler it starts.
    const [b] = (await glue.send(new GetJobRunsCommand({ JobName: 'b' })))
      .JobRuns!;
    expect(b.TriggerName).toBe('a-then-b');
    expect(states(b.Id!)).toEqual(['STARTING', 'RUNNING', 'SUCCEEDED']);
    expect(crawlerEvents().map(e => e.detail.state)).toEqual([
      'Started',
      'Succeeded',
    ]);
    const [started, done] = crawlerEvents();
    expect(started.detail.startTime).toBe(iso(b.StartedOn));
    expect(started.detail.completionDate).toBeUndefined();
    expect(done.detail.startTime).toBe(started.detail.startTime);
    expect(done.detail.completionDate).toBe(done.time);
    // One queue in time order: event times never go back.
    const times = received.map(e => Date.parse(e.time));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });

  it('emits STOPPING and STOPPED for BatchStopJobRun', async () => {
    await start();
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'c' }),
    );
    clock.advance(20_000);
    await glue.send(
      new BatchStopJobRunCommand({ JobName: 'c', JobRunIds: [JobRunId!] }),
    );
    clock.advance(MINUTE);
    emulator.tick();
    const events = jobEvents(JobRunId);
    expect(
      events.map(e => [e.detail.state, e.detail.severity, e.detail.message]),
    ).toEqual([
      ['STARTING', 'INFO', 'Job run started'],
      ['RUNNING', 'INFO', 'Job run is running'],
      ['STOPPING', 'INFO', 'Job run is stopping'],
      ['STOPPED', 'INFO', 'Job run stopped'],
    ]);
    expect(Date.parse(events[3].time) - Date.parse(events[2].time)).toBe(5_000);
    expect((await getRun('c', JobRunId!)).JobRunState).toBe('STOPPED');
  });

  it('ends a run as --emulator-outcome says, with --emulator-error-message', async () => {
    await start();
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({
        JobName: 'c',
        Arguments: {
          '--emulator-outcome': 'FAILED',
          '--emulator-error-message': 'Simulated OOM in stage 3',
        },
      }),
    );
    clock.advance(HOUR);
    const run = await getRun('c', JobRunId!);
    expect(run.JobRunState).toBe('FAILED');
    expect(run.ErrorMessage).toBe('Simulated OOM in stage 3');
    expect(jobEvents(JobRunId).at(-1)!.detail).toEqual({
      jobName: 'c',
      severity: 'ERROR',
      state: 'FAILED',
      jobRunId: JobRunId,
      message: 'Simulated OOM in stage 3',
    });

    const error = await glue.send(
      new StartJobRunCommand({
        JobName: 'c',
        Arguments: { '--emulator-outcome': 'error' }, // any case
      }),
    );
    clock.advance(HOUR);
    const errored = await getRun('c', error.JobRunId!);
    expect(errored.JobRunState).toBe('ERROR');
    expect(errored.ErrorMessage).toBe(
      'Job failed on purpose: --emulator-outcome ERROR was passed',
    );
    expect(jobEvents(error.JobRunId).at(-1)!.detail).toMatchObject({
      severity: 'ERROR',
      message: 'Job failed on purpose: --emulator-outcome ERROR was passed',
    });

    const timeout = await glue.send(
      new StartJobRunCommand({
        JobName: 'c',
        Timeout: 1,
        Arguments: { '--emulator-outcome': 'TIMEOUT' },
      }),
    );
    clock.advance(2 * MINUTE);
    expect((await getRun('c', timeout.JobRunId!)).JobRunState).toBe('TIMEOUT');
    expect(jobEvents(timeout.JobRunId).at(-1)!.detail).toMatchObject({
      severity: 'WARN',
      message: 'Job run timed out',
    });
  });

  it('wins over the scripted outcomes; retries inherit it like the other arguments', async () => {
    const fixture = smallFixture();
    jobOf(fixture, 'a').MaxRetries = 1;
    await start({}, fixture);
    // flaky's script says FAILED first.
    const ok = await glue.send(
      new StartJobRunCommand({
        JobName: 'flaky',
        Arguments: { '--emulator-outcome': 'SUCCEEDED' },
      }),
    );
    const failing = await glue.send(
      new StartJobRunCommand({
        JobName: 'a',
        Arguments: { '--emulator-outcome': 'FAILED' },
      }),
    );
    clock.advance(2 * HOUR);
    expect((await getRun('flaky', ok.JobRunId!)).JobRunState).toBe('SUCCEEDED');
    const { JobRuns } = await glue.send(
      new GetJobRunsCommand({ JobName: 'a', MaxResults: 2 }),
    );
    expect(JobRuns!.map(r => [r.Attempt, r.JobRunState])).toEqual([
      [1, 'FAILED'],
      [0, 'FAILED'],
    ]);
    expect(JobRuns![1].Id).toBe(failing.JobRunId);
  });

  it('is honoured in trigger action arguments too', async () => {
    const fixture = smallFixture();
    const triggers = fixture.accounts[0].regions['us-east-1'].triggers!;
    triggers.find(t => t.Name === 'start-a')!.Actions = [
      { JobName: 'a', Arguments: { '--emulator-outcome': 'ERROR' } },
    ];
    await start({}, fixture);
    await glue.send(new StartTriggerCommand({ Name: 'start-a' }));
    clock.advance(HOUR);
    const [run] = (
      await glue.send(new GetJobRunsCommand({ JobName: 'a', MaxResults: 1 }))
    ).JobRuns!;
    expect(run.TriggerName).toBe('start-a');
    expect(run.JobRunState).toBe('ERROR');
    expect(states(run.Id!)).toEqual(['STARTING', 'RUNNING', 'ERROR']);
  });

  it('refuses an unknown --emulator-outcome with InvalidInputException and starts nothing', async () => {
    await start();
    const error = await errorOf(
      glue.send(
        new StartJobRunCommand({
          JobName: 'c',
          Arguments: { '--emulator-outcome': 'EXPLODE' },
        }),
      ),
    );
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error.message).toBe(
      "Invalid value 'EXPLODE' for argument --emulator-outcome: use one of SUCCEEDED, FAILED, TIMEOUT, ERROR",
    );
    expect(received).toEqual([]);
    // The next run is the first live one: nothing was counted for the refused start.
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'c' }),
    );
    expect(
      emulator.state.model.region('123456789012', 'us-east-1').jobs.get('c')!
        .liveStarts,
    ).toBe(1);
    expect(states(JobRunId!)).toEqual(['STARTING']);
  });

  it('emits only the rest of a run that was in progress at start-up, when it finishes', async () => {
    const fixture = smallFixture();
    jobOf(fixture, 'c').Simulation = {
      durationSeconds: 3600,
      inProgress: true,
      history: 3,
      failureRate: 0,
      timeoutRate: 0,
      stopRate: 0,
    };
    await start({}, fixture);
    const [running] = (
      await glue.send(new GetJobRunsCommand({ JobName: 'c', MaxResults: 1 }))
    ).JobRuns!;
    expect(running.CompletedOn).toBeUndefined();
    expect(received).toEqual([]);
    clock.advance(3 * HOUR);
    emulator.tick();
    const done = await getRun('c', running.Id!);
    expect(done.JobRunState).toBe('SUCCEEDED');
    const events = jobEvents(running.Id);
    expect(events.at(-1)!.detail.state).toBe('SUCCEEDED');
    expect(events.at(-1)!.time).toBe(iso(done.CompletedOn));
    expect(events.map(e => e.detail.state)).not.toContain('STARTING');
  });

  it('emits Failed with the error for a failed crawl', async () => {
    const fixture = smallFixture();
    fixture.accounts[0].regions['us-east-1'].crawlers![0].Simulation = {
      durationSeconds: 60,
      failureRate: 1,
      history: 0,
    };
    await start({}, fixture);
    await glue.send(new StartCrawlerCommand({ Name: 'crawl-b' }));
    clock.advance(10 * MINUTE);
    emulator.tick();
    const [started, failed] = crawlerEvents();
    expect(started.detail.state).toBe('Started');
    expect(failed.detail).toMatchObject({
      crawlerName: 'crawl-b',
      accountId: '123456789012',
      state: 'Failed',
      errorMessage: 'Internal Service Exception',
      startTime: started.detail.startTime,
      completionDate: failed.time,
    });
  });

  it('keeps simulating when onEvent throws', async () => {
    const errors: unknown[] = [];
    await start({
      onEvent: () => {
        throw new Error('sink broke');
      },
      onError: e => errors.push(e),
    });
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'c' }),
    );
    clock.advance(HOUR);
    expect((await getRun('c', JobRunId!)).JobRunState).toBe('SUCCEEDED');
    expect(errors).toHaveLength(3);
    expect(emulator.events.stats()).toMatchObject({
      emitted: 3,
      delivered: 0,
      failed: 3,
    });
  });
});
