import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import { GlueJobFacts } from '@aws-glue-backstage/plugin-aws-glue-common';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { createAwsGlueJobFactRetriever } from './retriever';

const BASE = 'http://backend.test/api/aws-glue';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const facts = (extra: Partial<GlueJobFacts> = {}): GlueJobFacts => ({
  runs7d: 3,
  runs30d: 12,
  successRate7d: 1,
  successRate30d: 0.916667,
  p95DurationSeconds30d: 540,
  dpuHours30d: 18,
  cost30d: 7.92,
  currency: 'USD',
  daysSinceLastSuccess: 0.5,
  readsIncrementalSource: true,
  bookmarkEnabled: true,
  maxRetries: 1,
  timeoutMinutes: 60,
  ownerIsGroup: true,
  ...extra,
});

const logger = mockServices.logger.mock();
const ctx: FactRetrieverContext = {
  config: new ConfigReader({}),
  discovery: {
    getBaseUrl: async () => BASE,
    getExternalBaseUrl: async () => BASE,
  },
  logger,
  auth: mockServices.auth(),
  urlReader: {} as any,
};

const page = (items: unknown[], nextCursor?: string) => ({
  items,
  ...(nextCursor ? { nextCursor } : {}),
  generatedAt: '2026-03-31T12:00:00.000Z',
});

describe('aws-glue-job-facts retriever', () => {
  it('pages the AWS Glue backend with a service token and maps every job entity', async () => {
    const seen: {
      auth: string | null;
      cursor: string | null;
      limit: string | null;
    }[] = [];
    server.use(
      http.get(`${BASE}/v1/job-facts`, ({ request }) => {
        const url = new URL(request.url);
        seen.push({
          auth: request.headers.get('authorization'),
          cursor: url.searchParams.get('cursor'),
          limit: url.searchParams.get('limit'),
        });
        return HttpResponse.json(
          url.searchParams.get('cursor')
            ? page([
                {
                  entityRef: 'component:default/never-run',
                  facts: facts({
                    runs7d: 0,
                    runs30d: 0,
                    successRate7d: undefined,
                    successRate30d: undefined,
                    p95DurationSeconds30d: undefined,
                    daysSinceLastSuccess: undefined,
                  }),
                },
              ])
            : page(
                [{ entityRef: 'component:default/orders', facts: facts() }],
                'c1',
              ),
        );
      }),
    );
    const retriever = createAwsGlueJobFactRetriever({ pageSize: 1 });
    expect(retriever.id).toBe('aws-glue-job-facts');
    expect(retriever.entityFilter).toEqual([
      { kind: 'component', 'spec.type': 'glue-job' },
    ]);
    const result = await retriever.handler(ctx);
    expect(seen).toEqual([
      { auth: expect.stringMatching(/^Bearer /), cursor: null, limit: '1' },
      { auth: expect.stringMatching(/^Bearer /), cursor: 'c1', limit: '1' },
    ]);
    expect(result).toEqual([
      {
        entity: { kind: 'component', namespace: 'default', name: 'orders' },
        facts: facts(),
      },
      {
        entity: { kind: 'component', namespace: 'default', name: 'never-run' },
        facts: expect.objectContaining({
          runs30d: 0,
          successRate7d: null,
          successRate30d: null,
          p95DurationSeconds30d: null,
          daysSinceLastSuccess: null,
        }),
      },
    ]);
    // every schema fact is present in every row
    for (const row of result) {
      expect(Object.keys(row.facts).sort()).toEqual(
        Object.keys(retriever.schema).sort(),
      );
    }
  });

  it('throws on an HTTP error, so that Tech Insights keeps the facts it has', async () => {
    server.use(
      http.get(`${BASE}/v1/job-facts`, () =>
        HttpResponse.json({ error: { message: 'nope' } }, { status: 403 }),
      ),
    );
    await expect(createAwsGlueJobFactRetriever().handler(ctx)).rejects.toThrow(
      'Could not read AWS Glue job facts page 1: HTTP 403',
    );
  });

  it('throws naming the field of a page that is not a job facts page', async () => {
    server.use(
      http.get(`${BASE}/v1/job-facts`, () =>
        HttpResponse.json(
          page([
            {
              entityRef: 'component:default/x',
              facts: facts({ successRate7d: 7 }),
            },
          ]),
        ),
      ),
    );
    await expect(createAwsGlueJobFactRetriever().handler(ctx)).rejects.toThrow(
      /page 1 is not a job facts page: items\.0\.facts\.successRate7d/,
    );
  });

  it('throws when a page does not answer in time', async () => {
    server.use(
      http.get(`${BASE}/v1/job-facts`, async () => {
        await delay(500);
        return HttpResponse.json(page([]));
      }),
    );
    await expect(
      createAwsGlueJobFactRetriever({ callTimeoutMs: 50 }).handler(ctx),
    ).rejects.toThrow('no answer within 50 ms');
  });

  it('throws past the overall deadline', async () => {
    let now = 0;
    server.use(
      http.get(`${BASE}/v1/job-facts`, ({ request }) => {
        now += 1000; // each page "takes" a second
        const n = Number(new URL(request.url).searchParams.get('cursor') ?? 0);
        return HttpResponse.json(page([], String(n + 1)));
      }),
    );
    await expect(
      createAwsGlueJobFactRetriever({
        deadlineMs: 2500,
        now: () => now,
      }).handler(ctx),
    ).rejects.toThrow('took longer than 2500 ms (stopped before page 4)');
  });

  it('stops on a repeated cursor and at the page cap, keeping what it read', async () => {
    server.use(
      http.get(`${BASE}/v1/job-facts`, () =>
        HttpResponse.json(
          page(
            [{ entityRef: 'component:default/orders', facts: facts() }],
            'same',
          ),
        ),
      ),
    );
    const repeated = await createAwsGlueJobFactRetriever().handler(ctx);
    expect(repeated).toHaveLength(2);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('repeated a job facts cursor at page 2'),
    );
    let n = 0;
    server.use(
      http.get(`${BASE}/v1/job-facts`, () =>
        HttpResponse.json(
          page(
            [{ entityRef: 'component:default/orders', facts: facts() }],
            `c${++n}`,
          ),
        ),
      ),
    );
    const capped = await createAwsGlueJobFactRetriever({ maxPages: 3 }).handler(
      ctx,
    );
    expect(capped).toHaveLength(3);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('after 3 pages'),
    );
  });
});
