import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  awsGlueJobStartPermission,
  awsGlueJobStopPermission,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { DemoPermissionPolicy } from './permissionPolicy';

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

  it.each([awsGlueJobStartPermission, awsGlueJobStopPermission])(
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

  it('allows everything else', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      user,
    );
    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });
});
