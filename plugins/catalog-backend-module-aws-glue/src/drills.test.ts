/*
 * Fault drills: the real provider and the real AWS SDK against the Glue
 * emulator, with faults the emulator injects (throttling, 5xx, outages) or a
 * small proxy between them produces (malformed, truncated and failing pages,
 * an account that suddenly reads empty). What every drill checks: the sync
 * either completes with exactly the entities of a clean run, or it fails with
 * a clear error / a guard and applies nothing; and hostile names and secrets
 * never produce an invalid, colliding or leaking entity.
 *
 * The two-replica drill (shared PostgreSQL, a replica killed mid-sync) needs
 * a database and two backends: it lives in packages/bench
 * (`node packages/bench/bin/bench --only drills`).
 */
import { createHash } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  makeValidator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  DeferredEntity,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  Fixture,
  FixtureRegion,
  generateFixture,
  GlueEmulator,
  GlueProxy,
  GlueProxyCall,
  GlueProxyReply,
  glueErrorReply,
  HANG,
  rewriteReply,
  startGlueEmulator,
  startGlueProxy,
} from '@aws-glue-backstage/glue-emulator';
import {
  AwsGlueEntityProvider,
  AwsGlueEntityProviderOptions,
} from './providers/AwsGlueEntityProvider';

jest.setTimeout(180_000);

/** generateFixture's first account; the emulator takes a 12-digit access key id as the account. */
const ACCOUNT = '100000000001';
const REGION = 'us-east-1';
/** A frozen clock: the emulator's simulation never starts runs during a drill. */
const frozen = Date.parse('2026-11-23T12:00:00Z');
const emulatorOptions = { clock: { now: () => frozen }, ticker: false };

/**
 * maxAttempts for the throttling drill. Each attempt fails with probability
 * p = 0.30 + 0.70 * 0.05 = 0.335, so a call exhausts M attempts with p^M:
 * M = 6 (the default) gives 1.4e-3 per call, i.e. a failed sync in ~4% of
 * 1,500-job syncs (27 calls), ~11% at 5,000 jobs (79 calls) and ~35% at
 * 20,000 jobs (303 calls); M = 10 gives 1.8e-5 per call (0.05% / 0.14% /
 * 0.5%). The drill uses 10; the default should be raised to match.
 */
const THROTTLING_DRILL_MAX_ATTEMPTS = 10;

function providerConfig(endpoint: string, extra: object = {}) {
  return new ConfigReader({
    aws: {
      accounts: [
        { accountId: ACCOUNT, accessKeyId: ACCOUNT, secretAccessKey: 'test' },
      ],
    },
    catalog: {
      providers: {
        awsGlue: {
          drill: { accountId: ACCOUNT, regions: [REGION], endpoint, ...extra },
        },
      },
    },
  });
}

type MockConnection = EntityProviderConnection & {
  applyMutation: jest.Mock<Promise<void>, [EntityProviderMutation]>;
};

function connection(): MockConnection {
  return {
    applyMutation: jest.fn(async (_: EntityProviderMutation) => {}),
    refresh: jest.fn(async () => {}),
  };
}

async function connectedProvider(
  endpoint: string,
  extra: object = {},
  options: Partial<AwsGlueEntityProviderOptions> = {},
) {
  const [provider] = AwsGlueEntityProvider.fromConfig(
    providerConfig(endpoint, extra),
    { logger: mockServices.logger.mock(), ...options },
  );
  const conn = connection();
  await provider.connect(conn);
  return { provider, connection: conn };
}

/** The entities of the n-th applied mutation (0-based). */
function appliedEntities(conn: MockConnection, n: number): Entity[] {
  const mutation = conn.applyMutation.mock.calls[n][0];
  if (mutation.type !== 'full') throw new Error('expected a full mutation');
  return mutation.entities.map((e: DeferredEntity) => e.entity);
}

function byRef(entities: Entity[]): Map<string, Entity> {
  return new Map(entities.map(e => [stringifyEntityRef(e), e]));
}

/** Refs and specs, sorted: what "the same entities" means here. */
function refsAndSpecs(entities: Entity[]) {
  return entities
    .map(e => ({ ref: stringifyEntityRef(e), spec: e.spec }))
    .sort((a, b) => a.ref.localeCompare(b.ref));
}

describe('drill: throttling and 5xx', () => {
  it('completes under 30% throttling and 5% InternalServiceException with the same entities as a clean run', async () => {
    const emulator = await startGlueEmulator({
      ...emulatorOptions,
      fixture: generateFixture({ jobs: 400, seed: 3 }),
    });
    try {
      const clean = await connectedProvider(emulator.url);
      const cleanResult = await clean.provider.refresh();
      expect(cleanResult.applied).toBe(true);
      expect(emulator.stats().errors).toEqual({});

      emulator.resetStats();
      // Seed 3 gives both kinds of fault on this fixture (the decisions are a
      // seeded sequence, so their counts do not depend on request order).
      emulator.setFaults({ throttleRate: 0.3, errorRate: 0.05, seed: 3 });
      const faulty = await connectedProvider(emulator.url, {
        maxAttempts: THROTTLING_DRILL_MAX_ATTEMPTS,
      });
      const result = await faulty.provider.refresh();

      expect(result.applied).toBe(true);
      expect(result.calls).toEqual(cleanResult.calls);
      // The faults really happened and were retried.
      const { errors, total } = emulator.stats();
      expect(
        (errors.ThrottlingException ?? 0) + (errors.ThrottledException ?? 0),
      ).toBeGreaterThan(0);
      expect(errors.InternalServiceException ?? 0).toBeGreaterThan(0);
      const logicalCalls = Object.values(result.calls).reduce(
        (a, b) => a + b,
        0,
      );
      expect(total).toBeGreaterThan(logicalCalls);

      const expected = appliedEntities(clean.connection, 0);
      const actual = appliedEntities(faulty.connection, 0);
      expect(actual.length).toBe(expected.length);
      expect(refsAndSpecs(actual)).toEqual(refsAndSpecs(expected));
      // Not only refs and specs: the whole entities are the same.
      expect(byRef(actual)).toEqual(byRef(expected));
    } finally {
      await emulator.stop();
    }
  });
});

describe('drill: malformed, truncated and failing pages', () => {
  let emulator: GlueEmulator;
  let proxy: GlueProxy;

  beforeAll(async () => {
    // 1,200 jobs: GetJobs has two pages, so "mid-paging" is possible.
    emulator = await startGlueEmulator({
      ...emulatorOptions,
      fixture: generateFixture({ jobs: 1200, seed: 5 }),
    });
    proxy = await startGlueProxy(emulator.url);
  });

  afterEach(async () => {
    // A failed sync cancels its other calls; one already on the wire still
    // reaches the proxy: let it land before the counts start again.
    await new Promise(r => setTimeout(r, 300));
    proxy.intercept = undefined;
    proxy.resetCounts();
    emulator.resetFaults();
  });

  afterAll(async () => {
    await proxy.stop();
    await emulator.stop();
  });

  const cases: {
    name: string;
    intercept: (
      call: GlueProxyCall,
      forward: () => Promise<GlueProxyReply>,
    ) => Promise<GlueProxyReply>;
    error: RegExp;
  }[] = [
    {
      name: 'a GetJobs page whose Jobs entries lack Name',
      intercept: (call, forward) =>
        call.operation === 'GetJobs' && call.input.NextToken
          ? rewriteReply(forward, body => {
              delete body.Jobs[3].Name;
            })
          : forward(),
      error: /GetJobs returned a malformed page: Jobs\[3\] has no Name/,
    },
    {
      name: 'a GetJobs NextToken that then fails: the emulator goes down for GetJobs after the first page',
      intercept: async (call, forward) => {
        const reply = await forward();
        if (call.operation === 'GetJobs' && call.n === 1) {
          expect(JSON.parse(reply.body).NextToken).toBeTruthy();
          emulator.setFaults({ outages: [{ operation: 'GetJobs' }] });
        }
        return reply;
      },
      error: /Emulated outage of GetJobs/,
    },
    {
      name: 'a tagging call by ARN list refused mid-read',
      intercept: (call, forward) =>
        call.operation === 'GetResources' &&
        call.input.ResourceARNList &&
        call.n > 3
          ? Promise.resolve(
              glueErrorReply(
                400,
                'InvalidParameterException',
                'The tagging call was refused',
              ),
            )
          : forward(),
      error: /tagging call was refused/,
    },
    {
      name: 'a GetTriggers page cut off in the middle of its JSON',
      intercept: async (call, forward) => {
        const reply = await forward();
        if (call.operation !== 'GetTriggers' || !call.input.NextToken) {
          return reply;
        }
        return { ...reply, body: reply.body.slice(0, reply.body.length / 2) };
      },
      error: /./,
    },
    {
      name: 'a tagging page whose ResourceTagMappingList is not a list',
      intercept: (call, forward) =>
        call.operation === 'GetResources' &&
        call.input.ResourceARNList?.some((arn: string) =>
          arn.includes(':trigger/'),
        )
          ? rewriteReply(forward, body => {
              body.ResourceTagMappingList = { oops: true };
            })
          : forward(),
      error: /GetResources returned a malformed page/,
    },
    {
      name: 'a BatchGetWorkflows answer that drops workflows without listing them as missing',
      intercept: (call, forward) =>
        call.operation === 'BatchGetWorkflows'
          ? rewriteReply(forward, body => {
              body.Workflows = body.Workflows.slice(1);
              body.MissingWorkflows = [];
            })
          : forward(),
      error:
        /BatchGetWorkflows returned a malformed page: asked for \d+ workflows/,
    },
  ];

  it.each(cases)(
    'applies nothing on $name, says why, and recovers on the next good sync',
    async ({ intercept, error }) => {
      const { provider, connection: conn } = await connectedProvider(
        proxy.url,
        { maxAttempts: 3 },
      );
      const first = await provider.refresh();
      expect(first.applied).toBe(true);
      expect(conn.applyMutation).toHaveBeenCalledTimes(1);

      proxy.resetCounts();
      proxy.intercept = intercept;
      await expect(provider.refresh()).rejects.toThrow(error);
      expect(conn.applyMutation).toHaveBeenCalledTimes(1);

      proxy.intercept = undefined;
      emulator.resetFaults();
      const third = await provider.refresh();
      expect(third.applied).toBe(true);
      expect(conn.applyMutation).toHaveBeenCalledTimes(2);
      expect(refsAndSpecs(appliedEntities(conn, 1))).toEqual(
        refsAndSpecs(appliedEntities(conn, 0)),
      );
    },
  );

  // A 200 with an empty body leaves `Crawlers` undefined; it must not read as
  // "no crawlers".
  it('applies nothing when GetCrawlers answers 200 with an empty body', async () => {
    const { provider, connection: conn } = await connectedProvider(proxy.url);
    const first = await provider.refresh();
    expect(first.counts.crawler).toBeGreaterThan(0);
    proxy.intercept = async (call, forward) =>
      call.operation === 'GetCrawlers'
        ? { ...(await forward()), body: '' }
        : forward();
    await expect(provider.refresh()).rejects.toThrow(
      /GetCrawlers returned a malformed page/,
    );
    expect(conn.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('stops at once when a page repeats an earlier NextToken (A, B, A, ...)', async () => {
    const { provider, connection: conn } = await connectedProvider(proxy.url);
    // The second GetJobs page points back at the first page's token, so the
    // listing would go round for ever, growing memory, if nothing stopped it.
    let firstToken: string | undefined;
    proxy.intercept = (call, forward) =>
      call.operation !== 'GetJobs'
        ? forward()
        : rewriteReply(forward, body => {
            if (!call.input.NextToken) firstToken = body.NextToken;
            else body.NextToken = firstToken ?? body.NextToken;
          });
    await expect(provider.refresh()).rejects.toThrow(
      'GetJobs paging stopped: page 2 repeats an earlier NextToken',
    );
    expect(proxy.counts().GetJobs).toBe(2);
    expect(conn.applyMutation).not.toHaveBeenCalled();
    // the failed read's other streams stopped calling Glue with it
    await new Promise(r => setTimeout(r, 300));
    const calls = proxy.counts();
    await new Promise(r => setTimeout(r, 700));
    expect(proxy.counts()).toEqual(calls);
  });

  it('stops a listing past its page cap, with the config key in the message', async () => {
    const { provider, connection: conn } = await connectedProvider(proxy.url, {
      maxPagesPerListing: 5,
    });
    // Fresh tokens for ever: only the cap ends it.
    proxy.intercept = async (call, forward) =>
      call.operation !== 'GetCrawlers'
        ? forward()
        : {
            status: 200,
            body: JSON.stringify({
              Crawlers: [],
              NextToken: `endless-${call.n}`,
            }),
          };
    await expect(provider.refresh()).rejects.toThrow(
      'GetCrawlers paging stopped: more than 5 pages (raise catalog.providers.awsGlue.drill.maxPagesPerListing if the account really has that many)',
    );
    expect(proxy.counts().GetCrawlers).toBe(6);
    expect(conn.applyMutation).not.toHaveBeenCalled();
  });

  it('cancels a call that never answers when the task is aborted, and calls Glue no more', async () => {
    const { provider, connection: conn } = await connectedProvider(proxy.url);
    proxy.intercept = async (call, forward) =>
      call.operation === 'GetTriggers' ? HANG : forward();
    const controller = new AbortController();
    const aborted = new Promise(r => setTimeout(r, 500)).then(() =>
      controller.abort(new Error('task timeout')),
    );
    const started = Date.now();
    const result = await provider.refresh({ signal: controller.signal });
    await aborted;
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(result).toMatchObject({
      applied: false,
      reason: 'the sync outlived its task timeout (aborted)',
    });
    expect(conn.applyMutation).not.toHaveBeenCalled();
    // the stuck call was cancelled on the wire, and nothing more is sent
    await new Promise(r => setTimeout(r, 200));
    expect(proxy.hanging()).toBe(0);
    const calls = proxy.counts();
    await new Promise(r => setTimeout(r, 1_000));
    expect(proxy.counts()).toEqual(calls);
  });
});

/** The first `keep` jobs of a fixture region, and what still refers only to them. */
function shrinkRegion(region: FixtureRegion, keep: number): FixtureRegion {
  const jobs = (region.jobs ?? []).slice(0, keep);
  const names = new Set(jobs.map(j => j.Name));
  const crawlers = region.crawlers ?? [];
  const crawlerNames = new Set(crawlers.map(c => c.Name));
  const known = (x: { JobName?: string; CrawlerName?: string }) =>
    x.JobName ? names.has(x.JobName) : crawlerNames.has(x.CrawlerName!);
  const triggers = (region.triggers ?? []).filter(
    t => t.Actions.every(known) && (t.Predicate?.Conditions ?? []).every(known),
  );
  return { jobs, triggers, crawlers, workflows: region.workflows };
}

describe('drill: an account that suddenly reads empty or mostly empty', () => {
  let full: GlueEmulator;
  let empty: GlueEmulator;
  let partial: GlueEmulator;
  let proxy: GlueProxy;

  beforeAll(async () => {
    const fixture = generateFixture({ jobs: 500, seed: 9 });
    const region = fixture.accounts[0].regions[REGION];
    full = await startGlueEmulator({ ...emulatorOptions, fixture });
    empty = await startGlueEmulator({
      ...emulatorOptions,
      fixture: { accounts: [] },
    });
    partial = await startGlueEmulator({
      ...emulatorOptions,
      fixture: {
        accounts: [
          {
            accountId: ACCOUNT,
            regions: { [REGION]: shrinkRegion(region, 100) },
          },
        ],
      },
    });
    proxy = await startGlueProxy(full.url);
  });

  afterEach(() => {
    proxy.upstream = full.url;
  });

  afterAll(async () => {
    await proxy.stop();
    await Promise.all([full.stop(), empty.stop(), partial.stop()]);
  });

  it('keeps the 500 jobs when the same provider reads an empty account', async () => {
    const { provider, connection: conn } = await connectedProvider(proxy.url);
    const first = await provider.refresh();
    expect(first).toMatchObject({ applied: true });
    expect(first.counts.job).toBe(500);

    proxy.upstream = empty.url;
    const second = await provider.refresh();
    expect(second).toMatchObject({
      applied: false,
      entities: 0,
      reason: `the read returned no resources where the catalog has ${first.entities} entities`,
    });
    expect(conn.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('keeps them after a restart too: with the catalog it asks, and without one it applies nothing', async () => {
    const seed = await connectedProvider(full.url);
    await seed.provider.refresh();
    const inCatalog = appliedEntities(seed.connection, 0);

    proxy.upstream = empty.url;
    const withCatalog = await connectedProvider(
      proxy.url,
      {},
      {
        catalog: catalogServiceMock({ entities: inCatalog }),
        auth: mockServices.auth(),
      },
    );
    await expect(withCatalog.provider.refresh()).resolves.toMatchObject({
      applied: false,
      reason: `the read returned no resources where the catalog has ${inCatalog.length} entities`,
    });
    expect(withCatalog.connection.applyMutation).not.toHaveBeenCalled();

    const blind = await connectedProvider(proxy.url);
    await expect(blind.provider.refresh()).resolves.toMatchObject({
      applied: false,
      reason:
        'the read returned no resources and the current catalog state is unknown',
    });
    expect(blind.connection.applyMutation).not.toHaveBeenCalled();
  });

  it('keeps them when the account reads 100 of its 500 jobs (the removal guard)', async () => {
    const { provider, connection: conn } = await connectedProvider(proxy.url);
    const first = await provider.refresh();
    proxy.upstream = partial.url;
    const second = await provider.refresh();
    expect(second.applied).toBe(false);
    expect(second.counts.job).toBe(100);
    expect(second.reason).toMatch(
      new RegExp(
        `^it would remove \\d+ of ${first.entities} entities \\(\\d+%\\), more than removalGuard.maxRemovalShare allows \\(50%\\)$`,
      ),
    );
    expect(conn.applyMutation).toHaveBeenCalledTimes(1);
  });
});

/* ---------------------------------------------------------------------------
 * Hostile fixture: 200 resources built to break naive mappings.
 * ------------------------------------------------------------------------- */

/** Every secret value planted in the fixture; none may appear in a mutation. */
const SECRETS: string[] = [];
function secret(value: string): string {
  SECRETS.push(value);
  return value;
}

const shortHash = (s: string) =>
  createHash('sha256').update(s).digest('hex').slice(0, 10);
const arn = (type: string, name: string) =>
  `arn:aws:glue:${REGION}:${ACCOUNT}:${type}/${name}`;

function hostileFixture(): {
  fixture: Fixture;
  counts: Record<string, number>;
} {
  const names: string[] = [
    // case and punctuation variants of one name
    'Report',
    'report',
    'REPORT',
    'rePort',
    'report.',
    'report_',
    'report-',
    '.report',
    'report 1',
    'report  1',
    'report_1',
    'report.1',
    'report-1',
    'Report-1',
    'report--1',
    'report__1',
    // what 'Report' slugs to, as a real Glue name
    `report-${shortHash(arn('job', 'Report'))}`,
    // names that look like a slug's hash suffix
    'job-0123456789',
    'job-abcdef0123',
    // unicode
    'Übersicht Jöb',
    'ubersicht job',
    '数据管道',
    '数据管道2',
    'ジョブ',
    'café–crème',
    'cafe-creme',
    'emoji 🚀 job',
    'Ωmega',
    'naïve',
    'ﬁle',
    'Ｆｕｌｌｗｉｄｔｈ',
    'zero\u200bwidth',
    'rtl \u202eevil',
    // only symbols, padding, separators
    '???',
    '—',
    '🚀🚀',
    ' padded ',
    'team/job:1',
    'a@b#c$d%e',
    'x',
    '9',
  ];
  const long = 'very long glue job name that keeps going and going '.repeat(6);
  for (let i = 0; names.length < 150; i++) {
    const variants = [
      // 255 characters, differing only at the very end
      `${long.slice(0, 250)}-${String(i).padStart(4, '0')}`,
      `Job.${i}..x`,
      `job ${i} (copy)`,
      `JOB_${i}`,
      `job_${i}`,
    ];
    names.push(variants[i % variants.length].slice(0, 255));
  }
  const ownerTags = [
    'Data Platform Team!!',
    'user:J.Doe@Example',
    'group:',
    ':::',
    '',
    'Component:foo/bar/baz',
    'group:default/',
    'x'.repeat(256),
    '💥',
  ];
  const jobs = names.map((name, i) => ({
    Name: name,
    Description: i % 7 === 0 ? '\u202e hostile — description' : undefined,
    Role: `arn:aws:iam::${ACCOUNT}:role/GlueJobRole`,
    Command: {
      Name: 'glueetl',
      ScriptLocation: `s3://scripts/${i}.py`,
    },
    DefaultArguments: {
      '--db-password': secret(`hunter2-${i}-q`),
      '--api-token': secret(`tok-${i}-abcdefgh`),
      '--jdbc-url': `jdbc:postgresql://admin:${secret(
        `JdbcPw${i}z`,
      )}@db.example.com/prod`,
      '--aws-access-key': secret(`AKIA${String(i).padStart(16, '7')}`),
      '--note': secret(
        `wJalrXUtnFEMI/K7MDENG/bPxRfiCY${String(i).padStart(10, '9')}`,
      ),
      '--input': `s3://reader:${secret(`InPw${i}y`)}@Hostile-Bucket/in/${i}/`,
      '--output': `s3://writer:${secret(
        `OutPw${i}y`,
      )}@Hostile-Bucket/out/${i}/`,
    },
    NonOverridableArguments: {
      '--secret-key': secret(`nonoverridable-${i}-k`),
      '--conn': `mongodb://root:${secret(`MongoPw${i}w`)}@mongo/x`,
    },
    Tags: {
      owner: ownerTags[i % ownerTags.length],
      team: '???',
      lifecycle: i % 3 ? ' ' : 'prod uction!!',
      system: i % 4 ? 'Not A System!!' : 'system:default/',
    },
  }));
  const workflows = Array.from({ length: 8 }, (_, i) => ({
    Name: [
      'Nightly ETL',
      'nightly etl',
      'NIGHTLY-ETL',
      'wf/1',
      '工作流',
      '🚀',
      'x'.repeat(255),
      'wf.',
    ][i],
    Description: 'hostile workflow',
    Tags: { owner: ownerTags[(i + 3) % ownerTags.length] },
  }));
  const crawlers = Array.from({ length: 12 }, (_, i) => ({
    // four spellings of each of three names
    Name: [
      `Crawler ${Math.floor(i / 4)} ✓`,
      `crawler ${Math.floor(i / 4)} ✓`,
      `CRAWLER-${Math.floor(i / 4)}`,
      `crawler-${Math.floor(i / 4)}`,
    ][i % 4],
    Role: `arn:aws:iam::${ACCOUNT}:role/crawler`,
    DatabaseName: 'db',
    Targets: {
      S3Targets: [
        {
          Path: `s3a://crawl:${secret(
            `CrawlPw${i}v`,
          )}@Hostile-Bucket//out/${i}/`,
        },
      ],
    },
    Tags: { owner: ownerTags[i % ownerTags.length] },
  }));
  const triggers = Array.from({ length: 30 }, (_, i) => {
    const workflow = i < workflows.length ? workflows[i].Name : undefined;
    const starts = i < workflows.length; // one starting trigger per workflow
    return {
      // three spellings of each of ten names
      Name: [
        `Trigger ${Math.floor(i / 3)} — nightly`,
        `TRIGGER-${Math.floor(i / 3)}`,
        `trigger-${Math.floor(i / 3)}`,
      ][i % 3],
      Type: starts ? 'ON_DEMAND' : 'CONDITIONAL',
      ...(starts
        ? {}
        : {
            Predicate: {
              Logical: 'ANY',
              Conditions: [
                {
                  LogicalOperator: 'EQUALS',
                  JobName: names[i],
                  State: 'SUCCEEDED',
                },
                {
                  LogicalOperator: 'EQUALS',
                  CrawlerName: crawlers[i % crawlers.length].Name,
                  CrawlState: 'FAILED',
                },
              ],
            },
          }),
      Actions: [
        {
          JobName: names[i + 1],
          Arguments: {
            '--session-token': secret(`trig-${i}-secret`),
            '--input': `s3://t:${secret(`TrigPw${i}u`)}@Hostile-Bucket/t/${i}/`,
          },
        },
        ...(i % 5 === 0
          ? [{ CrawlerName: crawlers[(i + 1) % crawlers.length].Name }]
          : []),
      ],
      ...(workflow ? { WorkflowName: workflow } : {}),
      Tags: { owner: ownerTags[(i + 1) % ownerTags.length] },
    };
  });
  const fixture = {
    accounts: [
      {
        accountId: ACCOUNT,
        regions: { [REGION]: { jobs, triggers, workflows, crawlers } },
      },
    ],
  } as unknown as Fixture;
  return {
    fixture,
    counts: {
      job: jobs.length,
      trigger: triggers.length,
      workflow: workflows.length,
      crawler: crawlers.length,
    },
  };
}

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const kindValidators: Record<string, typeof componentEntityV1alpha1Validator> =
  {
    Component: componentEntityV1alpha1Validator,
    Resource: resourceEntityV1alpha1Validator,
    System: systemEntityV1alpha1Validator,
  };
const validators = makeValidator();

/** Throws with the entity's name when the catalog would refuse it. */
async function validate(entity: Entity) {
  const where = `${entity.kind} ${entity.metadata.name} (${entity.metadata.title})`;
  await expect(policy.enforce(entity)).resolves.toBeDefined();
  const validator = kindValidators[entity.kind];
  if (!validator) throw new Error(`${where}: unexpected kind`);
  await expect(validator.check(entity)).resolves.toBe(true);
  const spec = entity.spec as Record<string, unknown>;
  const refs = [
    spec.owner,
    spec.system,
    ...((spec.dependsOn as string[] | undefined) ?? []),
  ].filter((r): r is string => typeof r === 'string');
  for (const ref of refs) {
    const parsed = parseEntityRef(ref);
    if (
      !validators.isValidKind(parsed.kind) ||
      !validators.isValidNamespace(parsed.namespace) ||
      !validators.isValidEntityName(parsed.name)
    ) {
      throw new Error(`${where}: invalid ref ${ref}`);
    }
  }
}

describe('drill: hostile fixture at the provider level', () => {
  it('makes 200 valid, unique, stable entities and leaks no secret', async () => {
    const { fixture, counts } = hostileFixture();
    const emulator = await startGlueEmulator({ ...emulatorOptions, fixture });
    try {
      const first = await connectedProvider(emulator.url);
      const result = await first.provider.refresh();
      expect(result.applied).toBe(true);
      expect(result.counts).toMatchObject(counts);
      const entities = appliedEntities(first.connection, 0);

      // None dropped: every Glue resource is one entity.
      const synced = entities.filter(
        e =>
          e.metadata.annotations?.['aws.amazon.com/aws-glue-resource-kind'] !==
          'dataset',
      );
      expect(synced).toHaveLength(200);
      const glueNames = (kind: string) =>
        synced
          .filter(
            e =>
              e.metadata.annotations?.[
                'aws.amazon.com/aws-glue-resource-kind'
              ] === kind,
          )
          .map(e => e.metadata.annotations?.['aws.amazon.com/aws-glue-name'])
          .sort();
      const regionFixture = fixture.accounts[0].regions[REGION];
      expect(glueNames('job')).toEqual(
        regionFixture.jobs!.map(j => j.Name).sort(),
      );
      expect(glueNames('trigger')).toEqual(
        regionFixture.triggers!.map(t => t.Name).sort(),
      );
      expect(glueNames('workflow')).toEqual(
        regionFixture.workflows!.map(w => w.Name).sort(),
      );
      expect(glueNames('crawler')).toEqual(
        regionFixture.crawlers!.map(c => c.Name).sort(),
      );

      // Valid for the catalog, refs included.
      for (const entity of entities) {
        await validate(entity);
      }

      // Unique, case-insensitively, across everything the provider emits.
      const keys = entities.map(e =>
        stringifyEntityRef(e).toLocaleLowerCase('en-US'),
      );
      expect(new Set(keys).size).toBe(keys.length);

      // Every dependsOn points at an entity of this sync (none dangling;
      // owners and tag-named systems may live outside Glue).
      const known = new Set(keys);
      for (const entity of entities) {
        for (const ref of (entity.spec?.dependsOn as string[]) ?? []) {
          expect(known).toContain(ref.toLocaleLowerCase('en-US'));
        }
      }

      // The same names from a second sync of a fresh provider.
      const second = await connectedProvider(emulator.url);
      await second.provider.refresh();
      const again = appliedEntities(second.connection, 0);
      expect(again.map(e => stringifyEntityRef(e)).sort()).toEqual(
        entities.map(e => stringifyEntityRef(e)).sort(),
      );

      // No secret anywhere in either mutation.
      const text = JSON.stringify([
        first.connection.applyMutation.mock.calls,
        second.connection.applyMutation.mock.calls,
      ]);
      const leaked = SECRETS.filter(s => text.includes(s));
      expect(leaked).toEqual([]);
    } finally {
      await emulator.stop();
    }
  });

  // Credentials in a script location's user-info never reach the catalog.
  it('keeps credentials in a job script location out of the entity', async () => {
    const password = 'ScriptPw-7f3a';
    const emulator = await startGlueEmulator({
      ...emulatorOptions,
      fixture: {
        accounts: [
          {
            accountId: ACCOUNT,
            regions: {
              [REGION]: {
                jobs: [
                  {
                    Name: 'script-with-credentials',
                    Role: `arn:aws:iam::${ACCOUNT}:role/GlueJobRole`,
                    Command: {
                      Name: 'glueetl',
                      ScriptLocation: `s3://deploy:${password}@scripts/etl.py`,
                    },
                  },
                ],
              },
            },
          },
        ],
      },
    });
    try {
      const { provider, connection: conn } = await connectedProvider(
        emulator.url,
      );
      await provider.refresh();
      expect(JSON.stringify(conn.applyMutation.mock.calls)).not.toContain(
        password,
      );
    } finally {
      await emulator.stop();
    }
  });

  it('gives a resource the same name whichever other resources exist', async () => {
    const { fixture } = hostileFixture();
    const region = fixture.accounts[0].regions[REGION];
    // Every other job, and only triggers that still refer to synced jobs.
    const half: Fixture = {
      accounts: [
        {
          accountId: ACCOUNT,
          regions: {
            [REGION]: {
              ...region,
              jobs: region.jobs!.filter((_, i) => i % 2 === 0),
              triggers: [],
            },
          },
        },
      ],
    };
    const nameOf = async (f: Fixture) => {
      const emulator = await startGlueEmulator({
        ...emulatorOptions,
        fixture: f,
      });
      try {
        const { provider, connection: conn } = await connectedProvider(
          emulator.url,
        );
        await provider.refresh();
        return new Map(
          appliedEntities(conn, 0).map(e => [
            `${e.metadata.annotations?.['aws.amazon.com/aws-glue-resource-kind']}:${e.metadata.annotations?.['aws.amazon.com/aws-glue-name']}`,
            e.metadata.name,
          ]),
        );
      } finally {
        await emulator.stop();
      }
    };
    const all = await nameOf(fixture);
    const some = await nameOf(half);
    expect(some.size).toBeGreaterThan(75);
    for (const [key, name] of some) {
      expect([key, name]).toEqual([key, all.get(key)]);
    }
  });
});

/*
 * A timed-out sync (the task's signal aborts) must stop calling Glue within a
 * second and apply nothing. Measured where the calls arrive: a proxy between
 * the SDK and the emulator stamps each call as it comes in, and the abort is
 * stamped on the same clock. The read is made slow on purpose (300 ms a call;
 * 20 sequential GetTriggers pages: ~6 s, and 200 sequential GetTags in the
 * workflow-tags fallback: ~60 s), so a second after the abort is far from
 * its end and a call that still went out would be seen.
 */
describe('drill: a timed-out sync stops calling Glue', () => {
  const LATENCY_MS = 300;
  const CONTRACT_MS = 1_000;
  let emulator: GlueEmulator;
  let proxy: GlueProxy;

  beforeAll(async () => {
    // 4,000 triggers: 20 GetTriggers pages, one after another; 200
    // workflows: 8 ListWorkflows pages and, in the fallback, 200 GetTags.
    emulator = await startGlueEmulator({
      ...emulatorOptions,
      fixture: generateFixture({
        jobs: 2000,
        triggers: 4000,
        workflows: 200,
        seed: 11,
      }),
      latency: { fixedMs: LATENCY_MS, jitterMs: 0 },
    });
    proxy = await startGlueProxy(emulator.url);
  });

  afterEach(() => {
    proxy.intercept = undefined;
    proxy.resetCounts();
  });

  afterAll(async () => {
    await proxy.stop();
    await emulator.stop();
  });

  const isWorkflowTags = (call: GlueProxyCall) =>
    call.operation === 'GetResources' &&
    call.input.ResourceTypeFilters?.[0] === 'glue:workflow';

  // `unfinished`: a listing that still had pages to go at the abort (its
  // full count in a whole read), so the abort really came mid-read.
  it.each([
    {
      when: 'in the middle of the listings',
      abortAt: { operation: 'GetTriggers', n: 5 },
      unfinished: { operation: 'GetTriggers', whole: 20 },
      workflowTagsUnsupported: false,
    },
    {
      when: 'while tagging calls by ARN list are on the wire',
      abortAt: { operation: 'GetResources', n: 12 },
      unfinished: { operation: 'GetTriggers', whole: 20 },
      workflowTagsUnsupported: false,
    },
    {
      when: 'while BatchGetWorkflows is on the wire',
      abortAt: { operation: 'BatchGetWorkflows', n: 2 },
      unfinished: { operation: 'GetTriggers', whole: 20 },
      workflowTagsUnsupported: false,
    },
    {
      when: 'in the one-by-one workflow-tags fallback',
      abortAt: { operation: 'GetTags', n: 3 },
      unfinished: { operation: 'GetTags', whole: 200 },
      workflowTagsUnsupported: true,
    },
  ])(
    'no call arrives later than 1 s after the abort, $when, and nothing is applied',
    async ({ abortAt, unfinished, workflowTagsUnsupported }) => {
      const { provider, connection: conn } = await connectedProvider(proxy.url);
      const controller = new AbortController();
      let abortedAtMs: number | undefined;
      controller.signal.addEventListener('abort', () => {
        abortedAtMs = performance.now();
      });
      const arrivals: { operation: string; atMs: number }[] = [];
      proxy.intercept = async (call, forward) => {
        arrivals.push({ operation: call.operation, atMs: performance.now() });
        if (
          call.operation === abortAt.operation &&
          call.n === abortAt.n &&
          !controller.signal.aborted
        ) {
          // The task's timeout fires while this call is on the wire.
          controller.abort(new Error('task timeout'));
        }
        if (workflowTagsUnsupported && isWorkflowTags(call)) {
          return glueErrorReply(
            400,
            'InvalidParameterException',
            'Unsupported resource type glue:workflow',
          );
        }
        return forward();
      };

      const result = await provider.refresh({ signal: controller.signal });
      const returnedAtMs = performance.now();
      // Long enough for any call still queued to show up: several latencies.
      await new Promise(r => setTimeout(r, 4 * LATENCY_MS + CONTRACT_MS));

      expect(abortedAtMs).toBeDefined();
      expect(result).toMatchObject({
        applied: false,
        reason: 'the sync outlived its task timeout (aborted)',
      });
      expect(conn.applyMutation).not.toHaveBeenCalled();
      const before = arrivals.filter(a => a.atMs <= abortedAtMs!);
      const after = arrivals.filter(a => a.atMs > abortedAtMs!);
      const lateMs = after.map(a => Math.round(a.atMs - abortedAtMs!));
      // The abort came mid-read.
      expect(
        before.filter(a => a.operation === unfinished.operation).length,
      ).toBeLessThan(unfinished.whole / 2);
      // The contract: nothing reaches Glue later than a second after the abort.
      expect(lateMs.filter(ms => ms > CONTRACT_MS)).toEqual([]);
      if (process.env.AWS_GLUE_DRILL_REPORT) {
        // eslint-disable-next-line no-console
        console.log(
          `${abortAt.operation}#${abortAt.n}: ${
            before.length
          } calls before the abort, ${after.length} after (${JSON.stringify(
            after.map((a, i) => `${a.operation} +${lateMs[i]} ms`),
          )}); refresh returned ${Math.round(
            returnedAtMs - abortedAtMs!,
          )} ms after the abort; ${arrivals.length} calls in all`,
        );
      }
    },
  );
});
