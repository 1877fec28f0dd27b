/*
 * The plugin's HTTP API through the real backend framework (auth policy,
 * error handler, cache, permissions), with the catalog mocked and Glue
 * mocked by aws-sdk-client-mock.
 */
import {
  AccessDeniedException,
  BatchStopJobRunCommand,
  ConcurrentRunsExceededException,
  EntityNotFoundException,
  GetJobBookmarkCommand,
  GetJobCommand,
  GetJobRunCommand,
  GetJobRunsCommand,
  GetWorkflowRunsCommand,
  GlueClient,
  InternalServiceException,
  JobRun,
  StartJobRunCommand,
  ThrottlingException,
} from '@aws-sdk/client-glue';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ANNOTATION_AWS_GLUE_JOB_ARN,
  awsGlueJobReadPermission,
  awsGlueJobStartPermission,
  awsGlueJobStopPermission,
  awsGlueWorkflowResumePermission,
  GlueChainResponse,
  GlueJobRunsResponse,
  GlueTeamSummaryResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import request from 'supertest';
import {
  ACCOUNT,
  brokenEntities,
  freshersChain,
  PROVIDERS_CONFIG,
  jobEntity,
  workflowEntity,
} from './__fixtures__/entities';
import { auditorMock } from './__testUtils__/auditor';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { awsGluePlugin } from './plugin';
import { GlueDataSource } from './services/GlueDataSource';
import { glueDataSourceServiceRef } from './services/refs';
import { SECRET_SHAPES } from '@aws-glue-backstage/plugin-aws-glue-node/testUtils';
import { inspect } from 'node:util';

const glue = mockClient(GlueClient);

const JOB = 'orders-daily-etl';
const JOB_ARN = `arn:aws:glue:us-east-1:${ACCOUNT}:job/${JOB}`;
const OTHER_ARN = `arn:aws:glue:eu-west-1:${ACCOUNT}:job/orders-aggregate`;
const BASE = '/api/aws-glue/v1/entity/default';
const JOB_URL = `${BASE}/component/${JOB}`;
const REPO_URL = `${BASE}/component/orders-repo`;

const orders = jobEntity(JOB);
const repo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-repo',
    annotations: { [ANNOTATION_AWS_GLUE_JOB_ARN]: `${JOB_ARN},${OTHER_ARN}` },
  },
  spec: {
    type: 'service',
    owner: 'group:default/data-platform',
    lifecycle: 'production',
  },
};
const noGlue: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'website' },
  spec: {
    type: 'website',
    owner: 'group:default/web',
    lifecycle: 'production',
  },
};
const sales = workflowEntity('sales-pipeline');
const chain = freshersChain();

const HOUR = 3600_000;
const T0 = Date.UTC(2026, 0, 31, 12);

function run(
  i: number,
  state = 'SUCCEEDED',
  extra: Partial<JobRun> = {},
): JobRun {
  const started = T0 - i * HOUR;
  return {
    Id: `jr_${String(i).padStart(3, '0')}`,
    JobName: JOB,
    Attempt: 0,
    StartedOn: new Date(started),
    CompletedOn: new Date(started + 600_000),
    LastModifiedOn: new Date(started + 600_000),
    JobRunState: state as JobRun['JobRunState'],
    ExecutionTime: 540,
    WorkerType: 'G.1X',
    NumberOfWorkers: 10,
    MaxCapacity: 10,
    GlueVersion: '4.0',
    LogGroupName: '/aws-glue/jobs',
    Arguments: { '--run_date': '2026-01-31', '--db-password': 'hunter2' },
    ...extra,
  };
}

/** Serves `runs` (newest first) like GetJobRuns, with numeric page tokens. */
function serveRuns(runs: JobRun[]) {
  glue.on(GetJobRunsCommand).callsFake(input => {
    const offset = input.NextToken ? Number(input.NextToken) : 0;
    const max = input.MaxResults ?? 100;
    const page = runs.slice(offset, offset + max);
    return {
      JobRuns: page,
      NextToken: offset + max < runs.length ? String(offset + max) : undefined,
    };
  });
}

const baseConfig = {
  ...PROVIDERS_CONFIG,
  aws: {
    accounts: [
      { accountId: ACCOUNT, accessKeyId: ACCOUNT, secretAccessKey: 'x' },
    ],
  },
};

async function startBackend(
  options: {
    awsGlue?: object;
    entities?: Entity[];
    extraFeatures?: any[];
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      awsGluePlugin,
      catalogServiceMock.factory({
        entities: options.entities ?? [
          orders,
          repo,
          noGlue,
          sales,
          ...chain.entities,
        ],
      }),
      mockServices.rootConfig.factory({
        data: { ...baseConfig, awsGlue: options.awsGlue ?? {} },
      }),
      ...(options.extraFeatures ?? []),
    ],
  });
  return server;
}

function denyAll() {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
  });
}

const user = () => mockCredentials.user.header();

beforeEach(() => {
  glue.reset();
});

describe('plugin', () => {
  it('registers the AWS Glue permissions', async () => {
    const registry = mockServices.permissionsRegistry.mock();
    await startBackend({ extraFeatures: [registry.factory] });
    expect(registry.addPermissions).toHaveBeenCalledWith([
      awsGlueJobReadPermission,
      awsGlueJobStartPermission,
      awsGlueJobStopPermission,
      awsGlueWorkflowResumePermission,
    ]);
  });

  it('lets an adopter replace a service through its service ref', async () => {
    const data = {
      getJob: jest.fn(async () => ({
        arn: JOB_ARN,
        name: JOB,
        accountId: ACCOUNT,
        region: 'us-east-1',
        description: 'from a replaced data source',
        nonOverridableArgumentKeys: [],
        defaultArguments: {},
      })),
      getLatestRun: jest.fn(async () => undefined),
    };
    const server = await startBackend({
      extraFeatures: [
        createServiceFactory({
          service: glueDataSourceServiceRef,
          deps: {},
          factory: () => data as unknown as GlueDataSource,
        }),
      ],
    });
    const res = await request(server)
      .get(`${JOB_URL}/jobs`)
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body.jobs[0].description).toBe('from a replaced data source');
    expect(data.getJob).toHaveBeenCalledWith(
      expect.objectContaining({ arn: JOB_ARN }),
    );
    expect(glue.calls()).toHaveLength(0);
  });

  it('fails to start with an invalid config, naming the key', async () => {
    await expect(
      startBackend({ awsGlue: { chain: { maxDepth: 0 } } }),
    ).rejects.toThrow('Invalid config at awsGlue.chain.maxDepth');
  });
});

describe('GET jobs', () => {
  beforeEach(() => {
    glue.on(GetJobCommand, { JobName: JOB }).resolves({
      Job: {
        Name: JOB,
        Description: 'Daily orders',
        Command: { Name: 'glueetl', ScriptLocation: 's3://scripts/orders.py' },
        DefaultArguments: {
          '--job-bookmark-option': 'job-bookmark-enable',
          '--jdbc-url': 'jdbc:postgresql://etl:hunter2@db:5432/orders',
        },
        NonOverridableArguments: { '--input': 's3://fixed/' },
        WorkerType: 'G.1X',
        NumberOfWorkers: 10,
        GlueVersion: '4.0',
        Timeout: 60,
      },
    });
    serveRuns([
      run(0, 'RUNNING', { CompletedOn: undefined, ExecutionTime: 0 }),
      run(1),
    ]);
  });

  it('returns the configuration and latest run; actions off by default', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get(`${JOB_URL}/jobs`)
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(res.body.jobs).toHaveLength(1);
    const [job] = res.body.jobs;
    expect(job).toMatchObject({
      arn: JOB_ARN,
      name: JOB,
      accountId: ACCOUNT,
      region: 'us-east-1',
      description: 'Daily orders',
      command: 'glueetl',
      jobMode: 'SCRIPT',
      workerType: 'G.1X',
      numberOfWorkers: 10,
      timeoutMinutes: 60,
      maxRetries: 0,
      maxConcurrentRuns: 1,
      bookmarkOption: 'job-bookmark-enable',
      scriptLocation: 's3://scripts/orders.py',
      connections: [],
      defaultArguments: {
        '--job-bookmark-option': 'job-bookmark-enable',
        '--jdbc-url': '<redacted>',
      },
      canStart: false,
      canStop: false,
      overridableArguments: [],
    });
    expect(job.latestRun).toMatchObject({ id: 'jr_000', state: 'RUNNING' });
    expect(job.consoleUrl).toBe(
      'https://us-east-1.console.aws.amazon.com/gluestudio/home?region=us-east-1#/editor/job/orders-daily-etl/details',
    );
    expect(glue).toHaveReceivedCommandWith(GetJobRunsCommand, {
      JobName: JOB,
      MaxResults: 1,
    });
  });

  it('says the caller may start and stop when config and permissions allow it', async () => {
    const server = await startBackend({
      awsGlue: {
        actions: {
          startJobRun: true,
          stopJobRun: true,
          allowedArguments: ['--run_date', '--input'],
        },
      },
    });
    const res = await request(server)
      .get(`${JOB_URL}/jobs`)
      .set('Authorization', user());
    expect(res.body.jobs[0]).toMatchObject({
      canStart: true,
      canStop: true,
      // --input is non-overridable for this job
      overridableArguments: ['--run_date'],
    });
  });

  it('asks the permission framework about the synced entity', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(async () => [
        { result: AuthorizeResult.ALLOW },
        { result: AuthorizeResult.ALLOW },
        { result: AuthorizeResult.DENY },
      ]) as any,
    });
    const server = await startBackend({
      awsGlue: { actions: { startJobRun: true, stopJobRun: true } },
      extraFeatures: [permissions.factory],
    });
    const res = await request(server)
      .get(`${JOB_URL}/jobs`)
      .set('Authorization', user());
    expect(res.body.jobs[0]).toMatchObject({ canStart: true, canStop: false });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: awsGlueJobReadPermission,
          resourceRef: 'component:default/orders-daily-etl',
        },
        {
          permission: awsGlueJobStartPermission,
          resourceRef: 'component:default/orders-daily-etl',
        },
        {
          permission: awsGlueJobStopPermission,
          resourceRef: 'component:default/orders-daily-etl',
        },
      ],
      expect.anything(),
    );
  });

  it('is a 404 for an entity without Glue jobs', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get(`${BASE}/component/website/jobs`)
      .set('Authorization', user());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(
      'Entity component:default/website has no AWS Glue job',
    );
  });
});

describe('GET runs', () => {
  const thirty = Array.from({ length: 30 }, (_, i) =>
    run(
      i,
      i % 4 === 1 ? 'FAILED' : 'SUCCEEDED',
      i % 4 === 1 ? { ErrorMessage: `boom ${i}` } : {},
    ),
  );

  it('pages newest first with an opaque cursor, from one cached Glue page', async () => {
    serveRuns(thirty);
    const server = await startBackend();
    const first = await request(server)
      .get(`${JOB_URL}/runs`)
      .set('Authorization', user());
    expect(first.status).toBe(200);
    const body = first.body as GlueJobRunsResponse;
    expect(body.runs).toHaveLength(25);
    expect(body.runs[0]).toEqual({
      id: 'jr_000',
      jobName: JOB,
      jobArn: JOB_ARN,
      attempt: 0,
      state: 'SUCCEEDED',
      startedOn: '2026-01-31T12:00:00.000Z',
      completedOn: '2026-01-31T12:10:00.000Z',
      lastModifiedOn: '2026-01-31T12:10:00.000Z',
      durationSeconds: 600,
      executionTimeSeconds: 540,
      dpuSeconds: 5400,
      dpuHours: 1.5,
      estimatedCost: 0.66,
      currency: 'USD',
      workerType: 'G.1X',
      numberOfWorkers: 10,
      maxCapacity: 10,
      glueVersion: '4.0',
      arguments: { '--run_date': '2026-01-31', '--db-password': '<redacted>' },
      predecessorRuns: [],
      links: {
        console:
          'https://us-east-1.console.aws.amazon.com/gluestudio/home?region=us-east-1#/job/orders-daily-etl/run/jr_000',
        logs: [
          {
            title: 'Output logs',
            url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Foutput$3FlogStreamNameFilter$3Djr_000',
          },
          {
            title: 'Error logs',
            url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Ferror$3FlogStreamNameFilter$3Djr_000',
          },
        ],
      },
    });
    expect(body.totals).toEqual({
      dpuHours: 37.5,
      estimatedCost: 16.5,
      currency: 'USD',
    });
    expect(body.nextToken).toEqual(expect.any(String));

    const second = await request(server)
      .get(`${JOB_URL}/runs`)
      .query({ nextToken: body.nextToken })
      .set('Authorization', user());
    expect(second.status).toBe(200);
    expect(second.body.runs.map((r: any) => r.id)).toEqual([
      'jr_025',
      'jr_026',
      'jr_027',
      'jr_028',
      'jr_029',
    ]);
    expect(second.body.nextToken).toBeUndefined();
    // both pages came from one GetJobRuns call of 200
    expect(glue).toHaveReceivedCommandTimes(GetJobRunsCommand, 1);
    expect(glue).toHaveReceivedCommandWith(GetJobRunsCommand, {
      JobName: JOB,
      MaxResults: 200,
    });
  });

  it('filters by state across Glue pages and resumes exactly', async () => {
    const many = Array.from({ length: 450 }, (_, i) =>
      run(i, i % 100 === 7 ? 'FAILED' : 'SUCCEEDED'),
    );
    serveRuns(many);
    const server = await startBackend();
    const ids: string[] = [];
    let nextToken: string | undefined;
    let requests = 0;
    do {
      const res = await request(server)
        .get(`${JOB_URL}/runs`)
        .query({
          state: 'failed,TIMEOUT',
          limit: 2,
          ...(nextToken ? { nextToken } : {}),
        })
        .set('Authorization', user());
      expect(res.status).toBe(200);
      ids.push(...res.body.runs.map((r: any) => r.id));
      for (const r of res.body.runs) expect(r.state).toBe('FAILED');
      nextToken = res.body.nextToken;
      requests++;
    } while (nextToken && requests < 20);
    expect(ids).toEqual(['jr_007', 'jr_107', 'jr_207', 'jr_307', 'jr_407']);
    // three Glue pages of 200, each fetched once
    expect(glue).toHaveReceivedCommandTimes(GetJobRunsCommand, 3);
  });

  it('needs `job` when the entity has several jobs, and refuses foreign ones', async () => {
    serveRuns(thirty);
    const server = await startBackend();
    const several = await request(server)
      .get(`${REPO_URL}/runs`)
      .set('Authorization', user());
    expect(several.status).toBe(400);
    expect(several.body.error.message).toBe(
      `job: entity component:default/orders-repo has 2 AWS Glue jobs; pass one of: ${JOB_ARN}, ${OTHER_ARN}`,
    );
    const byName = await request(server)
      .get(`${REPO_URL}/runs`)
      .query({ job: JOB, limit: 1 })
      .set('Authorization', user());
    expect(byName.status).toBe(200);
    expect(byName.body.runs[0].jobArn).toBe(JOB_ARN);

    const foreign = await request(server)
      .get(`${JOB_URL}/runs`)
      .query({ job: 'payroll-export' })
      .set('Authorization', user());
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toBe(
      "Job 'payroll-export' is not one of the AWS Glue jobs of entity component:default/orders-daily-etl",
    );
    const foreignArn = await request(server)
      .get(`${JOB_URL}/runs`)
      .query({ job: `arn:aws:glue:us-east-1:999999999999:job/${JOB}` })
      .set('Authorization', user());
    expect(foreignArn.status).toBe(403);
    expect(glue).not.toHaveReceivedCommandWith(GetJobRunsCommand, {
      JobName: 'payroll-export',
    });
  });

  it.each([
    [{ limit: '500' }, 'limit: Number must be less than or equal to 200'],
    [{ limit: '0' }, 'limit: Number must be greater than or equal to 1'],
    [{ limit: 'many' }, 'limit: Expected number, received nan'],
    [{ state: 'DONE' }, "state: unknown job run state 'DONE'"],
    [{ nextToken: 'garbage!' }, 'nextToken: not a valid page token'],
  ])('rejects %j with a 400 naming the field', async (query, message) => {
    serveRuns(thirty);
    const server = await startBackend();
    const res = await request(server)
      .get(`${JOB_URL}/runs`)
      .query(query)
      .set('Authorization', user());
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
  });

  it('rejects a cursor of another filter', async () => {
    serveRuns(thirty);
    const server = await startBackend();
    const first = await request(server)
      .get(`${JOB_URL}/runs`)
      .set('Authorization', user());
    const res = await request(server)
      .get(`${JOB_URL}/runs`)
      .query({ nextToken: first.body.nextToken, state: 'FAILED' })
      .set('Authorization', user());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'nextToken: the page token belongs to another job, workflow or filter',
    );
  });

  it('answers throttling with 503 and Retry-After', async () => {
    glue.on(GetJobRunsCommand).rejects(
      new ThrottlingException({
        message: 'Rate exceeded',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const server = await startBackend();
    const res = await request(server)
      .get(`${JOB_URL}/runs`)
      .set('Authorization', user());
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error.name).toBe('ServiceUnavailableError');
    expect(res.body.error.message).toBe(
      'AWS Glue throttled GetJobRuns for job orders-daily-etl (123456789012/us-east-1) (Rate exceeded); try again in 5 seconds',
    );
  });

  it('answers a Glue server fault with 503 and Retry-After', async () => {
    glue.on(GetJobRunsCommand).rejects(
      new InternalServiceException({
        message: 'oops',
        $metadata: { httpStatusCode: 500 },
      }),
    );
    const server = await startBackend();
    const res = await request(server)
      .get(`${JOB_URL}/runs`)
      .set('Authorization', user());
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('10');
    expect(res.body.error.message).toContain('GetJobRuns');
  });

  it("says when the backend's AWS role lacks a permission", async () => {
    glue.on(GetJobRunsCommand).rejects(
      new AccessDeniedException({
        message: 'User is not authorized to perform: glue:GetJobRuns',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const server = await startBackend();
    const res = await request(server)
      .get(`${JOB_URL}/runs`)
      .set('Authorization', user());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      "The backend's AWS role lacks the permission glue:GetJobRuns",
    );
  });
});

describe('GET runs/:runId', () => {
  it('returns one run with its predecessors', async () => {
    glue
      .on(GetJobRunCommand, {
        JobName: JOB,
        RunId: 'jr_005',
        PredecessorsIncluded: true,
      })
      .resolves({
        JobRun: run(5, 'FAILED', {
          ErrorMessage: 'AnalysisException: Path does not exist',
          TriggerName: 'after-ingest',
          PredecessorRuns: [{ JobName: 'ingest', RunId: 'jr_up' }],
        }),
      });
    const server = await startBackend();
    const res = await request(server)
      .get(`${JOB_URL}/runs/jr_005`)
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 'jr_005',
      state: 'FAILED',
      errorMessage: 'AnalysisException: Path does not exist',
      triggerName: 'after-ingest',
      predecessorRuns: [{ jobName: 'ingest', runId: 'jr_up' }],
      arguments: { '--db-password': '<redacted>' },
    });
  });

  it('is a 404 for an unknown run', async () => {
    glue.on(GetJobRunCommand).rejects(
      new EntityNotFoundException({
        message: 'Job run jr_nope not found for job orders-daily-etl',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const server = await startBackend();
    const res = await request(server)
      .get(`${JOB_URL}/runs/jr_nope`)
      .set('Authorization', user());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('Job run jr_nope not found');
  });
});

describe('GET bookmark', () => {
  beforeEach(() => {
    glue.on(GetJobCommand).resolves({
      Job: {
        Name: JOB,
        DefaultArguments: { '--job-bookmark-option': 'job-bookmark-enable' },
      },
    });
  });

  it('returns the option and the entry', async () => {
    glue.on(GetJobBookmarkCommand, { JobName: JOB }).resolves({
      JobBookmarkEntry: {
        JobName: JOB,
        Version: 3,
        Run: 3,
        Attempt: 0,
        RunId: 'jr_3',
        PreviousRunId: 'jr_2',
        JobBookmark: '{"datasource0":{}}',
      },
    });
    const server = await startBackend();
    const res = await request(server)
      .get(`${JOB_URL}/bookmark`)
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      jobName: JOB,
      jobArn: JOB_ARN,
      option: 'job-bookmark-enable',
      entry: {
        version: 3,
        run: 3,
        attempt: 0,
        runId: 'jr_3',
        previousRunId: 'jr_2',
        jobBookmark: '{"datasource0":{}}',
      },
    });
  });

  it('has no entry when Glue has none', async () => {
    glue.on(GetJobBookmarkCommand).rejects(
      new EntityNotFoundException({
        message: 'no bookmark',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const server = await startBackend();
    const res = await request(server)
      .get(`${JOB_URL}/bookmark`)
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      jobName: JOB,
      jobArn: JOB_ARN,
      option: 'job-bookmark-enable',
    });
  });
});

describe('GET workflow-runs', () => {
  it('returns runs with node states for a workflow System', async () => {
    glue.on(GetWorkflowRunsCommand).resolves({
      Runs: [
        {
          Name: 'sales-pipeline',
          WorkflowRunId: 'wr_1',
          Status: 'COMPLETED',
          StartedOn: new Date(T0),
          CompletedOn: new Date(T0 + HOUR),
          Statistics: {
            TotalActions: 2,
            SucceededActions: 1,
            FailedActions: 1,
          },
          Graph: {
            Nodes: [
              { Type: 'TRIGGER', Name: 'sales-start', UniqueId: 'w1' },
              {
                Type: 'JOB',
                Name: 'orders-daily-etl',
                UniqueId: 'w2',
                JobDetails: {
                  JobRuns: [
                    {
                      Id: 'jr_9',
                      JobRunState: 'FAILED',
                      StartedOn: new Date(T0),
                    },
                  ],
                },
              },
            ],
            Edges: [{ SourceId: 'w1', DestinationId: 'w2' }],
          },
        },
      ],
      NextToken: 'glue-next',
    });
    const server = await startBackend();
    const res = await request(server)
      .get(`${BASE}/system/sales-pipeline/workflow-runs`)
      .query({ limit: 1 })
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body.workflowName).toBe('sales-pipeline');
    expect(res.body.runs).toEqual([
      {
        id: 'wr_1',
        status: 'COMPLETED',
        startedOn: '2026-01-31T12:00:00.000Z',
        completedOn: '2026-01-31T13:00:00.000Z',
        statistics: { TotalActions: 2, SucceededActions: 1, FailedActions: 1 },
        nodes: [
          { id: 'w1', type: 'TRIGGER', name: 'sales-start' },
          {
            id: 'w2',
            type: 'JOB',
            name: 'orders-daily-etl',
            state: 'FAILED',
            runId: 'jr_9',
          },
        ],
        edges: [{ from: 'w1', to: 'w2' }],
      },
    ]);
    expect(glue).toHaveReceivedCommandWith(GetWorkflowRunsCommand, {
      Name: 'sales-pipeline',
      IncludeGraph: true,
      MaxResults: 1,
    });

    await request(server)
      .get(`${BASE}/system/sales-pipeline/workflow-runs`)
      .query({ limit: 1, nextToken: res.body.nextToken })
      .set('Authorization', user());
    expect(glue).toHaveReceivedCommandWith(GetWorkflowRunsCommand, {
      Name: 'sales-pipeline',
      NextToken: 'glue-next',
    });
  });

  it('is a 404 for entities that are not workflows', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get(`${JOB_URL}/workflow-runs`)
      .set('Authorization', user());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(
      'Entity component:default/orders-daily-etl is not an AWS Glue workflow',
    );
  });
});

describe('GET chain', () => {
  it('walks relations and derives edges, with latest runs', async () => {
    glue.on(GetJobRunsCommand).callsFake(input => ({
      JobRuns: [
        run(0, input.JobName === 'triggering_job' ? 'FAILED' : 'SUCCEEDED', {
          JobName: input.JobName,
        }),
      ],
    }));
    const server = await startBackend();
    const res = await request(server)
      .get(`${BASE}/component/freshers_in_dependent_job/chain`)
      .query({ direction: 'up' })
      .set('Authorization', user());
    expect(res.status).toBe(200);
    const body = res.body as GlueChainResponse;
    expect(body.root).toBe('component:default/freshers_in_dependent_job');
    expect(body.truncated).toBe(false);
    expect(body.nodes.map(n => [n.id, n.kind, n.depth])).toEqual([
      ['component:default/freshers_in_dependent_job', 'job', 0],
      ['resource:default/s3-freshers-in-staging-triggering', 'dataset', 1],
      [
        'resource:default/trigger-start-freshers-in-dependent-job',
        'trigger',
        1,
      ],
      ['component:default/triggering_job', 'job', 2],
      ['resource:default/s3-freshers-in-input-data', 'dataset', 3],
    ]);
    const a = body.nodes.find(
      n => n.id === 'component:default/triggering_job',
    )!;
    expect(a.latestRun).toMatchObject({ id: 'jr_000', state: 'FAILED' });
    expect(body.edges).toContainEqual({
      from: 'component:default/triggering_job',
      to: 'resource:default/trigger-start-freshers-in-dependent-job',
      kind: 'condition',
      label: 'SUCCEEDED',
      state: 'SUCCEEDED',
    });

    const shallow = await request(server)
      .get(`${BASE}/component/freshers_in_dependent_job/chain`)
      .query({ direction: 'up', depth: 1 })
      .set('Authorization', user());
    expect(shallow.body.nodes).toHaveLength(3);
    expect(shallow.body.truncated).toBe(true);
  });

  it('answers with the rest of the chain when hand-written entities depending on a job have broken annotations, warning once per annotation', async () => {
    glue.on(GetJobRunsCommand).resolves({ JobRuns: [] });
    const fresh = freshersChain();
    const broken = brokenEntities(fresh.a);
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    const server = await startBackend({
      entities: [...fresh.entities, ...broken.entities],
      extraFeatures: [logger.factory],
    });
    for (let i = 0; i < 2; i++) {
      const res = await request(server)
        .get(`${BASE}/component/triggering_job/chain`)
        .query({ direction: 'down' })
        .set('Authorization', user());
      expect(res.status).toBe(200);
      const body = res.body as GlueChainResponse;
      expect(body.nodes.map(n => n.id)).toEqual(
        expect.arrayContaining([
          'component:default/null-lineage',
          'resource:default/null-condition',
          'resource:default/null-predicate',
          'resource:default/trigger-start-freshers-in-dependent-job',
          'component:default/freshers_in_dependent_job',
        ]),
      );
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
        ]),
      );
      expect(body.edges.filter(e => /null-/.test(`${e.from} ${e.to}`))).toEqual(
        [],
      );
    }
    const warnings = logger.warn.mock.calls.map(([message]) => String(message));
    const annotationWarnings = warnings.filter(w =>
      w.includes('aws.amazon.com/aws-glue-'),
    );
    expect(annotationWarnings).toHaveLength(broken.problems.length);
    for (const [ref, key] of broken.problems) {
      expect(
        annotationWarnings.filter(w => w.includes(ref) && w.includes(key)),
      ).toHaveLength(1);
    }
  });

  it('caps the nodes and says so', async () => {
    glue.on(GetJobRunsCommand).resolves({ JobRuns: [] });
    const server = await startBackend({ awsGlue: { chain: { maxNodes: 2 } } });
    const res = await request(server)
      .get(`${BASE}/component/triggering_job/chain`)
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body.nodes).toHaveLength(2);
    expect(res.body.truncated).toBe(true);
  });

  it.each([
    [{ depth: '7' }, 'depth: Number must be less than or equal to 6'],
    [{ direction: 'sideways' }, 'direction: Invalid enum value'],
  ])('rejects %j', async (query, message) => {
    const server = await startBackend();
    const res = await request(server)
      .get(`${BASE}/component/triggering_job/chain`)
      .query(query)
      .set('Authorization', user());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });
});

describe('POST runs', () => {
  const enabled = {
    actions: {
      startJobRun: true,
      allowedArguments: ['--run_date', '--output*'],
    },
  };

  it('is refused while disabled in config', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post(`${JOB_URL}/runs`)
      .set('Authorization', user())
      .send({ job: JOB });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'awsGlue.actions.startJobRun: true',
    );
    expect(glue).not.toHaveReceivedCommand(StartJobRunCommand);
  });

  it('starts a run, audits it without argument values and drops cached runs', async () => {
    serveRuns([run(1)]);
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_new' });
    const { auditor, event } = auditorMock();
    const server = await startBackend({
      awsGlue: enabled,
      extraFeatures: [auditor.factory],
    });

    await request(server).get(`${JOB_URL}/runs`).set('Authorization', user());
    const res = await request(server)
      .post(`${JOB_URL}/runs`)
      .set('Authorization', user())
      .send({
        job: JOB,
        arguments: {
          '--run_date': '2026-02-01',
          '--output-path': 's3://secret-bucket/x',
        },
      });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ jobName: JOB, runId: 'jr_new' });
    expect(glue).toHaveReceivedCommandWith(StartJobRunCommand, {
      JobName: JOB,
      Arguments: {
        '--run_date': '2026-02-01',
        '--output-path': 's3://secret-bucket/x',
      },
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'job-run-start',
        meta: {
          entityRef: 'component:default/orders-daily-etl',
          argumentKeys: ['--run_date', '--output-path'],
        },
      }),
    );
    expect(event.success).toHaveBeenCalledWith({
      meta: {
        entityRef: 'component:default/orders-daily-etl',
        argumentKeys: ['--run_date', '--output-path'],
        jobArn: JOB_ARN,
        runId: 'jr_new',
        syncedEntityRefs: ['component:default/orders-daily-etl'],
        evaluatedOn: ['component:default/orders-daily-etl'],
      },
    });
    expect(
      JSON.stringify(auditor.createEvent.mock.calls[0][0].meta),
    ).not.toContain('2026-02-01');
    expect(JSON.stringify(event.success.mock.calls)).not.toContain(
      'secret-bucket',
    );

    // the job's cached runs were dropped: the next read goes to Glue
    await request(server).get(`${JOB_URL}/runs`).set('Authorization', user());
    expect(glue).toHaveReceivedCommandTimes(GetJobRunsCommand, 2);
  });

  it('starts the only job when no job is given', async () => {
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_only' });
    const server = await startBackend({ awsGlue: enabled });
    const res = await request(server)
      .post(`${JOB_URL}/runs`)
      .set('Authorization', user())
      .send({});
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ jobName: JOB, runId: 'jr_only' });
  });

  it('refuses arguments the config does not allow, naming the key', async () => {
    const { auditor, event } = auditorMock();
    const server = await startBackend({
      awsGlue: enabled,
      extraFeatures: [auditor.factory],
    });
    const res = await request(server)
      .post(`${JOB_URL}/runs`)
      .set('Authorization', user())
      .send({
        job: JOB,
        arguments: { '--run_date': 'x', '--extra-jars': 's3://evil/x.jar' },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "arguments: '--extra-jars' may not be overridden; allowed: --run_date, --output*",
    );
    expect(event.fail).toHaveBeenCalledTimes(1);
    expect(glue).not.toHaveReceivedCommand(StartJobRunCommand);
  });

  it('audits a refused start with the caller, the synced entity, the job ARN and the reason', async () => {
    const { auditor, event } = auditorMock();
    const server = await startBackend({
      awsGlue: enabled,
      extraFeatures: [denyAll().factory, auditor.factory],
    });
    const res = await request(server)
      .post(`${REPO_URL}/runs`)
      .set('Authorization', user())
      .send({ job: JOB_ARN });
    expect(res.status).toBe(403);
    // the request carries the caller; the auditor records who it was
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'job-run-start',
        request: expect.anything(),
      }),
    );
    expect(event.fail).toHaveBeenCalledWith({
      meta: {
        entityRef: 'component:default/orders-repo',
        argumentKeys: [],
        jobArn: JOB_ARN,
        syncedEntityRefs: ['component:default/orders-daily-etl'],
        evaluatedOn: ['component:default/orders-daily-etl'],
        reason:
          "permission aws-glue.job.start on the job's synced entity component:default/orders-daily-etl (owner group:default/data-platform) is not granted to you",
      },
      error: expect.objectContaining({ name: 'NotAllowedError' }),
    });
  });

  it('refuses actions through an entity naming a job nobody synced', async () => {
    const server = await startBackend({ awsGlue: enabled });
    const res = await request(server)
      .post(`${REPO_URL}/runs`)
      .set('Authorization', user())
      .send({ job: OTHER_ARN });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      `no entity synced by the AWS Glue catalog module stands for ${OTHER_ARN}`,
    );
    expect(glue).not.toHaveReceivedCommand(StartJobRunCommand);
  });

  it('refuses when the permission policy denies', async () => {
    const permissions = denyAll();
    const server = await startBackend({
      awsGlue: enabled,
      extraFeatures: [permissions.factory],
    });
    const res = await request(server)
      .post(`${JOB_URL}/runs`)
      .set('Authorization', user())
      .send({ job: JOB });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      "You may not start runs of arn:aws:glue:us-east-1:123456789012:job/orders-daily-etl: permission aws-glue.job.start on the job's synced entity component:default/orders-daily-etl (owner group:default/data-platform) is not granted to you",
    );
    expect(glue).not.toHaveReceivedCommand(StartJobRunCommand);
  });

  it('refuses a job of another entity', async () => {
    const server = await startBackend({ awsGlue: enabled });
    const res = await request(server)
      .post(`${JOB_URL}/runs`)
      .set('Authorization', user())
      .send({ job: 'orders-aggregate' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      "Job 'orders-aggregate' is not one of",
    );
  });

  it('answers 409 when the job is at its concurrency limit', async () => {
    glue.on(StartJobRunCommand).rejects(
      new ConcurrentRunsExceededException({
        message: 'Concurrent runs exceeded for orders-daily-etl',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const server = await startBackend({ awsGlue: enabled });
    const res = await request(server)
      .post(`${JOB_URL}/runs`)
      .set('Authorization', user())
      .send({ job: JOB });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(
      'Concurrent runs exceeded for orders-daily-etl',
    );
  });

  it.each([
    [{ job: JOB, args: {} }, "body: Unrecognized key(s) in object: 'args'"],
    [
      { job: JOB, arguments: { '--run_date': 5 } },
      'arguments.--run_date: Expected string, received number',
    ],
    [{ job: '' }, 'job: String must contain at least 1 character(s)'],
  ])('rejects the body %j', async (body, message) => {
    const server = await startBackend({ awsGlue: enabled });
    const res = await request(server)
      .post(`${JOB_URL}/runs`)
      .set('Authorization', user())
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
  });
});

describe('POST runs/:runId/stop', () => {
  const enabled = { actions: { stopJobRun: true } };

  it('is refused while disabled in config', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post(`${JOB_URL}/runs/jr_1/stop`)
      .set('Authorization', user())
      .send({ job: JOB });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'awsGlue.actions.stopJobRun: true',
    );
  });

  it('stops a run', async () => {
    glue.on(BatchStopJobRunCommand).resolves({
      SuccessfulSubmissions: [{ JobName: JOB, JobRunId: 'jr_1' }],
      Errors: [],
    });
    const { auditor, event } = auditorMock();
    const server = await startBackend({
      awsGlue: enabled,
      extraFeatures: [auditor.factory],
    });
    const res = await request(server)
      .post(`${JOB_URL}/runs/jr_1/stop`)
      .set('Authorization', user())
      .send({ job: JOB });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ jobName: JOB, runId: 'jr_1' });
    expect(glue).toHaveReceivedCommandWith(BatchStopJobRunCommand, {
      JobName: JOB,
      JobRunIds: ['jr_1'],
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'job-run-stop' }),
    );
    expect(event.success).toHaveBeenCalled();
  });

  it("answers 409 with Glue's message when the run cannot be stopped", async () => {
    glue.on(BatchStopJobRunCommand).resolves({
      SuccessfulSubmissions: [],
      Errors: [
        {
          JobName: JOB,
          JobRunId: 'jr_1',
          ErrorDetail: {
            ErrorCode: 'InvalidInputException',
            ErrorMessage: 'Job run jr_1 is SUCCEEDED and cannot be stopped',
          },
        },
      ],
    });
    const server = await startBackend({ awsGlue: enabled });
    const res = await request(server)
      .post(`${JOB_URL}/runs/jr_1/stop`)
      .set('Authorization', user())
      .send({ job: JOB });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(
      'Job run jr_1 is SUCCEEDED and cannot be stopped',
    );
  });

  it('refuses when the permission policy denies', async () => {
    const server = await startBackend({
      awsGlue: enabled,
      extraFeatures: [denyAll().factory],
    });
    const res = await request(server)
      .post(`${JOB_URL}/runs/jr_1/stop`)
      .set('Authorization', user())
      .send({ job: JOB });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      "permission aws-glue.job.stop on the job's synced entity component:default/orders-daily-etl",
    );
    expect(glue).not.toHaveReceivedCommand(BatchStopJobRunCommand);
  });
});

/** Every action on, so that routes get past the config check. */
const ALL_ACTIONS = {
  startJobRun: true,
  stopJobRun: true,
  retryJobRun: true,
  resumeWorkflowRun: true,
};

describe('every route', () => {
  const routes: [string, string][] = [
    ['get', 'jobs'],
    ['get', 'runs'],
    ['get', 'runs/jr_1'],
    ['get', 'bookmark'],
    ['get', 'chain'],
    ['get', 'workflow-runs'],
    ['get', 'trends'],
    ['get', 'team-summary'],
    ['post', 'runs'],
    ['post', 'runs/jr_1/stop'],
    ['get', 'chain-executions'],
    ['get', 'runs/jr_1/triage'],
    ['post', 'runs/jr_1/retry'],
    ['get', 'workflow-runs/wr_1/resume'],
    ['post', 'workflow-runs/wr_1/resume'],
  ];

  // Every surface goes through the one access decision: refuse exactly the
  // permission a route needs, on the synced entity, and it answers 403 (the
  // chain hides that job's run instead).
  it.each(
    [
      ['get', `${JOB_URL}/jobs`, awsGlueJobReadPermission],
      ['get', `${JOB_URL}/runs`, awsGlueJobReadPermission],
      ['get', `${JOB_URL}/runs/jr_1`, awsGlueJobReadPermission],
      ['get', `${JOB_URL}/bookmark`, awsGlueJobReadPermission],
      ['get', `${JOB_URL}/trends`, awsGlueJobReadPermission],
      [
        'get',
        `${BASE}/system/sales-pipeline/workflow-runs`,
        awsGlueJobReadPermission,
      ],
      ['post', `${JOB_URL}/runs`, awsGlueJobStartPermission],
      ['post', `${JOB_URL}/runs/jr_1/stop`, awsGlueJobStopPermission],
      ['get', `${JOB_URL}/runs/jr_1/triage`, awsGlueJobReadPermission],
      ['post', `${JOB_URL}/runs/jr_1/retry`, awsGlueJobStartPermission],
      [
        'get',
        `${BASE}/system/sales-pipeline/workflow-runs/wr_1/resume`,
        awsGlueJobReadPermission,
      ],
      [
        'post',
        `${BASE}/system/sales-pipeline/workflow-runs/wr_1/resume`,
        awsGlueWorkflowResumePermission,
      ],
    ].map(([method, url, permission]) => [
      method,
      url,
      (permission as typeof awsGlueJobReadPermission).name,
      permission,
    ]) as [string, string, string, typeof awsGlueJobReadPermission][],
  )(
    '%s %s is 403 when %s is refused on the synced entity',
    async (method, url, _name, permission) => {
      const permissions = mockServices.permissions.mock({
        authorize: jest.fn(async (requests: any[]) =>
          requests.map(r => ({
            result:
              r.permission.name === permission.name
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })),
        ) as any,
      });
      const server = await startBackend({
        awsGlue: { actions: ALL_ACTIONS },
        extraFeatures: [permissions.factory],
      });
      const res = await (request(server) as any)
        [method](url)
        .set('Authorization', user())
        // a resume names nodes, not a job
        .send(url.endsWith('/resume') ? {} : { job: JOB });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(`permission ${permission.name}`);
      expect(permissions.authorize).toHaveBeenCalledWith(
        expect.arrayContaining([
          expect.objectContaining({
            permission,
            resourceRef: url.includes('sales-pipeline')
              ? 'system:default/sales-pipeline'
              : 'component:default/orders-daily-etl',
          }),
        ]),
        expect.anything(),
      );
      expect(glue.calls()).toHaveLength(0);
    },
  );

  it('the chain hides the runs of jobs whose read is refused', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(async (requests: any[]) =>
        requests.map(r => ({
          result:
            r.resourceRef === 'component:default/freshers_in_dependent_job'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      ) as any,
    });
    serveRuns([run(1)]);
    const server = await startBackend({ extraFeatures: [permissions.factory] });
    const res = await request(server)
      .get(`${BASE}/component/triggering_job/chain`)
      .set('Authorization', user());
    expect(res.status).toBe(200);
    const nodes = (res.body as GlueChainResponse).nodes;
    const dependent = nodes.find(
      n => n.id === 'component:default/freshers_in_dependent_job',
    )!;
    expect(dependent).toMatchObject({ restricted: true });
    expect(dependent.latestRun).toBeUndefined();
    expect(
      nodes.find(n => n.id === 'component:default/triggering_job')!.latestRun,
    ).toBeDefined();
  });

  it('trends answer 403 naming the synced entity when aws-glue.job.read is refused', async () => {
    const server = await startBackend({ extraFeatures: [denyAll().factory] });
    const res = await request(server)
      .get(`${JOB_URL}/trends`)
      .set('Authorization', user());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      "You may not see the AWS Glue runs of component:default/orders-daily-etl: permission aws-glue.job.read on the job's synced entity component:default/orders-daily-etl (owner group:default/data-platform) is not granted to you",
    );
  });

  it('the fleet and the team summary leave out the jobs whose read is refused', async () => {
    const JOB_REF = 'component:default/orders-daily-etl';
    const TRIGGERING = 'component:default/triggering_job';
    const refused = new Set<string>();
    const permissions = mockServices.permissions.mock({
      // the policy is conditional on aws-glue.job.read: each job is asked about
      authorizeConditional: jest.fn(async (requests: any[]) =>
        requests.map(r =>
          r.permission.name === awsGlueJobReadPermission.name
            ? {
                result: AuthorizeResult.CONDITIONAL,
                pluginId: 'catalog',
                resourceType: 'catalog-entity',
                conditions: { rule: 'IS_ENTITY_OWNER', params: { claims: [] } },
              }
            : { result: AuthorizeResult.ALLOW },
        ),
      ) as any,
      authorize: jest.fn(async (requests: any[]) =>
        requests.map(r => ({
          result:
            r.permission.name === awsGlueJobReadPermission.name &&
            refused.has(r.resourceRef)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      ) as any,
    });
    // a run that failed two hours ago (too old to notify), for each job read
    const ended = Date.now() - 2 * HOUR;
    glue.on(GetJobRunsCommand).callsFake(input => ({
      JobRuns: [
        run(1, 'FAILED', {
          JobName: input.JobName,
          StartedOn: new Date(ended - HOUR),
          CompletedOn: new Date(ended),
          LastModifiedOn: new Date(ended),
        }),
      ],
    }));
    const team: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { namespace: 'default', name: 'data-platform' },
      spec: { type: 'team', children: [] },
    };
    const server = await startBackend({
      awsGlue: { runIndex: { reconciler: { enabled: false } } },
      entities: [orders, ...chain.entities, team],
      extraFeatures: [permissions.factory],
    });
    const fleet = async () => {
      const res = await request(server)
        .get('/api/aws-glue/v1/jobs')
        .set('Authorization', user());
      expect(res.status).toBe(200);
      return res.body.jobs as { entityRef: string; latestRun?: object }[];
    };
    const summary = async () => {
      const res = await request(server)
        .get(`${BASE}/group/data-platform/team-summary`)
        .set('Authorization', user());
      expect(res.status).toBe(200);
      return res.body as GlueTeamSummaryResponse;
    };
    // the runs read are written through to the run index (not awaited: poll)
    for (const name of ['orders-daily-etl', 'triggering_job']) {
      const res = await request(server)
        .get(`${BASE}/component/${name}/runs`)
        .set('Authorization', user());
      expect(res.status).toBe(200);
    }
    const stored = [JOB_REF, TRIGGERING];
    for (let i = 0; ; i++) {
      const jobs = await fleet();
      if (stored.every(ref => jobs.find(j => j.entityRef === ref)?.latestRun))
        break;
      if (i === 100) throw new Error('the runs read never reached the index');
      await new Promise(r => setTimeout(r, 50));
    }
    const failed = (s: GlueTeamSummaryResponse) =>
      s.failuresLast24h.map(f => f.entityRef).sort();

    // nothing refused: both jobs are in the rows
    expect((await fleet()).map(j => j.entityRef)).toEqual(
      expect.arrayContaining(stored),
    );
    expect(failed(await summary())).toEqual([...stored].sort());

    refused.add(TRIGGERING);
    const rows = (await fleet()).map(j => j.entityRef);
    expect(rows).toContain(JOB_REF);
    expect(rows).not.toContain(TRIGGERING);
    const after = await summary();
    expect(failed(after)).toEqual([JOB_REF]);
    expect(
      [...after.slowest, ...after.dearest].map(j => j.entityRef),
    ).not.toContain(TRIGGERING);
    expect(after.slowest.map(j => j.entityRef)).toContain(JOB_REF);
    expect(permissions.authorize).toHaveBeenCalledWith(
      expect.arrayContaining([
        { permission: awsGlueJobReadPermission, resourceRef: TRIGGERING },
      ]),
      expect.anything(),
    );
  });

  it.each(routes)('%s %s is 401 without credentials', async (method, path) => {
    const server = await startBackend();
    const res = await (request(server) as any)
      [method](`${JOB_URL}/${path}`)
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it.each(routes)(
    '%s %s is 404 for an unknown entity',
    async (method, path) => {
      const server = await startBackend({
        awsGlue: { actions: ALL_ACTIONS },
      });
      const res = await (request(server) as any)
        [method](`${BASE}/component/nope/${path}`)
        .set('Authorization', user())
        .send({});
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        'No entity component:default/nope found in the catalog',
      );
    },
  );

  it.each(routes)(
    '%s %s is 404 for an entity the caller cannot see',
    async (method, path) => {
      const visible = catalogServiceMock({ entities: [orders] });
      const catalog = catalogServiceMock.mock({
        getEntityByRef: jest.fn(async (ref, options) => {
          const credentials = (
            options as { credentials?: { principal?: object } }
          )?.credentials;
          const principal = (credentials?.principal ?? {}) as {
            userEntityRef?: string;
          };
          return principal.userEntityRef === 'user:default/outsider'
            ? undefined
            : visible.getEntityByRef(ref);
        }),
      });
      const { server } = await startTestBackend({
        features: [
          awsGluePlugin,
          catalog.factory,
          mockServices.rootConfig.factory({
            data: {
              ...baseConfig,
              awsGlue: { actions: ALL_ACTIONS },
            },
          }),
        ],
      });
      const res = await (request(server) as any)
        [method](`${JOB_URL}/${path}`)
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/outsider'),
        )
        .send({});
      expect(res.status).toBe(404);
      expect(catalog.getEntityByRef).toHaveBeenCalledWith(
        stringifyEntityRef(orders),
        expect.objectContaining({
          credentials: expect.objectContaining({
            principal: expect.objectContaining({
              userEntityRef: 'user:default/outsider',
            }),
          }),
        }),
      );
    },
  );
});

describe('secret shapes in responses and logs', () => {
  /** Every shape under its own key, and each one under a neutral key too. */
  const args: Record<string, string> = {};
  SECRET_SHAPES.forEach((shape, i) => {
    args[`--shape-${i}`] = shape.anywhere;
    args[shape.key] ??= shape.value;
  });
  const texts = SECRET_SHAPES.map(shape => shape.text);

  /** A root logger that keeps every line, of every plugin and child. */
  function capturingRootLogger() {
    const logger = mockServices.rootLogger.mock();
    logger.child.mockReturnValue(logger);
    const lines = () =>
      inspect(
        [logger.error, logger.warn, logger.info, logger.debug].map(
          fn => fn.mock.calls,
        ),
        { depth: 20, maxArrayLength: null, maxStringLength: null },
      );
    return { logger, lines };
  }

  it('redacts each shape from jobs, runs, a run and a started run, and logs none', async () => {
    glue.on(GetJobCommand, { JobName: JOB }).resolves({
      Job: {
        Name: JOB,
        Description: texts.join('\n'),
        Command: {
          Name: 'glueetl',
          ScriptLocation: SECRET_SHAPES[1].value,
        },
        DefaultArguments: args,
        Connections: { Connections: ['redshift-prod'] },
      },
    });
    serveRuns([
      run(0, 'FAILED', { Arguments: args, ErrorMessage: texts.join('; ') }),
      run(1, 'SUCCEEDED', { Arguments: args }),
    ]);
    glue
      .on(GetJobRunCommand, {
        JobName: JOB,
        RunId: 'jr_005',
        PredecessorsIncluded: true,
      })
      .resolves({
        JobRun: run(5, 'FAILED', {
          Arguments: args,
          ErrorMessage: texts.join('\n'),
          PredecessorRuns: [{ JobName: 'ingest', RunId: 'jr_up' }],
        }),
      });
    glue.on(StartJobRunCommand).resolves({ JobRunId: 'jr_new' });
    const { logger, lines } = capturingRootLogger();
    const server = await startBackend({
      awsGlue: { actions: { startJobRun: true, allowedArguments: ['--*'] } },
      extraFeatures: [logger.factory],
    });

    const bodies: Record<string, unknown> = {};
    for (const path of ['jobs', 'runs', 'runs/jr_005']) {
      const res = await request(server)
        .get(`${JOB_URL}/${path}`)
        .set('Authorization', user());
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      bodies[path] = res.body;
    }
    // a start takes at most 50 arguments: the shapes in batches
    const entries = Object.entries(args);
    for (let from = 0; from < entries.length; from += 50) {
      const batch = Object.fromEntries(entries.slice(from, from + 50));
      const started = await request(server)
        .post(`${JOB_URL}/runs`)
        .set('Authorization', user())
        .send({ job: JOB, arguments: batch });
      expect(started.status).toBe(201);
      bodies[`POST runs ${from}`] = started.body;
      expect(glue).toHaveReceivedCommandWith(StartJobRunCommand, {
        JobName: JOB,
        Arguments: batch,
      });
    }

    // what was shown is still useful
    const [job] = (bodies.jobs as { jobs: any[] }).jobs;
    expect(job.scriptLocation).toBe('s3://bucket/x/');
    expect(job.connections).toEqual(['redshift-prod']);
    expect(Object.keys(job.defaultArguments)).toEqual(Object.keys(args));
    expect(new Set(Object.values(job.defaultArguments))).toEqual(
      new Set(['<redacted>']),
    );
    expect((bodies['runs/jr_005'] as any).predecessorRuns).toEqual([
      { jobName: 'ingest', runId: 'jr_up' },
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('Started AWS Glue job run jr_new'),
      expect.anything(),
    );

    const shown = JSON.stringify(bodies);
    const logged = lines();
    expect(logged).toContain('job-run-start'); // the audit event is in the logs
    const leaks = SECRET_SHAPES.flatMap(shape =>
      shape.secrets.flatMap(secret => [
        ...(shown.includes(secret)
          ? [`${shape.name}: ${secret} in a response`]
          : []),
        ...(logged.includes(secret)
          ? [`${shape.name}: ${secret} in the logs`]
          : []),
      ]),
    );
    expect(leaks).toEqual([]);
  });

  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('redacts each shape from the fleet, the team summary, workflow runs and chains, and stores none', async () => {
    // a failed run of every job, recent enough for the 24-hour counts,
    // carrying every shape in its arguments and error
    const ended = Date.now() - 2 * HOUR;
    const when = {
      StartedOn: new Date(ended - HOUR),
      CompletedOn: new Date(ended),
      LastModifiedOn: new Date(ended),
    };
    const error = texts.join('; ');
    glue.on(GetJobRunsCommand).callsFake(input => ({
      JobRuns: [
        run(1, 'FAILED', {
          JobName: input.JobName,
          ...when,
          Arguments: args,
          ErrorMessage: error,
        }),
      ],
    }));
    glue.on(GetWorkflowRunsCommand).resolves({
      Runs: [
        {
          Name: 'sales-pipeline',
          WorkflowRunId: 'wr_shapes',
          Status: 'COMPLETED',
          ...when,
          ErrorMessage: texts.join('\n'),
          WorkflowRunProperties: args,
          Statistics: { TotalActions: 2, FailedActions: 2 },
          Graph: {
            Nodes: [
              {
                Type: 'JOB',
                Name: JOB,
                UniqueId: 'w1',
                JobDetails: {
                  JobRuns: [
                    run(1, 'FAILED', {
                      ...when,
                      Arguments: args,
                      ErrorMessage: error,
                    }),
                  ],
                },
              },
              {
                Type: 'CRAWLER',
                Name: 'sales-crawler',
                UniqueId: 'w2',
                CrawlerDetails: {
                  Crawls: [
                    {
                      State: 'FAILED',
                      StartedOn: when.StartedOn,
                      ErrorMessage: error,
                    },
                  ],
                },
              },
            ],
            Edges: [{ SourceId: 'w1', DestinationId: 'w2' }],
          },
        },
      ],
    });
    const team: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { namespace: 'default', name: 'data-platform' },
      spec: { type: 'team', children: [] },
    };
    const knex = await databases.init('SQLITE_3');
    const { logger, lines } = capturingRootLogger();
    const server = await startBackend({
      awsGlue: { runIndex: { reconciler: { enabled: false } } },
      entities: [orders, sales, ...chain.entities, team],
      extraFeatures: [
        logger.factory,
        mockServices.database.factory({ knex, migrations: { skip: false } }),
      ],
    });
    const get = async (path: string) => {
      const res = await request(server).get(path).set('Authorization', user());
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      return res.body;
    };

    // the runs read are written through to the run index (not awaited: poll)
    const bodies: Record<string, any> = {};
    for (const name of [JOB, 'triggering_job']) {
      bodies[`runs of ${name}`] = await get(`${BASE}/component/${name}/runs`);
    }
    for (let i = 0; ; i++) {
      bodies.fleet = await get('/api/aws-glue/v1/jobs');
      const latest = (bodies.fleet.jobs as any[]).filter(j => j.latestRun);
      if (latest.length >= 2) break;
      if (i === 100) throw new Error('the runs read never reached the index');
      await new Promise(r => setTimeout(r, 50));
    }
    bodies['team-summary'] = await get(
      `${BASE}/group/data-platform/team-summary`,
    );
    bodies['workflow-runs'] = await get(
      `${BASE}/system/sales-pipeline/workflow-runs`,
    );
    for (const name of [JOB, 'triggering_job', 'freshers_in_dependent_job']) {
      bodies[`chain of ${name}`] = await get(
        `${BASE}/component/${name}/chain?direction=both`,
      );
    }
    // the workflow runs read are written through too
    let rows = '';
    for (let i = 0; !rows.includes('wr_shapes'); i++) {
      if (i === 100)
        throw new Error('the workflow run never reached the index');
      await new Promise(r => setTimeout(r, 50));
      const tables: string[] = await knex('sqlite_master')
        .where({ type: 'table' })
        .pluck('name');
      const all: Record<string, unknown[]> = {};
      for (const table of tables) all[table] = await knex(table).select();
      rows = JSON.stringify(all);
    }

    // what was shown and stored is there, with the rest of each error
    const fleetRun = (bodies.fleet.jobs as any[]).find(
      j => j.name === JOB,
    ).latestRun;
    expect(fleetRun).toMatchObject({ id: 'jr_001', state: 'FAILED' });
    expect(fleetRun.errorMessage).toContain('(see the logs)');
    expect(fleetRun.errorMessage).toContain('<redacted>');
    expect(
      (bodies['team-summary'] as GlueTeamSummaryResponse).failuresLast24h.map(
        f => [f.jobName, f.run.errorMessage?.includes('(see the logs)')],
      ),
    ).toEqual(
      expect.arrayContaining([
        [JOB, true],
        ['triggering_job', true],
      ]),
    );
    const [workflowRun] = bodies['workflow-runs'].runs;
    expect(workflowRun.id).toBe('wr_shapes');
    expect(workflowRun.errorMessage).toContain('(see the logs)');
    // chains show runs by id and state only: no arguments, no error
    const chainRuns = Object.entries(bodies)
      .filter(([path]) => path.startsWith('chain of'))
      .flatMap(([, body]) => (body as GlueChainResponse).nodes)
      .flatMap(node => (node.latestRun ? [node.latestRun] : []));
    expect(chainRuns.length).toBeGreaterThanOrEqual(3);
    for (const latestRun of chainRuns) {
      expect(Object.keys(latestRun).sort()).toEqual([
        'completedOn',
        'id',
        'startedOn',
        'state',
      ]);
    }
    expect(rows).toContain('"jr_001"');
    expect(rows).toContain('(see the logs)');

    const surfaces: Record<string, string> = {
      'stored rows': rows,
      logs: lines(),
      ...Object.fromEntries(
        Object.entries(bodies).map(([path, body]) => [
          `GET ${path}`,
          JSON.stringify(body),
        ]),
      ),
    };
    const leaks = SECRET_SHAPES.flatMap(shape =>
      shape.secrets.flatMap(secret =>
        Object.entries(surfaces)
          .filter(
            ([, text]) =>
              text.includes(secret) || text.replace(/\\/g, '').includes(secret),
          )
          .map(([where]) => `${shape.name}: ${secret} in ${where}`),
      ),
    );
    expect(leaks).toEqual([]);
  });
});
