import {
  GetJobCommand,
  GetJobsCommand,
  GlueClient,
  InternalServiceException,
  ListJobsCommand,
} from '@aws-sdk/client-glue';
import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import { GlueEmulator, startGlueEmulator } from './emulator';
import { createRng } from './random';
import { identify } from './server';
import {
  errorOf,
  glueClient,
  manualClock,
  smallFixture,
  taggingClient,
} from './__testUtils__';
import type { Fixture } from './fixture';

function twoAccounts(): Fixture {
  const job = (Name: string) => ({
    Name,
    Role: 'r',
    Command: { Name: 'glueetl' },
    Tags: { owner: 'x' },
  });
  return {
    defaultAccount: '222222222222',
    accounts: [
      {
        accountId: '111111111111',
        regions: {
          'us-east-1': { jobs: [job('one-east')] },
          'eu-west-1': { jobs: [job('one-west')] },
        },
      },
      {
        accountId: '222222222222',
        regions: { 'us-east-1': { jobs: [job('two-east')] } },
      },
    ],
  };
}

const post = (
  url: string,
  target: string | undefined,
  body: string,
  headers: Record<string, string> = {},
) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      ...(target ? { 'x-amz-target': target } : {}),
      ...headers,
    },
    body,
  });

describe('protocol', () => {
  let emulator: GlueEmulator;

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: smallFixture(),
      port: 0,
      clock: manualClock(),
    });
  });
  afterAll(() => emulator.stop());

  it('answers AWS JSON 1.1 with a request id and epoch-second dates', async () => {
    const res = await post(emulator.url, 'AWSGlue.GetJob', '{"JobName":"a"}');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const body = await res.json();
    expect(typeof body.Job.CreatedOn).toBe('number');
    expect(body.Job.CreatedOn).toBeLessThan(Date.now() / 1000);
  });

  it('treats an empty body as {} and accepts any path prefix', async () => {
    const res = await post(`${emulator.url}/glue-emu/`, 'AWSGlue.GetJobs', '');
    expect(res.status).toBe(200);
    expect((await res.json()).Jobs).toHaveLength(9);
  });

  it('returns errors with __type, message and x-amzn-ErrorType', async () => {
    const res = await post(
      emulator.url,
      'AWSGlue.GetJob',
      '{"JobName":"nope"}',
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('EntityNotFoundException');
    expect(await res.json()).toEqual({
      __type: 'EntityNotFoundException',
      Message: 'Job with name: nope not found',
      message: 'Job with name: nope not found',
    });
  });

  it('rejects unknown operations, missing targets and malformed JSON', async () => {
    const unknown = await post(emulator.url, 'AWSGlue.CreateJob', '{}');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).__type).toBe('UnknownOperationException');
    const none = await post(emulator.url, undefined, '{}');
    expect((await none.json()).__type).toBe('UnknownOperationException');
    const bad = await post(emulator.url, 'AWSGlue.GetJobs', '{nope');
    expect(bad.status).toBe(400);
    expect((await bad.json()).__type).toBe('SerializationException');
  });

  it('identifies account and region from the SigV4 credential scope', () => {
    const auth = (key: string, region: string) =>
      `AWS4-HMAC-SHA256 Credential=${key}/20261123/${region}/glue/aws4_request, SignedHeaders=host, Signature=x`;
    expect(identify(auth('AKIDEXAMPLE', 'eu-west-1'), '123456789012')).toEqual({
      account: '123456789012',
      region: 'eu-west-1',
    });
    expect(
      identify(auth('111111111111', 'ap-south-1'), '123456789012'),
    ).toEqual({
      account: '111111111111',
      region: 'ap-south-1',
    });
    expect(identify(undefined, '123456789012')).toEqual({
      account: '123456789012',
      region: 'us-east-1',
    });
  });
});

describe('accounts and regions', () => {
  let emulator: GlueEmulator;

  beforeAll(async () => {
    emulator = await startGlueEmulator({ fixture: twoAccounts(), port: 0 });
  });
  afterAll(() => emulator.stop());

  const names = async (client: GlueClient) =>
    (await client.send(new GetJobsCommand({}))).Jobs!.map(j => j.Name);

  it('selects the account from a 12-digit access key and the region from the client', async () => {
    expect(
      await names(glueClient(emulator.url, { accessKeyId: '111111111111' })),
    ).toEqual(['one-east']);
    expect(
      await names(
        glueClient(emulator.url, {
          accessKeyId: '111111111111',
          region: 'eu-west-1',
        }),
      ),
    ).toEqual(['one-west']);
    expect(
      await names(glueClient(emulator.url, { accessKeyId: '222222222222' })),
    ).toEqual(['two-east']);
  });

  it('uses the default account for other access keys, and empty accounts/regions are valid', async () => {
    expect(
      await names(glueClient(emulator.url, { accessKeyId: 'test' })),
    ).toEqual(['two-east']);
    expect(
      await names(glueClient(emulator.url, { accessKeyId: '999999999999' })),
    ).toEqual([]);
    expect(
      await names(
        glueClient(emulator.url, {
          accessKeyId: '111111111111',
          region: 'ap-south-1',
        }),
      ),
    ).toEqual([]);
    const tags = await taggingClient(emulator.url, {
      accessKeyId: '111111111111',
      region: 'eu-west-1',
    }).send(new GetResourcesCommand({}));
    expect(tags.ResourceTagMappingList!.map(r => r.ResourceARN)).toEqual([
      'arn:aws:glue:eu-west-1:111111111111:job/one-west',
    ]);
  });

  it('counts calls per operation, region and account', async () => {
    emulator.resetStats();
    await names(
      glueClient(emulator.url, {
        accessKeyId: '111111111111',
        region: 'eu-west-1',
      }),
    );
    await names(glueClient(emulator.url));
    await glueClient(emulator.url).send(new ListJobsCommand({}));
    const stats = emulator.stats();
    expect(stats.calls).toEqual({ GetJobs: 2, ListJobs: 1 });
    expect(stats.total).toBe(3);
    expect(stats.regions['eu-west-1']).toEqual({
      calls: { GetJobs: 1 },
      total: 1,
    });
    expect(stats.regions['us-east-1']).toEqual({
      calls: { GetJobs: 1, ListJobs: 1 },
      total: 2,
    });
    expect(stats.accounts['222222222222'].total).toBe(2);
  });
});

describe('faults', () => {
  let emulator: GlueEmulator;
  let glue: GlueClient;

  beforeEach(async () => {
    emulator = await startGlueEmulator({ fixture: smallFixture(), port: 0 });
    glue = glueClient(emulator.url);
  });
  afterEach(() => emulator.stop());

  it('adds latency', async () => {
    emulator.setFaults({ latency: { fixedMs: 150 } });
    const started = Date.now();
    await glue.send(new GetJobCommand({ JobName: 'a' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('throttles with ThrottlingException 400 "Rate exceeded"', async () => {
    emulator.setFaults({ throttleRate: 1 });
    const err = await errorOf(glue.send(new GetJobCommand({ JobName: 'a' })));
    expect(err.name).toBe('ThrottlingException');
    expect(err.message).toBe('Rate exceeded');
    expect(err.$metadata.httpStatusCode).toBe(400);
    const tagging = await errorOf(
      taggingClient(emulator.url).send(new GetResourcesCommand({})),
    );
    expect(tagging.name).toBe('ThrottledException');
    expect(emulator.stats().errors).toEqual({
      ThrottlingException: 1,
      ThrottledException: 1,
    });
  });

  it('the SDK retry recovers from throttling (maxAttempts 3)', async () => {
    // Pick a fault seed whose first draw throttles and whose second does not.
    let seed = 1;
    for (; ; seed++) {
      const rng = createRng(seed);
      if (rng() < 0.5 && rng() >= 0.5) break;
    }
    emulator.setFaults({ throttleRate: 0.5, seed });
    const retrying = glueClient(emulator.url, { maxAttempts: 3 });
    const out = await retrying.send(new GetJobCommand({ JobName: 'a' }));
    expect(out.Job!.Name).toBe('a');
    expect(out.$metadata.attempts).toBe(2);
    expect(emulator.stats().calls.GetJob).toBe(2);
  });

  it('returns InternalServiceException 500 at errorRate 1, which the SDK retries', async () => {
    emulator.setFaults({ errorRate: 1 });
    const err = await errorOf(glue.send(new GetJobCommand({ JobName: 'a' })));
    expect(err).toBeInstanceOf(InternalServiceException);
    expect(err.$metadata.httpStatusCode).toBe(500);
    const retried = await errorOf(
      glueClient(emulator.url, { maxAttempts: 3 }).send(
        new GetJobCommand({ JobName: 'a' }),
      ),
    );
    expect(retried.$metadata.attempts).toBe(3);
  });

  it('applies outages per operation, region and account, with a configurable status', async () => {
    emulator.setFaults({
      outages: [
        { operation: 'GetJob' },
        {
          region: 'eu-west-1',
          status: 503,
          errorType: 'ServiceUnavailableException',
        },
      ],
    });
    const op = await errorOf(glue.send(new GetJobCommand({ JobName: 'a' })));
    expect(op.name).toBe('InternalServiceException');
    expect(op.$metadata.httpStatusCode).toBe(500);
    await expect(glue.send(new GetJobsCommand({}))).resolves.toBeDefined();
    const region = await errorOf(
      glueClient(emulator.url, { region: 'eu-west-1' }).send(
        new GetJobsCommand({}),
      ),
    );
    expect(region.$metadata.httpStatusCode).toBe(503);
    expect(region.name).toBe('ServiceUnavailableException');
    emulator.setFaults({
      outages: [{ account: '123456789012', operation: 'ListJobs' }],
    });
    expect(
      (await errorOf(glue.send(new ListJobsCommand({})))).$metadata
        .httpStatusCode,
    ).toBe(500);
    await expect(
      glue.send(new GetJobCommand({ JobName: 'a' })),
    ).resolves.toBeDefined();
    emulator.resetFaults();
    await expect(glue.send(new ListJobsCommand({}))).resolves.toBeDefined();
  });

  it('is deterministic for a fault seed', async () => {
    const pattern = async () => {
      emulator.setFaults({ throttleRate: 0.5, seed: 99 });
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) {
        outcomes.push(
          await glue.send(new GetJobCommand({ JobName: 'a' })).then(
            () => 'ok',
            e => e.name,
          ),
        );
      }
      return outcomes.join(',');
    };
    const first = await pattern();
    expect(first).toContain('ok');
    expect(first).toContain('ThrottlingException');
    expect(await pattern()).toBe(first);
  });

  it('accepts faults set at start', async () => {
    const faulty = await startGlueEmulator({
      fixture: smallFixture(),
      port: 0,
      faults: { outages: [{ operation: 'GetJobs' }] },
      latency: { fixedMs: 1 },
    });
    try {
      const err = await errorOf(
        glueClient(faulty.url).send(new GetJobsCommand({})),
      );
      expect(err.$metadata.httpStatusCode).toBe(500);
    } finally {
      await faulty.stop();
    }
  });
});

describe('admin endpoint', () => {
  let emulator: GlueEmulator;

  beforeAll(async () => {
    emulator = await startGlueEmulator({ fixture: smallFixture(), port: 0 });
  });
  afterAll(() => emulator.stop());

  it('reports health, stats and resets them', async () => {
    const health = await (
      await fetch(`${emulator.url}/_emulator/health`)
    ).json();
    expect(health.status).toBe('ok');
    expect(health.regions).toEqual([
      {
        account: '123456789012',
        region: 'us-east-1',
        jobs: 9,
        triggers: 8,
        workflows: 1,
        crawlers: 1,
      },
    ]);
    await glueClient(emulator.url).send(new GetJobsCommand({}));
    await glueClient(emulator.url).send(new GetJobsCommand({}));
    const stats = await (await fetch(`${emulator.url}/_emulator/stats`)).json();
    expect(stats.calls).toEqual({ GetJobs: 2 });
    expect(stats.total).toBe(2);
    const reset = await fetch(`${emulator.url}/_emulator/stats/reset`, {
      method: 'POST',
    });
    expect((await reset.json()).total).toBe(0);
    expect(emulator.stats().total).toBe(0);
  });

  it('sets faults at runtime', async () => {
    const res = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ throttleRate: 1 }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).throttleRate).toBe(1);
    const err = await errorOf(
      glueClient(emulator.url).send(new GetJobsCommand({})),
    );
    expect(err.name).toBe('ThrottlingException');
    const bad = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: '{"throttleRate": 2}',
    });
    expect(bad.status).toBe(400);
    await fetch(`${emulator.url}/_emulator/faults/reset`, { method: 'POST' });
    await expect(
      glueClient(emulator.url).send(new GetJobsCommand({})),
    ).resolves.toBeDefined();
    expect((await fetch(`${emulator.url}/_emulator/nope`)).status).toBe(404);
  });
});
