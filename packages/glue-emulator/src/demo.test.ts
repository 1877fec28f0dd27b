import {
  CloudWatchLogsClient,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  GetJobCommand,
  GetJobRunsCommand,
  GetTriggerCommand,
  GetTriggersCommand,
  GetWorkflowRunCommand,
  GetWorkflowRunsCommand,
  GlueClient,
  JobRun,
  paginateGetJobs,
  paginateGetJobRuns,
  ResumeWorkflowRunCommand,
  WorkflowRun,
} from '@aws-sdk/client-glue';
import { GlueEmulator, startGlueEmulator } from './emulator';
import { loadFixture } from './fixture';
import { DEMO_FIXTURE, glueClient, HOUR, manualClock } from './__testUtils__';

describe('examples/glue/demo.yaml', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: DEMO_FIXTURE,
      port: 0,
      clock: manualClock(),
    });
    glue = glueClient(emulator.url);
  });
  afterAll(() => emulator.stop());

  it('loads: one account, us-east-1 plus a little eu-west-1', () => {
    const fixture = loadFixture(DEMO_FIXTURE);
    expect(fixture.accounts.map(a => a.accountId)).toEqual(['123456789012']);
    expect(Object.keys(fixture.accounts[0].regions)).toEqual([
      'us-east-1',
      'eu-west-1',
    ]);
    expect(emulator.summary).toEqual({
      jobs: 42,
      triggers: 35,
      workflows: 2,
      crawlers: 4,
      regions: 2,
    });
  });

  it('has the jobs of three teams, visual / python shell / FLEX jobs and an odd name', async () => {
    const owners = new Map<string, number>();
    const jobs = [];
    for await (const page of paginateGetJobs({ client: glue }, {}))
      jobs.push(...page.Jobs!);
    expect(jobs).toHaveLength(40);
    const fixtureJobs =
      loadFixture(DEMO_FIXTURE).accounts[0].regions['us-east-1'].jobs!;
    for (const j of fixtureJobs) {
      const owner = j.Tags?.owner ?? j.Tags?.team ?? '(none)';
      owners.set(owner, (owners.get(owner) ?? 0) + 1);
    }
    expect(owners.get('data-platform')).toBeGreaterThanOrEqual(10);
    expect(owners.get('analytics')).toBeGreaterThanOrEqual(10);
    expect(owners.get('marketing-data')).toBeGreaterThanOrEqual(10);
    expect(
      jobs.some(
        j =>
          j.JobMode === 'VISUAL' &&
          j.CodeGenConfigurationNodes?.['node-1']?.S3CsvSource,
      ),
    ).toBe(true);
    expect(jobs.some(j => j.Command!.Name === 'pythonshell')).toBe(true);
    expect(jobs.some(j => j.ExecutionClass === 'FLEX')).toBe(true);
    const odd = jobs.find(j =>
      j.Name!.startsWith('Monthly Finance Reconciliation'),
    )!;
    expect(odd.Name!.length).toBeGreaterThan(63);
    expect(
      jobs.find(j => j.Name === 'legacy_crm_sync')!.DefaultArguments,
    ).toMatchObject({
      '--db-password': expect.any(String),
      '--api-token': expect.any(String),
    });
  });

  it('has the classic dependency cases', async () => {
    const dependent = await glue.send(
      new GetTriggersCommand({ DependentJobName: 'freshers_in_dependent_job' }),
    );
    expect(dependent.Triggers).toEqual([
      expect.objectContaining({
        Name: 'start-freshers-in-dependent-job',
        Type: 'CONDITIONAL',
        State: 'ACTIVATED',
        Predicate: {
          Logical: 'AND',
          Conditions: [
            {
              LogicalOperator: 'EQUALS',
              JobName: 'triggering_job',
              State: 'SUCCEEDED',
            },
          ],
        },
        Actions: [
          {
            JobName: 'freshers_in_dependent_job',
            Arguments: { '--dependency-param': 'value' },
          },
        ],
      }),
    ]);
    const starters = await glue.send(
      new GetTriggersCommand({ DependentJobName: 'triggering_job' }),
    );
    expect(starters.Triggers!.map(t => t.Type)).toEqual(['SCHEDULED']);
    const glueetl = (await glue.send(new GetJobCommand({ JobName: 'glueetl' })))
      .Job!;
    const upstream = (
      await glue.send(new GetJobCommand({ JobName: 'upstream_job' }))
    ).Job!;
    expect(upstream.DefaultArguments!['--output']).toBe(
      's3://freshers-in/output-data/',
    );
    expect(glueetl.DefaultArguments!['--input']).toBe(
      's3://freshers-in/output-data/',
    );
    expect(glueetl.DefaultArguments!['--job-bookmark-option']).toBe(
      'job-bookmark-enable',
    );
    expect(glueetl.Command!.ScriptLocation).toBe('s3://freshers-in/scripts/');
    const glueetlTrigger = await glue.send(
      new GetTriggersCommand({ DependentJobName: 'glueetl' }),
    );
    expect(glueetlTrigger.Triggers![0].Predicate!.Conditions).toEqual([
      {
        LogicalOperator: 'EQUALS',
        JobName: 'upstream_job',
        State: 'SUCCEEDED',
      },
    ]);
  });

  it('has run histories with failures, timeouts and runs in progress', async () => {
    const runs = [];
    for await (const page of paginateGetJobRuns(
      { client: glue },
      { JobName: 'freshers_in_dependent_job' },
    )) {
      runs.push(...page.JobRuns!);
    }
    const failed = runs.filter(r => r.JobRunState === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].ErrorMessage).toBeTruthy();
    const timeouts = await glue.send(
      new GetJobRunsCommand({ JobName: 'returns-analysis', MaxResults: 200 }),
    );
    expect(timeouts.JobRuns!.some(r => r.JobRunState === 'TIMEOUT')).toBe(true);
    const streaming = await glue.send(
      new GetJobRunsCommand({
        JobName: 'raw-clickstream-stream',
        MaxResults: 1,
      }),
    );
    expect(streaming.JobRuns![0].JobRunState).toBe('RUNNING');
  });
});

describe('examples/glue/demo.yaml: what the chain-executions e2e tests rely on', () => {
  // A Monday, a year end, a leap day; before, during and after the nightly chains.
  const STARTS = [
    '2026-11-23T12:00:00Z',
    '2027-12-31T23:30:00Z',
    '2028-02-29T02:05:00Z',
    '2026-06-01T02:20:00Z',
    '2026-06-02T03:20:00Z',
  ];

  async function withDemo<T>(
    start: string | { start: string; durationScale: number },
    body: (
      glue: GlueClient,
      clock: ReturnType<typeof manualClock>,
      url: string,
    ) => Promise<T>,
  ): Promise<T> {
    const options = typeof start === 'string' ? { start } : start;
    const clock = manualClock(options.start);
    const emulator = await startGlueEmulator({
      fixture: DEMO_FIXTURE,
      port: 0,
      clock,
      durationScale: 'durationScale' in options ? options.durationScale : 1,
    });
    try {
      return await body(glueClient(emulator.url), clock, emulator.url);
    } finally {
      await emulator.stop();
    }
  }

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

  it.each(STARTS)(
    'upstream_job -> run-glueetl-after-upstream -> glueetl is a nightly chain with 14+ executions, last night included (%s)',
    async start =>
      withDemo(start, async glue => {
        const { Trigger } = await glue.send(
          new GetTriggerCommand({ Name: 'nightly-ingest' }),
        );
        expect(Trigger!.Type).toBe('SCHEDULED');
        const upstream = new Map(
          (await allRuns(glue, 'upstream_job')).map(r => [r.Id, r]),
        );
        const glueetl = await allRuns(glue, 'glueetl');
        for (const run of glueetl) {
          expect(run.TriggerName).toBe('run-glueetl-after-upstream');
          expect(run.PredecessorRuns).toHaveLength(1);
          const [pred] = run.PredecessorRuns!;
          expect(pred.JobName).toBe('upstream_job');
          const root = upstream.get(pred.RunId!)!;
          expect(root.TriggerName).toBe('nightly-ingest');
          expect(root.JobRunState).toBe('SUCCEEDED');
          expect(root.PredecessorRuns).toEqual([]);
        }
        const finished = glueetl.filter(r => r.CompletedOn !== undefined);
        expect(finished.length).toBeGreaterThanOrEqual(14);
        // Last night: the newest finished upstream_job run (at most a day
        // and the time tonight's run has been running) succeeded and
        // started glueetl.
        const newest = [...upstream.values()].find(
          r => r.CompletedOn !== undefined,
        )!;
        expect(newest.JobRunState).toBe('SUCCEEDED');
        expect(
          Date.parse(start) - newest.StartedOn!.getTime(),
        ).toBeLessThanOrEqual(25 * HOUR);
        expect(
          glueetl.some(r => r.PredecessorRuns![0].RunId === newest.Id),
        ).toBe(true);
      }),
  );

  it.each(STARTS)(
    'freshers_in_dependent_job has a FAILED run started unlike the success before it, with a secret in its error log (%s)',
    async start =>
      withDemo(start, async (glue, _clock, url) => {
        const runs = (await allRuns(glue, 'freshers_in_dependent_job'))
          .filter(r => r.CompletedOn !== undefined)
          .reverse();
        const i = runs.findIndex(
          r =>
            r.JobRunState === 'FAILED' &&
            r.Arguments!['--batch_size'] === '50000',
        );
        expect(i).toBeGreaterThan(0);
        const failed = runs[i];
        const before = runs
          .slice(0, i)
          .reverse()
          .find(r => r.JobRunState === 'SUCCEEDED')!;
        expect(runs[i - 1]).toBe(before);
        expect(before.Arguments).toEqual({ '--dependency-param': 'value' });
        expect(failed.Arguments).toEqual({
          '--dependency-param': 'value',
          '--batch_size': '50000',
        });
        expect([before.NumberOfWorkers, failed.NumberOfWorkers]).toEqual([
          5, 2,
        ]);
        expect(failed.WorkerType).toBe(before.WorkerType);
        expect(failed.ErrorMessage).toBe(
          "KeyError: '--dependency-param' was not passed by the trigger",
        );
        const logs = new CloudWatchLogsClient({
          endpoint: url,
          region: 'us-east-1',
          credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
          maxAttempts: 1,
        });
        const { events } = await logs.send(
          new GetLogEventsCommand({
            logGroupName: '/aws-glue/jobs/error',
            logStreamName: failed.Id,
            startFromHead: true,
          }),
        );
        const text = events!.map(e => e.message).join('\n');
        expect(text).toContain('password=S3cr3t-Hunter2');
        expect(text).toContain('Authorization: Bearer eyJhbGciOi');
        expect(events![events!.length - 1].message).toContain(
          failed.ErrorMessage!,
        );
      }),
  );

  it.each(STARTS)(
    'sales-pipeline has a finished run with a FAILED orders-aggregate; resuming it completes without failures (%s)',
    async start => {
      expect.hasAssertions();
      await expectSalesPipelineResumes(start, 2 * 60_000);
    },
  );

  it("resumes sales-pipeline in seconds with npm start's --duration-scale 60", async () => {
    expect.hasAssertions();
    await expectSalesPipelineResumes(
      { start: '2026-11-23T12:00:00Z', durationScale: 60 },
      5_000,
    );
  });

  function expectSalesPipelineResumes(
    start: string | { start: string; durationScale: number },
    waitMs: number,
  ) {
    return withDemo(start, async (glue, clock) => {
      const { Runs } = await glue.send(
        new GetWorkflowRunsCommand({
          Name: 'sales-pipeline',
          IncludeGraph: true,
        }),
      );
      const aggregate = (r: WorkflowRun) =>
        r.Graph!.Nodes!.find(n => n.Name === 'orders-aggregate')!;
      const failed = Runs!.find(
        r =>
          r.Status === 'COMPLETED' &&
          aggregate(r).JobDetails!.JobRuns!.some(
            j => j.JobRunState === 'FAILED',
          ),
      )!;
      expect(failed).toBeDefined();
      expect(failed.Statistics!.FailedActions).toBe(1);
      const nodeId = aggregate(failed).UniqueId!;
      const { RunId } = await glue.send(
        new ResumeWorkflowRunCommand({
          Name: 'sales-pipeline',
          RunId: failed.WorkflowRunId,
          NodeIds: [nodeId],
        }),
      );
      // Simulation.resume: 20 s a node (+-40%): done in 2 minutes, or in
      // about 2 s with npm start's --duration-scale 60.
      clock.advance(waitMs);
      const { Run } = await glue.send(
        new GetWorkflowRunCommand({
          Name: 'sales-pipeline',
          RunId,
          IncludeGraph: true,
        }),
      );
      expect(Run!.PreviousRunId).toBe(failed.WorkflowRunId);
      expect(Run!.Status).toBe('COMPLETED');
      expect(Run!.Statistics).toMatchObject({
        FailedActions: 0,
        TimeoutActions: 0,
        StoppedActions: 0,
        ErroredActions: 0,
        RunningActions: 0,
      });
      const ran = Run!
        .Graph!.Nodes!.filter(
          n =>
            (n.JobDetails?.JobRuns?.length ?? 0) +
              (n.CrawlerDetails?.Crawls?.length ?? 0) >
            0,
        )
        .map(n => n.Name);
      expect(ran).toEqual(
        expect.arrayContaining([
          'orders-daily-etl',
          'customers-daily-etl',
          'orders-aggregate',
          'sales-dashboard-refresh',
          'curated-orders-crawler',
        ]),
      );
    });
  }
});
