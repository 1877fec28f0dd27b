import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { JobRef } from '../../lib/shapes';

/**
 * One question to {@link GlueAccessService}: may the caller do this?
 *
 * @public
 */
export interface GlueAccessRequest {
  /** The entity the caller came through, loaded with the caller's credentials. */
  entity: Entity;
  /** The Glue job (or workflow) of that entity the request is about. */
  target: JobRef;
  /** What the caller wants to do (`aws-glue.job.read`, `.start`, `.stop`). */
  permission: ResourcePermission<'catalog-entity'>;
  credentials: BackstageCredentials;
}

/**
 * The answer to a {@link GlueAccessRequest}.
 *
 * @public
 */
export interface GlueAccessDecision {
  allowed: boolean;
  /**
   * The entities the permission was evaluated on: the target's synced
   * entities, or the entity itself when none exists and that is allowed.
   * Empty when the request was refused before asking the policy.
   */
  evaluatedOn: string[];
  /** The target's synced entities (usually one). */
  syncedEntityRefs: string[];
  /** Why not, in words for the caller: names the synced entity and its owner. */
  reason?: string;
}

/**
 * What a caller may read outright (no per-entity decision needed).
 *
 * @public
 */
export interface GlueReadScope {
  /** `catalog.entity.read` allowed outright. */
  everyEntity: boolean;
  /** `aws-glue.job.read` allowed outright. */
  everyJob: boolean;
}

/**
 * The one place that decides what a caller may see or do with a Glue job:
 * every route, and every future surface (agent actions, the fleet overview,
 * notifications), asks it.
 *
 * Authority comes from the job, not from whoever names it: the permission is
 * evaluated on the entity the AWS Glue catalog module synced for the job's
 * ARN. An entity that only names a job (`aws.amazon.com/aws-glue-job-arn`,
 * written by whoever registered it) gets read views of jobs nobody synced,
 * and no actions on them unless `awsGlue.actions.requireSyncedEntity` is
 * false.
 *
 * @public
 */
export interface GlueAccessService {
  /** Decides each request; one catalog query and one policy call for all. */
  decide(requests: GlueAccessRequest[]): Promise<GlueAccessDecision[]>;

  /**
   * Which of these synced job entities the caller may read
   * (`aws-glue.job.read` on each): for fleet-wide views over thousands of
   * jobs, one policy call when the policy allows or denies outright.
   */
  readableSyncedEntities(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<boolean[]>;

  /**
   * What the policy lets the caller read outright, in one policy call: with
   * every catalog entity a fleet view may list the synced jobs from the
   * plugin's own directory instead of reading the catalog as the caller, and
   * with every job too, the database may filter and page it.
   */
  readScope(credentials: BackstageCredentials): Promise<GlueReadScope>;
}
