import {
  BatchGetWorkflowsCommand,
  GetCrawlersCommand,
  GetJobsCommand,
  GetTriggersCommand,
  GlueClient,
  Job,
  ListWorkflowsCommand,
} from '@aws-sdk/client-glue';
import {
  GetResourcesCommand,
  GetResourcesCommandInput,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import {
  GlueClients,
  MalformedResponseError,
  readGlueInventory,
} from './GlueReader';

const glue = mockClient(GlueClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);

const unit = {
  partition: 'aws',
  accountId: '123456789012',
  region: 'us-east-1',
};
const arn = (type: string, name: string) =>
  `arn:aws:glue:us-east-1:123456789012:${type}/${name}`;

const clients: GlueClients = {
  glue: new GlueClient({ region: 'us-east-1' }),
  tagging: new ResourceGroupsTaggingAPIClient({ region: 'us-east-1' }),
};

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function named(count: number, prefix: string) {
  return Array.from({ length: count }, (_, i) => ({ Name: `${prefix}-${i}` }));
}

/** Pages of `items`, `size` a page, with NextToken `p<n>`; optional delay per page. */
function pager<T>(items: T[], size: number, delayMs = 0) {
  return async (input: { NextToken?: string }) => {
    if (delayMs) await sleep(delayMs);
    const page = input.NextToken ? Number(input.NextToken.slice(1)) : 0;
    const next = (page + 1) * size < items.length ? `p${page + 1}` : undefined;
    return { items: items.slice(page * size, (page + 1) * size), next };
  };
}

function mockGlue(
  counts: { jobs: number; triggers?: number; crawlers?: number },
  options: { jobPageDelayMs?: number } = {},
) {
  const jobPages = pager(
    named(counts.jobs, 'job'),
    1000,
    options.jobPageDelayMs,
  );
  glue.on(GetJobsCommand).callsFake(async input => {
    const { items, next } = await jobPages(input);
    return { Jobs: items, NextToken: next };
  });
  const triggerPages = pager(named(counts.triggers ?? 0, 'trigger'), 200);
  glue.on(GetTriggersCommand).callsFake(async input => {
    const { items, next } = await triggerPages(input);
    return { Triggers: items, NextToken: next };
  });
  const crawlers = named(counts.crawlers ?? 0, 'crawler');
  glue.on(GetCrawlersCommand).resolves({ Crawlers: crawlers });
  glue.on(ListWorkflowsCommand).resolves({ Workflows: ['nightly'] });
  glue
    .on(BatchGetWorkflowsCommand)
    .resolves({ Workflows: [{ Name: 'nightly' }], MissingWorkflows: [] });
}

/** Tags every requested ARN whose name ends in an even digit. */
function tagEvenOnes(input: GetResourcesCommandInput) {
  if (input.ResourceTypeFilters) {
    return { ResourceTagMappingList: [], PaginationToken: '' };
  }
  return {
    ResourceTagMappingList: (input.ResourceARNList ?? [])
      .filter(a => /[02468]$/.test(a))
      .map(a => ({
        ResourceARN: a,
        Tags: [{ Key: 'owner', Value: 'team-a' }],
      })),
    PaginationToken: '',
  };
}

function arnListCalls() {
  return tagging
    .commandCalls(GetResourcesCommand)
    .map(call => call.args[0].input)
    .filter(input => input.ResourceARNList);
}

describe('readGlueInventory: tags by ARN list', () => {
  beforeEach(() => {
    glue.reset();
    tagging.reset();
  });

  it('asks for every job, trigger and crawler once, in batches of at most 100 ARNs', async () => {
    mockGlue({ jobs: 2500, triggers: 450, crawlers: 30 });
    tagging.on(GetResourcesCommand).callsFake(tagEvenOnes);

    const inventory = await readGlueInventory(clients, unit);

    const calls = arnListCalls();
    const requested = calls.flatMap(input => input.ResourceARNList!);
    expect(calls.every(input => input.ResourceARNList!.length <= 100)).toBe(
      true,
    );
    // no paging parameters with an ARN list
    for (const input of calls) {
      expect(Object.keys(input)).toEqual(['ResourceARNList']);
    }
    expect(new Set(requested).size).toBe(requested.length);
    expect(requested.length).toBe(2500 + 450 + 30);
    // partial pages share batches: ceil(2980 / 100) calls
    expect(calls).toHaveLength(30);
    expect(requested).toContain(arn('job', 'job-2499'));
    expect(requested).toContain(arn('trigger', 'trigger-449'));
    expect(requested).toContain(arn('crawler', 'crawler-29'));
    // workflows keep their type stream
    expect(tagging).toHaveReceivedCommandWith(GetResourcesCommand, {
      ResourceTypeFilters: ['glue:workflow'],
      ResourcesPerPage: 100,
    });

    expect(inventory.tags.get(arn('job', 'job-2498'))).toEqual({
      owner: 'team-a',
    });
    // an ARN with no tags is simply absent
    expect(inventory.tags.has(arn('job', 'job-2499'))).toBe(false);
    expect(inventory.jobs).toHaveLength(2500);
  });

  it('sends the tags of a page of jobs before the next page arrives', async () => {
    mockGlue({ jobs: 0 });
    const order: string[] = [];
    glue.on(GetJobsCommand).callsFake(async input => {
      await sleep(30);
      order.push(`GetJobs ${input.NextToken ?? 'first'}`);
      const page = input.NextToken ? Number(input.NextToken.slice(1)) : 0;
      return {
        Jobs: named(3000, 'job').slice(page * 1000, (page + 1) * 1000),
        NextToken: page < 2 ? `p${page + 1}` : undefined,
      };
    });
    tagging.on(GetResourcesCommand).callsFake(async input => {
      if (input.ResourceARNList) order.push('GetResources');
      return { ResourceTagMappingList: [] };
    });

    await readGlueInventory(clients, unit);

    expect(order.indexOf('GetResources')).toBeGreaterThan(
      order.indexOf('GetJobs first'),
    );
    expect(order.indexOf('GetResources')).toBeLessThan(
      order.indexOf('GetJobs p1'),
    );
  });

  it('never has more tagging calls in flight than the concurrency', async () => {
    mockGlue({ jobs: 3000, triggers: 400, crawlers: 100 });
    let inFlight = 0;
    let most = 0;
    tagging.on(GetResourcesCommand).callsFake(async input => {
      if (!input.ResourceARNList) return { ResourceTagMappingList: [] };
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(5);
      inFlight -= 1;
      return tagEvenOnes(input);
    });

    const inventory = await readGlueInventory(clients, unit, {
      taggingConcurrency: 3,
    });

    expect(most).toBe(3);
    expect(arnListCalls()).toHaveLength(35);
    expect(inventory.tags.get(arn('trigger', 'trigger-398'))).toEqual({
      owner: 'team-a',
    });
  });

  it('fails the whole read on a malformed tagging answer', async () => {
    mockGlue({ jobs: 500 });
    tagging
      .on(GetResourcesCommand)
      .callsFake(async input =>
        input.ResourceARNList?.includes(arn('job', 'job-250'))
          ? { ResourceTagMappingList: { oops: true } }
          : tagEvenOnes(input),
      );

    const read = readGlueInventory(clients, unit);

    await expect(read).rejects.toThrow(MalformedResponseError);
    await expect(read).rejects.toThrow(
      'GetResources returned a malformed page: ResourceTagMappingList is not a list',
    );
  });

  it('starts no tagging call after one failed, and aborts the others', async () => {
    mockGlue({ jobs: 1000 });
    const signals: AbortSignal[] = [];
    tagging.on(GetResourcesCommand).callsFake(async input => {
      if (!input.ResourceARNList) return { ResourceTagMappingList: [] };
      await sleep(5);
      throw Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottledException',
      });
    });
    // the abort signal each call was sent with
    const send = jest.spyOn(clients.tagging, 'send');

    await expect(
      readGlueInventory(clients, unit, { taggingConcurrency: 2 }),
    ).rejects.toThrow('Rate exceeded');
    await sleep(50);

    // 10 batches queued, 2 in flight when the first failed: no more started
    expect(arnListCalls()).toHaveLength(2);
    for (const call of send.mock.calls) {
      signals.push((call[1] as { abortSignal: AbortSignal }).abortSignal);
    }
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every(s => s.aborted)).toBe(true);
    send.mockRestore();
  });

  it('starts no tagging call once the sync is cancelled', async () => {
    mockGlue({ jobs: 2000 });
    const controller = new AbortController();
    tagging.on(GetResourcesCommand).callsFake(async input => {
      if (!input.ResourceARNList) return { ResourceTagMappingList: [] };
      controller.abort(new Error('task timeout'));
      await sleep(5);
      return { ResourceTagMappingList: [] };
    });

    await expect(
      readGlueInventory(clients, unit, {
        signal: controller.signal,
        taggingConcurrency: 1,
      }),
    ).rejects.toThrow();
    await sleep(50);

    expect(arnListCalls()).toHaveLength(1);
  });
});

describe('readGlueInventory: what is kept of each object', () => {
  beforeEach(() => {
    glue.reset();
    tagging.reset();
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
  });

  const job: Job = {
    Name: 'etl',
    Role: 'arn:aws:iam::123456789012:role/Glue',
    CreatedOn: new Date(0),
    NonOverridableArguments: { '--x': 'y' },
    Command: { Name: 'glueetl', ScriptLocation: 's3://b/s.py' },
    DefaultArguments: { '--input': 's3://in/' },
    SourceControlDetails: {
      Provider: 'GITHUB',
      Owner: 'acme',
      Repository: 'etl',
      AuthToken: 'ghp_secret',
    },
  };

  function mockOne() {
    glue.on(GetJobsCommand).resolves({ Jobs: [job] });
    glue.on(GetTriggersCommand).resolves({
      Triggers: [{ Name: 't', Id: 'id-1', Type: 'ON_DEMAND' }],
    });
    glue.on(GetCrawlersCommand).resolves({
      Crawlers: [
        {
          Name: 'c',
          Role: 'r',
          State: 'READY',
          DatabaseName: 'db',
          Targets: {},
        },
      ],
    });
    glue.on(ListWorkflowsCommand).resolves({ Workflows: ['w'] });
    glue.on(BatchGetWorkflowsCommand).resolves({
      Workflows: [
        { Name: 'w', Description: 'd', DefaultRunProperties: { a: 'b' } },
      ],
      MissingWorkflows: [],
    });
  }

  it('keeps only the fields the mapping reads', async () => {
    mockOne();
    const inventory = await readGlueInventory(clients, unit);
    expect(inventory.jobs).toEqual([
      {
        Name: 'etl',
        Command: { Name: 'glueetl', ScriptLocation: 's3://b/s.py' },
        DefaultArguments: { '--input': 's3://in/' },
        // never the token
        SourceControlDetails: {
          Provider: 'GITHUB',
          Owner: 'acme',
          Repository: 'etl',
        },
      },
    ]);
    expect(inventory.triggers).toEqual([{ Name: 't', Type: 'ON_DEMAND' }]);
    expect(inventory.crawlers).toEqual([
      { Name: 'c', DatabaseName: 'db', Targets: {} },
    ]);
    expect(inventory.workflows).toEqual([{ Name: 'w', Description: 'd' }]);
  });

  it('keeps whole objects of the kinds a transformer receives', async () => {
    mockOne();
    const inventory = await readGlueInventory(clients, unit, {
      keepWhole: { job: true, workflow: true },
    });
    expect(inventory.jobs).toEqual([job]);
    expect(inventory.workflows[0].DefaultRunProperties).toEqual({ a: 'b' });
    expect(inventory.triggers).toEqual([{ Name: 't', Type: 'ON_DEMAND' }]);
  });
});
