import {
  BatchGetWorkflowsCommand,
  GetCrawlersCommand,
  GetJobsCommand,
  GetTriggersCommand,
  GlueClient,
  ListWorkflowsCommand,
} from '@aws-sdk/client-glue';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsGlueEntityProvider } from './AwsGlueEntityProvider';

const glue = mockClient(GlueClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);

const ACCOUNT = '123456789012';
const arn = (type: string, name: string) =>
  `arn:aws:glue:us-east-1:${ACCOUNT}:${type}/${name}`;

function config(extra: object = {}) {
  return new ConfigReader({
    aws: {
      accounts: [
        {
          accountId: ACCOUNT,
          accessKeyId: 'AKIDTEST',
          secretAccessKey: 'test',
        },
      ],
    },
    catalog: {
      providers: {
        awsGlue: {
          prod: { accountId: ACCOUNT, regions: ['us-east-1'], ...extra },
        },
      },
    },
  });
}

function connection() {
  return {
    applyMutation: jest.fn(),
    refresh: jest.fn(),
  } satisfies EntityProviderConnection;
}

function jobs(count: number, prefix = 'job') {
  return Array.from({ length: count }, (_, i) => ({
    Name: `${prefix}-${i}`,
    Command: { Name: 'glueetl' },
  }));
}

function mockGlue(options: { jobCount?: number } = {}) {
  const all = jobs(options.jobCount ?? 3);
  glue.on(GetJobsCommand).callsFake(input => {
    // two pages when there are more than 2 jobs, to exercise paging
    if (all.length > 2 && !input.NextToken) {
      return { Jobs: all.slice(0, 2), NextToken: 'page-2' };
    }
    return { Jobs: all.length > 2 ? all.slice(2) : all };
  });
  glue.on(GetTriggersCommand).resolves({
    Triggers: [
      {
        Name: 'after-job-0',
        Type: 'CONDITIONAL',
        State: 'ACTIVATED',
        WorkflowName: 'nightly',
        Predicate: {
          Conditions: [
            { LogicalOperator: 'EQUALS', JobName: 'job-0', State: 'SUCCEEDED' },
          ],
        },
        Actions: [{ JobName: 'job-1', Arguments: { '--api-token': 's3cr3t' } }],
      },
    ],
  });
  glue.on(ListWorkflowsCommand).resolves({ Workflows: ['nightly'] });
  glue
    .on(BatchGetWorkflowsCommand)
    .resolves({ Workflows: [{ Name: 'nightly' }], MissingWorkflows: [] });
  glue.on(GetCrawlersCommand).resolves({ Crawlers: [] });
  tagging.on(GetResourcesCommand).callsFake(input => {
    if (input.ResourceARNList?.includes(arn('job', 'job-0'))) {
      return {
        ResourceTagMappingList: [
          {
            ResourceARN: arn('job', 'job-0'),
            Tags: [{ Key: 'owner', Value: 'Data-Platform' }],
          },
        ],
        PaginationToken: '',
      };
    }
    return { ResourceTagMappingList: [], PaginationToken: '' };
  });
}

function makeProvider(extra: object = {}) {
  const [provider] = AwsGlueEntityProvider.fromConfig(config(extra), {
    logger: mockServices.logger.mock(),
  });
  return provider;
}

describe('AwsGlueEntityProvider', () => {
  beforeEach(() => {
    glue.reset();
    tagging.reset();
  });

  it('is named after its provider id and region, one per region', () => {
    const providers = AwsGlueEntityProvider.fromConfig(
      config({ regions: ['us-east-1', 'eu-west-1'] }),
      { logger: mockServices.logger.mock() },
    );
    expect(providers.map(p => p.getProviderName())).toEqual([
      'AwsGlueEntityProvider:prod:us-east-1',
      'AwsGlueEntityProvider:prod:eu-west-1',
    ]);
  });

  it('reads every page at the maximum page size and applies one full mutation', async () => {
    mockGlue();
    const provider = makeProvider();
    const conn = connection();
    await provider.connect(conn);

    const result = await provider.refresh();

    expect(glue).toHaveReceivedCommandWith(GetJobsCommand, {
      MaxResults: 1000,
    });
    expect(glue).toHaveReceivedCommandWith(GetJobsCommand, {
      MaxResults: 1000,
      NextToken: 'page-2',
    });
    expect(glue).toHaveReceivedCommandWith(GetTriggersCommand, {
      MaxResults: 200,
    });
    expect(glue).toHaveReceivedCommandWith(ListWorkflowsCommand, {
      MaxResults: 25,
    });
    expect(glue).toHaveReceivedCommandWith(BatchGetWorkflowsCommand, {
      Names: ['nightly'],
      IncludeGraph: false,
    });
    // the tags of each page of jobs, triggers and crawlers by ARN list
    const arnLists = tagging
      .commandCalls(GetResourcesCommand)
      .flatMap(call => call.args[0].input.ResourceARNList ?? []);
    expect(arnLists.sort()).toEqual([
      arn('job', 'job-0'),
      arn('job', 'job-1'),
      arn('job', 'job-2'),
      arn('trigger', 'after-job-0'),
    ]);
    expect(tagging).toHaveReceivedCommandWith(GetResourcesCommand, {
      ResourceTypeFilters: ['glue:workflow'],
      ResourcesPerPage: 100,
    });
    expect(result).toMatchObject({
      applied: true,
      entities: 5,
      counts: { job: 3, trigger: 1, workflow: 1, crawler: 0, dataset: 0 },
    });
    // (the provider's own call counter sits in the SDK middleware stack,
    // which the mock bypasses; the emulator integration test checks it)
    expect(glue.commandCalls(GetJobsCommand)).toHaveLength(2);
    expect(glue.commandCalls(GetTriggersCommand)).toHaveLength(1);
    expect(glue.commandCalls(ListWorkflowsCommand)).toHaveLength(1);
    expect(glue.commandCalls(BatchGetWorkflowsCommand)).toHaveLength(1);
    expect(glue.commandCalls(GetCrawlersCommand)).toHaveLength(1);
    // one batch of 4 ARNs, one glue:workflow page
    expect(tagging.commandCalls(GetResourcesCommand)).toHaveLength(2);

    expect(conn.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = conn.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('full');
    const refs = mutation.entities.map(
      (e: any) => `${e.entity.kind}:${e.entity.metadata.name}`,
    );
    expect(refs).toEqual([
      'Component:job-0',
      'Component:job-1',
      'Component:job-2',
      'Resource:trigger-after-job-0',
      'System:nightly',
    ]);
    expect(
      mutation.entities.every(
        (e: any) => e.locationKey === 'AwsGlueEntityProvider:prod:us-east-1',
      ),
    ).toBe(true);
    const byName = Object.fromEntries(
      mutation.entities.map((e: any) => [e.entity.metadata.name, e.entity]),
    );
    expect(byName['job-0'].spec.owner).toBe('group:default/data-platform');
    expect(byName['job-1'].spec.dependsOn).toEqual([
      'resource:default/trigger-after-job-0',
    ]);
    expect(byName['job-1'].spec.system).toBe('system:default/nightly');
    expect(byName['trigger-after-job-0'].spec.dependsOn).toEqual([
      'component:default/job-0',
    ]);
    expect(JSON.stringify(mutation)).not.toContain('s3cr3t');
  });

  it('applies nothing when a read fails, and says which call failed', async () => {
    mockGlue();
    glue.on(GetTriggersCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
      }),
    );
    const provider = makeProvider({ maxAttempts: 1 });
    const conn = connection();
    await provider.connect(conn);

    await expect(provider.refresh()).rejects.toThrow('Rate exceeded');
    expect(conn.applyMutation).not.toHaveBeenCalled();
  });

  it('applies nothing when a page is malformed', async () => {
    mockGlue();
    glue.on(GetJobsCommand).resolves({ Jobs: [{ Command: {} } as any] });
    const provider = makeProvider();
    const conn = connection();
    await provider.connect(conn);

    await expect(provider.refresh()).rejects.toThrow(
      'GetJobs returned a malformed page: Jobs[0] has no Name',
    );
    expect(conn.applyMutation).not.toHaveBeenCalled();
  });

  it('never applies an empty read over entities it applied before', async () => {
    mockGlue();
    const provider = makeProvider();
    const conn = connection();
    await provider.connect(conn);
    await provider.refresh();
    expect(conn.applyMutation).toHaveBeenCalledTimes(1);

    glue.reset();
    tagging.reset();
    glue.on(GetJobsCommand).resolves({ Jobs: [] });
    glue.on(GetTriggersCommand).resolves({ Triggers: [] });
    glue.on(ListWorkflowsCommand).resolves({ Workflows: [] });
    glue.on(GetCrawlersCommand).resolves({ Crawlers: [] });
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });

    const result = await provider.refresh();
    expect(result.applied).toBe(false);
    expect(result.reason).toBe(
      'the read returned no resources where the catalog has 5 entities',
    );
    expect(conn.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('does not apply an empty first read when the catalog state is unknown', async () => {
    glue.on(GetJobsCommand).resolves({ Jobs: [] });
    glue.on(GetTriggersCommand).resolves({ Triggers: [] });
    glue.on(ListWorkflowsCommand).resolves({ Workflows: [] });
    glue.on(GetCrawlersCommand).resolves({ Crawlers: [] });
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    const provider = makeProvider();
    const conn = connection();
    await provider.connect(conn);

    const result = await provider.refresh();
    expect(result).toMatchObject({
      applied: false,
      reason:
        'the read returned no resources and the current catalog state is unknown',
    });
    expect(conn.applyMutation).not.toHaveBeenCalled();
  });

  it('keeps the old set when a sync would remove more than the removal guard allows', async () => {
    mockGlue({ jobCount: 10 });
    const provider = makeProvider({ removalGuard: { maxRemovalShare: 0.3 } });
    const conn = connection();
    await provider.connect(conn);
    await provider.refresh();

    mockGlue({ jobCount: 4 });
    const shrunk = await provider.refresh();
    expect(shrunk.applied).toBe(false);
    expect(shrunk.reason).toBe(
      'it would remove 6 of 12 entities (50%), more than removalGuard.maxRemovalShare allows (30%)',
    );

    mockGlue({ jobCount: 8 });
    const smaller = await provider.refresh();
    expect(smaller.applied).toBe(true);
    expect(conn.applyMutation).toHaveBeenCalledTimes(2);
  });

  it('asks the catalog what it holds when it has not applied anything yet', async () => {
    mockGlue({ jobCount: 1 });
    const catalog = {
      getEntities: jest.fn().mockResolvedValue({
        items: jobs(10).map(j => ({
          kind: 'Component',
          metadata: {
            namespace: 'default',
            name: j.Name,
            annotations: {
              'backstage.io/managed-by-location':
                'aws-glue:AwsGlueEntityProvider:prod:us-east-1',
            },
          },
        })),
      }),
    };
    const [provider] = AwsGlueEntityProvider.fromConfig(config(), {
      logger: mockServices.logger.mock(),
      catalog: catalog as any,
      auth: mockServices.auth(),
    });
    const conn = connection();
    await provider.connect(conn);

    const result = await provider.refresh();
    expect(catalog.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: {
          'metadata.annotations.backstage.io/managed-by-location':
            'aws-glue:AwsGlueEntityProvider:prod:us-east-1',
        },
      }),
      expect.anything(),
    );
    expect(result.applied).toBe(false);
    expect(result.reason).toMatch(/^it would remove 9 of 10 entities/);
  });

  it('neither counts nor removes a hand-written entity that copies its annotations', async () => {
    mockGlue({ jobCount: 1 });
    // What the catalog returns for a forged entity: its provider annotation
    // says this provider, but the catalog set its location to its file (and
    // filters match case-insensitively, so a near-miss comes back too).
    const catalog = {
      getEntities: jest.fn().mockResolvedValue({
        items: [
          {
            kind: 'Component',
            metadata: {
              namespace: 'default',
              name: 'forged',
              annotations: {
                'aws.amazon.com/aws-glue-provider':
                  'AwsGlueEntityProvider:prod:us-east-1',
                'backstage.io/managed-by-location':
                  'AWS-GLUE:AwsGlueEntityProvider:prod:us-east-1',
              },
            },
          },
        ],
      }),
    };
    const [provider] = AwsGlueEntityProvider.fromConfig(config(), {
      logger: mockServices.logger.mock(),
      catalog: catalog as any,
      auth: mockServices.auth(),
    });
    const conn = connection();
    await provider.connect(conn);

    const result = await provider.refresh();
    // Before the fix the forged entity counted as 1 of 1 to be removed (100%)
    // and the region's first sync was refused for good.
    expect(result.applied).toBe(true);
    const mutation = conn.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('full');
    expect(JSON.stringify(mutation)).not.toContain('forged');
  });

  it('does not apply a sync that outlived its task timeout', async () => {
    mockGlue();
    const provider = makeProvider();
    const conn = connection();
    await provider.connect(conn);
    const controller = new AbortController();
    controller.abort();

    const result = await provider.refresh({ signal: controller.signal });
    expect(result).toMatchObject({
      applied: false,
      reason: 'the sync outlived its task timeout (aborted)',
    });
    expect(conn.applyMutation).not.toHaveBeenCalled();
  });

  it('warns once when the task timeout is far longer than a sync needs', async () => {
    mockGlue();
    const logger = mockServices.logger.mock();
    const child = mockServices.logger.mock();
    logger.child.mockReturnValue(child);
    const scheduler = mockServices.scheduler.mock();
    scheduler.createScheduledTaskRunner.mockReturnValue({ run: jest.fn() });
    const [provider] = AwsGlueEntityProvider.fromConfig(
      config({
        schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
      }),
      { logger, scheduler },
    );
    await provider.connect(connection());
    await provider.refresh();
    await provider.refresh();
    const warnings = child.warn.mock.calls.filter(([message]) =>
      /schedule\.timeout \(10 min\)/.test(message),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0][0]).toMatch(
      /^catalog\.providers\.awsGlue\.prod\.schedule\.timeout \(10 min\) is \d+x this sync .* about 45 s would do$/,
    );
  });

  it('says nothing about the default timeout of a quick sync', async () => {
    mockGlue();
    const logger = mockServices.logger.mock();
    const child = mockServices.logger.mock();
    logger.child.mockReturnValue(child);
    const scheduler = mockServices.scheduler.mock();
    scheduler.createScheduledTaskRunner.mockReturnValue({ run: jest.fn() });
    const [provider] = AwsGlueEntityProvider.fromConfig(
      config({ schedule: { frequency: { minutes: 30 } } }),
      { logger, scheduler },
    );
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      expect.objectContaining({ timeout: { seconds: 45 } }),
    );
    await provider.connect(connection());
    expect((await provider.refresh()).applied).toBe(true);
    expect(child.warn).not.toHaveBeenCalled();
  });

  it('refuses to start without a schedule when a scheduler is given', () => {
    expect(() =>
      AwsGlueEntityProvider.fromConfig(config(), {
        logger: mockServices.logger.mock(),
        scheduler: mockServices.scheduler.mock(),
      }),
    ).toThrow(
      'Invalid config at catalog.providers.awsGlue.prod: no schedule; set schedule in config or pass one to the module',
    );
  });
});
