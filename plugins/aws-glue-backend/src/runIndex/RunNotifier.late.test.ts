/*
 * Late landing: a run of a job with an SLA that ends after the deadline of
 * its execution's scheduled start tells the owner once.
 */
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ANNOTATION_AWS_GLUE_SLA } from '@aws-glue-backstage/plugin-aws-glue-common';
import { ACCOUNT, jobEntity } from '../__fixtures__/entities';
import { readAwsGlueBackendConfig } from '../lib/config';
import { migratedDatabase } from '../lib/database';
import { JobRef, StoredJobRun } from '../lib/shapes';
import { RunNotifier } from './RunNotifier';
import { RunStore } from './RunStore';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const ref = (name: string): JobRef => ({
  arn: `arn:aws:glue:us-east-1:${ACCOUNT}:job/${name}`,
  partition: 'aws',
  region: 'us-east-1',
  accountId: ACCOUNT,
  name,
});
const at = (hhmm: string) => `2026-06-15T${hhmm}:00.000Z`;
const run = (
  id: string,
  jobName: string,
  start: string,
  end: string,
  extra: Partial<StoredJobRun> = {},
): StoredJobRun => ({
  id,
  jobName,
  state: 'SUCCEEDED',
  startedOn: at(start),
  completedOn: at(end),
  arguments: {},
  predecessorRuns: [],
  ...extra,
});

async function setup(sla: string) {
  const knex = await databases.init('SQLITE_3');
  await migratedDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const store = new RunStore(knex);
  const notifications = { send: jest.fn(async () => {}) };
  const notifier = new RunNotifier({
    store,
    notifications,
    logger: mockServices.logger.mock(),
    config: readAwsGlueBackendConfig(mockServices.rootConfig()).notifications,
    now: () => Date.parse(at('05:00')),
  });
  const entity = jobEntity('glueetl');
  entity.metadata.annotations![ANNOTATION_AWS_GLUE_SLA] = sla;
  const synced = {
    job: ref('glueetl'),
    entity,
    entityRef: 'component:default/glueetl',
  } as any;
  // the root: upstream_job, started by the nightly schedule at 02:00
  await store.upsertRuns(
    ref('upstream_job'),
    [
      run('jr_up', 'upstream_job', '02:00', '02:40', {
        triggerName: 'nightly',
      }),
    ],
    true,
  );
  return { notifier, notifications, synced };
}

const landed = (end: string) => ({
  job: ref('glueetl'),
  complete: true,
  previousState: 'RUNNING',
  run: run('jr_etl', 'glueetl', '02:41', end, {
    triggerName: 'after-upstream',
    predecessorRuns: [{ jobName: 'upstream_job', runId: 'jr_up' }],
  }),
});

describe('RunNotifier late landing', () => {
  it('tells the owner once when the chain lands after its SLA', async () => {
    const { notifier, notifications, synced } = await setup('PT2H');
    await notifier.onChange(landed('04:30'), synced);
    await notifier.onChange(landed('04:30'), synced); // another replica, the same end
    expect(notifications.send).toHaveBeenCalledTimes(1);
    expect(notifications.send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: expect.any(String) },
      payload: expect.objectContaining({
        title: 'AWS Glue job glueetl landed late',
        description: expect.stringMatching(
          /^Run jr_etl finished 30 min after its SLA \(2026-06-15T04:00:00.000Z\); the chain started at 2026-06-15T02:00:00.000Z with run jr_up\.$/,
        ),
        severity: 'high',
      }),
    });
  });

  it('says nothing when the chain lands in time, or the SLA is a time of day not yet passed', async () => {
    const inTime = await setup('PT2H');
    await inTime.notifier.onChange(landed('03:59'), inTime.synced);
    const clock = await setup('06:30 Europe/Berlin'); // 04:30 UTC in June
    await clock.notifier.onChange(landed('04:29'), clock.synced);
    expect(inTime.notifications.send).not.toHaveBeenCalled();
    expect(clock.notifications.send).not.toHaveBeenCalled();
  });
});
