import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { GlueWorkflowRun } from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  jobEntity,
  PROVIDER_UNITS,
  workflowEntity,
} from '../../__fixtures__/entities';
import { readAwsGlueBackendConfig } from '../../lib/config';
import { CursorCodec } from '../../lib/cursor';
import { migratedDatabase } from '../../lib/database';
import { JobRef, StoredJobRun, WorkflowRef } from '../../lib/shapes';
import { RunStore } from '../../runIndex/RunStore';
import { WorkflowRunStore } from '../../runIndex/WorkflowRunStore';
import { GlueDataSource } from '../GlueDataSource';
import { DefaultGlueRunsService } from './DefaultGlueRunsService';
import { auditorMock } from '../../__testUtils__/auditor';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const workflowRun = (day: number): GlueWorkflowRun => ({
  id: `wr_${String(day).padStart(3, '0')}`,
  status: 'COMPLETED',
  startedOn: new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString(),
  completedOn: new Date(
    Date.UTC(2026, 0, 1) + day * 86_400_000 + 600_000,
  ).toISOString(),
  statistics: { TotalActions: 2, SucceededActions: 2 },
  nodes: [],
  edges: [],
});

const run = (day: number): StoredJobRun => ({
  id: `jr_${String(day).padStart(3, '0')}`,
  jobName: 'orders',
  attempt: 0,
  state: 'SUCCEEDED',
  startedOn: new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString(),
  arguments: {},
  predecessorRuns: [],
});

function serviceOf(
  entity: Entity,
  data: GlueDataSource,
  stores: { store?: RunStore; workflowRuns?: WorkflowRunStore },
  auditor = mockServices.auditor.mock(),
  awsGlue: object = {},
) {
  return new DefaultGlueRunsService({
    catalog: catalogServiceMock({ entities: [entity] }),
    access: {
      decide: async requests =>
        requests.map(() => ({
          allowed: true,
          syncedEntityRefs: [],
          evaluatedOn: [],
        })),
      readableSyncedEntities: async entities => entities.map(() => true),
      readScope: async () => ({ everyEntity: true, everyJob: true }),
    },
    auditor,
    logger: mockServices.logger.mock(),
    data,
    ...stores,
    cursors: new CursorCodec('k'.repeat(32)),
    units: PROVIDER_UNITS,
    config: readAwsGlueBackendConfig(
      mockServices.rootConfig({ data: { awsGlue } }),
    ),
  });
}

/** Every run id of a listing, page after page (at most 50 pages). */
async function idsOfAllPages(
  page: (
    nextToken: string | undefined,
  ) => Promise<{ runs: { id: string }[]; nextToken?: string }>,
): Promise<string[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  for (let i = 0; i < 50; i++) {
    const result = await page(nextToken);
    ids.push(...result.runs.map(r => r.id));
    nextToken = result.nextToken;
    if (!nextToken) return ids;
  }
  throw new Error('the listing did not end within 50 pages');
}

async function migrated() {
  const knex = await databases.init('SQLITE_3');
  return migratedDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
}

describe('DefaultGlueRunsService history', () => {
  it('goes on past the runs Glue still holds with the ones the run index kept', async () => {
    const entity = jobEntity('orders');
    const store = new RunStore(await migrated());
    const job: JobRef = {
      arn: entity.metadata.annotations!['amazonaws.com/arn'],
      partition: 'aws',
      region: 'us-east-1',
      accountId: '123456789012',
      name: 'orders',
    };
    // the index kept 300 days; Glue holds the newest 90
    const all = Array.from({ length: 300 }, (_, i) => run(300 - i));
    await store.upsertRuns(job, all, true);
    const glueRuns = all.slice(0, 90);
    const data = {
      getRunsPage: jest.fn(async (_job: JobRef, token?: string) =>
        token === undefined
          ? { runs: glueRuns.slice(0, 50), nextToken: 'glue-2' }
          : { runs: glueRuns.slice(50) },
      ),
    } as unknown as GlueDataSource;
    const service = serviceOf(entity, data, { store });
    const seen = await idsOfAllPages(nextToken =>
      service.listRuns({
        entityRef: 'component:default/orders',
        credentials: mockCredentials.user(),
        limit: 120,
        nextToken,
      }),
    );
    expect(seen).toEqual(all.map(r => r.id));
    expect(data.getRunsPage).toHaveBeenCalledTimes(2);
  });

  it('goes on past the workflow runs Glue still holds with the stored ones, and a later status replaces an earlier one', async () => {
    const entity = workflowEntity('nightly');
    const workflow: WorkflowRef = {
      arn: entity.metadata.annotations!['amazonaws.com/arn'],
      partition: 'aws',
      region: 'us-east-1',
      accountId: '123456789012',
      name: 'nightly',
    };
    const workflowRuns = new WorkflowRunStore(await migrated());
    const all = Array.from({ length: 30 }, (_, i) => workflowRun(30 - i));
    // the newest was stored while it ran, Glue now says it completed
    await workflowRuns.upsert(workflow, [
      { ...all[0], status: 'RUNNING', completedOn: undefined },
      ...all.slice(1),
    ]);
    expect(await workflowRuns.upsert(workflow, all.slice(1))).toBe(0);
    const glueRuns = all.slice(0, 8);
    const data = {
      getWorkflowRuns: jest.fn(
        async (_w: WorkflowRef, o: { limit: number; glueToken?: string }) =>
          o.glueToken === undefined
            ? { runs: glueRuns.slice(0, 5), nextToken: 'glue-2' }
            : { runs: glueRuns.slice(5) },
      ),
    } as unknown as GlueDataSource;
    const service = serviceOf(entity, data, { workflowRuns });
    const seen = await idsOfAllPages(nextToken =>
      service.getWorkflowRuns({
        entityRef: stringifyEntityRef(entity),
        credentials: mockCredentials.user(),
        limit: 5,
        nextToken,
      }),
    );
    expect(seen).toEqual(all.map(r => r.id));
    expect(data.getWorkflowRuns).toHaveBeenCalledTimes(2);
    expect(await workflowRuns.upsert(workflow, [all[0]])).toBe(1);
    const [newest] = await workflowRuns.list(workflow.arn, { limit: 1 });
    expect(newest.status).toBe('COMPLETED');
    expect(
      await workflowRuns.upsert(workflow, [{ ...all[0], status: 'RUNNING' }]),
    ).toBe(0);
  });
});

describe('DefaultGlueRunsService actions disabled in config', () => {
  it.each([
    [
      'start',
      'job-run-start',
      'startJobRun',
      (service: DefaultGlueRunsService) =>
        service.startRun({
          entityRef: 'component:default/orders',
          credentials: mockCredentials.user(),
          arguments: { '--run_date': '2026-12-01' },
        }),
    ],
    [
      'stop',
      'job-run-stop',
      'stopJobRun',
      (service: DefaultGlueRunsService) =>
        service.stopRun({
          entityRef: 'component:default/orders',
          credentials: mockCredentials.user(),
          runId: 'jr_1',
        }),
    ],
    [
      'retry',
      'job-run-retry',
      'retryJobRun',
      (service: DefaultGlueRunsService) =>
        service.retryRun({
          entityRef: 'component:default/orders',
          credentials: mockCredentials.user(),
          runId: 'jr_1',
        }),
    ],
    [
      'resume',
      'workflow-run-resume',
      'resumeWorkflowRun',
      (service: DefaultGlueRunsService) =>
        service.resumeWorkflowRun({
          entityRef: 'component:default/orders',
          credentials: mockCredentials.user(),
          runId: 'wr_1',
        }),
    ],
  ])(
    'audits a refused %s with the reason that it is disabled',
    async (_what, eventId, configKey, act) => {
      const { auditor, event } = auditorMock();
      const data = {
        startJobRun: jest.fn(),
        stopJobRun: jest.fn(),
      } as unknown as GlueDataSource;
      const service = serviceOf(jobEntity('orders'), data, {}, auditor);
      await expect(act(service)).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining(`awsGlue.actions.${configKey}: true`),
      });
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId }),
      );
      expect(event.fail).toHaveBeenCalledWith({
        meta: expect.objectContaining({
          entityRef: 'component:default/orders',
          reason: `disabled in config: awsGlue.actions.${configKey} is not true`,
        }),
        error: expect.objectContaining({ name: 'NotAllowedError' }),
      });
      expect(event.success).not.toHaveBeenCalled();
      expect(data.startJobRun).not.toHaveBeenCalled();
      expect(data.stopJobRun).not.toHaveBeenCalled();
    },
  );
});

describe('DefaultGlueRunsService retry, resume and triage', () => {
  const enabled = { actions: { retryJobRun: true, resumeWorkflowRun: true } };
  const failedWorkflowRun: GlueWorkflowRun = {
    ...workflowRun(1),
    nodes: [
      { id: 'n-extract', type: 'JOB', name: 'extract', state: 'SUCCEEDED' },
      { id: 'n-t', type: 'TRIGGER', name: 'after-extract' },
      { id: 'n-load', type: 'JOB', name: 'load', state: 'FAILED' },
    ],
    edges: [
      { from: 'n-extract', to: 'n-t' },
      { from: 'n-t', to: 'n-load' },
    ],
  };

  it("retries a failed run through the data source, which passes that run's own arguments", async () => {
    const { auditor, event } = auditorMock();
    const data = {
      getRun: jest.fn(async () => ({ ...run(1), id: 'jr_1', state: 'FAILED' })),
      retryJobRun: jest.fn(async () => 'jr_new'),
    } as unknown as jest.Mocked<GlueDataSource>;
    const service = serviceOf(jobEntity('orders'), data, {}, auditor, enabled);
    await expect(
      service.retryRun({
        entityRef: 'component:default/orders',
        credentials: mockCredentials.user(),
        runId: 'jr_1',
      }),
    ).resolves.toEqual({
      jobName: 'orders',
      retriedRunId: 'jr_1',
      runId: 'jr_new',
    });
    expect(data.retryJobRun).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'orders' }),
      'jr_1',
    );
    expect(event.success).toHaveBeenCalledWith({
      meta: expect.objectContaining({ retriedRunId: 'jr_1', runId: 'jr_new' }),
    });
  });

  it('refuses to retry a run that did not fail, and a triage of one', async () => {
    const data = {
      getRun: jest.fn(async () => ({
        ...run(1),
        id: 'jr_1',
        state: 'SUCCEEDED',
      })),
      retryJobRun: jest.fn(),
    } as unknown as jest.Mocked<GlueDataSource>;
    const service = serviceOf(
      jobEntity('orders'),
      data,
      {},
      undefined,
      enabled,
    );
    const options = {
      entityRef: 'component:default/orders',
      credentials: mockCredentials.user(),
      runId: 'jr_1',
    };
    await expect(service.retryRun(options)).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        'Run jr_1 of orders is SUCCEEDED: only a FAILED, ERROR or TIMEOUT run can be retried',
    });
    await expect(service.getTriage(options)).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        'Run jr_1 of orders is SUCCEEDED: triage is for FAILED, ERROR or TIMEOUT runs',
    });
    expect(data.retryJobRun).not.toHaveBeenCalled();
  });

  it('previews and resumes the failed nodes of a workflow run', async () => {
    const data = {
      getWorkflowRun: jest.fn(async () => failedWorkflowRun),
      resumeWorkflowRun: jest.fn(async () => ({
        runId: 'wr_resumed',
        nodeIds: ['n-load'],
      })),
    } as unknown as jest.Mocked<GlueDataSource>;
    const service = serviceOf(
      workflowEntity('sales-pipeline'),
      data,
      {},
      undefined,
      enabled,
    );
    const options = {
      entityRef: 'system:default/sales-pipeline',
      credentials: mockCredentials.user(),
      runId: failedWorkflowRun.id,
    };
    await expect(service.getResumePreview(options)).resolves.toMatchObject({
      nodeIds: ['n-load'],
      willRun: ['load'],
      resumable: true,
    });
    await expect(service.resumeWorkflowRun(options)).resolves.toEqual({
      workflowName: 'sales-pipeline',
      resumedRunId: failedWorkflowRun.id,
      runId: 'wr_resumed',
      nodeIds: ['n-load'],
    });
    expect(data.resumeWorkflowRun).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'sales-pipeline' }),
      failedWorkflowRun.id,
      ['n-load'],
    );
    await expect(
      service.resumeWorkflowRun({ ...options, nodeIds: ['n-extract'] }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('Not a failed node'),
    });
    expect(data.resumeWorkflowRun).toHaveBeenCalledTimes(1);
  });
});
