import {
  BatchGetJobsCommand,
  EntityNotFoundException,
  GetJobBookmarkCommand,
  GetJobCommand,
  GetJobsCommand,
  GlueClient,
  InvalidInputException,
  ListJobsCommand,
  paginateGetJobs,
  paginateListJobs,
  ResetJobBookmarkCommand,
} from '@aws-sdk/client-glue';
import { GlueEmulator, startGlueEmulator } from '../emulator';
import { generateFixture } from '../generate';
import {
  errorOf,
  glueClient,
  manualClock,
  smallFixture,
} from '../__testUtils__';

describe('job operations', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: smallFixture(),
      port: 0,
      clock: manualClock(),
    });
    glue = glueClient(emulator.url);
  });
  afterAll(() => emulator.stop());

  it('GetJob returns the fixture shape with Glue defaults and no emulator-only fields', async () => {
    const { Job } = await glue.send(new GetJobCommand({ JobName: 'a' }));
    expect(Job).toMatchObject({
      Name: 'a',
      Role: 'arn:aws:iam::123456789012:role/GlueJobRole',
      Command: {
        Name: 'glueetl',
        ScriptLocation: 's3://scripts/a.py',
        PythonVersion: '3',
      },
      DefaultArguments: {
        '--input': 's3://in/',
        '--output': 's3://a-out/',
        '--mode': 'default',
      },
      ExecutionProperty: { MaxConcurrentRuns: 1 },
      MaxRetries: 0,
      Timeout: 60,
      WorkerType: 'G.1X',
      NumberOfWorkers: 2,
      MaxCapacity: 2,
      GlueVersion: '4.0',
      ExecutionClass: 'STANDARD',
    });
    expect(Job!.CreatedOn).toBeInstanceOf(Date);
    expect(Job!.LastModifiedOn!.getTime()).toBeGreaterThanOrEqual(
      Job!.CreatedOn!.getTime(),
    );
    expect(Job).not.toHaveProperty('Tags');
    expect(Job).not.toHaveProperty('Simulation');
  });

  it('GetJob of an unknown job is EntityNotFoundException (400)', async () => {
    const err = await errorOf(
      glue.send(new GetJobCommand({ JobName: 'nope' })),
    );
    expect(err).toBeInstanceOf(EntityNotFoundException);
    expect(err.name).toBe('EntityNotFoundException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe('Job with name: nope not found');
  });

  it('GetJob without JobName names the missing member', async () => {
    const err = await errorOf(glue.send(new GetJobCommand({} as any)));
    expect(err).toBeInstanceOf(InvalidInputException);
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(
      "1 validation error detected: Value null at 'jobName' failed to satisfy constraint: Member must not be null",
    );
  });

  it.each([0, 1001])('GetJobs rejects MaxResults %i', async max => {
    const err = await errorOf(
      glue.send(new GetJobsCommand({ MaxResults: max })),
    );
    expect(err.name).toBe('InvalidInputException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toContain(`Value '${max}' at 'maxResults'`);
  });

  it('BatchGetJobs reports JobsNotFound', async () => {
    const out = await glue.send(
      new BatchGetJobsCommand({ JobNames: ['a', 'ghost', 'b'] }),
    );
    expect(out.Jobs!.map(j => j.Name)).toEqual(['a', 'b']);
    expect(out.JobsNotFound).toEqual(['ghost']);
  });

  it('ListJobs filters by tags with OR semantics', async () => {
    const one = await glue.send(
      new ListJobsCommand({ Tags: { owner: 'team-a' } }),
    );
    expect(one.JobNames).toEqual(['a', 'wf-start']);
    const either = await glue.send(
      new ListJobsCommand({ Tags: { owner: 'team-b', team: 'team-c' } }),
    );
    expect(either.JobNames).toEqual(['b', 'c']);
    const all = await glue.send(new ListJobsCommand({}));
    expect(all.JobNames).toHaveLength(9);
  });

  it('rejects a token from another listing and garbage tokens', async () => {
    const page = await glue.send(new ListJobsCommand({ MaxResults: 2 }));
    expect(page.NextToken).toBeTruthy();
    const other = await errorOf(
      glue.send(new GetJobsCommand({ NextToken: page.NextToken })),
    );
    expect(other.name).toBe('InvalidInputException');
    const garbage = await errorOf(
      glue.send(new GetJobsCommand({ NextToken: 'not-a-token' })),
    );
    expect(garbage.name).toBe('InvalidInputException');
    expect(garbage.message).toBe('Invalid pagination token');
  });

  it('GetJobBookmark returns the entry advanced by the history; ResetJobBookmark resets it', async () => {
    const { JobBookmarkEntry: entry } = await glue.send(
      new GetJobBookmarkCommand({ JobName: 'b' }),
    );
    expect(entry!.JobName).toBe('b');
    expect(entry!.Version).toBeGreaterThan(0);
    expect(entry!.Run).toBe(entry!.Version);
    expect(entry!.RunId).toMatch(/^jr_[0-9a-f]{64}$/);
    expect(JSON.parse(entry!.JobBookmark!).datasource0.timestamps.RUN).toBe(
      String(entry!.Run),
    );

    const reset = await glue.send(
      new ResetJobBookmarkCommand({ JobName: 'b' }),
    );
    expect(reset.JobBookmarkEntry!.Version).toBe(entry!.Version! + 1);
    expect(reset.JobBookmarkEntry!.Run).toBe(0);
    expect(reset.JobBookmarkEntry!.JobBookmark).toBe('{}');
    const after = await glue.send(new GetJobBookmarkCommand({ JobName: 'b' }));
    expect(after.JobBookmarkEntry).toEqual(reset.JobBookmarkEntry);
  });

  it('GetJobBookmark of a job without bookmarks is EntityNotFoundException', async () => {
    const err = await errorOf(
      glue.send(new GetJobBookmarkCommand({ JobName: 'c' })),
    );
    expect(err.name).toBe('EntityNotFoundException');
    expect(err.message).toBe('Continuation for job c not found');
  });
});

describe('job paging', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: generateFixture({ jobs: 250, seed: 3 }),
      port: 0,
    });
    glue = glueClient(emulator.url);
  });
  afterAll(() => emulator.stop());

  it('pages GetJobs with the SDK paginator, in name order, last page without NextToken', async () => {
    const names: string[] = [];
    const pages: number[] = [];
    const tokens: (string | undefined)[] = [];
    for await (const page of paginateGetJobs(
      { client: glue, pageSize: 100 },
      {},
    )) {
      pages.push(page.Jobs!.length);
      tokens.push(page.NextToken);
      names.push(...page.Jobs!.map(j => j.Name!));
    }
    expect(pages).toEqual([100, 100, 50]);
    expect(tokens.map(t => typeof t)).toEqual([
      'string',
      'string',
      'undefined',
    ]);
    expect(new Set(names).size).toBe(250);
    expect([...names].sort()).toEqual(names);
    expect(emulator.stats().calls.GetJobs).toBe(3);
  });

  it('pages ListJobs with a tag filter', async () => {
    const names: string[] = [];
    for await (const page of paginateListJobs(
      { client: glue, pageSize: 7 },
      { Tags: { owner: 'analytics' } },
    )) {
      expect(page.JobNames!.length).toBeLessThanOrEqual(7);
      names.push(...page.JobNames!);
    }
    const { Jobs } = await glue.send(
      new BatchGetJobsCommand({ JobNames: names }),
    );
    expect(names.length).toBeGreaterThan(10);
    expect(Jobs).toHaveLength(names.length);
  });
});
