import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  awsGlueJobReadPermission,
  awsGlueJobStartPermission,
  awsGlueJobStopPermission,
  awsGlueWorkflowResumePermission,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** Who may see Glue run history, errors and logs in the demo. */
export type GlueReaders = 'everyone' | 'owners';

/**
 * The demo portal's policy: anyone signed in may read everything, and may
 * see Glue run history (`aws-glue.job.read`) unless `demo.glueRunsVisibleTo`
 * is `owners`; starting and stopping Glue job runs is for the owners of the
 * job's entity (the guest user is a member of data-platform, so it may run
 * data-platform's jobs and not analytics'). The AWS Glue backend asks about
 * the job's synced entity, so owning an entity that merely names a job grants
 * nothing.
 */
export class DemoPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly userInfo: Pick<UserInfoService, 'getUserInfo'>,
    private readonly glueReaders: GlueReaders = 'everyone',
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const ownersOnly =
      isPermission(request.permission, awsGlueJobStartPermission) ||
      isPermission(request.permission, awsGlueJobStopPermission) ||
      isPermission(request.permission, awsGlueWorkflowResumePermission) ||
      (this.glueReaders === 'owners' &&
        isPermission(request.permission, awsGlueJobReadPermission));
    if (!ownersOnly) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user || !isResourcePermission(request.permission, 'catalog-entity')) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    return createCatalogConditionalDecision(
      request.permission,
      catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
    );
  }
}

/** Reads `demo.glueRunsVisibleTo` (`everyone`, the default, or `owners`). */
export function readGlueReaders(config: Config): GlueReaders {
  const value =
    config.getOptionalString('demo.glueRunsVisibleTo') ?? 'everyone';
  if (value !== 'everyone' && value !== 'owners') {
    throw new InputError(
      `Invalid config at demo.glueRunsVisibleTo: expected 'everyone' or 'owners', got '${value}'`,
    );
  }
  return value;
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
        config: coreServices.rootConfig,
      },
      async init({ policy, userInfo, config }) {
        policy.setPolicy(
          new DemoPermissionPolicy(userInfo, readGlueReaders(config)),
        );
      },
    });
  },
});
