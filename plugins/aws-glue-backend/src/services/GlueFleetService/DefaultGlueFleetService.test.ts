import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  jobEntity,
  PROVIDER_UNITS,
  REGION,
  ACCOUNT,
} from '../../__fixtures__/entities';
import { CursorCodec } from '../../lib/cursor';
import { migratedDatabase } from '../../lib/database';
import { StoredJobRun } from '../../lib/shapes';
import { RunStore } from '../../runIndex/RunStore';
import { loadSyncedJobs } from '../../runIndex/SyncedJobs';
import { FleetJobTable } from '../../runIndex/FleetJobs';
import { GlueAccessService } from '../GlueAccessService';
import { FleetOptions } from './GlueFleetService';
import { DefaultGlueFleetService } from './DefaultGlueFleetService';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const NAMES = ['alpha', 'bravo', 'charlie', 'delta'];
const entities = NAMES.map(name => jobEntity(name));
const arnOf = (name: string) => `arn:aws:glue:${REGION}:${ACCOUNT}:job/${name}`;

const run = (name: string, state: string, startedOn: string): StoredJobRun => ({
  id: `jr_${name}`,
  jobName: name,
  attempt: 0,
  state,
  startedOn,
  ...(state === 'RUNNING' ? {} : { completedOn: startedOn }),
  arguments: {},
  predecessorRuns: [],
  ...(state === 'FAILED' ? { errorMessage: 'boom' } : {}),
});

// PostgreSQL when one is given, else SQLite (no container runtime here)
const databases = TestDatabases.create({
  ids: process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
    ? ['POSTGRES_15']
    : ['SQLITE_3'],
});

/** Everything outright (the database pages), or decided entity by entity. */
type Scope = { everyEntity: boolean; everyJob: boolean };

async function setUp(
  scope: Scope,
  options: { entities?: Entity[]; unreadable?: string[] } = {},
) {
  const knex = await databases.init(databases.eachSupportedId()[0][0]);
  await migratedDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const store = new RunStore(knex, () => NOW);
  const runs: [string, string, string][] = [
    ['alpha', 'SUCCEEDED', '2026-03-02T03:00:00.000Z'],
    ['bravo', 'FAILED', '2026-03-02T01:00:00.000Z'],
    ['charlie', 'RUNNING', '2026-03-02T11:00:00.000Z'],
    // delta never ran
  ];
  for (const [name, state, startedOn] of runs) {
    await store.upsertRuns(
      {
        arn: arnOf(name),
        partition: 'aws',
        region: REGION,
        accountId: ACCOUNT,
        name,
      },
      [run(name, state, startedOn)],
      true,
    );
  }
  const catalog = catalogServiceMock({
    entities: options.entities ?? entities,
  });
  const directoryJobs = await loadSyncedJobs(
    catalog,
    PROVIDER_UNITS,
    mockCredentials.service(),
  );
  const claims = (arn: string) =>
    directoryJobs.filter(j => j.job.arn === arn).map(j => j.entity);
  const jobs = {
    current: jest.fn(async () => directoryJobs),
    syncedEntitiesOf: jest.fn(claims),
  };
  const fleetJobs = new FleetJobTable(knex, mockServices.logger.mock());
  await fleetJobs.replace(directoryJobs);
  // by default the caller may not read delta's runs
  const unreadable = options.unreadable ?? ['delta'];
  const access: GlueAccessService = {
    decide: jest.fn(),
    readableSyncedEntities: jest.fn(async list =>
      list.map(e => !unreadable.includes(e.metadata.name)),
    ),
    readScope: jest.fn(async () => scope),
  };
  const streamEntities = jest.spyOn(catalog, 'streamEntities');
  streamEntities.mockClear();
  const latestRuns = jest.spyOn(store, 'latestRuns');
  const latestStates = jest.spyOn(store, 'latestStates');
  const countRuns = jest.spyOn(store, 'countRuns');
  const fleet = new DefaultGlueFleetService({
    catalog,
    access,
    store,
    jobs,
    fleetJobs,
    units: PROVIDER_UNITS,
    cursors: new CursorCodec('test-key'),
    pricing: { currency: 'USD', dpuHour: 0.44, flexDpuHour: 0.29 },
    now: () => NOW,
  });
  return {
    fleet,
    jobs,
    streamEntities,
    latestRuns,
    latestStates,
    countRuns,
    access,
  };
}

const PER_ENTITY = { everyEntity: true, everyJob: false };
const EVERYTHING = { everyEntity: true, everyJob: true };

describe('DefaultGlueFleetService', () => {
  const credentials = mockCredentials.user('user:default/guest');

  it('lists from the directory when the caller may read every entity, failing first, reading runs only for the page', async () => {
    const { fleet, jobs, streamEntities, latestRuns } = await setUp(PER_ENTITY);
    const first = await fleet.getFleet({ credentials, limit: 2 });
    expect(jobs.current).toHaveBeenCalledTimes(1);
    expect(streamEntities).not.toHaveBeenCalled();
    expect(first.jobs.map(j => [j.name, j.latestRun?.state])).toEqual([
      ['bravo', 'FAILED'],
      ['charlie', 'RUNNING'],
    ]);
    expect(first.jobs[0].failuresLast24h).toBe(1);
    expect(first.jobs[0].latestRun?.errorMessage).toBe('boom');
    expect(latestRuns).toHaveBeenCalledWith([arnOf('bravo'), arnOf('charlie')]);
    expect(first.totalCount).toBe(3);
    expect(first.counts).toEqual({
      failing: 1,
      active: 1,
      succeeded: 1,
      other: 0,
      neverRun: 0,
    });
    const second = await fleet.getFleet({
      credentials,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.jobs.map(j => j.name)).toEqual(['alpha']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('reads the catalog as the caller when the policy decides entity by entity', async () => {
    const { fleet, jobs, streamEntities } = await setUp({
      everyEntity: false,
      everyJob: false,
    });
    const result = await fleet.getFleet({
      credentials,
      limit: 10,
      states: ['SUCCEEDED'],
    });
    expect(jobs.current).not.toHaveBeenCalled();
    expect(streamEntities).toHaveBeenCalledWith(expect.anything(), {
      credentials,
    });
    expect(result.jobs.map(j => j.name)).toEqual(['alpha']);
    expect(result.totalCount).toBe(1);
  });

  it('lets the database filter, sort and page when the caller may read every job, never reading every latest state', async () => {
    const { fleet, latestStates, access } = await setUp(EVERYTHING);
    const result = await fleet.getFleet({ credentials, limit: 10 });
    expect(result.jobs.map(j => [j.name, j.latestRun?.state])).toEqual([
      ['bravo', 'FAILED'],
      ['charlie', 'RUNNING'],
      ['alpha', 'SUCCEEDED'],
      ['delta', undefined],
    ]);
    expect(result.counts.neverRun).toBe(1);
    expect(result.jobs[0]).toMatchObject({
      entityRef: 'component:default/bravo',
      title: 'bravo',
      owner: 'group:default/data-platform',
      arn: arnOf('bravo'),
      accountId: ACCOUNT,
      region: REGION,
      failuresLast24h: 1,
    });
    expect(latestStates).not.toHaveBeenCalled();
    expect(access.readableSyncedEntities).not.toHaveBeenCalled();
  });

  it('counts the stored runs at most every 10 seconds, however many views ask', async () => {
    const { fleet, countRuns } = await setUp(EVERYTHING);
    const first = await fleet.getFleet({ credentials, limit: 1 });
    const second = await fleet.getFleet({ credentials, limit: 1 });
    expect(first.freshness.storedRuns).toBe(3);
    expect(second.freshness.storedRuns).toBe(3);
    expect(countRuns).toHaveBeenCalledTimes(1);
  });

  // never-run jobs sort by title, then ARN (upper case first)
  const more = [
    ...entities,
    jobEntity('Echo', { name: 'echo-upper' }),
    jobEntity('echo'),
    jobEntity('foxtrot', { region: 'eu-west-1' }),
  ];

  it('sorts failing, running, other, never run; newest start first; then title and ARN', async () => {
    const { fleet } = await setUp(EVERYTHING, { entities: more });
    const result = await fleet.getFleet({ credentials, limit: 10 });
    expect(result.jobs.map(j => j.name)).toEqual([
      'bravo',
      'charlie',
      'alpha',
      'delta',
      'Echo',
      'echo',
      'foxtrot',
    ]);
  });

  it.each<[string, Partial<FleetOptions>]>([
    ['no filter', {}],
    ['a page', { limit: 1 }],
    ['an owner', { owners: ['data-platform'] }],
    ['an unknown owner', { owners: ['group:default/nobody'] }],
    ['a state', { states: ['FAILED', 'RUNNING'] }],
    ['text in the name', { text: 'RAV' }],
    ['text with a LIKE wildcard', { text: 'a%' }],
    ['an account and region', { account: ACCOUNT, region: REGION }],
    ['another region', { region: 'eu-west-1' }],
  ])(
    'answers %s the same whether the database or the backend pages',
    async (_, filters) => {
      const inBackend = await setUp(PER_ENTITY, {
        entities: more,
        unreadable: [],
      });
      const inDatabase = await setUp(EVERYTHING, { entities: more });
      const walk = async (fleet: DefaultGlueFleetService) => {
        const pages = [];
        let cursor: string | undefined;
        do {
          const page = await fleet.getFleet({
            credentials,
            limit: 10,
            ...filters,
            ...(cursor ? { cursor } : {}),
          });
          pages.push(page);
          cursor = page.nextCursor;
        } while (cursor && pages.length < 10);
        return pages.map(({ nextCursor, ...page }) => ({
          ...page,
          hasNext: nextCursor !== undefined,
        }));
      };
      const fromDatabase = await walk(inDatabase.fleet);
      expect(inDatabase.latestStates).not.toHaveBeenCalled();
      expect(await walk(inBackend.fleet)).toEqual(fromDatabase);
    },
  );

  it('shows a job two synced entities claim once, and only to a caller who may read both', async () => {
    const twin = jobEntity('bravo', { name: 'bravo-twin' });
    const withTwin = [...entities, twin];
    const both = await setUp(PER_ENTITY, {
      entities: withTwin,
      unreadable: [],
    });
    const all = await both.fleet.getFleet({ credentials, limit: 10 });
    expect(all.jobs.filter(j => j.arn === arnOf('bravo'))).toHaveLength(1);
    const one = await setUp(PER_ENTITY, {
      entities: withTwin,
      unreadable: ['bravo-twin'],
    });
    const refused = await one.fleet.getFleet({ credentials, limit: 10 });
    expect(refused.jobs.map(j => j.name)).toEqual([
      'charlie',
      'alpha',
      'delta',
    ]);
  });
});
