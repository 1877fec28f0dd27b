import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockCredentials } from '@backstage/backend-test-utils';
import { jobEntity, PROVIDER_UNITS } from '../__fixtures__/entities';
import { migratedDatabase } from '../lib/database';
import { FleetJobTable } from './FleetJobs';
import { RunStore } from './RunStore';
import { loadSyncedJobs } from './SyncedJobs';

// PostgreSQL when one is given, else SQLite (no container runtime here)
const databases = TestDatabases.create({
  ids: process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
    ? ['POSTGRES_15']
    : ['SQLITE_3'],
});

const syncedJobs = (names: string[], title?: string) =>
  loadSyncedJobs(
    catalogServiceMock({
      entities: names.map(name => {
        const entity = jobEntity(name);
        if (title) entity.metadata.title = title;
        return entity;
      }),
    }),
    PROVIDER_UNITS,
    mockCredentials.service(),
  );

async function setUp() {
  const knex = await databases.init(databases.eachSupportedId()[0][0]);
  await migratedDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const logger = mockServices.logger.mock();
  return { knex, logger, table: new FleetJobTable(knex, logger) };
}

const page = (table: FleetJobTable) =>
  table.page({}, { limit: 100, offset: 0 });

describe('FleetJobTable', () => {
  it('holds exactly the last jobs it was given, writing only what changed', async () => {
    const { knex, table } = await setUp();
    expect(table.ready).toBe(false);
    await table.replace(await syncedJobs(['alpha', 'bravo', 'charlie']));
    expect(table.ready).toBe(true);
    expect((await page(table)).entries.map(e => e.facts.name)).toEqual([
      'alpha',
      'bravo',
      'charlie',
    ]);

    const insert = jest.spyOn(knex.client, 'query');
    await table.replace(await syncedJobs(['alpha', 'bravo', 'charlie']));
    const writes = () =>
      insert.mock.calls.filter(([, query]) =>
        /^(insert|delete|update)/i.test((query as { sql: string }).sql),
      );
    expect(insert).not.toHaveBeenCalled(); // what it wrote last: not even read
    for (let i = 0; i < 9; i++) {
      await table.replace(await syncedJobs(['charlie', 'bravo', 'alpha']));
    }
    // the tenth load like the last write compares with the table, writes nothing
    expect(insert).toHaveBeenCalledTimes(1);
    expect(writes()).toHaveLength(0);

    await table.replace(await syncedJobs(['bravo', 'delta']));
    // one insert; charlie's facts cleared, then its row deleted (it has no run)
    expect(writes()).toHaveLength(3);
    const { entries, totalCount, counts } = await page(table);
    expect(entries.map(e => e.facts.name)).toEqual(['bravo', 'delta']);
    expect(totalCount).toBe(2);
    expect(counts.neverRun).toBe(2);
  });

  it('keeps the jobs it holds when a write fails, and says so in the log', async () => {
    const { knex, logger, table } = await setUp();
    await table.replace(await syncedJobs(['alpha']));
    jest
      .spyOn(knex.client, 'query')
      .mockRejectedValueOnce(new Error('database gone'));
    await expect(
      table.replace(await syncedJobs(['bravo'])),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database gone'),
    );
    expect((await page(table)).entries.map(e => e.facts.name)).toEqual([
      'alpha',
    ]);
  });

  it('joins a job’s runs stored before it was synced, and keeps them when it goes', async () => {
    const { knex, table } = await setUp();
    const store = new RunStore(knex, () => 0);
    const [bravo] = await syncedJobs(['bravo']);
    await store.upsertRuns(
      bravo.job,
      [
        {
          id: 'jr_1',
          jobName: 'bravo',
          attempt: 0,
          state: 'FAILED',
          startedOn: '2026-03-01T02:00:00.000Z',
          arguments: {},
          predecessorRuns: [],
        },
      ],
      true,
    );
    expect((await page(table)).totalCount).toBe(0); // no synced entity yet
    await table.replace([bravo]);
    expect((await page(table)).entries).toEqual([
      expect.objectContaining({
        state: 'FAILED',
        startedAt: Date.parse('2026-03-01T02:00:00.000Z'),
      }),
    ]);
    await table.replace(await syncedJobs(['alpha']));
    expect((await page(table)).entries.map(e => e.facts.name)).toEqual([
      'alpha',
    ]);
    expect((await store.latestStates()).get(bravo.job.arn)?.state).toBe(
      'FAILED',
    );
  });

  it('follows a changed title', async () => {
    const { table } = await setUp();
    await table.replace(await syncedJobs(['alpha']));
    await table.replace(await syncedJobs(['alpha'], 'Alpha renamed'));
    const [entry] = (await page(table)).entries;
    expect(entry.facts.title).toBe('Alpha renamed');
    expect(
      (await table.page({ text: 'renamed' }, { limit: 1, offset: 0 }))
        .totalCount,
    ).toBe(1);
  });
});
