import {
  BatchStopJobRunCommand,
  ConcurrentRunsExceededException,
  GetJobRunCommand,
  GetJobRunsCommand,
  GlueClient,
  JobRun,
  paginateGetJobRuns,
  StartJobRunCommand,
} from '@aws-sdk/client-glue';
import { GlueEmulator, startGlueEmulator } from '../emulator';
import {
  errorOf,
  glueClient,
  manualClock,
  MINUTE,
  smallFixture,
} from '../__testUtils__';

describe('job run operations', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;
  let clock: ReturnType<typeof manualClock>;

  beforeEach(async () => {
    clock = manualClock();
    emulator = await startGlueEmulator({
      fixture: smallFixture(),
      port: 0,
      clock,
    });
    glue = glueClient(emulator.url);
  });
  afterEach(() => emulator.stop());

  const runsOf = async (JobName: string) => {
    const runs: JobRun[] = [];
    for await (const page of paginateGetJobRuns(
      { client: glue, pageSize: 5 },
      { JobName },
    )) {
      runs.push(...page.JobRuns!);
    }
    return runs;
  };

  it('GetJobRuns pages newest first with the SDK paginator', async () => {
    const runs = await runsOf('a');
    expect(runs.length).toBeGreaterThan(5);
    const starts = runs.map(r => r.StartedOn!.getTime());
    expect([...starts].sort((x, y) => y - x)).toEqual(starts);
    expect(new Set(runs.map(r => r.Id)).size).toBe(runs.length);
    const calls = emulator.stats().calls.GetJobRuns;
    expect(calls).toBe(Math.ceil(runs.length / 5));
    // The history covers the 90 days before the start.
    const start = clock.now();
    for (const r of runs) {
      expect(r.StartedOn!.getTime()).toBeLessThan(start);
      expect(r.StartedOn!.getTime()).toBeGreaterThan(
        start - 90 * 24 * 60 * MINUTE,
      );
      expect(r.Id).toMatch(/^jr_[0-9a-f]{64}$/);
      expect(r.LogGroupName).toBe('/aws-glue/jobs');
    }
  });

  it('GetJobRuns rejects MaxResults 201 and needs JobName', async () => {
    const tooMany = await errorOf(
      glue.send(new GetJobRunsCommand({ JobName: 'a', MaxResults: 201 })),
    );
    expect(tooMany.name).toBe('InvalidInputException');
    expect(tooMany.message).toContain('less than or equal to 200');
    const missing = await errorOf(glue.send(new GetJobRunsCommand({} as any)));
    expect(missing.message).toContain("Value null at 'jobName'");
  });

  it('GetJobRun includes PredecessorRuns only when asked', async () => {
    const runs = await runsOf('b');
    const triggered = runs.find(r => r.TriggerName === 'a-then-b')!;
    expect(triggered).toBeDefined();
    const plain = await glue.send(
      new GetJobRunCommand({ JobName: 'b', RunId: triggered.Id }),
    );
    expect(plain.JobRun!.PredecessorRuns).toBeUndefined();
    const withPreds = await glue.send(
      new GetJobRunCommand({
        JobName: 'b',
        RunId: triggered.Id,
        PredecessorsIncluded: true,
      }),
    );
    expect(withPreds.JobRun!.PredecessorRuns).toHaveLength(1);
    expect(withPreds.JobRun!.PredecessorRuns![0].JobName).toBe('a');
    const unknown = await errorOf(
      glue.send(new GetJobRunCommand({ JobName: 'b', RunId: 'jr_nope' })),
    );
    expect(unknown.name).toBe('EntityNotFoundException');
  });

  it('StartJobRun goes STARTING -> RUNNING -> SUCCEEDED with the injected clock', async () => {
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({
        JobName: 'a',
        Arguments: { '--mode': 'api', '--extra': '1' },
      }),
    );
    expect(JobRunId).toMatch(/^jr_[0-9a-f]{64}$/);
    const state = async () =>
      (await glue.send(new GetJobRunCommand({ JobName: 'a', RunId: JobRunId })))
        .JobRun!;
    const started = await state();
    expect(started.JobRunState).toBe('STARTING');
    expect(started.StartedOn!.getTime()).toBe(clock.now());
    // What it was started with, not merged with the job's DefaultArguments.
    expect(started.Arguments).toEqual({ '--mode': 'api', '--extra': '1' });
    expect(started.TriggerName).toBeUndefined();
    clock.advance(MINUTE);
    expect((await state()).JobRunState).toBe('RUNNING');
    clock.advance(30 * MINUTE);
    const done = await state();
    expect(done.JobRunState).toBe('SUCCEEDED');
    expect(done.ExecutionTime).toBeGreaterThan(400);
    const elapsedSeconds =
      (done.CompletedOn!.getTime() - done.StartedOn!.getTime()) / 1000;
    expect(done.ExecutionTime).toBe(Math.round(elapsedSeconds));
    // G.1X x 2 workers = 2 DPU.
    expect(done.DPUSeconds).toBeCloseTo(
      2 * ((done.CompletedOn!.getTime() - done.StartedOn!.getTime()) / 1000),
      1,
    );
    const newest = await glue.send(
      new GetJobRunsCommand({ JobName: 'a', MaxResults: 1 }),
    );
    expect(newest.JobRuns![0].Id).toBe(JobRunId);
  });

  it('StartJobRun enforces MaxConcurrentRuns (default 1)', async () => {
    await glue.send(new StartJobRunCommand({ JobName: 'c' }));
    const err = await errorOf(
      glue.send(new StartJobRunCommand({ JobName: 'c' })),
    );
    expect(err).toBeInstanceOf(ConcurrentRunsExceededException);
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe('Concurrent runs exceeded for c');
    const unknown = await errorOf(
      glue.send(new StartJobRunCommand({ JobName: 'ghost' })),
    );
    expect(unknown.name).toBe('EntityNotFoundException');
  });

  it('StartJobRun with JobRunId retries a previous run', async () => {
    const first = await glue.send(
      new StartJobRunCommand({ JobName: 'flaky', Arguments: { '--x': '1' } }),
    );
    clock.advance(20 * MINUTE);
    const failed = (
      await glue.send(
        new GetJobRunCommand({ JobName: 'flaky', RunId: first.JobRunId }),
      )
    ).JobRun!;
    expect(failed.JobRunState).toBe('FAILED');
    expect(failed.ErrorMessage).toBeTruthy();
    const retry = await glue.send(
      new StartJobRunCommand({
        JobName: 'flaky',
        JobRunId: first.JobRunId,
        Arguments: { '--y': '2' },
      }),
    );
    const run = (
      await glue.send(
        new GetJobRunCommand({ JobName: 'flaky', RunId: retry.JobRunId }),
      )
    ).JobRun!;
    expect(run.PreviousRunId).toBe(first.JobRunId);
    expect(run.Attempt).toBe(1);
    expect(run.Arguments).toEqual({ '--x': '1', '--y': '2' });
    clock.advance(20 * MINUTE);
    expect(
      (
        await glue.send(
          new GetJobRunCommand({ JobName: 'flaky', RunId: retry.JobRunId }),
        )
      ).JobRun!.JobRunState,
    ).toBe('SUCCEEDED');
  });

  it('BatchStopJobRun moves a running run to STOPPING then STOPPED and reports errors', async () => {
    const { JobRunId } = await glue.send(
      new StartJobRunCommand({ JobName: 'c' }),
    );
    clock.advance(MINUTE);
    const out = await glue.send(
      new BatchStopJobRunCommand({
        JobName: 'c',
        JobRunIds: [JobRunId!, 'jr_unknown'],
      }),
    );
    expect(out.SuccessfulSubmissions).toEqual([{ JobName: 'c', JobRunId }]);
    expect(out.Errors).toHaveLength(1);
    expect(out.Errors![0]).toMatchObject({
      JobName: 'c',
      JobRunId: 'jr_unknown',
      ErrorDetail: { ErrorCode: 'EntityNotFoundException' },
    });
    const state = async () =>
      (await glue.send(new GetJobRunCommand({ JobName: 'c', RunId: JobRunId })))
        .JobRun!;
    expect((await state()).JobRunState).toBe('STOPPING');
    clock.advance(MINUTE);
    const stopped = await state();
    expect(stopped.JobRunState).toBe('STOPPED');
    const again = await glue.send(
      new BatchStopJobRunCommand({ JobName: 'c', JobRunIds: [JobRunId!] }),
    );
    expect(again.Errors![0].ErrorDetail!.ErrorCode).toBe(
      'InvalidInputException',
    );
  });

  it('BatchStopJobRun accepts 1-25 run ids', async () => {
    const none = await errorOf(
      glue.send(new BatchStopJobRunCommand({ JobName: 'c', JobRunIds: [] })),
    );
    expect(none.name).toBe('InvalidInputException');
    const ids = Array.from({ length: 26 }, (_, i) => `jr_${i}`);
    const many = await errorOf(
      glue.send(new BatchStopJobRunCommand({ JobName: 'c', JobRunIds: ids })),
    );
    expect(many.name).toBe('InvalidInputException');
    expect(many.message).toContain('less than or equal to 25');
  });
});
