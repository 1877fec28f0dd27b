import {
  BatchGetWorkflowsCommand,
  GetWorkflowCommand,
  GetWorkflowRunCommand,
  GetWorkflowRunsCommand,
  GlueClient,
  ListWorkflowsCommand,
  paginateGetWorkflowRuns,
  paginateListWorkflows,
  StartWorkflowRunCommand,
  WorkflowRun,
} from '@aws-sdk/client-glue';
import { GlueEmulator, startGlueEmulator } from '../emulator';
import { generateFixture } from '../generate';
import {
  DEMO_FIXTURE,
  demoFixtureWithOutcomes,
  errorOf,
  glueClient,
  manualClock,
  MINUTE,
} from '../__testUtils__';

describe('workflow operations (demo fixture)', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;
  const clock = manualClock();

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: DEMO_FIXTURE,
      port: 0,
      clock,
    });
    glue = glueClient(emulator.url);
  });
  afterAll(() => emulator.stop());

  it('ListWorkflows returns names', async () => {
    const out = await glue.send(new ListWorkflowsCommand({}));
    expect(out.Workflows).toEqual(['marketing-attribution', 'sales-pipeline']);
    expect(out.NextToken).toBeUndefined();
  });

  it('GetWorkflow with IncludeGraph builds nodes and edges', async () => {
    const { Workflow: w } = await glue.send(
      new GetWorkflowCommand({ Name: 'sales-pipeline', IncludeGraph: true }),
    );
    expect(w!.Name).toBe('sales-pipeline');
    expect(w!.DefaultRunProperties).toEqual({ env: 'prod', run_date: 'auto' });
    const nodes = w!.Graph!.Nodes!;
    const byName = new Map(nodes.map(n => [n.Name, n]));
    expect(
      nodes
        .filter(n => n.Type === 'TRIGGER')
        .map(n => n.Name)
        .sort(),
    ).toEqual([
      'sales-after-aggregate',
      'sales-after-crawl',
      'sales-after-orders-and-customers',
      'sales-failure-notify',
      'sales-pipeline-start',
    ]);
    expect(nodes.filter(n => n.Type === 'CRAWLER').map(n => n.Name)).toEqual([
      'curated-orders-crawler',
    ]);
    expect(
      byName.get('sales-pipeline-start')!.TriggerDetails!.Trigger!.Schedule,
    ).toBe('cron(0 3 * * ? *)');
    const edge = (from: string, to: string) =>
      w!.Graph!.Edges!.some(
        e =>
          e.SourceId === byName.get(from)!.UniqueId &&
          e.DestinationId === byName.get(to)!.UniqueId,
      );
    expect(edge('sales-pipeline-start', 'orders-daily-etl')).toBe(true);
    expect(edge('orders-daily-etl', 'sales-after-orders-and-customers')).toBe(
      true,
    );
    expect(
      edge('customers-daily-etl', 'sales-after-orders-and-customers'),
    ).toBe(true);
    expect(edge('sales-after-orders-and-customers', 'orders-aggregate')).toBe(
      true,
    );
    expect(edge('sales-after-aggregate', 'curated-orders-crawler')).toBe(true);
    expect(edge('curated-orders-crawler', 'sales-after-crawl')).toBe(true);
    expect(edge('orders-aggregate', 'orders-daily-etl')).toBe(false);
    // Each job node carries its latest run.
    const jobRuns = byName.get('orders-daily-etl')!.JobDetails!.JobRuns!;
    expect(jobRuns).toHaveLength(1);
    expect(jobRuns[0].JobName).toBe('orders-daily-etl');
    // LastRun summarises the newest workflow run.
    expect(w!.LastRun!.Name).toBe('sales-pipeline');
    expect(w!.LastRun!.WorkflowRunId).toMatch(/^wr_[0-9a-f]{64}$/);
    expect(w!.LastRun!.Statistics!.TotalActions).toBeGreaterThan(2);
  });

  it('BatchGetWorkflows reports MissingWorkflows and accepts 1-25 names', async () => {
    const out = await glue.send(
      new BatchGetWorkflowsCommand({ Names: ['sales-pipeline', 'ghost'] }),
    );
    expect(out.Workflows!.map(w => w.Name)).toEqual(['sales-pipeline']);
    expect(out.Workflows![0].Graph).toBeUndefined();
    expect(out.MissingWorkflows).toEqual(['ghost']);
    const none = await errorOf(
      glue.send(new BatchGetWorkflowsCommand({ Names: [] })),
    );
    expect(none.name).toBe('InvalidInputException');
    const many = await errorOf(
      glue.send(
        new BatchGetWorkflowsCommand({
          Names: Array.from({ length: 26 }, (_, i) => `w${i}`),
        }),
      ),
    );
    expect(many.message).toContain('less than or equal to 25');
  });

  it('GetWorkflowRuns pages newest first; each run has statistics that match its graph', async () => {
    const runs: WorkflowRun[] = [];
    for await (const page of paginateGetWorkflowRuns(
      { client: glue, pageSize: 40 },
      { Name: 'sales-pipeline' },
    )) {
      runs.push(...page.Runs!);
    }
    expect(runs.length).toBeGreaterThanOrEqual(85);
    const starts = runs.map(r => r.StartedOn!.getTime());
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    const completed = runs.find(
      r => r.Status === 'COMPLETED' && r.Statistics!.TotalActions! >= 4,
    )!;
    const { Run } = await glue.send(
      new GetWorkflowRunCommand({
        Name: 'sales-pipeline',
        RunId: completed.WorkflowRunId,
        IncludeGraph: true,
      }),
    );
    const jobRuns = Run!.Graph!.Nodes!.flatMap(
      n => n.JobDetails?.JobRuns ?? [],
    );
    const crawls = Run!.Graph!.Nodes!.flatMap(
      n => n.CrawlerDetails?.Crawls ?? [],
    );
    expect(jobRuns.length + crawls.length).toBe(Run!.Statistics!.TotalActions);
    for (const jr of jobRuns) {
      expect(jr.Arguments!['--WORKFLOW_RUN_ID']).toBe(completed.WorkflowRunId);
      expect(jr.Arguments!['--WORKFLOW_NAME']).toBe('sales-pipeline');
    }
    expect(Run!.CompletedOn!.getTime()).toBeGreaterThan(
      Run!.StartedOn!.getTime(),
    );
    const tooMany = await errorOf(
      glue.send(
        new GetWorkflowRunsCommand({
          Name: 'sales-pipeline',
          MaxResults: 1001,
        }),
      ),
    );
    expect(tooMany.name).toBe('InvalidInputException');
    const unknown = await errorOf(
      glue.send(
        new GetWorkflowRunCommand({ Name: 'sales-pipeline', RunId: 'wr_x' }),
      ),
    );
    expect(unknown.name).toBe('EntityNotFoundException');
  });

  it('StartWorkflowRun runs the on-demand workflow to COMPLETED', async () => {
    // Every live run of the workflow's jobs succeeds, whatever the demo's rates.
    const succeeding = await startGlueEmulator({
      fixture: demoFixtureWithOutcomes(
        Object.fromEntries(
          [
            'campaign-events-ingest',
            'ad-spend-ingest',
            'attribution-model',
            'attribution-report-export',
          ].map(name => [name, ['SUCCEEDED']]),
        ),
      ),
      port: 0,
      clock,
    });
    const client = glueClient(succeeding.url);
    try {
      const { RunId } = await client.send(
        new StartWorkflowRunCommand({ Name: 'marketing-attribution' }),
      );
      const run = async () =>
        (
          await client.send(
            new GetWorkflowRunCommand({
              Name: 'marketing-attribution',
              RunId,
              IncludeGraph: true,
            }),
          )
        ).Run!;
      const first = await run();
      expect(first.Status).toBe('RUNNING');
      expect(first.WorkflowRunProperties).toEqual({ model: 'position-based' });
      const concurrent = await errorOf(
        client.send(
          new StartWorkflowRunCommand({ Name: 'marketing-attribution' }),
        ),
      );
      expect(concurrent.name).toBe('ConcurrentRunsExceededException');
      expect(concurrent.message).toBe(
        'Concurrent runs exceeded for workflow: marketing-attribution.',
      );
      clock.advance(6 * 60 * MINUTE);
      const done = await run();
      expect(done.Status).toBe('COMPLETED');
      // campaign-events-ingest, ad-spend-ingest, attribution-model and what follows it.
      expect(done.Statistics!.TotalActions).toBeGreaterThanOrEqual(4);
      const ingest = done.Graph!.Nodes!.find(
        n => n.Name === 'campaign-events-ingest',
      )!;
      expect(ingest.JobDetails!.JobRuns![0].TriggerName).toBe(
        'marketing-attribution-start',
      );
      const model = done.Graph!.Nodes!.find(
        n => n.Name === 'attribution-model',
      )!;
      expect(model.JobDetails!.JobRuns![0].TriggerName).toBe(
        'attribution-after-ingest',
      );
      expect(
        model
          .JobDetails!.JobRuns![0].PredecessorRuns!.map(p => p.JobName)
          .sort(),
      ).toEqual(['ad-spend-ingest', 'campaign-events-ingest']);
      const latest = await client.send(
        new GetWorkflowCommand({ Name: 'marketing-attribution' }),
      );
      expect(latest.Workflow!.LastRun!.WorkflowRunId).toBe(RunId);
    } finally {
      await succeeding.stop();
    }
  });
});

describe('workflow paging', () => {
  it('pages ListWorkflows (1-25 per page)', async () => {
    const emulator = await startGlueEmulator({
      fixture: generateFixture({ jobs: 300, workflows: 60, triggers: 300 }),
      port: 0,
    });
    try {
      const glue = glueClient(emulator.url);
      const names: string[] = [];
      for await (const page of paginateListWorkflows(
        { client: glue, pageSize: 25 },
        {},
      )) {
        expect(page.Workflows!.length).toBeLessThanOrEqual(25);
        names.push(...page.Workflows!);
      }
      expect(names).toHaveLength(60);
      expect(emulator.stats().calls.ListWorkflows).toBe(3);
      const err = await errorOf(
        glue.send(new ListWorkflowsCommand({ MaxResults: 26 })),
      );
      expect(err.name).toBe('InvalidInputException');
    } finally {
      await emulator.stop();
    }
  });
});
