import { GetTagsCommand, GlueClient } from '@aws-sdk/client-glue';
import {
  GetResourcesCommand,
  GetResourcesCommandInput,
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
  ResourceTagMapping,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { GlueEmulator, startGlueEmulator } from '../emulator';
import {
  DEMO_FIXTURE,
  errorOf,
  glueClient,
  manualClock,
  taggingClient,
} from '../__testUtils__';

const arn = (type: string, name: string) =>
  `arn:aws:glue:us-east-1:123456789012:${type}/${name}`;

describe('tags', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;
  let tagging: ResourceGroupsTaggingAPIClient;

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: DEMO_FIXTURE,
      port: 0,
      clock: manualClock(),
    });
    glue = glueClient(emulator.url);
    tagging = taggingClient(emulator.url);
  });
  afterAll(() => emulator.stop());

  it('GetTags returns the tags of a job, trigger, workflow and crawler', async () => {
    expect(
      (
        await glue.send(
          new GetTagsCommand({ ResourceArn: arn('job', 'triggering_job') }),
        )
      ).Tags,
    ).toEqual({
      owner: 'data-platform',
      domain: 'ingestion',
    });
    expect(
      (
        await glue.send(
          new GetTagsCommand({ ResourceArn: arn('trigger', 'nightly-ingest') }),
        )
      ).Tags,
    ).toEqual({
      owner: 'data-platform',
    });
    expect(
      (
        await glue.send(
          new GetTagsCommand({
            ResourceArn: arn('workflow', 'marketing-attribution'),
          }),
        )
      ).Tags,
    ).toEqual({
      team: 'marketing-data',
    });
    expect(
      (
        await glue.send(
          new GetTagsCommand({
            ResourceArn: arn('crawler', 'curated-orders-crawler'),
          }),
        )
      ).Tags,
    ).toEqual({
      owner: 'analytics',
    });
    expect(
      (
        await glue.send(
          new GetTagsCommand({ ResourceArn: arn('job', 'tmp-debug-job') }),
        )
      ).Tags,
    ).toEqual({});
  });

  it('GetTags of an unknown ARN is EntityNotFoundException; a non-Glue ARN is InvalidInputException', async () => {
    const unknown = await errorOf(
      glue.send(new GetTagsCommand({ ResourceArn: arn('job', 'ghost') })),
    );
    expect(unknown.name).toBe('EntityNotFoundException');
    const other = await errorOf(
      glue.send(new GetTagsCommand({ ResourceArn: 'arn:aws:s3:::bucket' })),
    );
    expect(other.name).toBe('InvalidInputException');
  });

  const all = async (input: GetResourcesCommandInput, pageSize = 100) => {
    const list: ResourceTagMapping[] = [];
    for await (const page of paginateGetResources(
      { client: tagging, pageSize },
      input,
    )) {
      list.push(...page.ResourceTagMappingList!);
    }
    return list;
  };

  it('GetResources returns only tagged resources and pages with PaginationToken', async () => {
    const everything = await all({ ResourceTypeFilters: ['glue'] }, 7);
    // 40 jobs (one untagged) + 33 triggers + 2 workflows + 3 crawlers.
    expect(everything).toHaveLength(39 + 33 + 2 + 3);
    expect(everything.map(r => r.ResourceARN)).not.toContain(
      arn('job', 'tmp-debug-job'),
    );
    expect(emulator.stats().calls.GetResources).toBe(Math.ceil(77 / 7));
    const last = await tagging.send(
      new GetResourcesCommand({ ResourcesPerPage: 100 }),
    );
    expect(last.PaginationToken).toBe('');
  });

  it('GetResources filters by type and tags (AND across keys, OR across values)', async () => {
    const jobs = await all({
      ResourceTypeFilters: ['glue:job'],
      TagFilters: [{ Key: 'owner', Values: ['analytics'] }],
    });
    expect(jobs.every(r => r.ResourceARN!.includes(':job/'))).toBe(true);
    expect(jobs.map(r => r.ResourceARN)).toContain(
      arn('job', 'orders-daily-etl'),
    );
    const either = await all({
      ResourceTypeFilters: ['glue:job'],
      TagFilters: [{ Key: 'owner', Values: ['analytics', 'data-platform'] }],
    });
    const both = await all({
      ResourceTypeFilters: ['glue:job'],
      TagFilters: [
        { Key: 'owner', Values: ['analytics', 'data-platform'] },
        { Key: 'domain', Values: ['sales'] },
      ],
    });
    expect(either.length).toBeGreaterThan(jobs.length);
    expect(both.length).toBeLessThan(either.length);
    for (const r of both) {
      const tags = Object.fromEntries(r.Tags!.map(t => [t.Key, t.Value]));
      expect(['analytics', 'data-platform']).toContain(tags.owner);
      expect(tags.domain).toBe('sales');
    }
    const anyValue = await all({
      ResourceTypeFilters: ['glue:workflow', 'glue:crawler'],
      TagFilters: [{ Key: 'team' }],
    });
    expect(anyValue.map(r => r.ResourceARN).sort()).toEqual([
      arn('crawler', 'campaign-events-crawler'),
      arn('workflow', 'marketing-attribution'),
    ]);
    const s3 = await all({ ResourceTypeFilters: ['s3'] });
    expect(s3).toEqual([]);
  });

  it('GetResources validates ResourcesPerPage (1-100)', async () => {
    const err = await errorOf(
      tagging.send(new GetResourcesCommand({ ResourcesPerPage: 101 })),
    );
    expect(err.name).toBe('InvalidParameterException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    const bad = await errorOf(
      tagging.send(new GetResourcesCommand({ PaginationToken: 'zzz' })),
    );
    expect(bad.name).toBe('InvalidParameterException');
  });

  it('GetResources uses the region of the request', async () => {
    const eu = taggingClient(emulator.url, { region: 'eu-west-1' });
    const out = await eu.send(
      new GetResourcesCommand({ ResourceTypeFilters: ['glue:job'] }),
    );
    expect(out.ResourceTagMappingList!.map(r => r.ResourceARN).sort()).toEqual([
      'arn:aws:glue:eu-west-1:123456789012:job/eu-orders-etl',
      'arn:aws:glue:eu-west-1:123456789012:job/gdpr-erasure-requests',
    ]);
  });
});
