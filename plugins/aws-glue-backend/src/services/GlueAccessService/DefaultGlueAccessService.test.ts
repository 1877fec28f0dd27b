import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ANNOTATION_AWS_ARN,
  ANNOTATION_AWS_GLUE_JOB_ARN,
  awsGlueJobReadPermission,
  awsGlueJobStartPermission,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { jobEntity, PROVIDER_UNITS } from '../../__fixtures__/entities';
import { jobRefsOf } from '../../lib/entities';
import { DefaultGlueAccessService } from './DefaultGlueAccessService';

const credentials = mockCredentials.user('user:default/alice');
const finance = jobEntity('finance-kpi-rollup');
const FINANCE_ARN = finance.metadata.annotations![ANNOTATION_AWS_ARN];

function handWritten(name: string, arn: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      namespace: 'default',
      name,
      annotations: { [ANNOTATION_AWS_GLUE_JOB_ARN]: arn },
    },
    spec: { owner: 'group:default/web', type: 'service' },
  };
}

function setup(
  entities: Entity[],
  allowedRefs: string[],
  options: {
    requireSyncedEntity?: boolean;
    directory?: Record<string, Entity[]>;
  } = {},
) {
  const catalog = catalogServiceMock({ entities });
  jest.spyOn(catalog, 'getEntities');
  const authorize = jest.fn(async (requests: any[]) =>
    requests.map(r => ({
      result: allowedRefs.includes(r.resourceRef)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    })),
  );
  const permissions = mockServices.permissions.mock({
    authorize: authorize as any,
  });
  const service = new DefaultGlueAccessService({
    catalog,
    permissions,
    auth: mockServices.auth(),
    units: PROVIDER_UNITS,
    requireSyncedEntity: options.requireSyncedEntity ?? true,
    jobs: options.directory && {
      syncedEntitiesOf: arn => options.directory![arn],
    },
  });
  return { service, catalog, authorize };
}

const ask = (
  entity: Entity,
  permission = awsGlueJobStartPermission,
  target = jobRefsOf(entity)[0],
) => ({ entity, target, permission, credentials });

describe('DefaultGlueAccessService', () => {
  it("decides an entity that names a job on the job's synced entity", async () => {
    const repo = handWritten('repo', FINANCE_ARN);
    const { service, authorize } = setup(
      [finance, repo],
      ['component:default/repo'],
    );
    const [decision] = await service.decide([ask(repo)]);
    expect(decision).toEqual({
      allowed: false,
      syncedEntityRefs: ['component:default/finance-kpi-rollup'],
      evaluatedOn: ['component:default/finance-kpi-rollup'],
      reason:
        "permission aws-glue.job.start on the job's synced entity component:default/finance-kpi-rollup (owner group:default/data-platform) is not granted to you",
    });
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: awsGlueJobStartPermission,
          resourceRef: 'component:default/finance-kpi-rollup',
        },
      ],
      { credentials },
    );
  });

  it('needs the permission on every synced entity that claims the job', async () => {
    const twin: Entity = {
      ...jobEntity('finance-kpi-rollup', { name: 'finance-kpi-rollup-twin' }),
    };
    twin.spec = { ...twin.spec, owner: 'group:default/analytics' };
    const { service } = setup(
      [finance, twin],
      ['component:default/finance-kpi-rollup'],
    );
    const [decision] = await service.decide([ask(finance)]);
    expect(decision.allowed).toBe(false);
    expect(decision.syncedEntityRefs).toEqual([
      'component:default/finance-kpi-rollup',
      'component:default/finance-kpi-rollup-twin',
    ]);
    expect(decision.reason).toBe(
      "permission aws-glue.job.start on the job's synced entity component:default/finance-kpi-rollup-twin (owner group:default/analytics) is not granted to you",
    );
    const both = setup(
      [finance, twin],
      [
        'component:default/finance-kpi-rollup',
        'component:default/finance-kpi-rollup-twin',
      ],
    );
    expect((await both.service.decide([ask(finance)]))[0].allowed).toBe(true);
  });

  it('matches ARNs exactly, although catalog filters ignore case', async () => {
    const oddCase = handWritten(
      'odd',
      FINANCE_ARN.replace('finance-kpi-rollup', 'Finance-KPI-Rollup'),
    );
    const { service, catalog } = setup(
      [finance, oddCase],
      ['component:default/odd'],
    );
    // like the real catalog, which compares annotation values lower-cased
    (catalog.getEntities as jest.Mock).mockResolvedValue({
      items: [finance, oddCase],
    });
    const [decision] = await service.decide([ask(oddCase)]);
    expect(decision.syncedEntityRefs).toEqual([]);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain(
      'no entity synced by the AWS Glue catalog module stands for arn:aws:glue:us-east-1:123456789012:job/Finance-KPI-Rollup',
    );
  });

  it('lets an entity read a job nobody synced on its own permission', async () => {
    const orphan = handWritten(
      'orphan',
      'arn:aws:glue:us-east-1:999999999999:job/x',
    );
    const { service } = setup([orphan], ['component:default/orphan']);
    const [read] = await service.decide([
      ask(orphan, awsGlueJobReadPermission),
    ]);
    expect(read).toEqual({
      allowed: true,
      syncedEntityRefs: [],
      evaluatedOn: ['component:default/orphan'],
    });
    const [start] = await service.decide([ask(orphan)]);
    expect(start.allowed).toBe(false);
    expect(start.evaluatedOn).toEqual([]);
  });

  it('lets the entity itself decide actions on unsynced jobs with requireSyncedEntity false', async () => {
    const orphan = handWritten(
      'orphan',
      'arn:aws:glue:us-east-1:999999999999:job/x',
    );
    const { service } = setup([orphan], ['component:default/orphan'], {
      requireSyncedEntity: false,
    });
    expect((await service.decide([ask(orphan)]))[0].allowed).toBe(true);
  });

  it('never counts an entity whose origin is not a configured provider', async () => {
    const copied = jobEntity('finance-kpi-rollup', { name: 'copy' });
    copied.metadata.annotations = {
      ...copied.metadata.annotations,
      'backstage.io/managed-by-location': 'file:/tmp/catalog-info.yaml',
      'backstage.io/managed-by-origin-location': 'file:/tmp/catalog-info.yaml',
    };
    const { service } = setup([copied], ['component:default/copy']);
    const [decision] = await service.decide([ask(copied)]);
    expect(decision.syncedEntityRefs).toEqual([]);
    expect(decision.allowed).toBe(false);
  });

  it('answers many requests with one catalog query and one policy call', async () => {
    const jobs = Array.from({ length: 30 }, (_, i) => jobEntity(`job-${i}`));
    const { service, catalog, authorize } = setup(
      jobs,
      jobs.slice(0, 10).map(e => stringifyEntityRef(e)),
    );
    const decisions = await service.decide(
      jobs.flatMap(job => [
        ask(job, awsGlueJobReadPermission),
        ask(job, awsGlueJobStartPermission),
      ]),
    );
    expect(decisions.filter(d => d.allowed)).toHaveLength(20);
    expect(catalog.getEntities).toHaveBeenCalledTimes(1);
    expect(authorize).toHaveBeenCalledTimes(1);
    expect(authorize.mock.calls[0][0]).toHaveLength(60);
  });

  it.each([
    [AuthorizeResult.ALLOW, AuthorizeResult.ALLOW, true, true],
    [AuthorizeResult.ALLOW, AuthorizeResult.CONDITIONAL, true, false],
    [AuthorizeResult.CONDITIONAL, AuthorizeResult.ALLOW, false, true],
    [AuthorizeResult.DENY, AuthorizeResult.DENY, false, false],
  ])(
    'says what the caller reads outright only when allowed outright (catalog %s, job %s)',
    async (entityResult, jobResult, everyEntity, everyJob) => {
      const conditional = {
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: { rule: 'IS_ENTITY_OWNER', params: { claims: [] } },
      };
      const decision = (result: AuthorizeResult) =>
        result === AuthorizeResult.CONDITIONAL
          ? { result, ...conditional }
          : { result };
      const authorizeConditional = jest.fn(async () => [
        decision(entityResult),
        decision(jobResult),
      ]);
      const service = new DefaultGlueAccessService({
        catalog: catalogServiceMock({ entities: [] }),
        permissions: mockServices.permissions.mock({
          authorizeConditional: authorizeConditional as any,
        }),
        auth: mockServices.auth(),
        units: PROVIDER_UNITS,
        requireSyncedEntity: true,
      });
      expect(await service.readScope(credentials)).toEqual({
        everyEntity,
        everyJob,
      });
      expect(authorizeConditional).toHaveBeenCalledTimes(1);
      expect(authorizeConditional).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'catalog.entity.read',
            }),
          },
          {
            permission: expect.objectContaining({ name: 'aws-glue.job.read' }),
          },
        ],
        { credentials },
      );
    },
  );

  describe('readableSyncedEntities', () => {
    const orders = jobEntity('orders');
    const twin = jobEntity('orders-twin');
    const entities = [finance, orders, twin];

    function readable(overall: AuthorizeResult, allowedRefs: string[] = []) {
      const authorizeConditional = jest.fn(async () => [
        overall === AuthorizeResult.CONDITIONAL
          ? {
              result: overall,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                params: { claims: ['group:default/analytics'] },
              },
            }
          : { result: overall },
      ]);
      const authorize = jest.fn(async (requests: any[]) =>
        requests.map(r => ({
          result: allowedRefs.includes(r.resourceRef)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        })),
      );
      const service = new DefaultGlueAccessService({
        catalog: catalogServiceMock({ entities }),
        permissions: mockServices.permissions.mock({
          authorizeConditional: authorizeConditional as any,
          authorize: authorize as any,
        }),
        auth: mockServices.auth(),
        units: PROVIDER_UNITS,
        requireSyncedEntity: true,
      });
      return { service, authorizeConditional, authorize };
    }

    it('lets the caller read every job, with one policy call, when aws-glue.job.read is allowed outright', async () => {
      const { service, authorizeConditional, authorize } = readable(
        AuthorizeResult.ALLOW,
      );
      expect(
        await service.readableSyncedEntities(entities, credentials),
      ).toEqual([true, true, true]);
      expect(authorizeConditional).toHaveBeenCalledTimes(1);
      expect(authorizeConditional).toHaveBeenCalledWith(
        [{ permission: awsGlueJobReadPermission }],
        { credentials },
      );
      expect(authorize).not.toHaveBeenCalled();
    });

    it('lets the caller read no job, with one policy call, when aws-glue.job.read is denied outright', async () => {
      const { service, authorizeConditional, authorize } = readable(
        AuthorizeResult.DENY,
        // even a ref the per-entity answer would allow stays unreadable
        ['component:default/orders'],
      );
      expect(
        await service.readableSyncedEntities(entities, credentials),
      ).toEqual([false, false, false]);
      expect(authorizeConditional).toHaveBeenCalledTimes(1);
      expect(authorize).not.toHaveBeenCalled();
    });

    it('asks about each entity, in order, when the decision is conditional', async () => {
      const { service, authorize } = readable(AuthorizeResult.CONDITIONAL, [
        'component:default/finance-kpi-rollup',
        'component:default/orders-twin',
      ]);
      expect(
        await service.readableSyncedEntities(entities, credentials),
      ).toEqual([true, false, true]);
      expect(authorize).toHaveBeenCalledTimes(1);
      expect(authorize).toHaveBeenCalledWith(
        entities.map(e => ({
          permission: awsGlueJobReadPermission,
          resourceRef: stringifyEntityRef(e),
        })),
        { credentials },
      );
    });

    it('asks nothing for no entities', async () => {
      const { service, authorizeConditional, authorize } = readable(
        AuthorizeResult.ALLOW,
      );
      expect(await service.readableSyncedEntities([], credentials)).toEqual([]);
      expect(authorizeConditional).not.toHaveBeenCalled();
      expect(authorize).not.toHaveBeenCalled();
    });
  });

  it('decides a job its directory holds without a catalog query, and asks the catalog for the rest', async () => {
    const orders = jobEntity('orders');
    const ORDERS_ARN = orders.metadata.annotations![ANNOTATION_AWS_ARN];
    const { service, catalog } = setup(
      [finance, orders],
      ['component:default/finance-kpi-rollup'],
      { directory: { [FINANCE_ARN]: [finance] } },
    );
    const [known] = await service.decide([ask(finance)]);
    expect(known).toMatchObject({
      allowed: true,
      evaluatedOn: ['component:default/finance-kpi-rollup'],
    });
    expect(catalog.getEntities).not.toHaveBeenCalled();
    const [unknown] = await service.decide([ask(orders)]);
    expect(unknown).toMatchObject({
      allowed: false,
      syncedEntityRefs: ['component:default/orders'],
    });
    expect(catalog.getEntities).toHaveBeenCalledTimes(1);
    expect((catalog.getEntities as jest.Mock).mock.calls[0][0].filter).toEqual([
      { [`metadata.annotations.${ANNOTATION_AWS_ARN}`]: ORDERS_ARN },
    ]);
  });
});
