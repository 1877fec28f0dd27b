/*
 * Who a failure notification goes to: only ever the owner of the job's
 * synced entity, never of a hand-written entity that names the job (its
 * author wrote the ARN, and could otherwise have another team's failures,
 * errors included, sent to a group of their choosing). Through the one way
 * into the run index (RunIndex.record) with the plugin's own directory of
 * synced jobs; the store is a stub.
 */
import { mockServices } from '@backstage/backend-test-utils';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ANNOTATION_AWS_GLUE_JOB_ARN } from '@aws-glue-backstage/plugin-aws-glue-common';
import { ACCOUNT, jobEntity, PROVIDER_UNITS } from '../__fixtures__/entities';
import { readAwsGlueBackendConfig } from '../lib/config';
import { JobRef, StoredJobRun } from '../lib/shapes';
import { RunIndex } from './RunIndex';
import { RunNotifier } from './RunNotifier';
import { RunStore } from './RunStore';
import { SyncedJobDirectory } from './SyncedJobs';

type RunIndexOptions = ConstructorParameters<typeof RunIndex>[0];

const NOW = Date.parse('2026-06-15T03:00:00Z');
const ORDERS_ARN = `arn:aws:glue:us-east-1:${ACCOUNT}:job/orders`;
const job: JobRef = {
  arn: ORDERS_ARN,
  partition: 'aws',
  region: 'us-east-1',
  accountId: ACCOUNT,
  name: 'orders',
};
const failed: StoredJobRun = {
  id: 'jr_1',
  jobName: 'orders',
  attempt: 0,
  state: 'FAILED',
  startedOn: new Date(NOW - 20 * 60_000).toISOString(),
  completedOn: new Date(NOW - 2 * 60_000).toISOString(),
  errorMessage: 'Connection refused for <redacted>',
  arguments: {},
  predecessorRuns: [],
};

/** A developer's service naming the job, as any catalog-info.yaml can. */
const naming: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    namespace: 'default',
    name: 'web-service',
    annotations: {
      [ANNOTATION_LOCATION]: 'file:/repos/web/catalog-info.yaml',
      [ANNOTATION_ORIGIN_LOCATION]: 'file:/repos/web/catalog-info.yaml',
      [ANNOTATION_AWS_GLUE_JOB_ARN]: ORDERS_ARN,
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/web',
  },
};

/**
 * A hand-written copy of the synced entity's annotations (type, ARN,
 * provider): the catalog gave it the locations of the file it came from.
 */
const copy: Entity = (() => {
  const entity = jobEntity('orders', { name: 'orders-by-hand' });
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    [ANNOTATION_LOCATION]: 'file:/repos/web/catalog-info.yaml',
    [ANNOTATION_ORIGIN_LOCATION]: 'file:/repos/web/catalog-info.yaml',
  };
  entity.spec = { ...entity.spec, owner: 'group:default/web' };
  return entity;
})();

function setup(entities: Entity[]) {
  const store = {
    upsertRuns: jest.fn(
      async (j: JobRef, runs: StoredJobRun[], complete: boolean) =>
        runs.map(run => ({ job: j, run, complete })),
    ),
    claimNotification: jest.fn(async () => true),
  };
  const notifications = { send: jest.fn(async () => {}) };
  const logger = mockServices.logger.mock();
  // only what record() uses: the store, the directory and the notifier
  const index = new RunIndex({
    store: store as unknown as RunStore,
    jobs: new SyncedJobDirectory({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      units: PROVIDER_UNITS,
    }),
    notifier: new RunNotifier({
      store: store as unknown as RunStore,
      notifications,
      logger,
      config: readAwsGlueBackendConfig(mockServices.rootConfig()).notifications,
      now: () => NOW,
    }),
    logger,
    enabled: true,
  } as Partial<RunIndexOptions> as RunIndexOptions);
  return { index, store, notifications };
}

describe('failure notifications', () => {
  it('tell the owner of the synced entity, with the redacted error and a link to its Runs tab, and nobody else', async () => {
    const { index, notifications } = setup([naming, copy, jobEntity('orders')]);
    await index.record(job, [failed], true);
    expect(notifications.send).toHaveBeenCalledTimes(1);
    expect(notifications.send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/data-platform' },
      payload: expect.objectContaining({
        title: 'AWS Glue job orders FAILED',
        description: 'Run jr_1: Connection refused for <redacted>',
        link: '/catalog/default/component/orders/runs?run=jr_1',
      }),
    });
  });

  it.each([
    ['an entity that names the job', [naming]],
    ["a hand-written copy of the synced entity's annotations", [copy]],
    ['the two of them', [naming, copy]],
  ])(
    'are never sent when no synced entity stands for the job, only %s',
    async (_what, entities) => {
      const { index, store, notifications } = setup(entities);
      await index.record(job, [failed], true);
      expect(store.upsertRuns).toHaveBeenCalled(); // the run is stored
      expect(store.claimNotification).not.toHaveBeenCalled();
      expect(notifications.send).not.toHaveBeenCalled();
    },
  );

  it("take the synced entity by its origin: the copy, were it the provider's, would be notified", async () => {
    // what the catalog never lets a file-registered entity keep; shows the
    // origin (not the copied type or ARN) is what keeps the copy out above
    const provider = jobEntity('orders').metadata.annotations!;
    const { index, notifications } = setup([
      {
        ...copy,
        metadata: {
          ...copy.metadata,
          annotations: {
            ...copy.metadata.annotations,
            [ANNOTATION_LOCATION]: provider[ANNOTATION_LOCATION],
            [ANNOTATION_ORIGIN_LOCATION]: provider[ANNOTATION_ORIGIN_LOCATION],
          },
        },
      },
    ]);
    await index.record(job, [failed], true);
    expect(notifications.send).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: 'group:default/web' },
      }),
    );
  });
});
