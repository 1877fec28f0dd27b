/*
 * GET /v1/job-facts through the real backend framework: who may call it,
 * the query validation, and the facts of the synced job entities.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  GLUE_ANNOTATIONS as A,
  GlueJobFactsResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import request from 'supertest';
import { ACCOUNT, jobEntity, PROVIDERS_CONFIG } from './__fixtures__/entities';
import { awsGluePlugin } from './plugin';

const URL = '/api/aws-glue/v1/job-facts';

const orders = jobEntity('orders-daily-etl', {
  lineage: [
    {
      direction: 'input',
      location: 's3://raw/orders/',
      entityRef: 'resource:default/raw-orders',
      source: 'default-argument:--input',
    },
  ],
});
orders.metadata.annotations![A.jobTimeout] = '60';
orders.metadata.annotations![A.jobMaxRetries] = '0';
orders.metadata.annotations![A.jobDefaultArguments] = JSON.stringify({
  '--db-password': 'hunter2',
});
const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'data-platform' },
  spec: { type: 'team', children: [] },
};

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      awsGluePlugin,
      catalogServiceMock.factory({
        entities: [orders, jobEntity('b-job'), jobEntity('c-job'), group],
      }),
      mockServices.rootConfig.factory({
        data: {
          ...PROVIDERS_CONFIG,
          aws: {
            accounts: [
              {
                accountId: ACCOUNT,
                accessKeyId: ACCOUNT,
                secretAccessKey: 'x',
              },
            ],
          },
        },
      }),
    ],
  });
  return server;
}

describe('GET /v1/job-facts', () => {
  it('serves the facts of every synced job entity to a service, page by page', async () => {
    const server = await startBackend();
    const service = mockCredentials.service.header();
    const first = await request(server)
      .get(URL)
      .query({ limit: 2 })
      .set('Authorization', service);
    expect(first.status).toBe(200);
    const body = first.body as GlueJobFactsResponse;
    expect(body.items.map(i => i.entityRef)).toEqual([
      'component:default/b-job',
      'component:default/c-job',
    ]);
    expect(body.nextCursor).toEqual(expect.any(String));
    const second = await request(server)
      .get(URL)
      .query({ limit: 2, cursor: body.nextCursor })
      .set('Authorization', service);
    expect(second.status).toBe(200);
    expect(second.body.nextCursor).toBeUndefined();
    expect(second.body.items).toEqual([
      {
        entityRef: 'component:default/orders-daily-etl',
        facts: {
          runs7d: 0,
          runs30d: 0,
          dpuHours30d: 0,
          cost30d: 0,
          currency: 'USD',
          readsIncrementalSource: true,
          bookmarkEnabled: false,
          maxRetries: 0,
          timeoutMinutes: 60,
          ownerIsGroup: true,
        },
      },
    ]);
    expect(JSON.stringify(second.body)).not.toContain('hunter2');
  });

  it('refuses users: Tech Insights serves the facts behind its own permissions', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get(URL)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(403);
    // no token: refused too (the test backend's policy lets it reach the route)
    const anonymous = await request(server).get(URL);
    expect([401, 403]).toContain(anonymous.status);
  });

  it('rejects a bad limit or a forged cursor, naming the field', async () => {
    const server = await startBackend();
    const service = mockCredentials.service.header();
    const tooMany = await request(server)
      .get(URL)
      .query({ limit: 501 })
      .set('Authorization', service);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('limit');
    const forged = await request(server)
      .get(URL)
      .query({ cursor: 'eyJ2IjoyfQ.forged' })
      .set('Authorization', service);
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toContain('cursor');
  });
});
