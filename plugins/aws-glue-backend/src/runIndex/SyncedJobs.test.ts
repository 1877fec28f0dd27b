import { mockServices } from '@backstage/backend-test-utils';
import { ANNOTATION_AWS_ARN } from '@aws-glue-backstage/plugin-aws-glue-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { jobEntity, PROVIDER_UNITS } from '../__fixtures__/entities';
import { SyncedJobDirectory } from './SyncedJobs';

describe('SyncedJobDirectory', () => {
  const orders = jobEntity('orders');
  const ARN = orders.metadata.annotations![ANNOTATION_AWS_ARN];
  // a second provider's entity for the same job, and a hand-written one
  const twin = jobEntity('orders', { name: 'orders-twin' });
  const handWritten = {
    ...jobEntity('orders', { name: 'orders-by-hand' }),
    metadata: {
      name: 'orders-by-hand',
      namespace: 'default',
      annotations: { [ANNOTATION_AWS_ARN]: ARN },
    },
  };

  it('knows every synced entity that claims a job once loaded, never a hand-written one, and never blocks', async () => {
    let now = 1_000_000;
    const catalog = catalogServiceMock({
      entities: [orders, twin, handWritten],
    });
    const directory = new SyncedJobDirectory({
      catalog,
      auth: mockServices.auth(),
      units: PROVIDER_UNITS,
      now: () => now,
    });
    // not loaded: the caller asks the catalog itself; a load starts
    expect(directory.syncedEntitiesOf(ARN)).toBeUndefined();
    await directory.all();
    expect(
      directory
        .syncedEntitiesOf(ARN)!
        .map(e => e.metadata.name)
        .sort(),
    ).toEqual(['orders', 'orders-twin']);
    expect(directory.syncedEntitiesOf(`${ARN}-other`)).toBeUndefined();
    // stale: served as it is while it reloads
    const streamEntities = jest.spyOn(catalog, 'streamEntities');
    now += 61_000;
    expect(directory.syncedEntitiesOf(ARN)).toHaveLength(2);
    await new Promise(resolve => setImmediate(resolve));
    expect(streamEntities).toHaveBeenCalledTimes(1);
  });
});
