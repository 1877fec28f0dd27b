import {
  BatchGetTriggersCommand,
  GetTriggerCommand,
  GetTriggersCommand,
  GlueClient,
  ListTriggersCommand,
  paginateGetTriggers,
  paginateListTriggers,
  Trigger,
} from '@aws-sdk/client-glue';
import { GlueEmulator, startGlueEmulator } from '../emulator';
import {
  DEMO_FIXTURE,
  errorOf,
  glueClient,
  manualClock,
} from '../__testUtils__';

describe('trigger operations (demo fixture)', () => {
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

  it('GetTrigger returns the conditional trigger with defaults', async () => {
    const { Trigger: t } = await glue.send(
      new GetTriggerCommand({ Name: 'start-freshers-in-dependent-job' }),
    );
    expect(t).toEqual({
      Name: 'start-freshers-in-dependent-job',
      Id: 'start-freshers-in-dependent-job',
      Type: 'CONDITIONAL',
      State: 'ACTIVATED',
      Description:
        'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
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
    });
    const missing = await errorOf(
      glue.send(new GetTriggerCommand({ Name: 'nope' })),
    );
    expect(missing.name).toBe('EntityNotFoundException');
  });

  it('pages GetTriggers with the paginator and returns every trigger once', async () => {
    const all: Trigger[] = [];
    for await (const page of paginateGetTriggers(
      { client: glue, pageSize: 10 },
      {},
    )) {
      all.push(...page.Triggers!);
    }
    expect(all).toHaveLength(33);
    expect(new Set(all.map(t => t.Name)).size).toBe(33);
    const types = new Set(all.map(t => t.Type));
    expect(types).toEqual(new Set(['SCHEDULED', 'CONDITIONAL', 'ON_DEMAND']));
    expect(all.find(t => t.Name === 'run-backfill-orders-2023')!.State).toBe(
      'CREATED',
    );
  });

  it('GetTriggers with DependentJobName returns only the triggers that start the job', async () => {
    const out = await glue.send(
      new GetTriggersCommand({ DependentJobName: 'glueetl' }),
    );
    expect(out.Triggers!.map(t => t.Name)).toEqual([
      'run-glueetl-after-upstream',
    ]);
    const none = await glue.send(
      new GetTriggersCommand({ DependentJobName: 'tmp-debug-job' }),
    );
    expect(none.Triggers).toEqual([]);
    const two = await glue.send(
      new GetTriggersCommand({ DependentJobName: 'upstream_job' }),
    );
    expect(two.Triggers!.map(t => t.Name)).toEqual(['nightly-ingest']);
  });

  it('ListTriggers filters by DependentJobName and tags', async () => {
    const names: string[] = [];
    for await (const page of paginateListTriggers(
      { client: glue, pageSize: 4 },
      { Tags: { team: 'marketing-data' } },
    )) {
      names.push(...page.TriggerNames!);
    }
    expect(names).toEqual([
      'attribution-after-ingest',
      'attribution-failure-alert',
      'attribution-report-after-model',
      'email-engagement-hourly',
      'lead-scoring-on-demand',
      'marketing-attribution-start',
      'social-mentions-6h',
      'spend-reconcile-mondays',
    ]);
    const dependent = await glue.send(
      new ListTriggersCommand({ DependentJobName: 'pipeline-failure-alert' }),
    );
    expect(dependent.TriggerNames).toEqual(['ingest-failure-alert']);
  });

  it('BatchGetTriggers reports TriggersNotFound', async () => {
    const out = await glue.send(
      new BatchGetTriggersCommand({
        TriggerNames: ['nightly-ingest', 'ghost'],
      }),
    );
    expect(out.Triggers!.map(t => t.Schedule)).toEqual(['cron(0 2 * * ? *)']);
    expect(out.TriggersNotFound).toEqual(['ghost']);
  });

  it.each([0, 201])('GetTriggers rejects MaxResults %i', async max => {
    const err = await errorOf(
      glue.send(new GetTriggersCommand({ MaxResults: max })),
    );
    expect(err.name).toBe('InvalidInputException');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('ListTriggers rejects MaxResults 201', async () => {
    const err = await errorOf(
      glue.send(new ListTriggersCommand({ MaxResults: 201 })),
    );
    expect(err.message).toContain('less than or equal to 200');
  });
});
