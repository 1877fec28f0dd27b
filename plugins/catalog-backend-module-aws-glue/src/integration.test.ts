/*
 * The real catalog backend syncing from the local Glue emulator through the
 * real AWS SDK, checked through the catalog's HTTP API.
 */
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  Fixture,
  GlueEmulator,
  loadFixture,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAwsGlue from './index';

jest.setTimeout(120_000);

const ACCOUNT = '123456789012';
const repoRoot = path.resolve(__dirname, '../../..');
const demoFixture = path.join(repoRoot, 'examples/glue/demo.yaml');

type Server = Awaited<ReturnType<typeof startTestBackend>>['server'];

function backendConfig(endpoint: string, providers: Record<string, object>) {
  return {
    aws: {
      accounts: [
        { accountId: ACCOUNT, accessKeyId: ACCOUNT, secretAccessKey: 'test' },
      ],
    },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'Resource',
            'Location',
            'User',
            'Group',
          ],
        },
      ],
      locations: [
        { type: 'file', target: path.join(repoRoot, 'examples/org.yaml') },
      ],
      providers: {
        awsGlue: Object.fromEntries(
          Object.entries(providers).map(([id, provider]) => [
            id,
            {
              accountId: ACCOUNT,
              endpoint,
              schedule: { frequency: { seconds: 1 }, timeout: { seconds: 30 } },
              maxAttempts: 2,
              ownership: { defaultOwner: 'group:default/data-platform' },
              ...provider,
            },
          ]),
        ),
      },
    },
  };
}

/** The test scheduler runs each task once at start-up, then when triggered. */
interface TestScheduler {
  factory(): ReturnType<typeof mockServices.scheduler.factory>;
  triggerTask(id: string): Promise<void>;
}

async function startCatalog(config: object) {
  const scheduler = mockServices.scheduler() as unknown as TestScheduler;
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleAwsGlue,
      scheduler.factory(),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return {
    server,
    /** Runs one sync of a provider unit, e.g. `demo:us-east-1`. */
    sync: (unit: string) =>
      scheduler.triggerTask(`AwsGlueEntityProvider:${unit}:refresh`),
  };
}

async function getEntities(server: Server, filter: string): Promise<Entity[]> {
  const { port } = server.address() as { port: number };
  const items: Entity[] = [];
  let cursor: string | undefined;
  do {
    const query = cursor
      ? `cursor=${encodeURIComponent(cursor)}`
      : `filter=${encodeURIComponent(filter)}&limit=500`;
    const res = await fetch(
      `http://localhost:${port}/api/catalog/entities/by-query?${query}`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    if (!res.ok) throw new Error(`catalog answered ${res.status}`);
    const body = await res.json();
    items.push(...body.items);
    cursor = body.pageInfo?.nextCursor;
  } while (cursor);
  return items;
}

/** Waits (polling, bounded) until `check` passes; rethrows its last failure. */
async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(r => setTimeout(r, 250));
    }
  }
}

function relationTargets(entity: Entity | undefined, type: string): string[] {
  return (entity?.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();
}

function byRef(entities: Entity[]) {
  return new Map(
    entities.map(e => [
      `${e.kind.toLocaleLowerCase('en-US')}:${e.metadata.namespace}/${
        e.metadata.name
      }`,
      e,
    ]),
  );
}

describe('catalog sync against the Glue emulator (demo fixture)', () => {
  let emulator: GlueEmulator;
  let server: Server;
  let sync: (unit: string) => Promise<void>;

  beforeAll(async () => {
    emulator = await startGlueEmulator({ fixture: demoFixture });
    ({ server, sync } = await startCatalog(
      backendConfig(emulator.url, {
        demo: { regions: ['us-east-1'], entityNameTemplate: '{{ name }}' },
        'demo-eu': {
          regions: ['eu-west-1'],
          entityNameTemplate: '{{ name }}-{{ region }}',
        },
      }),
    ));
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  it('shows the seed chains as dependsOn / dependencyOf relations', async () => {
    const entities = await eventually(async () => {
      const all = byRef(
        await getEntities(server, 'kind=component,kind=resource,kind=system'),
      );
      const dependent = all.get('component:default/freshers_in_dependent_job');
      expect(relationTargets(dependent, 'dependsOn')).toContain(
        'resource:default/trigger-start-freshers-in-dependent-job',
      );
      expect(
        all.get('component:default/eu-orders-etl-eu-west-1'),
      ).toBeDefined();
      return all;
    });

    // job B -> trigger T -> job A
    const trigger = entities.get(
      'resource:default/trigger-start-freshers-in-dependent-job',
    );
    expect(trigger?.spec?.type).toBe('glue-trigger');
    expect(relationTargets(trigger, 'dependsOn')).toEqual([
      'component:default/triggering_job',
    ]);
    expect(relationTargets(trigger, 'dependencyOf')).toEqual([
      'component:default/freshers_in_dependent_job',
    ]);
    expect(trigger?.metadata.description).toMatch(
      /^Starts freshers_in_dependent_job when triggering_job SUCCEEDED/,
    );
    expect(
      relationTargets(
        entities.get('component:default/triggering_job'),
        'dependencyOf',
      ),
    ).toContain('resource:default/trigger-start-freshers-in-dependent-job');

    // job B -> dataset -> job A
    const outputData = [...entities.values()].find(
      e => e.metadata.title === 's3://freshers-in/output-data/',
    );
    expect(outputData?.spec?.type).toBe('s3-prefix');
    const outputRef = `resource:default/${outputData!.metadata.name}`;
    expect(relationTargets(outputData, 'dependsOn')).toEqual([
      'component:default/upstream_job',
    ]);
    expect(
      relationTargets(entities.get('component:default/glueetl'), 'dependsOn'),
    ).toContain(outputRef);
    expect(
      entities.get('component:default/glueetl')?.metadata.annotations?.[
        'aws.amazon.com/aws-glue-job-bookmark-option'
      ],
    ).toBe('job-bookmark-enable');
  });

  it('gives every synced entity an owner, and the owners know what they own', async () => {
    const groups = byRef(await getEntities(server, 'kind=group'));
    const synced = await getEntities(
      server,
      'metadata.annotations.amazonaws.com/account-id=123456789012',
    );
    expect(synced.length).toBeGreaterThan(40);
    for (const entity of synced) {
      expect(relationTargets(entity, 'ownedBy')).toHaveLength(1);
    }
    const dataPlatform = groups.get('group:default/data-platform');
    expect(relationTargets(dataPlatform, 'ownerOf')).toEqual(
      expect.arrayContaining([
        'component:default/triggering_job',
        'component:default/freshers_in_dependent_job',
      ]),
    );
    const defaulted = synced
      .filter(e => e.spec?.owner === 'group:default/unknown')
      .map(e => e.metadata.title);
    expect(defaulted).toEqual([]);
    const owners = new Set(synced.flatMap(e => relationTargets(e, 'ownedBy')));
    expect(owners).toEqual(
      new Set([
        'group:default/data-platform',
        'group:default/analytics',
        'group:default/marketing-data',
      ]),
    );
  });

  it('makes workflows Systems that their jobs are part of', async () => {
    const systems = byRef(await getEntities(server, 'kind=system'));
    const sales = systems.get('system:default/sales-pipeline');
    expect(
      sales?.metadata.annotations?.['aws.amazon.com/aws-glue-resource-kind'],
    ).toBe('workflow');
    const parts = relationTargets(sales, 'hasPart');
    expect(parts.length).toBeGreaterThan(2);
    const [member] = await getEntities(
      server,
      `kind=${parts[0].split(':')[0]},metadata.name=${parts[0].split('/')[1]}`,
    );
    expect(relationTargets(member, 'partOf')).toContain(
      'system:default/sales-pipeline',
    );
  });

  it('keeps no secret from job or trigger arguments', async () => {
    const all = await getEntities(server, 'kind=component,kind=resource');
    const text = JSON.stringify(all);
    const fixture = loadFixture(demoFixture);
    const secrets = fixture.accounts
      .flatMap(a => Object.values(a.regions))
      .flatMap(r => r.jobs ?? [])
      .flatMap(j => Object.entries(j.DefaultArguments ?? {}))
      .filter(([key]) => /password|token|secret/i.test(key))
      .map(([, value]) => value);
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('<redacted>');
  });

  it('keeps a region whose Glue is down exactly as it was while the other region updates', async () => {
    const before = byRef(
      await getEntities(
        server,
        'metadata.annotations.aws.amazon.com/aws-glue-region=eu-west-1',
      ),
    );
    expect(before.size).toBeGreaterThan(3);

    // eu-west-1 goes down; us-east-1 loses a job (a new emulator on the same port).
    const port = emulator.port;
    await emulator.stop();
    const changed: Fixture = loadFixture(demoFixture);
    const us = changed.accounts[0].regions['us-east-1'];
    us.jobs = us.jobs!.filter(j => j.Name !== 'glueetl');
    us.triggers = us.triggers!.filter(
      t =>
        !(t.Actions ?? []).some(a => a.JobName === 'glueetl') &&
        !(t.Predicate?.Conditions ?? []).some(c => c.JobName === 'glueetl'),
    );
    emulator = await startGlueEmulator({
      fixture: changed,
      port,
      faults: { outages: [{ region: 'eu-west-1' }] },
    });

    await sync('demo:us-east-1');
    await sync('demo-eu:eu-west-1');
    // eu-west-1 was asked again and failed; us-east-1 was read in full
    expect(
      emulator.stats().regions['eu-west-1'].calls.GetJobs,
    ).toBeGreaterThanOrEqual(1);
    expect(emulator.stats().errors.InternalServiceException).toBeGreaterThan(0);
    expect(emulator.stats().regions['us-east-1'].calls.GetJobs).toBe(1);

    await eventually(async () => {
      const gone = await getEntities(
        server,
        'kind=component,metadata.name=glueetl',
      );
      expect(gone).toHaveLength(0);
    });
    const after = byRef(
      await getEntities(
        server,
        'metadata.annotations.aws.amazon.com/aws-glue-region=eu-west-1',
      ),
    );
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });
});

/** 200 resources with names and tags designed to break naive mappings. */
function hostileFixture(): Fixture {
  const jobs: any[] = [];
  const bases = [
    'Report',
    'report',
    'REPORT',
    'report.',
    'report_',
    'report-',
    'report 1',
    'report  1',
  ];
  for (const base of bases) {
    jobs.push({ Name: base });
  }
  const unicode = [
    'Übersicht Jöb',
    '数据管道',
    'ジョブ',
    'café–crème',
    'emoji 🚀 job',
    'Ωmega',
    'naïve',
    'ﬁle',
  ];
  for (const name of unicode) jobs.push({ Name: name });
  for (let i = 0; jobs.length < 150; i++) {
    const long = `${'very long glue job name that keeps going '.repeat(
      6,
    )}${i}`.slice(0, 250);
    const variants = [
      `${long}-${i}`.slice(-255),
      `Job.${i}..x`,
      `job ${i} (copy)`,
    ];
    jobs.push({ Name: variants[i % 3] });
  }
  const secretArgs = (i: number) => ({
    '--db-password': `hunter2-${i}`,
    '--api-token': `tok-${i}-abcdef`,
    '--jdbc-url': `jdbc:postgresql://admin:pw${i}@db.example.com/prod`,
  });
  jobs.forEach((job, i) => {
    job.Role = 'arn:aws:iam::123456789012:role/GlueJobRole';
    job.Command = { Name: 'glueetl', ScriptLocation: `s3://scripts/${i}.py` };
    job.DefaultArguments = {
      ...secretArgs(i),
      '--output': `s3://Hostile-Bucket/out/${i}`,
    };
    job.NonOverridableArguments = { '--secret-key': `nonoverridable-${i}` };
    job.Tags = {
      owner: i % 2 ? 'Data Platform Team!!' : 'user:J.Doe@Example',
      team: '???',
    };
  });
  const triggers = Array.from({ length: 40 }, (_, i) => ({
    Name: i % 2 ? `Trigger ${i} — nightly` : `TRIGGER-${i}`,
    Type: 'CONDITIONAL',
    State: 'ACTIVATED',
    Predicate: {
      Logical: 'ANY',
      Conditions: [
        {
          LogicalOperator: 'EQUALS',
          JobName: jobs[i].Name,
          State: 'SUCCEEDED',
        },
      ],
    },
    Actions: [
      {
        JobName: jobs[i + 1].Name,
        Arguments: { '--session-token': `trig-${i}-secret` },
      },
    ],
    Tags: { owner: '' },
  }));
  const crawlers = Array.from({ length: 10 }, (_, i) => ({
    Name: `Crawler ${i} ✓`,
    Role: 'arn:aws:iam::123456789012:role/crawler',
    DatabaseName: 'db',
    Targets: { S3Targets: [{ Path: `s3a://Hostile-Bucket//out/${i}/` }] },
  }));
  return {
    accounts: [
      {
        accountId: ACCOUNT,
        regions: { 'us-east-1': { jobs, triggers, crawlers } },
      },
    ],
  } as unknown as Fixture;
}

describe('catalog sync of hostile names', () => {
  it('ingests every resource as a valid, unique entity with names stable across syncs and no secrets', async () => {
    const emulator = await startGlueEmulator({ fixture: hostileFixture() });
    try {
      const { server, sync } = await startCatalog(
        backendConfig(emulator.url, { hostile: { regions: ['us-east-1'] } }),
      );
      const filter =
        'metadata.annotations.amazonaws.com/account-id=123456789012';
      const first = await eventually(async () => {
        const entities = await getEntities(server, filter);
        // 150 jobs + 40 triggers + 10 crawlers, and the 150 S3 prefixes the
        // jobs write (the crawlers crawl 10 of them)
        expect(
          entities.filter(
            e =>
              e.metadata.annotations?.[
                'aws.amazon.com/aws-glue-resource-kind'
              ] !== 'dataset',
          ),
        ).toHaveLength(200);
        expect(entities).toHaveLength(350);
        return entities;
      });
      const names = first.map(e =>
        `${e.kind}:${e.metadata.name}`.toLocaleLowerCase('en-US'),
      );
      expect(new Set(names).size).toBe(names.length);
      const glueNames = new Set(
        first.map(
          e => e.metadata.annotations?.['aws.amazon.com/aws-glue-name'],
        ),
      );
      expect(
        glueNames.has('Report') &&
          glueNames.has('report') &&
          glueNames.has('REPORT'),
      ).toBe(true);

      // A second sync gives the same names.
      const calls = emulator.stats().calls.GetJobs;
      await sync('hostile:us-east-1');
      expect(emulator.stats().calls.GetJobs).toBe(calls + 1);
      const second = await getEntities(server, filter);
      expect(second.map(e => `${e.kind}:${e.metadata.name}`).sort()).toEqual(
        first.map(e => `${e.kind}:${e.metadata.name}`).sort(),
      );

      const text = JSON.stringify(second);
      for (const secret of [
        'hunter2-',
        'tok-',
        ':pw',
        'nonoverridable-',
        'trig-',
      ]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await emulator.stop();
    }
  });
});
