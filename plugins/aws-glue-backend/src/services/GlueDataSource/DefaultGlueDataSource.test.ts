import {
  GetJobRunCommand,
  GetJobRunsCommand,
  GetWorkflowRunsCommand,
  ResumeWorkflowRunCommand,
  InvalidInputException,
  GlueClient,
  JobRun,
  StartJobRunCommand,
} from '@aws-sdk/client-glue';
import { mockServices } from '@backstage/backend-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createRedactor } from '../../lib/redaction';
import { JobRef } from '../../lib/shapes';
import { CachedLoader } from '../../lib/CachedLoader';
import { DefaultGlueDataSource } from './DefaultGlueDataSource';

const glue = mockClient(GlueClient);

const job: JobRef = {
  arn: 'arn:aws:glue:us-east-1:123456789012:job/orders',
  partition: 'aws',
  region: 'us-east-1',
  accountId: '123456789012',
  name: 'orders',
};

const ttls = {
  runsTtlMs: 30_000,
  activeRunsTtlMs: 5_000,
  jobsTtlMs: 300_000,
  bookmarkTtlMs: 60_000,
};

function setup() {
  const store = new Map<string, any>();
  const cache = mockServices.cache.mock();
  cache.get.mockImplementation(async key => store.get(key));
  cache.set.mockImplementation(async (key, value) => {
    store.set(key, value);
  });
  cache.delete.mockImplementation(async key => {
    store.delete(key);
  });
  const client = new GlueClient({ region: 'us-east-1' });
  const data = new DefaultGlueDataSource({
    clients: { getClient: async () => client },
    cache,
    logger: mockServices.logger.mock(),
    redactor: createRedactor(),
    callTimeoutMs: 20_000,
    ttls,
  });
  return { data, cache, store };
}

const run = (id: string, state: JobRun['JobRunState']): JobRun => ({
  Id: id,
  JobName: 'orders',
  JobRunState: state,
  StartedOn: new Date('2026-01-01T00:00:00Z'),
  Arguments: { '--api-token': 'abc123' },
});

beforeEach(() => glue.reset());

describe('DefaultGlueDataSource', () => {
  it.each([
    ['finished runs', ['SUCCEEDED', 'FAILED'], 30_000],
    ['an active run', ['RUNNING', 'SUCCEEDED'], 5_000],
    ['a queued run', ['WAITING'], 5_000],
  ] as const)('caches pages with %s for %d ms', async (_name, states, ttl) => {
    glue
      .on(GetJobRunsCommand)
      .resolves({ JobRuns: states.map((s, i) => run(`jr_${i}`, s)) });
    const { data, cache } = setup();
    await data.getRunsPage(job);
    expect(cache.set).toHaveBeenCalledWith(
      CachedLoader.key('runs', job.arn, '0', ''),
      expect.anything(),
      { ttl },
    );
  });

  it('caches only redacted values', async () => {
    glue
      .on(GetJobRunsCommand)
      .resolves({ JobRuns: [run('jr_1', 'SUCCEEDED')] });
    const { data, store } = setup();
    await data.getRunsPage(job);
    expect(JSON.stringify([...store.values()])).not.toContain('abc123');
    expect(JSON.stringify([...store.values()])).toContain('<redacted>');
  });

  it('answers the latest run from a cached first page', async () => {
    glue.on(GetJobRunsCommand).resolves({
      JobRuns: [run('jr_new', 'SUCCEEDED'), run('jr_old', 'FAILED')],
    });
    const { data } = setup();
    await data.getRunsPage(job);
    expect((await data.getLatestRun(job))?.id).toBe('jr_new');
    expect(glue).toHaveReceivedCommandTimes(GetJobRunsCommand, 1);
  });

  it('drops every cached run of the job when a run starts', async () => {
    glue
      .on(GetJobRunsCommand)
      .resolves({ JobRuns: [run('jr_1', 'SUCCEEDED')] });
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_2' });
    const { data } = setup();
    await data.getRunsPage(job);
    await data.getLatestRun(job);
    await data.getRunsPage(job);
    expect(glue).toHaveReceivedCommandTimes(GetJobRunsCommand, 1);

    expect(await data.startJobRun(job, { '--run_date': 'x' })).toBe('jr_2');
    await data.getRunsPage(job);
    await data.getLatestRun(job);
    expect(glue).toHaveReceivedCommandTimes(GetJobRunsCommand, 2);
  });

  it('does not cache failures', async () => {
    glue
      .on(GetJobRunsCommand)
      .rejectsOnce(
        Object.assign(new Error('Rate exceeded'), {
          name: 'ThrottlingException',
        }),
      )
      .resolves({ JobRuns: [] });
    const { data } = setup();
    await expect(data.getRunsPage(job)).rejects.toThrow(
      'AWS Glue throttled GetJobRuns for job orders (123456789012/us-east-1)',
    );
    await expect(data.getRunsPage(job)).resolves.toEqual({ runs: [] });
  });

  it("redacts secrets Glue's error messages echo", async () => {
    glue.on(StartJobRunCommand).rejects(
      new InvalidInputException({
        $metadata: {},
        message:
          'Argument --conn has an invalid value jdbc:postgresql://etl:hunter2@db/x',
      }),
    );
    const { data } = setup();
    const error = await data
      .startJobRun(job, { '--conn': 'jdbc:postgresql://etl:hunter2@db/x' })
      .catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain('<redacted>');
  });

  it('retries a run with the arguments Glue has for it, never the redacted ones', async () => {
    const { data, store } = setup();
    glue.on(GetJobRunCommand).resolves({
      JobRun: {
        ...run('jr_1', 'FAILED'),
        Arguments: { '--api-token': 'abc123', '--run_date': '2026-03-02' },
      },
    });
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_2' });

    await expect(data.retryJobRun(job, 'jr_1')).resolves.toBe('jr_2');

    expect(glue).toHaveReceivedCommandWith(GetJobRunCommand, {
      JobName: 'orders',
      RunId: 'jr_1',
    });
    expect(glue).toHaveReceivedCommandWith(StartJobRunCommand, {
      JobName: 'orders',
      Arguments: { '--api-token': 'abc123', '--run_date': '2026-03-02' },
    });
    // the raw arguments are not cached anywhere
    expect(JSON.stringify([...store.values()])).not.toContain('abc123');
  });

  it('resumes a workflow run and reads its runs afresh afterwards', async () => {
    const { data } = setup();
    const workflow = {
      ...job,
      arn: 'arn:aws:glue:us-east-1:123456789012:workflow/sales',
      name: 'sales',
    };
    glue.on(GetWorkflowRunsCommand).resolves({ Runs: [] });
    glue
      .on(ResumeWorkflowRunCommand)
      .resolves({ RunId: 'wr_2', NodeIds: ['n-load'] });
    await data.getWorkflowRuns(workflow, { limit: 10 });
    await data.getWorkflowRuns(workflow, { limit: 10 });
    expect(glue).toHaveReceivedCommandTimes(GetWorkflowRunsCommand, 1);

    await expect(
      data.resumeWorkflowRun(workflow, 'wr_1', ['n-load']),
    ).resolves.toEqual({
      runId: 'wr_2',
      nodeIds: ['n-load'],
    });
    expect(glue).toHaveReceivedCommandWith(ResumeWorkflowRunCommand, {
      Name: 'sales',
      RunId: 'wr_1',
      NodeIds: ['n-load'],
    });
    await data.getWorkflowRuns(workflow, { limit: 10 });
    expect(glue).toHaveReceivedCommandTimes(GetWorkflowRunsCommand, 2);
  });
});
