/*
 * The plugin with the real AWS SDK against the local Glue emulator seeded
 * with the demo fixture (examples/glue/demo.yaml), through the real backend
 * framework. The catalog is mocked with entities shaped like the ones the
 * AWS Glue catalog module writes.
 */
import path from 'node:path';
import {
  GetJobRunCommand,
  GetJobRunsCommand,
  GlueClient,
} from '@aws-sdk/client-glue';
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
  GlueChainExecutionsResponse,
  GlueChainResponse,
  GlueFleetResponse,
  GlueRunTriageResponse,
  GlueJobRun,
  GlueJobRunsResponse,
  GlueTeamSummaryResponse,
  GlueTrendsResponse,
  GlueWorkflowRun,
  isFailedRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import request from 'supertest';
import {
  ACCOUNT,
  freshersChain,
  PROVIDERS_CONFIG,
  workflowEntity,
} from './__fixtures__/entities';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readAwsGlueProviderUnits } from '@aws-glue-backstage/plugin-aws-glue-node';
import { readAwsGlueBackendConfig } from './lib/config';
import { cursorCodecOf } from './lib/database';
import { awsGluePlugin } from './plugin';
import { RunIndex } from './runIndex/RunIndex';
import { DefaultGlueFleetService } from './services/GlueFleetService';
import {
  glueAccessServiceRef,
  glueFleetServiceRef,
  glueRunIndexServiceRef,
} from './services/refs';

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

/** The run index of the backend last started (captured by the fleet factory). */
let backendRunIndex: RunIndex | undefined;

/**
 * The fleet service on the emulator's fixed clock (an adopter replaces a
 * service the same way), so that "the last 24 hours" and "30 days" are the
 * same on any day the tests run.
 */
const fleetOnTheEmulatorsClock = createServiceFactory({
  service: glueFleetServiceRef,
  deps: {
    config: coreServices.rootConfig,
    database: coreServices.database,
    catalog: catalogServiceRef,
    access: glueAccessServiceRef,
    runIndex: glueRunIndexServiceRef,
  },
  factory: async deps => {
    backendRunIndex = deps.runIndex;
    return new DefaultGlueFleetService({
      catalog: deps.catalog,
      access: deps.access,
      store: deps.runIndex.store,
      jobs: deps.runIndex.jobs,
      fleetJobs: deps.runIndex.fleetJobs,
      units: readAwsGlueProviderUnits(deps.config),
      cursors: await cursorCodecOf(deps.database, undefined),
      pricing: readAwsGlueBackendConfig(deps.config).pricing,
      now: () => now,
    });
  },
});

async function startBackend(awsGlue: object = {}) {
  const chain = freshersChain();
  const { server } = await startTestBackend({
    features: [
      awsGluePlugin,
      fleetOnTheEmulatorsClock,
      catalogServiceMock.factory({
        entities: [
          ...chain.entities,
          workflowEntity('sales-pipeline'),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { namespace: 'default', name: 'data-platform' },
            spec: { type: 'team', children: [] },
          },
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
          awsGlue: { endpoint: emulator.url, ...awsGlue },
        },
      }),
    ],
  });
  return server;
}

function directClient(endpoint = emulator.url) {
  return new GlueClient({
    endpoint,
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
    // written through to the run index (not in the way of the response)
    const arn = `arn:aws:glue:us-east-1:${ACCOUNT}:workflow/sales-pipeline`;
    let stored: GlueWorkflowRun[] = [];
    for (let i = 0; i < 100 && stored.length < res.body.runs.length; i++) {
      await new Promise(r => setTimeout(r, 20));
      stored = await backendRunIndex!.workflowRuns.list(arn, { limit: 10 });
    }
    expect(stored).toEqual(res.body.runs);
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

describe('chain executions, triage, retry and resume', () => {
  const readAll = async (server: any, url: string) =>
    request(server)
      .get(`${url}/runs`)
      .query({ limit: 200 })
      .set('Authorization', user());

  /** Polls until `check` passes (write-through is not in the way of a response). */
  async function eventually<T>(
    get: () => Promise<T>,
    check: (value: T) => boolean,
  ) {
    let value = await get();
    for (let i = 0; i < 100 && !check(value); i++) {
      await new Promise(r => setTimeout(r, 20));
      value = await get();
    }
    return value;
  }

  it('links triggering_job runs to the freshers_in_dependent_job runs they started', async () => {
    const server = await startBackend();
    await readAll(server, TRIGGERING);
    await readAll(server, DEPENDENT);
    const res = await eventually(
      () =>
        request(server)
          .get(`${DEPENDENT}/chain-executions`)
          .query({ limit: 14 })
          .set('Authorization', user()),
      r =>
        r.body.executions?.some(
          (e: any) => e.nodes.length === 2 && e.nodes[1].runId,
        ),
    );
    expect(res.status).toBe(200);
    const body = res.body as GlueChainExecutionsResponse;
    expect(body.rows.map(r => r.title)).toEqual([
      'triggering_job',
      'freshers_in_dependent_job',
    ]);
    expect(body.executions).toHaveLength(14);
    const started = body.executions.map(e => Date.parse(e.startedOn!));
    expect([...started].sort((a, b) => b - a)).toEqual(started);
    const linked = body.executions.find(e => e.nodes[1]?.runId)!;
    expect(linked.root.jobName).toBe('triggering_job');
    expect(linked.nodes[1]).toMatchObject({
      jobName: 'freshers_in_dependent_job',
      triggerName: 'start-freshers-in-dependent-job',
      predecessorRunIds: [linked.root.runId],
    });
    expect(linked.nodes[1].triggerDelaySeconds).toBeGreaterThanOrEqual(0);
    // served from the store: asking again costs no Glue call
    emulator.resetStats();
    await request(server)
      .get(`${DEPENDENT}/chain-executions`)
      .set('Authorization', user());
    expect(emulator.stats().calls.GetJobRun ?? 0).toBe(0);
    expect(emulator.stats().calls.GetJobRuns ?? 0).toBe(0);
  });

  it('triages the failed freshers run: the redacted log tail and what changed', async () => {
    const server = await startBackend({ logsEndpoint: emulator.url });
    const runs = (await readAll(server, DEPENDENT)).body as GlueJobRunsResponse;
    const failed = runs.runs.find(
      r => r.state === 'FAILED' && r.arguments['--batch_size'] === '50000',
    )!;
    expect(failed).toBeDefined();
    const res = await eventually(
      () =>
        request(server)
          .get(`${DEPENDENT}/runs/${failed.id}/triage`)
          .set('Authorization', user()),
      r => Boolean(r.body.lastSuccess),
    );
    expect(res.status).toBe(200);
    const triage = res.body as GlueRunTriageResponse;
    const [errors] = triage.log;
    expect(errors).toMatchObject({
      group: '/aws-glue/jobs/error',
      stream: failed.id,
    });
    expect(errors.error).toBeUndefined();
    expect(errors.lines.at(-1)!.message).toContain(
      "KeyError: '--dependency-param' was not passed by the trigger",
    );
    const shown = JSON.stringify(triage);
    expect(shown).toContain('jdbc:postgresql://orders-db:5432/orders');
    expect(shown).not.toContain('S3cr3t-Hunter2');
    expect(shown).not.toContain('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    expect(triage.changes).toEqual(
      expect.arrayContaining([
        { kind: 'argument', field: '--batch_size', after: '50000' },
        {
          kind: 'definition',
          field: 'numberOfWorkers',
          before: '5',
          after: '2',
        },
      ]),
    );
    expect(triage.effectiveArguments).toEqual(
      expect.arrayContaining([
        { key: '--batch_size', value: '50000', source: 'run' },
      ]),
    );
  });

  it('retries the failed run with its own arguments', async () => {
    // an emulator of its own: on the frozen clock the run another test
    // stopped stays STOPPING and holds the job's one concurrent run
    const own = await startGlueEmulator({
      fixture,
      port: 0,
      clock: { now: () => now },
    });
    const server = await startBackend({
      endpoint: own.url,
      actions: { retryJobRun: true },
    });
    const runs = (await readAll(server, DEPENDENT)).body as GlueJobRunsResponse;
    const failed = runs.runs.find(
      r => r.state === 'FAILED' && r.arguments['--batch_size'] === '50000',
    )!;
    const ok = runs.runs.find(r => r.state === 'SUCCEEDED')!;
    const refused = await request(server)
      .post(`${DEPENDENT}/runs/${ok.id}/retry`)
      .set('Authorization', user())
      .send({});
    expect(refused.status).toBe(409);
    const res = await request(server)
      .post(`${DEPENDENT}/runs/${failed.id}/retry`)
      .set('Authorization', user())
      .send({});
    expect(res.body.error?.message).toBeUndefined();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      jobName: 'freshers_in_dependent_job',
      retriedRunId: failed.id,
    });
    const { JobRun } = await directClient(own.url).send(
      new GetJobRunCommand({
        JobName: 'freshers_in_dependent_job',
        RunId: res.body.runId,
      }),
    );
    expect(JobRun!.Arguments).toEqual({
      '--dependency-param': 'value',
      '--batch_size': '50000',
    });
    await own.stop();
  });

  it('previews and resumes the failed sales-pipeline run', async () => {
    const server = await startBackend({ actions: { resumeWorkflowRun: true } });
    const WORKFLOW = `${BASE}/system/sales-pipeline`;
    const list = await request(server)
      .get(`${WORKFLOW}/workflow-runs`)
      .query({ limit: 50 })
      .set('Authorization', user());
    expect(list.body.canResume).toBe(true);
    const failed = (list.body.runs as GlueWorkflowRun[]).find(
      r => r.status === 'COMPLETED' && (r.statistics.FailedActions ?? 0) > 0,
    )!;
    expect(failed).toBeDefined();
    const preview = await request(server)
      .get(`${WORKFLOW}/workflow-runs/${failed.id}/resume`)
      .set('Authorization', user());
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      resumable: true,
      willRun: expect.arrayContaining(['orders-aggregate']),
    });
    const resumed = await request(server)
      .post(`${WORKFLOW}/workflow-runs/${failed.id}/resume`)
      .set('Authorization', user())
      .send({});
    expect(resumed.status).toBe(201);
    expect(resumed.body).toMatchObject({
      workflowName: 'sales-pipeline',
      resumedRunId: failed.id,
      nodeIds: preview.body.nodeIds,
    });
    expect(resumed.body.runId).not.toBe(failed.id);
    const again = await request(server)
      .get(`${WORKFLOW}/workflow-runs`)
      .query({ limit: 50 })
      .set('Authorization', user());
    expect(again.body.runs.map((r: GlueWorkflowRun) => r.id)).toContain(
      resumed.body.runId,
    );
  });
});

describe('the run index', () => {
  const FLEET = '/api/aws-glue/v1/jobs';
  const totalCalls = () => emulator.stats().total;

  /** Reads the history of the chain's jobs, which writes it through. */
  async function readHistory(
    server: Parameters<typeof request>[0],
  ): Promise<Record<string, GlueJobRun>> {
    const newest: Record<string, GlueJobRun> = {};
    for (const entity of [DEPENDENT, TRIGGERING]) {
      const res = await request(server)
        .get(`${entity}/runs`)
        .query({ limit: 200 })
        .set('Authorization', user());
      expect(res.status).toBe(200);
      newest[res.body.runs[0].jobName] = res.body.runs[0];
    }
    // the write-through does not hold the response up: wait (bounded)
    for (let i = 0; i < 100; i++) {
      const res = await request(server).get(FLEET).set('Authorization', user());
      const read = res.body.jobs.filter((j: any) =>
        ['triggering_job', 'freshers_in_dependent_job'].includes(j.name),
      );
      if (read.length === 2 && read.every((j: any) => j.latestRun)) {
        return newest;
      }
      await new Promise(r => setTimeout(r, 50));
    }
    throw new Error('the runs read never reached the index');
  }

  it('serves every job with its latest run in one request, failing first, with no Glue calls', async () => {
    const server = await startBackend({
      runIndex: { reconciler: { enabled: false } },
    });
    const newest = await readHistory(server);
    emulator.resetStats();
    const res = await request(server).get(FLEET).set('Authorization', user());
    expect(res.status).toBe(200);
    expect(totalCalls()).toBe(0);
    const body = res.body as GlueFleetResponse;
    expect(body.totalCount).toBe(3);
    // nobody read pipeline-failure-alert's runs and no feed ran: never run
    expect(body.counts.neverRun).toBe(1);
    expect(body.jobs[body.jobs.length - 1].name).toBe('pipeline-failure-alert');
    const dependent = body.jobs.find(
      j => j.name === 'freshers_in_dependent_job',
    )!;
    // the newest run the runs route showed (earlier tests start runs)
    const shown = newest.freshers_in_dependent_job;
    expect(dependent).toMatchObject({
      entityRef: 'component:default/freshers_in_dependent_job',
      owner: 'group:default/data-platform',
      accountId: ACCOUNT,
      region: 'us-east-1',
      latestRun: { id: shown.id, state: shown.state },
    });
    expect(dependent.failuresLast24h).toBeGreaterThanOrEqual(0);
    expect(body.freshness.storedRuns).toBeGreaterThanOrEqual(20);
    const states = body.jobs.map(j => j.latestRun?.state ?? '');
    const failingFirst = [...states].sort(
      (a, b) => Number(isFailedRunState(b)) - Number(isFailedRunState(a)),
    );
    expect(states).toEqual(failingFirst);
  });

  it('filters by owner, state and text, and pages with a cursor bound to its filters', async () => {
    const server = await startBackend({
      runIndex: { reconciler: { enabled: false } },
    });
    await readHistory(server);
    const get = (query: object) =>
      request(server).get(FLEET).query(query).set('Authorization', user());
    expect(
      (await get({ owner: 'group:default/analytics' })).body.totalCount,
    ).toBe(0);
    expect((await get({ owner: 'data-platform' })).body.totalCount).toBe(3);
    // a user and their groups
    expect(
      (await get({ owner: 'user:default/guest,group:default/data-platform' }))
        .body.totalCount,
    ).toBe(3);
    expect(
      (await get({ q: 'TRIGGERING' })).body.jobs.map((j: any) => j.name),
    ).toEqual(['triggering_job']);
    const succeeded = await get({ state: 'SUCCEEDED' });
    for (const job of succeeded.body.jobs)
      expect(job.latestRun.state).toBe('SUCCEEDED');
    const first = await get({ limit: 2 });
    expect(first.body.jobs).toHaveLength(2);
    const second = await get({ limit: 2, cursor: first.body.nextCursor });
    expect(second.body.jobs).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();
    const names = [...first.body.jobs, ...second.body.jobs].map(
      (j: any) => j.name,
    );
    expect(new Set(names).size).toBe(3);
    const foreign = await get({ q: 'x', cursor: first.body.nextCursor });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toContain('cursor');
    const bad = await get({ owner: 'group:default/a b', state: 'EXPLODED' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /owner: .*entity ref.*state: unknown job run state 'EXPLODED'/,
    );
  });

  it('gives daily trends and a team summary from the stored runs', async () => {
    const server = await startBackend({
      runIndex: { reconciler: { enabled: false } },
    });
    await readHistory(server);
    emulator.resetStats();
    const trends = await request(server)
      .get(`${DEPENDENT}/trends`)
      .query({ days: 90 })
      .set('Authorization', user());
    expect(trends.status).toBe(200);
    const body = trends.body as GlueTrendsResponse;
    expect(body.points).toHaveLength(90);
    expect(body.to).toBe('2026-11-23');
    const runs = body.points.reduce((n, p) => n + p.runs, 0);
    expect(runs).toBe(body.summary.runs);
    expect(body.summary.runs).toBeGreaterThanOrEqual(20);
    expect(body.summary.failed).toBeGreaterThanOrEqual(1);
    expect(body.summary.successRate).toBeGreaterThan(0);
    expect(body.summary.successRate).toBeLessThan(1);
    expect(body.summary.p95DurationSeconds).toBeGreaterThanOrEqual(
      body.summary.p50DurationSeconds!,
    );
    expect(body.summary.dpuHours).toBeGreaterThan(0);
    const wrongWindow = await request(server)
      .get(`${DEPENDENT}/trends`)
      .query({ days: 12 })
      .set('Authorization', user());
    expect(wrongWindow.status).toBe(400);
    expect(wrongWindow.body.error.message).toContain('7, 30, 90, 365');

    const team = await request(server)
      .get('/api/aws-glue/v1/entity/default/group/data-platform/team-summary')
      .set('Authorization', user());
    expect(team.status).toBe(200);
    const summary = team.body as GlueTeamSummaryResponse;
    expect(summary.owner).toBe('group:default/data-platform');
    expect(summary.jobCount).toBe(3);
    expect(summary.points).toHaveLength(30);
    expect(summary.slowest.length).toBeGreaterThan(0);
    expect(summary.dearest[0].estimatedCost).toBeGreaterThan(0);
    expect(totalCalls()).toBe(0);
  });
});
