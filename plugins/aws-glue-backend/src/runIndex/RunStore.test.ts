import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../lib/database';
import { JobRef, StoredJobRun } from '../lib/shapes';
import { RunStore } from './RunStore';

const job: JobRef = {
  arn: 'arn:aws:glue:us-east-1:123456789012:job/orders',
  partition: 'aws',
  region: 'us-east-1',
  accountId: '123456789012',
  name: 'orders',
};

const run = (overrides: Partial<StoredJobRun>): StoredJobRun => ({
  id: 'jr_1',
  jobName: 'orders',
  attempt: 0,
  state: 'RUNNING',
  startedOn: '2026-03-01T02:00:00.000Z',
  arguments: {},
  predecessorRuns: [],
  ...overrides,
});

// PostgreSQL when one is given, else SQLite (no container runtime here)
const databases = TestDatabases.create({
  ids: process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
    ? ['POSTGRES_15']
    : ['SQLITE_3'],
});

async function createStore() {
  const databaseId = databases.eachSupportedId()[0][0];
  const knex = await databases.init(databaseId);
  await migratedDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  return new RunStore(knex, () => Date.parse('2026-03-02T00:00:00Z'));
}

describe('RunStore', () => {
  it('stores a run once and reports a change only when its state moves on', async () => {
    const store = await createStore();
    expect(await store.upsertRuns(job, [run({})], true)).toHaveLength(1);
    // same run, same state: nothing changes
    expect(await store.upsertRuns(job, [run({})], true)).toEqual([]);
    const ended = run({
      state: 'FAILED',
      completedOn: '2026-03-01T02:10:00.000Z',
      errorMessage: 'boom',
    });
    const [change] = await store.upsertRuns(job, [ended], true);
    expect(change.previousState).toBe('RUNNING');
    expect(change.run.state).toBe('FAILED');
    expect(await store.countRuns()).toBe(1);
  });

  it('never goes back to an earlier state, whatever order updates arrive in', async () => {
    const store = await createStore();
    await store.upsertRuns(job, [run({ state: 'SUCCEEDED' })], true);
    expect(
      await store.upsertRuns(job, [run({ state: 'RUNNING' })], true),
    ).toEqual([]);
    expect(
      await store.upsertRuns(job, [run({ state: 'STARTING' })], false),
    ).toEqual([]);
    const [stored] = await store.getRuns(job.arn, ['jr_1']);
    expect(stored.run.state).toBe('SUCCEEDED');
  });

  it('lets a complete row replace an event’s partial one, never the other way round', async () => {
    const store = await createStore();
    await store.upsertRuns(
      job,
      [run({ state: 'FAILED', errorMessage: 'from event' })],
      false,
    );
    await store.upsertRuns(
      job,
      [
        run({
          state: 'FAILED',
          errorMessage: 'from GetJobRun',
          executionTime: 60,
        }),
      ],
      true,
    );
    await store.upsertRuns(
      job,
      [run({ state: 'FAILED', errorMessage: 'late event' })],
      false,
    );
    const [stored] = await store.getRuns(job.arn, ['jr_1']);
    expect(stored.complete).toBe(true);
    expect(stored.run.errorMessage).toBe('from GetJobRun');
    expect(stored.run.executionTime).toBe(60);
  });

  it('keeps the state of each job’s newest run as it moves on, never back, and not from an older run', async () => {
    const store = await createStore();
    const newest = (state: string) =>
      run({ id: 'jr_new', state, startedOn: '2026-03-01T05:00:00.000Z' });
    const stateOf = async () => (await store.latestStates()).get(job.arn);
    await store.upsertRuns(job, [newest('STARTING')], false);
    expect(await stateOf()).toEqual({
      state: 'STARTING',
      startedAt: Date.parse('2026-03-01T05:00:00.000Z'),
    });
    await store.upsertRuns(job, [newest('FAILED')], true);
    expect((await stateOf())?.state).toBe('FAILED');
    // a late event of an earlier state changes neither the run nor its job's latest state
    await store.upsertRuns(job, [newest('RUNNING')], false);
    expect((await stateOf())?.state).toBe('FAILED');
    // an older run's change leaves the newest run's state alone
    await store.upsertRuns(job, [run({ state: 'SUCCEEDED' })], true);
    expect((await stateOf())?.state).toBe('FAILED');
    // a newer run takes over with its own state
    await store.upsertRuns(
      job,
      [run({ id: 'jr_next', startedOn: '2026-03-01T06:00:00.000Z' })],
      false,
    );
    expect(await stateOf()).toEqual({
      state: 'RUNNING',
      startedAt: Date.parse('2026-03-01T06:00:00.000Z'),
    });
  });

  it('keeps the newest run of each job and lists history newest first across pages', async () => {
    const store = await createStore();
    const runs = [1, 2, 3, 4, 5].map(day =>
      run({
        id: `jr_${day}`,
        state: 'SUCCEEDED',
        startedOn: `2026-02-0${day}T02:00:00.000Z`,
      }),
    );
    await store.upsertRuns(job, runs.slice(2), true);
    await store.upsertRuns(job, runs.slice(0, 2), true); // older ones later
    expect((await store.latestRuns([job.arn])).get(job.arn)?.id).toBe('jr_5');
    expect((await store.latestStates()).get(job.arn)).toEqual({
      state: 'SUCCEEDED',
      startedAt: Date.parse('2026-02-05T02:00:00.000Z'),
    });
    const first = await store.listRuns(job.arn, { limit: 2 });
    expect(first.map(r => r.id)).toEqual(['jr_5', 'jr_4']);
    const last = first[first.length - 1];
    const second = await store.listRuns(job.arn, {
      limit: 10,
      before: { startedAt: Date.parse(last.startedOn!), runId: last.id },
    });
    expect(second.map(r => r.id)).toEqual(['jr_3', 'jr_2', 'jr_1']);
  });

  it('gives the claim to notify a run to exactly one caller', async () => {
    const store = await createStore();
    const claims = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.claimNotification(job.arn, 'jr_1', 'failure'),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimNotification(job.arn, 'jr_1', 'recovery')).toBe(
      true,
    );
    expect(await store.wasNotified(job.arn, 'jr_1', 'failure')).toBe(true);
    expect(await store.wasNotified(job.arn, 'jr_2', 'failure')).toBe(false);
  });

  it('counts recent failures per job and finds jobs with active runs', async () => {
    const store = await createStore();
    await store.upsertRuns(
      job,
      [
        run({
          id: 'a',
          state: 'FAILED',
          completedOn: '2026-03-01T03:00:00.000Z',
        }),
        run({
          id: 'b',
          state: 'TIMEOUT',
          completedOn: '2026-02-01T03:00:00.000Z',
        }),
        run({
          id: 'c',
          state: 'RUNNING',
          startedOn: '2026-03-01T04:00:00.000Z',
        }),
      ],
      true,
    );
    const counts = await store.countEndedSince(
      ['FAILED', 'TIMEOUT'],
      Date.parse('2026-02-28T00:00:00Z'),
      [job.arn, 'arn:aws:glue:us-east-1:123456789012:job/other'],
    );
    expect([...counts]).toEqual([[job.arn, 1]]);
    expect([...(await store.jobsWithActiveRuns())]).toEqual([job.arn]);
  });

  it('stores a page of 120 new runs (one repeated) in batches, each once, the newest as latest', async () => {
    const store = await createStore();
    const page = Array.from({ length: 120 }, (_, i) =>
      run({
        id: `jr_${String(i).padStart(3, '0')}`,
        state: 'SUCCEEDED',
        startedOn: new Date(
          Date.parse('2026-02-01T00:00:00Z') + i * 3600_000,
        ).toISOString(),
      }),
    );
    const repeated = { ...page[7], state: 'RUNNING' };
    const changes = await store.upsertRuns(job, [...page, repeated], true);
    expect(changes).toHaveLength(120);
    expect(await store.countRuns()).toBe(120);
    const [seventh] = await store.getRuns(job.arn, ['jr_007']);
    expect(seventh.run.state).toBe('SUCCEEDED');
    expect((await store.latestRuns([job.arn])).get(job.arn)?.id).toBe('jr_119');
    // the same page again changes nothing
    expect(await store.upsertRuns(job, page, true)).toEqual([]);
  });

  it('prunes what started before the retention and keeps the rest', async () => {
    const store = await createStore();
    await store.upsertRuns(
      job,
      [
        run({
          id: 'old',
          state: 'SUCCEEDED',
          startedOn: '2025-01-01T00:00:00.000Z',
        }),
        run({
          id: 'new',
          state: 'SUCCEEDED',
          startedOn: '2026-03-01T00:00:00.000Z',
        }),
      ],
      true,
    );
    expect(await store.prune(Date.parse('2025-06-01T00:00:00Z'))).toBe(1);
    expect(
      (await store.getRuns(job.arn, ['old', 'new'])).map(r => r.run.id),
    ).toEqual(['new']);
  });

  it('keeps a crawl’s end even when its start event arrives after it', async () => {
    const store = await createStore();
    const crawl = {
      crawlerArn: 'arn:aws:glue:us-east-1:123456789012:crawler/raw',
      accountId: '123456789012',
      region: 'us-east-1',
      crawlerName: 'raw',
      startedAt: Date.parse('2026-03-01T00:00:00Z'),
    };
    await store.upsertCrawl({
      ...crawl,
      state: 'Failed',
      errorMessage: 'denied',
    });
    await store.upsertCrawl({ ...crawl, state: 'Started' });
    const [row] = await store.listCrawls(crawl.crawlerArn, 5);
    expect(row.state).toBe('Failed');
    expect(row.error_message).toBe('denied');
  });
});
