/*
 * The plugin with the real AWS SDK against the local Glue emulator seeded
 * with the demo fixture (examples/glue/demo.yaml), through the real backend
 * framework. The catalog is mocked with entities shaped like the ones the
 * AWS Glue catalog module writes.
 */
import path from 'node:path';
import { GetJobRunsCommand, GlueClient } from '@aws-sdk/client-glue';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  GlueEmulator,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import {
  GlueChainResponse,
  GlueJobRun,
  GlueJobRunsResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import request from 'supertest';
import {
  ACCOUNT,
  freshersChain,
  PROVIDERS_CONFIG,
  workflowEntity,
} from './__fixtures__/entities';
import { awsGluePlugin } from './plugin';

jest.setTimeout(60_000);

const fixture = path.resolve(__dirname, '../../../examples/glue/demo.yaml');
const BASE = '/api/aws-glue/v1/entity/default';
const DEPENDENT = `${BASE}/component/freshers_in_dependent_job`;
const TRIGGERING = `${BASE}/component/triggering_job`;
const user = () => mockCredentials.user.header();

let emulator: GlueEmulator;
// A fixed clock, the same on any day: the history ends at a moment when no
// demo chain runs (so starting freshers_in_dependent_job is never refused as
// a concurrent run) and nothing moves during the tests.
const now = Date.parse('2026-11-23T12:00:00Z');

beforeAll(async () => {
  emulator = await startGlueEmulator({
    fixture,
    port: 0,
    clock: { now: () => now },
  });
});

afterAll(async () => {
  await emulator.stop();
});

beforeEach(() => {
  emulator.resetFaults();
  emulator.resetStats();
});

async function startBackend(awsGlue: object = {}) {
  const chain = freshersChain();
  const { server } = await startTestBackend({
    features: [
      awsGluePlugin,
      catalogServiceMock.factory({
        entities: [...chain.entities, workflowEntity('sales-pipeline')],
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
          awsGlue: { endpoint: emulator.url, ...awsGlue },
        },
      }),
    ],
  });
  return server;
}

function directClient() {
  return new GlueClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'x' },
    maxAttempts: 1,
  });
}

describe('against the Glue emulator', () => {
  it("shows freshers_in_dependent_job's runs, including a failure with its message", async () => {
    const server = await startBackend();
    const res = await request(server)
      .get(`${DEPENDENT}/runs`)
      .query({ limit: 200 })
      .set('Authorization', user());
    expect(res.status).toBe(200);
    const body = res.body as GlueJobRunsResponse;
    expect(body.runs.length).toBeGreaterThanOrEqual(10);
    for (const run of body.runs) {
      expect(run.jobName).toBe('freshers_in_dependent_job');
      expect(run.jobArn).toBe(
        `arn:aws:glue:us-east-1:${ACCOUNT}:job/freshers_in_dependent_job`,
      );
      expect(run.links.console).toContain(
        `#/job/freshers_in_dependent_job/run/${run.id}`,
      );
    }
    // newest first
    const started = body.runs.map(r => Date.parse(r.startedOn!));
    expect([...started].sort((a, b) => b - a)).toEqual(started);

    const failed = body.runs.filter(r => r.state === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);
    expect([
      'AnalysisException: Path does not exist: s3://freshers-in/staging/triggering/_SUCCESS',
      "KeyError: '--dependency-param' was not passed by the trigger",
      'An error occurred while calling o87.pyWriteDynamicFrame. Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times',
    ]).toContain(failed[0].errorMessage);

    // the emulator's runs: G.1X x 5 workers, started by the trigger
    const succeeded = body.runs.find(r => r.state === 'SUCCEEDED')!;
    expect(succeeded.workerType).toBe('G.1X');
    expect(succeeded.numberOfWorkers).toBe(5);
    expect(succeeded.triggerName).toBe('start-freshers-in-dependent-job');
    expect(succeeded.arguments['--dependency-param']).toBe('value');
    expect(succeeded.dpuSeconds).toBeGreaterThan(0);
    expect(succeeded.estimatedCost).toBeCloseTo(
      (succeeded.dpuSeconds! / 3600) * 0.44,
      5,
    );
    expect(body.totals.currency).toBe('USD');
    expect(body.totals.dpuHours).toBeCloseTo(
      body.runs.reduce((sum, r) => sum + (r.dpuHours ?? 0), 0),
      5,
    );

    // the run detail has its predecessor (the triggering_job run)
    const detail = await request(server)
      .get(`${DEPENDENT}/runs/${succeeded.id}`)
      .set('Authorization', user());
    expect(detail.status).toBe(200);
    expect((detail.body as GlueJobRun).predecessorRuns).toEqual([
      { jobName: 'triggering_job', runId: expect.stringMatching(/^jr_/) },
    ]);

    const missing = await request(server)
      .get(`${DEPENDENT}/runs/jr_does_not_exist`)
      .set('Authorization', user());
    expect(missing.status).toBe(404);
  });

  it('shows bookmarks', async () => {
    const server = await startBackend();
    const dependent = await request(server)
      .get(`${DEPENDENT}/bookmark`)
      .set('Authorization', user());
    expect(dependent.status).toBe(200);
    expect(dependent.body).toEqual({
      jobName: 'freshers_in_dependent_job',
      jobArn: `arn:aws:glue:us-east-1:${ACCOUNT}:job/freshers_in_dependent_job`,
      option: 'job-bookmark-disable',
    });

    const triggering = await request(server)
      .get(`${TRIGGERING}/bookmark`)
      .set('Authorization', user());
    expect(triggering.status).toBe(200);
    expect(triggering.body.option).toBe('job-bookmark-enable');
    expect(triggering.body.entry).toEqual(
      expect.objectContaining({
        version: expect.any(Number),
        run: expect.any(Number),
        runId: expect.stringMatching(/^jr_/),
        jobBookmark: expect.stringContaining('datasource0'),
      }),
    );
    expect(triggering.body.entry.run).toBeGreaterThan(0);
  });

  it('starts a run, sees it in the runs, and stops it', async () => {
    const server = await startBackend({
      actions: {
        startJobRun: true,
        stopJobRun: true,
        allowedArguments: ['--dependency-param'],
      },
    });
    const jobs = await request(server)
      .get(`${DEPENDENT}/jobs`)
      .set('Authorization', user());
    expect(jobs.body.jobs[0]).toMatchObject({
      name: 'freshers_in_dependent_job',
      workerType: 'G.1X',
      numberOfWorkers: 5,
      timeoutMinutes: 45,
      canStart: true,
      canStop: true,
      overridableArguments: ['--dependency-param'],
    });

    const started = await request(server)
      .post(`${DEPENDENT}/runs`)
      .set('Authorization', user())
      .send({ arguments: { '--dependency-param': 'manual' } });
    expect(started.status).toBe(201);
    const { runId } = started.body;
    expect(runId).toMatch(/^jr_/);

    const runs = await request(server)
      .get(`${DEPENDENT}/runs`)
      .query({ limit: 5 })
      .set('Authorization', user());
    expect(runs.body.runs[0]).toMatchObject({
      id: runId,
      state: 'STARTING',
      arguments: expect.objectContaining({ '--dependency-param': 'manual' }),
    });

    const stopped = await request(server)
      .post(`${DEPENDENT}/runs/${runId}/stop`)
      .set('Authorization', user())
      .send({ job: 'freshers_in_dependent_job' });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toEqual({
      jobName: 'freshers_in_dependent_job',
      runId,
    });

    const after = await request(server)
      .get(`${DEPENDENT}/runs/${runId}`)
      .set('Authorization', user());
    expect(['STOPPING', 'STOPPED']).toContain(after.body.state);

    // a finished run cannot be stopped: Glue's message, 409
    const finished = (runs.body as GlueJobRunsResponse).runs.find(
      r => r.state === 'SUCCEEDED',
    )!;
    const again = await request(server)
      .post(`${DEPENDENT}/runs/${finished.id}/stop`)
      .set('Authorization', user())
      .send({});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(
      `Job run ${finished.id} is SUCCEEDED and cannot be stopped`,
    );
  });

  it('makes one GetJobRuns call for 50 concurrent viewers', async () => {
    const server = await startBackend();
    emulator.resetStats();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        request(server).get(`${DEPENDENT}/runs`).set('Authorization', user()),
      ),
    );
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.body.runs).toHaveLength(25);
    }
    const ids = responses[0].body.runs.map((r: GlueJobRun) => r.id);
    for (const res of responses) {
      expect(res.body.runs.map((r: GlueJobRun) => r.id)).toEqual(ids);
    }
    expect(emulator.stats().calls.GetJobRuns).toBe(1);
  });

  it('shows the chain with the upstream job state from Glue', async () => {
    const server = await startBackend();
    const direct = await directClient().send(
      new GetJobRunsCommand({ JobName: 'triggering_job', MaxResults: 1 }),
    );
    const newest = direct.JobRuns![0];

    const res = await request(server)
      .get(`${DEPENDENT}/chain`)
      .query({ direction: 'up', depth: 2 })
      .set('Authorization', user());
    expect(res.status).toBe(200);
    const body = res.body as GlueChainResponse;
    expect(body.nodes.map(n => n.id)).toEqual([
      'component:default/freshers_in_dependent_job',
      'resource:default/s3-freshers-in-staging-triggering',
      'resource:default/trigger-start-freshers-in-dependent-job',
      'component:default/triggering_job',
    ]);
    const a = body.nodes.find(
      n => n.id === 'component:default/triggering_job',
    )!;
    expect(a.latestRun).toEqual({
      id: newest.Id,
      state: newest.JobRunState,
      startedOn: newest.StartedOn!.toISOString(),
      ...(newest.CompletedOn
        ? { completedOn: newest.CompletedOn.toISOString() }
        : {}),
    });
    const b = body.nodes[0];
    expect(b.latestRun?.id).toMatch(/^jr_/);
    const trigger = body.nodes[2];
    expect(trigger.trigger).toEqual({
      type: 'CONDITIONAL',
      state: 'ACTIVATED',
      logical: 'AND',
      description: 'when triggering_job SUCCEEDED',
    });
    expect(body.edges).toEqual(
      expect.arrayContaining([
        {
          from: 'component:default/triggering_job',
          to: 'resource:default/trigger-start-freshers-in-dependent-job',
          kind: 'condition',
          label: 'SUCCEEDED',
          state: 'SUCCEEDED',
        },
        {
          from: 'resource:default/trigger-start-freshers-in-dependent-job',
          to: 'component:default/freshers_in_dependent_job',
          kind: 'action',
          label: 'starts',
        },
        {
          from: 'component:default/triggering_job',
          to: 'resource:default/s3-freshers-in-staging-triggering',
          kind: 'lineage',
          label: 'writes',
          source: 'default-argument:--output',
        },
        {
          from: 'resource:default/s3-freshers-in-staging-triggering',
          to: 'component:default/freshers_in_dependent_job',
          kind: 'lineage',
          label: 'reads',
          source: 'default-argument:--input',
        },
      ]),
    );
    expect(body.edges).toHaveLength(4);
    // depth 2 stopped before the input dataset of triggering_job
    expect(body.truncated).toBe(true);
  });

  it('shows workflow runs with node states', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get(`${BASE}/system/sales-pipeline/workflow-runs`)
      .query({ limit: 3 })
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body.workflowName).toBe('sales-pipeline');
    expect(res.body.runs.length).toBeGreaterThan(0);
    const [run] = res.body.runs;
    expect(run.id).toEqual(expect.any(String));
    expect(run.statistics.TotalActions).toBeGreaterThan(0);
    const jobNodes = run.nodes.filter((n: any) => n.type === 'JOB');
    expect(jobNodes.length).toBeGreaterThan(0);
    expect(jobNodes.some((n: any) => typeof n.state === 'string')).toBe(true);
    for (const edge of run.edges) {
      expect(run.nodes.map((n: any) => n.id)).toEqual(
        expect.arrayContaining([edge.from, edge.to]),
      );
    }
  });

  it('answers Glue throttling with 503 and Retry-After', async () => {
    const server = await startBackend({ maxAttempts: 1 });
    emulator.setFaults({ throttleRate: 1 });
    const res = await request(server)
      .get(`${DEPENDENT}/runs`)
      .set('Authorization', user());
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error.message).toContain('AWS Glue throttled GetJobRuns');
    expect(emulator.stats().errors.ThrottlingException).toBe(1);
  });
});
