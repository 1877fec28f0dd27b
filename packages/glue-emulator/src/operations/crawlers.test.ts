import {
  BatchGetCrawlersCommand,
  Crawler,
  GetCrawlerCommand,
  GetCrawlersCommand,
  GlueClient,
  ListCrawlersCommand,
  paginateGetCrawlers,
  StartCrawlerCommand,
} from '@aws-sdk/client-glue';
import { GlueEmulator, startGlueEmulator } from '../emulator';
import { generateFixture } from '../generate';
import {
  DEMO_FIXTURE,
  errorOf,
  glueClient,
  manualClock,
  MINUTE,
} from '../__testUtils__';

describe('crawler operations', () => {
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

  it('GetCrawler returns targets, READY state and the last crawl', async () => {
    const { Crawler: c } = await glue.send(
      new GetCrawlerCommand({ Name: 'curated-orders-crawler' }),
    );
    expect(c).toMatchObject({
      Name: 'curated-orders-crawler',
      Role: 'arn:aws:iam::123456789012:role/GlueCrawlerRole',
      DatabaseName: 'sales',
      State: 'READY',
      Targets: {
        S3Targets: [
          {
            Path: 's3://acme-curated/orders_agg/',
            Exclusions: ['**/_temporary/**'],
          },
        ],
        JdbcTargets: [],
      },
      LastCrawl: {
        LogGroup: '/aws-glue/crawlers',
        LogStream: 'curated-orders-crawler',
      },
    });
    expect(['SUCCEEDED', 'FAILED', 'CANCELLED']).toContain(
      c!.LastCrawl!.Status,
    );
    expect(c!.LastCrawl!.StartTime!.getTime()).toBeLessThan(clock.now());
    const scheduled = await glue.send(
      new GetCrawlerCommand({ Name: 'campaign-events-crawler' }),
    );
    expect(scheduled.Crawler!.Schedule).toEqual({
      ScheduleExpression: 'cron(30 5 * * ? *)',
      State: 'SCHEDULED',
    });
  });

  it('BatchGetCrawlers reports CrawlersNotFound and accepts 0-100 names', async () => {
    const out = await glue.send(
      new BatchGetCrawlersCommand({
        CrawlerNames: ['campaign-events-crawler', 'ghost'],
      }),
    );
    expect(out.Crawlers!.map(c => c.Name)).toEqual(['campaign-events-crawler']);
    expect(out.CrawlersNotFound).toEqual(['ghost']);
    const empty = await glue.send(
      new BatchGetCrawlersCommand({ CrawlerNames: [] }),
    );
    expect(empty.Crawlers).toEqual([]);
    const names = Array.from({ length: 101 }, (_, i) => `c${i}`);
    const err = await errorOf(
      glue.send(new BatchGetCrawlersCommand({ CrawlerNames: names })),
    );
    expect(err.name).toBe('InvalidInputException');
    expect(err.message).toContain("at 'crawlerNames'");
  });

  it('ListCrawlers filters by tag', async () => {
    const out = await glue.send(
      new ListCrawlersCommand({ Tags: { owner: 'data-platform' } }),
    );
    expect(out.CrawlerNames).toEqual(['clickstream-sessions-crawler']);
  });

  it('StartCrawler runs the crawler to READY with a new LastCrawl', async () => {
    await glue.send(
      new StartCrawlerCommand({ Name: 'clickstream-sessions-crawler' }),
    );
    const running = (
      await glue.send(
        new GetCrawlerCommand({ Name: 'clickstream-sessions-crawler' }),
      )
    ).Crawler!;
    expect(running.State).toBe('RUNNING');
    const again = await errorOf(
      glue.send(
        new StartCrawlerCommand({ Name: 'clickstream-sessions-crawler' }),
      ),
    );
    expect(again.name).toBe('CrawlerRunningException');
    // The crawl takes 90 s +-40%.
    clock.advance(30_000);
    expect(
      (
        await glue.send(
          new GetCrawlerCommand({ Name: 'clickstream-sessions-crawler' }),
        )
      ).Crawler!.CrawlElapsedTime,
    ).toBe(30_000);
    clock.advance(11 * MINUTE + 30_000);
    const done = (
      await glue.send(
        new GetCrawlerCommand({ Name: 'clickstream-sessions-crawler' }),
      )
    ).Crawler!;
    expect(done.State).toBe('READY');
    expect(done.LastCrawl!.Status).toBe('SUCCEEDED');
    expect(done.LastCrawl!.StartTime!.getTime()).toBe(
      clock.now() - 12 * MINUTE,
    );
  });
});

describe('crawler paging', () => {
  it('pages GetCrawlers with the paginator; MaxResults 1001 is rejected', async () => {
    const emulator = await startGlueEmulator({
      fixture: generateFixture({ jobs: 200, crawlers: 45, triggers: 40 }),
      port: 0,
    });
    const glue = glueClient(emulator.url);
    try {
      const crawlers: Crawler[] = [];
      for await (const page of paginateGetCrawlers(
        { client: glue, pageSize: 20 },
        {},
      )) {
        crawlers.push(...page.Crawlers!);
      }
      expect(crawlers).toHaveLength(45);
      expect(emulator.stats().calls.GetCrawlers).toBe(3);
      const err = await errorOf(
        glue.send(new GetCrawlersCommand({ MaxResults: 1001 })),
      );
      expect(err.name).toBe('InvalidInputException');
    } finally {
      await emulator.stop();
    }
  });
});
