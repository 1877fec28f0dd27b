import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GLUE_ANNOTATIONS as A } from '@aws-glue-backstage/plugin-aws-glue-common';
import { jobEntity } from '../../__fixtures__/entities';
import { CursorCodec } from '../../lib/cursor';
import { migratedDatabase } from '../../lib/database';
import { JobRef, StoredJobRun } from '../../lib/shapes';
import { RunStore } from '../../runIndex/RunStore';
import { SyncedJob } from '../../runIndex/SyncedJobs';
import { DefaultGlueJobFactsService } from './DefaultGlueJobFactsService';

const NOW = Date.parse('2026-03-31T12:00:00.000Z');
const DAY = 86_400_000;
const pricing = { dpuHour: 0.44, flexDpuHour: 0.29, currency: 'USD' };

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function synced(entity: Entity): SyncedJob {
  const arn = entity.metadata.annotations!['amazonaws.com/arn'];
  const name = arn.split('/')[1];
  const job: JobRef = {
    arn,
    partition: 'aws',
    region: 'us-east-1',
    accountId: '123456789012',
    name,
  };
  return {
    job,
    entity,
    entityRef: `component:default/${entity.metadata.name}`,
    unit: {} as any,
  };
}

const run = (id: string, daysAgo: number, state: string): StoredJobRun => ({
  id,
  state,
  startedOn: new Date(NOW - daysAgo * DAY).toISOString(),
  completedOn: new Date(NOW - daysAgo * DAY + 60_000).toISOString(),
  executionTime: 60,
  maxCapacity: 2,
  arguments: {},
  predecessorRuns: [],
});

async function setUp(jobs: SyncedJob[], entities: Entity[] = []) {
  const knex = await databases.init('SQLITE_3');
  await migratedDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const store = new RunStore(knex, () => NOW);
  const service = new DefaultGlueJobFactsService({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    store,
    jobs: {
      current: async () => jobs,
      syncedEntitiesOf: () => undefined,
    },
    cursors: new CursorCodec('test-key'),
    pricing,
    now: () => NOW,
  });
  return { store, service };
}

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'data-platform' },
  spec: { type: 'team', children: [] },
};

describe('DefaultGlueJobFactsService', () => {
  it('computes each job entity’s facts from the store at the injected clock', async () => {
    const orders = jobEntity('orders-daily-etl');
    orders.metadata.annotations![A.jobBookmarkOption] = 'job-bookmark-enable';
    orders.metadata.annotations![A.jobMaxRetries] = '1';
    const solo = jobEntity('solo');
    solo.spec!.owner = 'user:default/jane';
    const jobs = [synced(orders), synced(solo)];
    const { store, service } = await setUp(jobs, [group]);
    await store.upsertRuns(
      jobs[0].job,
      [
        run('jr_1', 1, 'SUCCEEDED'),
        run('jr_2', 2, 'FAILED'),
        run('jr_3', 10, 'SUCCEEDED'),
        run('jr_4', 40, 'SUCCEEDED'),
      ],
      true,
    );
    await store.upsertRuns(jobs[1].job, [run('jr_9', 45, 'SUCCEEDED')], true);

    const page = await service.getJobFacts({ limit: 10 });
    expect(page.generatedAt).toBe('2026-03-31T12:00:00.000Z');
    expect(page.nextCursor).toBeUndefined();
    expect(page.items.map(i => i.entityRef)).toEqual([
      'component:default/orders-daily-etl',
      'component:default/solo',
    ]);
    expect(page.items[0].facts).toEqual({
      runs7d: 2,
      runs30d: 3,
      successRate7d: 0.5,
      successRate30d: 0.666667,
      p95DurationSeconds30d: 60,
      dpuHours30d: 0.099999, // 3 runs x 0.033333 (lib/cost rounds per run)
      cost30d: 0.044001,
      currency: 'USD',
      daysSinceLastSuccess: 1, // ended a minute after it started: 0.9993 days
      readsIncrementalSource: false,
      bookmarkEnabled: true,
      maxRetries: 1,
      timeoutMinutes: 2880,
      ownerIsGroup: true,
    });
    // the last success lies outside the 30 days: still measured
    expect(page.items[1].facts).toMatchObject({
      runs30d: 0,
      daysSinceLastSuccess: 45,
      ownerIsGroup: false,
    });
    expect(page.items[1].facts).not.toHaveProperty('successRate30d');
  });

  it('pages by entity ref with a signed cursor that survives jobs added meanwhile', async () => {
    const jobs = ['c', 'a', 'e'].map(n => synced(jobEntity(n)));
    const { service } = await setUp(jobs, [group]);
    const first = await service.getJobFacts({ limit: 2 });
    expect(first.items.map(i => i.entityRef)).toEqual([
      'component:default/a',
      'component:default/c',
    ]);
    jobs.push(synced(jobEntity('b'))); // sorts before the cursor: not repeated
    const second = await service.getJobFacts({
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.items.map(i => i.entityRef)).toEqual(['component:default/e']);
    expect(second.nextCursor).toBeUndefined();
    await expect(
      service.getJobFacts({ limit: 2, cursor: `${first.nextCursor}x` }),
    ).rejects.toThrow(/cursor/);
  });
});
