/*
 * A misbehaving AWS and a hostile caller, against the real SDK, the real
 * backend framework and the emulator, with a fault proxy between the backend
 * and the emulator: a call that never answers, a page that does not parse,
 * an account without credentials, two jobs whose names differ by `:0`, and
 * crafted cursors and argument keys.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  Fixture,
  GlueEmulator,
  GlueProxy,
  HANG,
  startGlueEmulator,
  startGlueProxy,
} from '@aws-glue-backstage/glue-emulator';
import { ANNOTATION_AWS_GLUE_JOB_ARN } from '@aws-glue-backstage/plugin-aws-glue-common';
import request from 'supertest';
import { ACCOUNT, jobEntity, PROVIDERS_CONFIG } from './__fixtures__/entities';
import { awsGluePlugin } from './plugin';

jest.setTimeout(60_000);

const BASE = '/api/aws-glue/v1/entity/default/component';
const user = () => mockCredentials.user.header();

const fixture: Fixture = {
  seed: 7,
  accounts: [
    {
      accountId: ACCOUNT,
      regions: {
        'us-east-1': {
          jobs: ['ops-report', 'ops-report:0'].map(Name => ({
            Name,
            Role: 'arn:aws:iam::123456789012:role/GlueJobRole',
            Command: { Name: 'glueetl', ScriptLocation: `s3://x/${Name}.py` },
            DefaultArguments: { '--team-secret-path': `s3://secret/${Name}/` },
            Simulation: { durationSeconds: 60, history: 30 },
          })),
        },
      },
    },
  ],
};

const foreign: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    namespace: 'default',
    name: 'foreign-service',
    annotations: {
      [ANNOTATION_AWS_GLUE_JOB_ARN]:
        'arn:aws:glue:us-east-1:999999999999:job/finance',
    },
  },
  spec: { type: 'service', owner: 'group:default/web' },
};

let emulator: GlueEmulator;
let proxy: GlueProxy;
let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

beforeAll(async () => {
  emulator = await startGlueEmulator({
    fixture,
    port: 0,
    startTime: new Date('2026-11-23T12:00:00Z'),
  });
  proxy = await startGlueProxy(emulator.url);
  ({ server } = await startTestBackend({
    features: [
      awsGluePlugin,
      catalogServiceMock.factory({
        entities: [
          jobEntity('ops-report'),
          jobEntity('ops-report:0', { name: 'ops-report-0' }),
          foreign,
        ],
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
          awsGlue: {
            endpoint: proxy.url,
            maxAttempts: 2,
            timeouts: { connection: '1s', request: '1s', call: '2s' },
            actions: { startJobRun: true, allowedArguments: ['--input*'] },
          },
        },
      }),
    ],
  }));
});

afterEach(() => {
  proxy.intercept = undefined;
});

afterAll(async () => {
  await proxy.stop();
  await emulator.stop();
});

describe('a Glue call that never answers', () => {
  it('answers 504 with Retry-After by the deadline, for every viewer, and recovers', async () => {
    proxy.intercept = async (call, forward) =>
      call.operation === 'GetJobRuns' ? HANG : forward();
    const started = Date.now();
    const [first, second] = await Promise.all([
      request(server)
        .get(`${BASE}/ops-report/runs`)
        .set('Authorization', user()),
      request(server)
        .get(`${BASE}/ops-report/runs`)
        .set('Authorization', user()),
    ]);
    for (const res of [first, second]) {
      expect(res.status).toBe(504);
      expect(res.headers['retry-after']).toBe('10');
      expect(res.body.error.message).toBe(
        `AWS Glue GetJobRuns for job ops-report (${ACCOUNT}/us-east-1) did not answer within 2 seconds; try again in 10 seconds`,
      );
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    // the stuck calls were cancelled on the wire
    await new Promise(r => setTimeout(r, 200));
    expect(proxy.hanging()).toBe(0);

    // Glue recovers: the next viewer is not held by the stuck call
    proxy.intercept = undefined;
    const res = await request(server)
      .get(`${BASE}/ops-report/runs`)
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body.runs.length).toBeGreaterThan(0);
  });
});

describe('a page that does not parse', () => {
  it('answers 502 without the parser message', async () => {
    proxy.intercept = async (call, forward) =>
      call.operation === 'GetJob'
        ? { status: 200, body: '{"Job": {"Name": "ops-rep' }
        : forward();
    const res = await request(server)
      .get(`${BASE}/ops-report/jobs`)
      .set('Authorization', user());
    expect(res.status).toBe(502);
    expect(res.body.error.message).toBe(
      `AWS Glue GetJob for job ops-report (${ACCOUNT}/us-east-1) answered with a response that does not parse`,
    );
  });
});

describe('a job in an account without credentials', () => {
  it('answers 400 naming the account', async () => {
    const res = await request(server)
      .get(`${BASE}/foreign-service/runs`)
      .set('Authorization', user());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^No AWS credentials for account 999999999999: add it under aws\.accounts in the backend config/,
    );
  });
});

describe('two jobs whose names differ by ":0"', () => {
  it('never serves one job a cached run or page of the other', async () => {
    const other = await request(server)
      .get(`${BASE}/ops-report-0/runs`)
      .query({ limit: 1 })
      .set('Authorization', user());
    expect(other.status).toBe(200);
    const theirs = other.body.runs[0].id as string;
    // cached: GetJobRun of ops-report:0's run
    const detail = await request(server)
      .get(`${BASE}/ops-report-0/runs/${theirs}`)
      .set('Authorization', user());
    expect(detail.status).toBe(200);

    // Before the fix, run id `0:<their id>` of ops-report hit the cache key
    // `run:<arn of ops-report>:0:0:<id>` = the other job's entry.
    const crafted = await request(server)
      .get(`${BASE}/ops-report/runs/${encodeURIComponent(`0:${theirs}`)}`)
      .set('Authorization', user());
    expect(crafted.status).toBe(404);
    expect(JSON.stringify(crafted.body)).not.toContain(
      's3://secret/ops-report:0/',
    );
  });

  it('refuses a cursor a caller wrote, and one of the other job', async () => {
    const unsigned = Buffer.from(
      JSON.stringify({ v: 2, q: 'x', o: 0, t: '0:abc' }),
    ).toString('base64url');
    const forged = await request(server)
      .get(`${BASE}/ops-report/runs`)
      .query({ nextToken: unsigned })
      .set('Authorization', user());
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toBe('nextToken: not a valid page token');

    const page = await request(server)
      .get(`${BASE}/ops-report-0/runs`)
      .query({ limit: 5 })
      .set('Authorization', user());
    const cross = await request(server)
      .get(`${BASE}/ops-report/runs`)
      .query({ nextToken: page.body.nextToken })
      .set('Authorization', user());
    expect(cross.status).toBe(400);
    expect(cross.body.error.message).toBe(
      'nextToken: the page token belongs to another job, workflow or filter',
    );
  });
});

describe('argument keys', () => {
  it.each([
    '--input --extra-py-files s3://evil/x.py',
    '--input=s3://evil/',
    '--input\t--extra',
    '--input\u0000',
    '--input\u001b[31m',
    `--input${'x'.repeat(1000)}`,
  ])('refuses %j before the allow-list, naming what a key is', async key => {
    const res = await request(server)
      .post(`${BASE}/ops-report/runs`)
      .set('Authorization', user())
      .send({ arguments: { [key]: 's3://evil/' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /is not an argument key; a key is -- and then letters, digits, '_', '\.' or '-', at most 128 characters$/,
    );
    expect(emulator.stats().calls.StartJobRun ?? 0).toBe(0);
  });
});
