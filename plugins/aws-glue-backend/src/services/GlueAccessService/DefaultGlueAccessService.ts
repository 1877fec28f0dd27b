import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  ANNOTATION_AWS_ARN,
  awsGlueJobReadPermission,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  AwsGlueProviderUnit,
  syncingUnitOf,
} from '@aws-glue-backstage/plugin-aws-glue-node';
import {
  GlueAccessDecision,
  GlueAccessRequest,
  GlueAccessService,
  GlueReadScope,
} from './GlueAccessService';
import { SyncedJobDirectory } from '../../runIndex/SyncedJobs';

/**
 * Options of {@link DefaultGlueAccessService}.
 *
 * @public
 */
export interface DefaultGlueAccessServiceOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  auth: AuthService;
  /** The account x region units the configured catalog providers sync. */
  units: readonly AwsGlueProviderUnit[];
  /** Refuse actions on jobs no synced entity stands for (default true). */
  requireSyncedEntity: boolean;
  /**
   * The plugin's directory of synced jobs: a job it holds is decided without
   * a catalog query (the rest, and workflows, are looked up in the catalog).
   */
  jobs?: Pick<SyncedJobDirectory, 'syncedEntitiesOf'>;
}

/** ARNs per catalog query (each is one filter of an OR). */
const ARNS_PER_QUERY = 100;

const FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.annotations',
  'spec.owner',
];

interface Plan {
  synced: Entity[];
  /** Entities whose permission decides; undefined when refused outright. */
  subjects?: Entity[];
  reason?: string;
}

const ownerOf = (entity: Entity) =>
  typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;

function describeEntity(entity: Entity): string {
  const owner = ownerOf(entity);
  return `${stringifyEntityRef(entity)}${owner ? ` (owner ${owner})` : ''}`;
}

/**
 * The default {@link GlueAccessService}: finds the target's synced entities
 * with the plugin's own credentials (exact ARN, origin one of the configured
 * providers) and asks the permission policy about each of them with the
 * caller's credentials. A target claimed by several synced entities needs
 * the permission on all of them.
 *
 * @public
 */
export class DefaultGlueAccessService implements GlueAccessService {
  constructor(private readonly options: DefaultGlueAccessServiceOptions) {}

  async decide(requests: GlueAccessRequest[]): Promise<GlueAccessDecision[]> {
    if (requests.length === 0) return [];
    const synced = await this.syncedEntitiesByArn([
      ...new Set(requests.map(r => r.target.arn)),
    ]);
    const plans = requests.map(r =>
      this.plan(r, synced.get(r.target.arn) ?? []),
    );
    const decisions = await this.authorizeSubjects(requests, plans);
    return requests.map((request, i) => {
      const plan = plans[i];
      const base = {
        syncedEntityRefs: plan.synced.map(e => stringifyEntityRef(e)),
        evaluatedOn: (plan.subjects ?? []).map(e => stringifyEntityRef(e)),
      };
      if (!plan.subjects) {
        return { ...base, allowed: false, reason: plan.reason };
      }
      const denied = plan.subjects.filter(
        subject => !decisions.get(decisionKey(request, subject)),
      );
      if (denied.length === 0) {
        return { ...base, allowed: true };
      }
      return {
        ...base,
        allowed: false,
        reason: `permission ${request.permission.name} on ${
          plan.synced.length > 0 ? "the job's synced entity " : ''
        }${denied.map(describeEntity).join(' and ')} is not granted to you`,
      };
    });
  }

  async readableSyncedEntities(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<boolean[]> {
    if (entities.length === 0) return [];
    const { permissions } = this.options;
    const [overall] = await permissions.authorizeConditional(
      [{ permission: awsGlueJobReadPermission }],
      { credentials },
    );
    if (overall.result !== AuthorizeResult.CONDITIONAL) {
      return entities.map(() => overall.result === AuthorizeResult.ALLOW);
    }
    const results = await permissions.authorize(
      entities.map(entity => ({
        permission: awsGlueJobReadPermission,
        resourceRef: stringifyEntityRef(entity),
      })),
      { credentials },
    );
    return results.map(r => r.result === AuthorizeResult.ALLOW);
  }

  async readScope(credentials: BackstageCredentials): Promise<GlueReadScope> {
    const [entities, jobs] =
      await this.options.permissions.authorizeConditional(
        [
          { permission: catalogEntityReadPermission },
          { permission: awsGlueJobReadPermission },
        ],
        { credentials },
      );
    return {
      everyEntity: entities.result === AuthorizeResult.ALLOW,
      everyJob: jobs.result === AuthorizeResult.ALLOW,
    };
  }

  private plan(request: GlueAccessRequest, synced: Entity[]): Plan {
    if (synced.length > 0) {
      return { synced, subjects: synced };
    }
    const isRead = request.permission.name === awsGlueJobReadPermission.name;
    if (isRead || !this.options.requireSyncedEntity) {
      return { synced, subjects: [request.entity] };
    }
    return {
      synced,
      reason: `no entity synced by the AWS Glue catalog module stands for ${
        request.target.arn
      }, and actions are taken only with the authority of the job's own synced entity (awsGlue.actions.requireSyncedEntity); ${stringifyEntityRef(
        request.entity,
      )} only names the job`,
    };
  }

  /** One policy call for every distinct (permission, subject, caller). */
  private async authorizeSubjects(
    requests: GlueAccessRequest[],
    plans: Plan[],
  ): Promise<Map<string, boolean>> {
    const byCaller = new Map<
      BackstageCredentials,
      Map<
        string,
        {
          permission: ResourcePermission<'catalog-entity'>;
          resourceRef: string;
        }
      >
    >();
    requests.forEach((request, i) => {
      for (const subject of plans[i].subjects ?? []) {
        let wanted = byCaller.get(request.credentials);
        if (!wanted) {
          wanted = new Map();
          byCaller.set(request.credentials, wanted);
        }
        wanted.set(decisionKey(request, subject), {
          permission: request.permission,
          resourceRef: stringifyEntityRef(subject),
        });
      }
    });
    const allowed = new Map<string, boolean>();
    for (const [credentials, wanted] of byCaller) {
      const keys = [...wanted.keys()];
      const results = await this.options.permissions.authorize(
        keys.map(k => wanted.get(k)!),
        { credentials },
      );
      keys.forEach((k, i) =>
        allowed.set(k, results[i]?.result === AuthorizeResult.ALLOW),
      );
    }
    return allowed;
  }

  /** Synced entities of each ARN: exact (case-sensitive) match, our origin. */
  private async syncedEntitiesByArn(
    arns: string[],
  ): Promise<Map<string, Entity[]>> {
    const result = new Map<string, Entity[]>();
    if (this.options.units.length === 0) return result;
    const unknown: string[] = [];
    for (const arn of arns) {
      const known = this.options.jobs?.syncedEntitiesOf(arn);
      if (known) result.set(arn, known);
      else unknown.push(arn);
    }
    if (unknown.length === 0) return result;
    const credentials = await this.options.auth.getOwnServiceCredentials();
    for (let i = 0; i < unknown.length; i += ARNS_PER_QUERY) {
      const chunk = unknown.slice(i, i + ARNS_PER_QUERY);
      const { items } = await this.options.catalog.getEntities(
        {
          filter: chunk.map(arn => ({
            [`metadata.annotations.${ANNOTATION_AWS_ARN}`]: arn,
          })),
          fields: FIELDS,
        },
        { credentials },
      );
      const wanted = new Set(chunk);
      for (const entity of items) {
        // the catalog matches filters case-insensitively; Glue names are not
        const arn = entity.metadata.annotations?.[ANNOTATION_AWS_ARN];
        if (
          arn &&
          wanted.has(arn) &&
          syncingUnitOf(entity, this.options.units)
        ) {
          result.set(arn, [...(result.get(arn) ?? []), entity]);
        }
      }
    }
    return result;
  }
}

function decisionKey(request: GlueAccessRequest, subject: Entity): string {
  return JSON.stringify([request.permission.name, stringifyEntityRef(subject)]);
}
