import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
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
import { GlueAccessService } from '../GlueAccessService';
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

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setUp(readsEveryCatalogEntity: boolean) {
  const knex = await databases.init('SQLITE_3');
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
  const catalog = catalogServiceMock({ entities });
  const directoryJobs = await loadSyncedJobs(
    catalog,
    PROVIDER_UNITS,
    mockCredentials.service(),
  );
  const jobs = { current: jest.fn(async () => directoryJobs) };
  const access: GlueAccessService = {
    decide: jest.fn(),
    readableSyncedEntities: jest.fn(async list =>
      // the caller may not read delta's runs
      list.map(e => e.metadata.name !== 'delta'),
    ),
    readsEveryCatalogEntity: jest.fn(async () => readsEveryCatalogEntity),
  };
  const getEntities = jest.spyOn(catalog, 'getEntities');
  getEntities.mockClear();
  const latestRuns = jest.spyOn(store, 'latestRuns');
  const fleet = new DefaultGlueFleetService({
    catalog,
    access,
    store,
    jobs,
    units: PROVIDER_UNITS,
    cursors: new CursorCodec('test-key'),
    pricing: { currency: 'USD', dpuHour: 0.44, flexDpuHour: 0.29 },
    now: () => NOW,
  });
  return { fleet, jobs, getEntities, latestRuns };
}

describe('DefaultGlueFleetService', () => {
  const credentials = mockCredentials.user('user:default/guest');

  it('lists from the directory when the caller may read every entity, failing first, reading runs only for the page', async () => {
    const { fleet, jobs, getEntities, latestRuns } = await setUp(true);
    const first = await fleet.getFleet({ credentials, limit: 2 });
    expect(jobs.current).toHaveBeenCalledTimes(1);
    expect(getEntities).not.toHaveBeenCalled();
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
    const { fleet, jobs, getEntities } = await setUp(false);
    const result = await fleet.getFleet({
      credentials,
      limit: 10,
      states: ['SUCCEEDED'],
    });
    expect(jobs.current).not.toHaveBeenCalled();
    expect(getEntities).toHaveBeenCalledWith(expect.anything(), {
      credentials,
    });
    expect(result.jobs.map(j => j.name)).toEqual(['alpha']);
    expect(result.totalCount).toBe(1);
  });
});
