import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { brokenEntities, freshersChain } from '../../__fixtures__/entities';
import { GlueAccessRequest } from '../GlueAccessService';
import { GlueDataSource } from '../GlueDataSource';
import { DefaultChainService } from './DefaultChainService';
import { TestDatabases } from '@backstage/backend-test-utils';
import { GLUE_NOT_STARTED } from '@aws-glue-backstage/plugin-aws-glue-common';
import { migratedDatabase } from '../../lib/database';
import { jobRefsOf } from '../../lib/entities';
import { StoredJobRun } from '../../lib/shapes';
import { RunStore } from '../../runIndex/RunStore';

function setup(
  options: {
    hidden?: string[];
    failing?: string[];
    unreadable?: string[];
    /** Add hand-written entities with broken annotations depending on triggering_job. */
    broken?: boolean;
    store?: RunStore;
  } = {},
) {
  const chain = freshersChain();
  const broken = brokenEntities(chain.a);
  const memory = catalogServiceMock({
    entities: [...chain.entities, ...(options.broken ? broken.entities : [])],
  });
  const hidden = new Set(options.hidden ?? []);
  const catalog = catalogServiceMock.mock({
    getEntityByRef: jest.fn(ref => memory.getEntityByRef(ref)),
    getEntitiesByRefs: jest.fn(async (req, opts) => {
      const result = await memory.getEntitiesByRefs(req, opts);
      return {
        items: result.items.map(e =>
          e && hidden.has(stringifyEntityRef(e)) ? undefined : e,
        ),
      };
    }),
  });
  const data = {
    getRun: jest.fn(),
    getLatestRun: jest.fn(async job => {
      if (options.failing?.includes(job.name)) {
        throw new Error('throttled');
      }
      return {
        id: `jr_${job.name}`,
        state: 'SUCCEEDED',
        arguments: {},
        predecessorRuns: [],
      };
    }),
  } as unknown as jest.Mocked<GlueDataSource>;
  const access = {
    decide: jest.fn(async (requests: GlueAccessRequest[]) =>
      requests.map(r => ({
        allowed: !options.unreadable?.includes(r.target.name),
        evaluatedOn: [stringifyEntityRef(r.entity)],
        syncedEntityRefs: [stringifyEntityRef(r.entity)],
      })),
    ),
    readableSyncedEntities: jest.fn(),
    readScope: jest.fn(),
  };
  const logger = mockServices.logger.mock();
  const service = new DefaultChainService({
    catalog,
    access,
    data,
    logger,
    store: options.store,
    config: {
      chain: {
        defaultDepth: 3,
        maxDepth: 6,
        maxNodes: 200,
        concurrency: 2,
        executions: { maxNodes: 200, predecessorFetches: 10 },
      },
    },
  });
  return { service, catalog, data, chain, access, logger, broken };
}

const credentials = mockCredentials.user('user:default/alice');

describe('DefaultChainService', () => {
  it('walks both ways, one catalog call per level, with the caller credentials', async () => {
    const { service, catalog } = setup();
    const result = await service.getChain({
      entityRef: 'component:default/triggering_job',
      credentials,
      direction: 'both',
      depth: 3,
    });
    expect(result.nodes.map(n => [n.id, n.depth])).toEqual([
      ['component:default/triggering_job', 0],
      ['resource:default/s3-freshers-in-input-data', 1],
      ['resource:default/s3-freshers-in-staging-triggering', 1],
      ['resource:default/trigger-ingest-failure-alert', 1],
      ['resource:default/trigger-start-freshers-in-dependent-job', 1],
      ['component:default/freshers_in_dependent_job', 2],
      ['component:default/pipeline-failure-alert', 2],
      ['resource:default/s3-freshers-in-dependent-output', 3],
    ]);
    expect(result.truncated).toBe(false);
    // up: one level; down: three levels (the last finds nothing new)
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(4);
    for (const [, options] of catalog.getEntitiesByRefs.mock.calls) {
      expect(options).toEqual({ credentials });
    }
    expect(result.edges).toContainEqual({
      from: 'component:default/triggering_job',
      to: 'resource:default/trigger-ingest-failure-alert',
      kind: 'condition',
      label: 'ANY: FAILED',
      state: 'FAILED',
    });
    const jobs = result.nodes.filter(n => n.kind === 'job');
    expect(jobs.map(n => n.latestRun?.id)).toEqual([
      'jr_triggering_job',
      'jr_freshers_in_dependent_job',
      'jr_pipeline-failure-alert',
    ]);
  });

  it('leaves out entities the caller cannot see, and their edges', async () => {
    const { service } = setup({
      hidden: ['resource:default/trigger-start-freshers-in-dependent-job'],
    });
    const result = await service.getChain({
      entityRef: 'component:default/freshers_in_dependent_job',
      credentials,
      direction: 'up',
      depth: 1,
    });
    expect(result.nodes.map(n => n.id)).toEqual([
      'component:default/freshers_in_dependent_job',
      'resource:default/s3-freshers-in-staging-triggering',
    ]);
    expect(result.edges).toEqual([
      {
        from: 'resource:default/s3-freshers-in-staging-triggering',
        to: 'component:default/freshers_in_dependent_job',
        kind: 'lineage',
        label: 'reads',
        source: 'default-argument:--input',
      },
    ]);
  });

  it('asks the access service once for every job node and hides the runs it refuses', async () => {
    const { service, access, data } = setup({
      unreadable: ['freshers_in_dependent_job'],
    });
    const result = await service.getChain({
      entityRef: 'component:default/triggering_job',
      credentials,
      direction: 'both',
      depth: 3,
    });
    expect(access.decide).toHaveBeenCalledTimes(1);
    const [requests] = access.decide.mock.calls[0];
    expect(
      requests.map(r => [r.target.name, r.permission.name, r.credentials]),
    ).toEqual([
      ['triggering_job', 'aws-glue.job.read', credentials],
      ['freshers_in_dependent_job', 'aws-glue.job.read', credentials],
      ['pipeline-failure-alert', 'aws-glue.job.read', credentials],
    ]);
    const hidden = result.nodes.find(
      n => n.id === 'component:default/freshers_in_dependent_job',
    )!;
    expect(hidden.restricted).toBe(true);
    expect(hidden.latestRun).toBeUndefined();
    expect(data.getLatestRun).not.toHaveBeenCalledWith(
      expect.objectContaining({ name: 'freshers_in_dependent_job' }),
    );
    expect(
      result.nodes.find(n => n.id === 'component:default/triggering_job')!
        .latestRun?.id,
    ).toBe('jr_triggering_job');
  });

  it('keeps the chain when a latest run cannot be read', async () => {
    const { service } = setup({ failing: ['triggering_job'] });
    const result = await service.getChain({
      entityRef: 'component:default/freshers_in_dependent_job',
      credentials,
      direction: 'up',
      depth: 2,
    });
    const a = result.nodes.find(
      n => n.id === 'component:default/triggering_job',
    );
    expect(a).toBeDefined();
    expect(a!.latestRun).toBeUndefined();
    expect(result.nodes[0].latestRun?.id).toBe('jr_freshers_in_dependent_job');
  });

  it('returns just the entity at depth 0', async () => {
    const { service, catalog } = setup();
    const result = await service.getChain({
      entityRef: 'component:default/triggering_job',
      credentials,
      direction: 'down',
      depth: 0,
    });
    expect(result.nodes.map(n => n.id)).toEqual([
      'component:default/triggering_job',
    ]);
    expect(result.truncated).toBe(true);
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('builds the chain without what does not parse in hand-written annotations, warning once per entity and annotation', async () => {
    const { service, logger, broken } = setup({ broken: true });
    const request = {
      entityRef: 'component:default/triggering_job',
      credentials,
      direction: 'down' as const,
      depth: 3,
    };
    const first = await service.getChain(request);
    const second = await service.getChain(request);
    expect(second).toEqual(first);
    expect(first.nodes.map(n => n.id)).toEqual(
      expect.arrayContaining([
        'component:default/null-lineage',
        'resource:default/null-condition',
        'resource:default/null-predicate',
        'component:default/freshers_in_dependent_job',
      ]),
    );
    expect(first.edges).toContainEqual({
      from: 'component:default/triggering_job',
      to: 'resource:default/trigger-ingest-failure-alert',
      kind: 'condition',
      label: 'ANY: FAILED',
      state: 'FAILED',
    });
    expect(logger.warn).toHaveBeenCalledTimes(broken.problems.length);
    for (const [entityRef, annotation] of broken.problems) {
      const calls = logger.warn.mock.calls.filter(([, meta]) => {
        const fields = meta as Record<string, unknown> | undefined;
        return (
          fields?.entityRef === entityRef && fields?.annotation === annotation
        );
      });
      expect(calls).toHaveLength(1);
      expect(calls[0][0]).toContain(entityRef);
      expect(calls[0][0]).toContain(annotation);
    }
  });
});

describe('DefaultChainService.getExecutions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function withStore() {
    const knex = await databases.init('SQLITE_3');
    await migratedDatabase(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    return new RunStore(knex, () => Date.parse('2026-03-03T00:00:00Z'));
  }

  const run = (
    id: string,
    jobName: string,
    state: string,
    start: string,
    end: string,
    extra: Partial<StoredJobRun> = {},
  ): StoredJobRun => ({
    id,
    jobName,
    state,
    startedOn: `2026-03-02T${start}:00.000Z`,
    completedOn: `2026-03-02T${end}:00.000Z`,
    arguments: {},
    predecessorRuns: [],
    ...extra,
  });

  it('builds executions from the run index and fetches a predecessor it lacks once', async () => {
    const store = await withStore();
    const { service, chain, data } = setup({ store });
    const [a] = jobRefsOf(chain.a);
    const [b] = jobRefsOf(chain.b);
    await store.upsertRuns(
      a,
      [
        run('jr_a2', 'triggering_job', 'FAILED', '03:00', '03:05', {
          errorMessage: 'boom',
        }),
      ],
      true,
    );
    await store.upsertRuns(
      b,
      [
        run(
          'jr_b1',
          'freshers_in_dependent_job',
          'SUCCEEDED',
          '02:21',
          '02:40',
          {
            triggerName: 'start-freshers-in-dependent-job',
            predecessorRuns: [{ jobName: 'triggering_job', runId: 'jr_a1' }],
          },
        ),
      ],
      true,
    );
    data.getRun.mockImplementation(async () =>
      run('jr_a1', 'triggering_job', 'SUCCEEDED', '02:00', '02:20'),
    );

    const response = await service.getExecutions({
      entityRef: stringifyEntityRef(chain.b),
      credentials,
      limit: 14,
    });

    expect(data.getRun).toHaveBeenCalledTimes(1);
    expect(data.getRun).toHaveBeenCalledWith(a, 'jr_a1');
    expect(response.rows.map(r => r.title)).toEqual([
      'triggering_job',
      'freshers_in_dependent_job',
    ]);
    expect(response.executions.map(e => [e.id, e.state])).toEqual([
      ['jr_a2', 'FAILED'],
      ['jr_a1', 'SUCCEEDED'],
    ]);
    const failed = response.executions[0];
    expect(failed.nodes.map(n => [n.jobName, n.state])).toEqual([
      ['triggering_job', 'FAILED'],
      ['freshers_in_dependent_job', GLUE_NOT_STARTED],
    ]);
    expect(
      response.executions[1].nodes.map(n => [n.jobName, n.triggerDelaySeconds]),
    ).toEqual([
      ['triggering_job', undefined],
      ['freshers_in_dependent_job', 60],
    ]);
  });

  it('leaves out the jobs the caller may not read, and says so', async () => {
    const store = await withStore();
    const { service, chain } = setup({
      store,
      unreadable: ['freshers_in_dependent_job'],
    });
    const response = await service.getExecutions({
      entityRef: stringifyEntityRef(chain.a),
      credentials,
      limit: 14,
    });
    expect(response.rows.map(r => r.title)).not.toContain(
      'freshers_in_dependent_job',
    );
    expect(response.problems.join()).toMatch(
      /1 of the chain's jobs are left out/,
    );
  });

  it('answers 503 without the run index', async () => {
    const { service, chain } = setup();
    await expect(
      service.getExecutions({
        entityRef: stringifyEntityRef(chain.a),
        credentials,
        limit: 14,
      }),
    ).rejects.toThrow(/awsGlue.runIndex.enabled: true/);
  });
});
