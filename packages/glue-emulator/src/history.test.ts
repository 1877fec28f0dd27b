import {
  GetJobBookmarkCommand,
  GetJobRunCommand,
  GetJobRunsCommand,
  GlueClient,
  JobRun,
  paginateGetJobRuns,
} from '@aws-sdk/client-glue';
import { GlueEmulator, startGlueEmulator } from './emulator';
import { DEMO_FIXTURE, glueClient, HOUR, manualClock } from './__testUtils__';

async function allRuns(glue: GlueClient, JobName: string): Promise<JobRun[]> {
  const runs: JobRun[] = [];
  for await (const page of paginateGetJobRuns(
    { client: glue, pageSize: 200 },
    { JobName },
  )) {
    runs.push(...page.JobRuns!);
  }
  return runs;
}

describe('generated run history', () => {
  const emulators: GlueEmulator[] = [];
  const start = async (options: { seed?: number; at?: string } = {}) => {
    const emulator = await startGlueEmulator({
      fixture: DEMO_FIXTURE,
      port: 0,
      seed: options.seed,
      clock: manualClock(options.at),
    });
    emulators.push(emulator);
    return { emulator, glue: glueClient(emulator.url) };
  };
  afterAll(() => Promise.all(emulators.map(e => e.stop())));

  let demo: GlueClient;
  beforeAll(async () => {
    demo = (await start()).glue;
  });

  it('is identical for the same seed and start time, whatever the read order', async () => {
    const one = await start();
    const two = await start();
    const jobs = [
      'freshers_in_dependent_job',
      'triggering_job',
      'orders-aggregate',
      'data-quality-checks',
    ];
    const first: JobRun[][] = [];
    for (const job of jobs) first.push(await allRuns(one.glue, job));
    const second: JobRun[][] = [];
    for (const job of [...jobs].reverse())
      second.unshift(await allRuns(two.glue, job));
    expect(second).toEqual(first);
    expect(first[0].length).toBeGreaterThan(10);
  });

  it('differs for another seed or start time', async () => {
    const base = await allRuns(demo, 'triggering_job');
    const otherSeed = await allRuns(
      (
        await start({ seed: 43 })
      ).glue,
      'triggering_job',
    );
    const otherTime = await allRuns(
      (
        await start({ at: '2026-10-01T08:00:00Z' })
      ).glue,
      'triggering_job',
    );
    expect(otherSeed.map(r => r.Id)).not.toEqual(base.map(r => r.Id));
    expect(otherTime[0].StartedOn!.getTime()).toBeLessThan(
      base[base.length - 1].StartedOn!.getTime(),
    );
  });

  it('follows the schedule of the trigger that starts the job', async () => {
    const runs = (await allRuns(demo, 'triggering_job')).filter(
      r => r.Attempt === 0,
    );
    expect(runs.length).toBe(40);
    for (const run of runs) {
      expect(run.TriggerName).toBe('nightly-ingest');
      // cron(0 2 * * ? *) plus a few seconds of dispatch delay.
      expect(run.StartedOn!.getUTCHours()).toBe(2);
      expect(run.StartedOn!.getUTCMinutes()).toBe(0);
    }
  });

  it('derives conditional runs from the upstream runs of the same chain', async () => {
    const upstream = new Map(
      (await allRuns(demo, 'triggering_job')).map(r => [r.Id, r]),
    );
    const runs = await allRuns(demo, 'freshers_in_dependent_job');
    expect(runs.length).toBeGreaterThan(20);
    for (const run of runs.filter(r => r.Attempt === 0)) {
      expect(run.TriggerName).toBe('start-freshers-in-dependent-job');
      expect(run.Arguments!['--dependency-param']).toBe('value');
      expect(run.PredecessorRuns).toHaveLength(1);
      const pred = upstream.get(run.PredecessorRuns![0].RunId!);
      expect(pred).toBeDefined();
      expect(pred!.JobRunState).toBe('SUCCEEDED');
      expect(pred!.CompletedOn!.getTime()).toBeLessThan(
        run.StartedOn!.getTime(),
      );
      expect(
        run.StartedOn!.getTime() - pred!.CompletedOn!.getTime(),
      ).toBeLessThan(60_000);
    }
    // A failed triggering_job run never started the dependent job.
    const failedIds = new Set(
      [...upstream.values()]
        .filter(r => r.JobRunState === 'FAILED')
        .map(r => r.Id),
    );
    expect(failedIds.size).toBeGreaterThan(0);
    expect(runs.some(r => failedIds.has(r.PredecessorRuns![0]?.RunId!))).toBe(
      false,
    );
  });

  it("gives each run the Arguments it was started with, not the job's DefaultArguments", async () => {
    // nightly-ingest's action has no Arguments: the runs have none either.
    const ingest = await allRuns(demo, 'triggering_job');
    expect(ingest.length).toBeGreaterThan(10);
    for (const run of ingest) expect(run.Arguments).toEqual({});
    // A workflow run's job: the action's Arguments plus the workflow's own.
    const [orders] = await allRuns(demo, 'orders-daily-etl');
    expect(orders.Arguments).toEqual({
      '--run_date': 'auto',
      '--WORKFLOW_NAME': 'sales-pipeline',
      '--WORKFLOW_RUN_ID': expect.stringMatching(/^wr_[0-9a-f]{64}$/),
    });
    // The DefaultArguments still apply: glueetl's bookmark
    // (--job-bookmark-option in DefaultArguments only) moved with its runs.
    const { JobBookmarkEntry } = await demo.send(
      new GetJobBookmarkCommand({ JobName: 'glueetl' }),
    );
    const glueetl = await allRuns(demo, 'glueetl');
    expect(glueetl[0].Arguments).toEqual({});
    expect(JobBookmarkEntry!.Run).toBe(
      glueetl.filter(r => r.JobRunState === 'SUCCEEDED').length,
    );
  });

  it('AND predicates wait for every watched job of the chain; error handlers follow failures only', async () => {
    const dq = await allRuns(demo, 'data-quality-checks');
    expect(dq.length).toBeGreaterThan(10);
    for (const run of dq.filter(r => r.Attempt === 0)) {
      expect(run.PredecessorRuns!.map(p => p.JobName)).toEqual([
        'events-dedupe',
        'events-sessionize',
      ]);
    }
    const alerts = await allRuns(demo, 'pipeline-failure-alert');
    expect(alerts.length).toBeGreaterThan(0);
    for (const run of alerts) {
      const [pred] = run.PredecessorRuns!;
      const { JobRun: upstream } = await demo.send(
        new GetJobRunCommand({ JobName: pred.JobName, RunId: pred.RunId }),
      );
      expect(upstream!.JobRunState).toBe('FAILED');
      expect(run.Arguments!['--severity']).toBe('high');
    }
  });

  it('retries failed attempts of jobs with MaxRetries', async () => {
    const runs = await allRuns(demo, 'orders-daily-etl');
    const byId = new Map(runs.map(r => [r.Id, r]));
    const retries = runs.filter(r => r.Attempt === 1);
    expect(retries.length).toBeGreaterThan(0);
    for (const retry of retries) {
      const previous = byId.get(retry.PreviousRunId!)!;
      expect(previous.JobRunState).toBe('FAILED');
      expect(previous.TriggerName).toBe(retry.TriggerName);
      expect(retry.StartedOn!.getTime()).toBeGreaterThan(
        previous.CompletedOn!.getTime(),
      );
    }
  });

  it('fills capacity, DPU-seconds and copies the job configuration', async () => {
    const [run] = (await allRuns(demo, 'glueetl')).filter(
      r => r.JobRunState === 'SUCCEEDED',
    );
    expect(run).toMatchObject({
      WorkerType: 'G.1X',
      NumberOfWorkers: 8,
      MaxCapacity: 8,
      GlueVersion: '4.0',
      Timeout: 120,
      ExecutionClass: 'STANDARD',
    });
    const seconds =
      (run.CompletedOn!.getTime() - run.StartedOn!.getTime()) / 1000;
    expect(run.DPUSeconds).toBeCloseTo(8 * seconds, 0);
    const [shell] = (await allRuns(demo, 's3-inventory-report')).filter(
      r => r.JobRunState === 'SUCCEEDED',
    );
    expect(shell.MaxCapacity).toBe(0.0625);
    expect(shell.DPUSeconds).toBeCloseTo(
      0.0625 *
        ((shell.CompletedOn!.getTime() - shell.StartedOn!.getTime()) / 1000),
      1,
    );
    const [flex] = await allRuns(demo, 'revenue-forecast');
    expect(flex.ExecutionClass).toBe('FLEX');
  });

  it('pins the newest finished runs of a job on any date and at any hour', async () => {
    // freshers_in_dependent_job pins [FAILED (KeyError...), SUCCEEDED] in the
    // demo fixture: a Monday before the nightly chain, a month and year end,
    // a leap day while the chain runs, and every few minutes of 02:00-02:30.
    const times = [
      '2026-11-30T00:30:00Z',
      '2026-12-31T23:55:00Z',
      '2028-02-29T02:05:00Z',
      ...Array.from(
        { length: 11 },
        (_, i) => `2028-02-29T02:${String(i * 3).padStart(2, '0')}:00Z`,
      ),
    ];
    let sawInProgress = false;
    for (const at of times) {
      const { glue } = await start({ at });
      const runs = await allRuns(glue, 'freshers_in_dependent_job');
      const finished = runs.filter(r => r.CompletedOn !== undefined);
      const active = runs.slice(0, runs.indexOf(finished[0]));
      expect(
        active.every(r => ['STARTING', 'RUNNING'].includes(r.JobRunState!)),
      ).toBe(true);
      sawInProgress ||= active.length > 0;
      expect(
        finished.slice(0, 2).map(r => [r.JobRunState, r.ErrorMessage]),
      ).toEqual([
        ['SUCCEEDED', undefined],
        [
          'FAILED',
          "KeyError: '--dependency-param' was not passed by the trigger",
        ],
      ]);
      expect(finished[0].StartedOn!.getTime()).toBeLessThan(Date.parse(at));
    }
    // Some minute of the nightly chain had the job running at start-up: the
    // pins moved to the runs before it.
    expect(sawInProgress).toBe(true);
  });

  it('keeps in-progress runs running until the simulation finishes them', async () => {
    const { emulator, glue } = await start();
    const [newest] = (
      await glue.send(
        new GetJobRunsCommand({
          JobName: 'email-engagement-etl',
          MaxResults: 1,
        }),
      )
    ).JobRuns!;
    expect(['STARTING', 'RUNNING']).toContain(newest.JobRunState);
    expect(newest.CompletedOn).toBeUndefined();
    (
      emulator.state.simulation.options.clock as ReturnType<typeof manualClock>
    ).advance(2 * HOUR);
    const { JobRun: finished } = await glue.send(
      new GetJobRunCommand({
        JobName: 'email-engagement-etl',
        RunId: newest.Id,
      }),
    );
    expect(['SUCCEEDED', 'FAILED', 'TIMEOUT', 'STOPPED']).toContain(
      finished!.JobRunState,
    );
    expect(finished!.CompletedOn!.getTime()).toBeGreaterThan(
      newest.StartedOn!.getTime(),
    );
  });
});
