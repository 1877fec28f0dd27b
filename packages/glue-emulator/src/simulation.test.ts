import {
  GetCrawlerCommand,
  GetJobBookmarkCommand,
  GetJobRunCommand,
  GetJobRunsCommand,
  GlueClient,
  JobRun,
  StartJobRunCommand,
  StartTriggerCommand,
} from '@aws-sdk/client-glue';
import {
  GlueEmulator,
  GlueEmulatorOptions,
  startGlueEmulator,
} from './emulator';
import type { Fixture } from './fixture';
import {
  glueClient,
  HOUR,
  manualClock,
  MINUTE,
  smallFixture,
} from './__testUtils__';

describe('simulation', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;
  let clock: ReturnType<typeof manualClock>;
  let startedAt: number;

  async function start(
    options: Partial<GlueEmulatorOptions> = {},
    fixture: Fixture = smallFixture(),
  ) {
    clock = manualClock();
    startedAt = clock.now();
    emulator = await startGlueEmulator({ fixture, port: 0, clock, ...options });
    glue = glueClient(emulator.url);
  }
  afterEach(() => emulator?.stop());

  /** Runs of a job started while the emulator ran (not the history), oldest first. */
  const liveRuns = async (JobName: string): Promise<JobRun[]> => {
    const { JobRuns } = await glue.send(
      new GetJobRunsCommand({ JobName, MaxResults: 200 }),
    );
    return JobRuns!.filter(r => r.StartedOn!.getTime() >= startedAt).reverse();
  };

  it('fires a chain end to end from an ON_DEMAND trigger', async () => {
    await start();
    await glue.send(new StartTriggerCommand({ Name: 'start-a' }));
    clock.advance(10_000);
    const [a] = await liveRuns('a');
    expect(a.TriggerName).toBe('start-a');
    // Only the trigger action's Arguments, as in Glue: the job's
    // DefaultArguments apply to the run but are not part of it.
    expect(a.Arguments).toEqual({ '--mode': 'trigger' });
    expect(await liveRuns('b')).toEqual([]);

    // Step a minute at a time until b starts (a takes 600 s +-35%).
    let steps = 0;
    while ((await liveRuns('b')).length === 0 && steps++ < 30)
      clock.advance(MINUTE);
    const aDone = (await liveRuns('a'))[0];
    expect(aDone.JobRunState).toBe('SUCCEEDED');
    const [b] = await liveRuns('b');
    expect(b.TriggerName).toBe('a-then-b');
    expect(b.StartedOn!.getTime()).toBe(aDone.CompletedOn!.getTime() + 5000);
    expect(b.Arguments).toEqual({ '--dependency-param': 'value' });
    const withPreds = await glue.send(
      new GetJobRunCommand({
        JobName: 'b',
        RunId: b.Id,
        PredecessorsIncluded: true,
      }),
    );
    expect(withPreds.JobRun!.PredecessorRuns).toEqual([
      { JobName: 'a', RunId: aDone.Id },
    ]);

    // The same trigger started the crawler (120 s +-40%), less than a minute ago.
    const crawler = (
      await glue.send(new GetCrawlerCommand({ Name: 'crawl-b' }))
    ).Crawler!;
    expect(crawler.State).toBe('RUNNING');
    clock.advance(30 * MINUTE);
    const crawled = (
      await glue.send(new GetCrawlerCommand({ Name: 'crawl-b' }))
    ).Crawler!;
    expect(crawled.State).toBe('READY');
    expect(crawled.LastCrawl!.Status).toBe('SUCCEEDED');
    expect(crawled.LastCrawl!.StartTime!.getTime()).toBe(
      b.StartedOn!.getTime(),
    );
    expect((await liveRuns('b'))[0].JobRunState).toBe('SUCCEEDED');

    // ANY (a or c) fired after a; AND (a and c) did not, c never ran in this chain.
    const [either] = await liveRuns('either');
    expect(either.TriggerName).toBe('any-a-c');
    expect(await liveRuns('both')).toEqual([]);
  });

  it('does not fire conditional triggers for runs started by hand (like Glue)', async () => {
    await start();
    await glue.send(new StartJobRunCommand({ JobName: 'a' }));
    clock.advance(2 * HOUR);
    expect((await liveRuns('a'))[0].JobRunState).toBe('SUCCEEDED');
    expect(await liveRuns('b')).toEqual([]);
    expect(await liveRuns('either')).toEqual([]);
  });

  it('with requireTriggeredUpstream false, manual runs fire triggers; AND waits for all, ANY for one', async () => {
    await start({ requireTriggeredUpstream: false });
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({
        JobName: 'a',
        Arguments: { '--mode': 'manual' },
      }),
    );
    clock.advance(HOUR);
    const [b] = await liveRuns('b');
    expect(b.TriggerName).toBe('a-then-b');
    const preds = await glue.send(
      new GetJobRunCommand({
        JobName: 'b',
        RunId: b.Id,
        PredecessorsIncluded: true,
      }),
    );
    expect(preds.JobRun!.PredecessorRuns).toEqual([
      { JobName: 'a', RunId: JobRunId },
    ]);
    expect(await liveRuns('either')).toHaveLength(1);
    expect(await liveRuns('both')).toEqual([]);

    const c = await glue.send(new StartJobRunCommand({ JobName: 'c' }));
    clock.advance(HOUR);
    const [both] = await liveRuns('both');
    expect(both.TriggerName).toBe('and-a-c');
    const bothPreds = await glue.send(
      new GetJobRunCommand({
        JobName: 'both',
        RunId: both.Id,
        PredecessorsIncluded: true,
      }),
    );
    expect(bothPreds.JobRun!.PredecessorRuns).toEqual([
      { JobName: 'a', RunId: JobRunId },
      { JobName: 'c', RunId: c.JobRunId },
    ]);
  });

  it('starts error handlers only after failures', async () => {
    await start({ requireTriggeredUpstream: false });
    // flaky's scripted outcomes: FAILED, then SUCCEEDED.
    await glue.send(new StartJobRunCommand({ JobName: 'flaky' }));
    clock.advance(HOUR);
    const [failed] = await liveRuns('flaky');
    expect(failed.JobRunState).toBe('FAILED');
    expect(failed.ErrorMessage).toEqual(expect.any(String));
    const [handler] = await liveRuns('on-failure');
    expect(handler.TriggerName).toBe('flaky-failed');
    await glue.send(new StartJobRunCommand({ JobName: 'flaky' }));
    clock.advance(HOUR);
    expect((await liveRuns('flaky')).map(r => r.JobRunState)).toEqual([
      'FAILED',
      'SUCCEEDED',
    ]);
    expect(await liveRuns('on-failure')).toHaveLength(1);
  });

  it('fires SCHEDULED triggers on their cron in emulated time', async () => {
    const fixture = smallFixture();
    const triggers = fixture.accounts[0].regions['us-east-1'].triggers!;
    triggers.find(t => t.Name === 'hourly-c')!.State = 'ACTIVATED';
    await start({}, fixture);
    // The clock starts at 12:00:00; the next fire is 13:00.
    clock.advance(59 * MINUTE);
    expect(await liveRuns('c')).toEqual([]);
    clock.advance(2 * MINUTE);
    const [run] = await liveRuns('c');
    expect(run.TriggerName).toBe('hourly-c');
    expect(run.StartedOn!.toISOString()).toBe('2026-11-23T13:00:05.000Z');
    clock.advance(2 * HOUR);
    expect((await liveRuns('c')).map(r => r.StartedOn!.toISOString())).toEqual([
      '2026-11-23T13:00:05.000Z',
      '2026-11-23T14:00:05.000Z',
      '2026-11-23T15:00:05.000Z',
    ]);
  });

  it('advances bookmarks on success, not for job-bookmark-pause runs', async () => {
    await start();
    const before = (
      await glue.send(new GetJobBookmarkCommand({ JobName: 'b' }))
    ).JobBookmarkEntry!;
    const first = await glue.send(new StartJobRunCommand({ JobName: 'b' }));
    clock.advance(HOUR);
    const after = (await glue.send(new GetJobBookmarkCommand({ JobName: 'b' })))
      .JobBookmarkEntry!;
    expect(after.Version).toBe(before.Version! + 1);
    expect(after.Run).toBe(before.Run! + 1);
    expect(after.RunId).toBe(first.JobRunId);
    expect(after.PreviousRunId).toBe(before.RunId);
    await glue.send(
      new StartJobRunCommand({
        JobName: 'b',
        Arguments: { '--job-bookmark-option': 'job-bookmark-pause' },
      }),
    );
    clock.advance(HOUR);
    const paused = (
      await glue.send(new GetJobBookmarkCommand({ JobName: 'b' }))
    ).JobBookmarkEntry!;
    expect(paused).toEqual(after);
    const atRun = await glue.send(
      new GetJobBookmarkCommand({ JobName: 'b', RunId: first.JobRunId }),
    );
    expect(atRun.JobBookmarkEntry).toEqual(after);
  });

  it('compresses durations with timeScale', async () => {
    await start({ timeScale: 60 });
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'c' }),
    );
    // 600 s +35% at most = 810 emulated seconds = 13.5 real seconds.
    clock.advance(14_000);
    const run = (
      await glue.send(new GetJobRunCommand({ JobName: 'c', RunId: JobRunId }))
    ).JobRun!;
    expect(run.JobRunState).toBe('SUCCEEDED');
    expect(run.ExecutionTime).toBeGreaterThanOrEqual(450);
    expect(emulator.now().getTime()).toBe(startedAt + 14_000 * 60);
  });

  it('finishes runs faster with durationScale while the clock stays real', async () => {
    await start({ durationScale: 60 });
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'c' }),
    );
    // 600 s +35% at most = 810 s / 60 = 13.5 real seconds.
    clock.advance(14_000);
    const run = (
      await glue.send(new GetJobRunCommand({ JobName: 'c', RunId: JobRunId }))
    ).JobRun!;
    expect(run.JobRunState).toBe('SUCCEEDED');
    expect(run.CompletedOn!.getTime()).toBeLessThanOrEqual(startedAt + 14_000);
    expect(emulator.now().getTime()).toBe(startedAt + 14_000);
  });

  it('retries failed attempts automatically (MaxRetries) before firing downstream', async () => {
    const fixture = smallFixture();
    const jobs = fixture.accounts[0].regions['us-east-1'].jobs!;
    jobs.find(j => j.Name === 'a')!.MaxRetries = 1;
    jobs.find(j => j.Name === 'a')!.Simulation = {
      durationSeconds: 300,
      outcomes: ['FAILED', 'SUCCEEDED'],
    };
    await start({}, fixture);
    await glue.send(new StartTriggerCommand({ Name: 'start-a' }));
    clock.advance(HOUR);
    const [first, retry] = await liveRuns('a');
    expect(first.JobRunState).toBe('FAILED');
    expect(retry).toMatchObject({
      Attempt: 1,
      PreviousRunId: first.Id,
      TriggerName: 'start-a',
      JobRunState: 'SUCCEEDED',
    });
    const [b] = await liveRuns('b');
    const preds = await glue.send(
      new GetJobRunCommand({
        JobName: 'b',
        RunId: b.Id,
        PredecessorsIncluded: true,
      }),
    );
    expect(preds.JobRun!.PredecessorRuns).toEqual([
      { JobName: 'a', RunId: retry.Id },
    ]);
  });

  it('starts the emulated clock at startTime and runs on from there', async () => {
    await start({ startTime: new Date('2028-02-29T02:05:00Z') });
    expect(emulator.now().toISOString()).toBe('2028-02-29T02:05:00.000Z');
    clock.advance(90_000);
    expect(emulator.now().toISOString()).toBe('2028-02-29T02:06:30.000Z');
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'c' }),
    );
    const run = (
      await glue.send(new GetJobRunCommand({ JobName: 'c', RunId: JobRunId }))
    ).JobRun!;
    expect(run.StartedOn!.toISOString()).toBe('2028-02-29T02:06:30.000Z');
    // the history ends at the start time, not at the real clock's now
    const { JobRuns } = await glue.send(
      new GetJobRunsCommand({ JobName: 'a', MaxResults: 200 }),
    );
    const newestHistory = JobRuns!.filter(r => r.Id !== JobRunId)[0];
    expect(newestHistory.StartedOn!.getTime()).toBeLessThan(
      Date.parse('2028-02-29T02:05:00Z'),
    );
    expect(newestHistory.StartedOn!.getTime()).toBeGreaterThan(
      Date.parse('2028-02-29T02:05:00Z') - 91 * 24 * HOUR,
    );
  });

  it('starts exactly at startTime even when the clock moves while it starts', async () => {
    let real = Date.parse('2026-12-01T09:00:00Z');
    const ticking = { now: () => (real += 7) }; // every read takes 7 ms
    // assigned to `emulator`, so that afterEach stops it
    emulator = await startGlueEmulator({
      fixture: smallFixture(),
      port: 0,
      clock: ticking,
      ticker: false,
      startTime: new Date('2026-11-30T00:30:00Z'),
    });
    expect(emulator.state.simulation.startMs).toBe(
      Date.parse('2026-11-30T00:30:00Z'),
    );
    const health = await (
      await fetch(`${emulator.url}/_emulator/health`)
    ).json();
    expect(health.startedAt).toBe('2026-11-30T00:30:00.000Z');
  });

  it('finishes runs in progress at start-up durationScale times faster too', async () => {
    const fixture = smallFixture();
    const job = fixture.accounts[0].regions['us-east-1'].jobs!.find(
      j => j.Name === 'c',
    )!;
    job.Simulation = { durationSeconds: 3600, inProgress: true, history: 3 };
    await start({ durationScale: 60 }, fixture);
    const [running] = (
      await glue.send(new GetJobRunsCommand({ JobName: 'c', MaxResults: 1 }))
    ).JobRuns!;
    expect(running.CompletedOn).toBeUndefined();
    // at most 3600 s x 1.35 left, / 60 = 81 real seconds
    clock.advance(82_000);
    const { JobRun: done } = await glue.send(
      new GetJobRunCommand({ JobName: 'c', RunId: running.Id }),
    );
    expect(done!.CompletedOn).toBeDefined();
    expect(done!.CompletedOn!.getTime()).toBeLessThanOrEqual(
      startedAt + 82_000,
    );
  });

  it('gives the first run a person starts the same outcome whatever a trigger started before it', async () => {
    const outcomeOfFirstManualRun = async (triggerFirst: boolean) => {
      await start({}, smallFixture());
      if (triggerFirst) {
        await glue.send(new StartTriggerCommand({ Name: 'start-a' }));
        clock.advance(HOUR);
      }
      const { JobRunId } = await glue.send(
        new StartJobRunCommand({ JobName: 'a' }),
      );
      clock.advance(HOUR);
      const { JobRun: run } = await glue.send(
        new GetJobRunCommand({ JobName: 'a', RunId: JobRunId }),
      );
      return [run!.JobRunState, run!.ExecutionTime];
    };
    const afterATrigger = await outcomeOfFirstManualRun(true);
    await emulator.stop(); // the second one is stopped by afterEach
    expect(await outcomeOfFirstManualRun(false)).toEqual(afterATrigger);
  });

  it('takes the outcomes of runs started with StartJobRun from manualOutcomes', async () => {
    const fixture = smallFixture();
    const a = fixture.accounts[0].regions['us-east-1'].jobs!.find(
      j => j.Name === 'a',
    )!;
    a.Simulation = {
      durationSeconds: 60,
      outcomes: ['FAILED'],
      manualOutcomes: ['SUCCEEDED', 'TIMEOUT'],
    };
    await start({}, fixture);
    await glue.send(new StartTriggerCommand({ Name: 'start-a' }));
    clock.advance(HOUR);
    for (let i = 0; i < 3; i++) {
      await glue.send(new StartJobRunCommand({ JobName: 'a' }));
      clock.advance(HOUR);
    }
    const runs = await liveRuns('a');
    expect(runs.map(r => [r.TriggerName ?? 'manual', r.JobRunState])).toEqual([
      ['start-a', 'FAILED'],
      ['manual', 'SUCCEEDED'],
      ['manual', 'TIMEOUT'],
      ['manual', 'SUCCEEDED'],
    ]);
  });

  it('only moves when tick() (or a request) processes due events', async () => {
    await start();
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'c' }),
    );
    clock.advance(HOUR);
    const model = emulator.state.model.region('123456789012', 'us-east-1');
    const record = model.jobs.get('c')!.runsById!.get(JobRunId!)!;
    expect(record.run.JobRunState).toBe('STARTING');
    expect(emulator.tick()).toBeGreaterThanOrEqual(2);
    expect(record.run.JobRunState).toBe('SUCCEEDED');
    expect(emulator.tick()).toBe(0);
  });
});
