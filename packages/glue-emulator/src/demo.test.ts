import {
  GetJobCommand,
  GetJobRunsCommand,
  GetTriggersCommand,
  GlueClient,
  paginateGetJobs,
  paginateGetJobRuns,
} from '@aws-sdk/client-glue';
import { GlueEmulator, startGlueEmulator } from './emulator';
import { loadFixture } from './fixture';
import { DEMO_FIXTURE, glueClient, manualClock } from './__testUtils__';

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
