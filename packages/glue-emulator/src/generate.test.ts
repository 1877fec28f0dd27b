import {
  BatchGetWorkflowsCommand,
  GetJobsCommand,
  GetTriggersCommand,
  Job,
  paginateGetJobs,
} from '@aws-sdk/client-glue';
import { startGlueEmulator } from './emulator';
import { validateFixture } from './fixture';
import { generateFixture, parseGenerateSpec, TEAMS } from './generate';
import { glueClient } from './__testUtils__';

describe('generateFixture', () => {
  it('parses the --generate spec', () => {
    expect(
      parseGenerateSpec(
        'jobs=20000,triggers=5000,workflows=200,crawlers=500,accounts=2,regions=us-east-1+eu-west-1,seed=1',
      ),
    ).toEqual({
      jobs: 20000,
      triggers: 5000,
      workflows: 200,
      crawlers: 500,
      accounts: 2,
      regions: ['us-east-1', 'eu-west-1'],
      seed: 1,
    });
    expect(() => parseGenerateSpec('jobs=many')).toThrow(
      'jobs must be a non-negative integer',
    );
    expect(() => parseGenerateSpec('widgets=3')).toThrow(
      "unknown key 'widgets'",
    );
  });

  it('is deterministic and passes fixture validation', () => {
    const options = {
      jobs: 400,
      triggers: 120,
      workflows: 6,
      crawlers: 15,
      regions: ['us-east-1', 'eu-west-1'],
      accounts: 2,
      seed: 5,
    };
    const fixture = generateFixture(options);
    expect(generateFixture(options)).toEqual(fixture);
    const valid = validateFixture(JSON.parse(JSON.stringify(fixture)));
    expect(valid.accounts.map(a => a.accountId)).toEqual([
      '100000000001',
      '100000000002',
    ]);
    const region = valid.accounts[1].regions['eu-west-1'];
    expect(region.jobs).toHaveLength(400);
    expect(region.triggers).toHaveLength(120);
    expect(region.workflows).toHaveLength(6);
    expect(region.crawlers).toHaveLength(15);
    const types = new Set(region.triggers!.map(t => t.Type));
    expect(types).toEqual(new Set(['SCHEDULED', 'ON_DEMAND', 'CONDITIONAL']));
    const logicals = new Set(
      region.triggers!.map(t => t.Predicate?.Logical).filter(Boolean),
    );
    expect(logicals).toEqual(new Set(['AND', 'ANY']));
    expect(
      region.triggers!.some(t =>
        t.Predicate?.Conditions.some(c => c.State === 'FAILED'),
      ),
    ).toBe(true);
    expect(
      region.jobs!.some(
        j => j.JobMode === 'VISUAL' && j.CodeGenConfigurationNodes,
      ),
    ).toBe(true);
    const owners = new Set(
      region.jobs!.map(j => j.Tags?.owner ?? j.Tags?.team).filter(Boolean),
    );
    expect([...owners].every(o => TEAMS.includes(o!))).toBe(true);
    expect(owners.size).toBeGreaterThanOrEqual(3);
    // Lineage: a conditional trigger's job reads what the watched job writes.
    const jobs = new Map(region.jobs!.map(j => [j.Name, j]));
    const chained = region.triggers!.find(
      t =>
        t.Type === 'CONDITIONAL' &&
        t.Predicate!.Conditions[0].State === 'SUCCEEDED',
    )!;
    const upstream = jobs.get(
      chained.Predicate!.Conditions[chained.Predicate!.Conditions.length - 1]
        .JobName!,
    )!;
    const downstream = jobs.get(chained.Actions[0].JobName!)!;
    expect(downstream.DefaultArguments!['--input']).toBe(
      upstream.DefaultArguments!['--output'],
    );
  });

  it('serves 20,000 jobs and pages GetJobs in 20 calls of 1,000', async () => {
    const fixture = generateFixture({
      jobs: 20000,
      triggers: 5000,
      workflows: 200,
      crawlers: 500,
      seed: 1,
    });
    const started = Date.now();
    const emulator = await startGlueEmulator({ fixture, port: 0 });
    const startup = Date.now() - started;
    try {
      expect(emulator.summary).toEqual({
        jobs: 20000,
        triggers: 5000,
        workflows: 200,
        crawlers: 500,
        regions: 1,
      });
      expect(startup).toBeLessThan(5000);
      const glue = glueClient(emulator.url);
      const names = new Set<string>();
      let visual: Job | undefined;
      for await (const page of paginateGetJobs(
        { client: glue, pageSize: 1000 },
        {},
      )) {
        expect(page.Jobs).toHaveLength(1000);
        for (const job of page.Jobs!) {
          names.add(job.Name!);
          if (!visual && job.CodeGenConfigurationNodes) visual = job;
        }
      }
      expect(names.size).toBe(20000);
      expect(emulator.stats().calls.GetJobs).toBe(20);
      expect(
        Object.values(visual!.CodeGenConfigurationNodes!).some(
          n => n.S3CsvSource,
        ),
      ).toBe(true);
      const triggers = await glue.send(
        new GetTriggersCommand({ MaxResults: 200 }),
      );
      expect(triggers.Triggers).toHaveLength(200);
      const last = await glue.send(new GetJobsCommand({ MaxResults: 1 }));
      expect(last.NextToken).toBeTruthy();
      const workflows = await glue.send(
        new BatchGetWorkflowsCommand({
          Names: [fixture.accounts[0].regions['us-east-1'].workflows![0].Name],
          IncludeGraph: true,
        }),
      );
      expect(workflows.Workflows![0].Graph!.Nodes!.length).toBeGreaterThan(1);
    } finally {
      await emulator.stop();
    }
  });
});
