import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { ConfigReader } from '@backstage/config';
import {
  awsGlueJobReadPermission,
  awsGlueJobStartPermission,
  awsGlueJobStopPermission,
  awsGlueWorkflowResumePermission,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { DemoPermissionPolicy, readGlueReaders } from './permissionPolicy';

describe('DemoPermissionPolicy', () => {
  const userInfo = {
    getUserInfo: jest.fn().mockResolvedValue({
      userEntityRef: 'user:default/guest',
      ownershipEntityRefs: [
        'user:default/guest',
        'group:default/data-platform',
      ],
    }),
  };
  const policy = new DemoPermissionPolicy(userInfo);
  const user = {
    credentials: mockCredentials.user('user:default/guest'),
    info: { userEntityRef: 'user:default/guest', ownershipEntityRefs: [] },
  };

  it.each([
    awsGlueJobStartPermission,
    awsGlueJobStopPermission,
    awsGlueWorkflowResumePermission,
  ])(
    'allows $name only on entities the user (or their groups) own',
    async permission => {
      const decision = await policy.handle({ permission }, user);
      expect(decision).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: {
            claims: ['user:default/guest', 'group:default/data-platform'],
          },
        },
      });
    },
  );

  it('denies starting runs without a user', async () => {
    const decision = await policy.handle({
      permission: awsGlueJobStartPermission,
    });
    expect(decision).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets everyone see Glue runs by default, only owners with glueRunsVisibleTo owners', async () => {
    const read = { permission: awsGlueJobReadPermission };
    expect(await policy.handle(read, user)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    const strict = new DemoPermissionPolicy(userInfo, 'owners');
    expect(await strict.handle(read, user)).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { rule: 'IS_ENTITY_OWNER' },
    });
    expect(await strict.handle(read)).toEqual({ result: AuthorizeResult.DENY });
  });

  it('reads demo.glueRunsVisibleTo, refusing other values', () => {
    expect(readGlueReaders(new ConfigReader({}))).toBe('everyone');
    expect(
      readGlueReaders(
        new ConfigReader({ demo: { glueRunsVisibleTo: 'owners' } }),
      ),
    ).toBe('owners');
    expect(() =>
      readGlueReaders(new ConfigReader({ demo: { glueRunsVisibleTo: 'all' } })),
    ).toThrow(
      "Invalid config at demo.glueRunsVisibleTo: expected 'everyone' or 'owners', got 'all'",
    );
  });

  it('allows everything else', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      user,
    );
    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });
});
