import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { jobEntity, PROVIDER_UNITS } from '../../__fixtures__/entities';
import { readAwsGlueBackendConfig } from '../../lib/config';
import { CursorCodec } from '../../lib/cursor';
import { migratedDatabase } from '../../lib/database';
import { JobRef, StoredJobRun } from '../../lib/shapes';
import { RunStore } from '../../runIndex/RunStore';
import { GlueDataSource } from '../GlueDataSource';
import { DefaultGlueRunsService } from './DefaultGlueRunsService';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const run = (day: number): StoredJobRun => ({
  id: `jr_${String(day).padStart(3, '0')}`,
  jobName: 'orders',
  attempt: 0,
  state: 'SUCCEEDED',
  startedOn: new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString(),
  arguments: {},
  predecessorRuns: [],
});

describe('DefaultGlueRunsService history', () => {
  it('goes on past the runs Glue still holds with the ones the run index kept', async () => {
    const entity = jobEntity('orders');
    const knex = await databases.init('SQLITE_3');
    const store = new RunStore(
      await migratedDatabase(
        mockServices.database({ knex, migrations: { skip: false } }),
      ),
    );
    const job: JobRef = {
      arn: entity.metadata.annotations!['amazonaws.com/arn'],
      partition: 'aws',
      region: 'us-east-1',
      accountId: '123456789012',
      name: 'orders',
    };
    // the index kept 300 days; Glue holds the newest 90
    const all = Array.from({ length: 300 }, (_, i) => run(300 - i));
    await store.upsertRuns(job, all, true);
    const glueRuns = all.slice(0, 90);
    const data = {
      getRunsPage: jest.fn(async (_job: JobRef, token?: string) =>
        token === undefined
          ? { runs: glueRuns.slice(0, 50), nextToken: 'glue-2' }
          : { runs: glueRuns.slice(50) },
      ),
    } as unknown as GlueDataSource;
    const service = new DefaultGlueRunsService({
      catalog: catalogServiceMock({ entities: [entity] }),
      access: {
        decide: async requests =>
          requests.map(() => ({
            allowed: true,
            syncedEntityRefs: [],
            evaluatedOn: [],
          })),
        readableSyncedEntities: async entities => entities.map(() => true),
        readsEveryCatalogEntity: async () => true,
      },
      auditor: mockServices.auditor.mock(),
      logger: mockServices.logger.mock(),
      data,
      store,
      cursors: new CursorCodec('k'.repeat(32)),
      units: PROVIDER_UNITS,
      config: readAwsGlueBackendConfig(mockServices.rootConfig()),
    });
    const seen: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await service.listRuns({
        entityRef: 'component:default/orders',
        credentials: mockCredentials.user(),
        limit: 120,
        nextToken,
      });
      seen.push(...result.runs.map(r => r.id));
      nextToken = result.nextToken;
      if (!nextToken) break;
    }
    expect(seen).toEqual(all.map(r => r.id));
    expect(data.getRunsPage).toHaveBeenCalledTimes(2);
  });
});
