import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_AWS_ARN,
  ANNOTATION_AWS_GLUE_JOB_ARN,
  formatGlueArn,
  getGlueJobArns,
  getGlueResourceKind,
  parseGlueArn,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  AwsGlueProviderUnit,
  syncingUnitOf,
} from '@aws-glue-backstage/plugin-aws-glue-node';
import { JobRef } from './shapes';

/**
 * Loads an entity with the caller's credentials, so that catalog visibility
 * applies: an entity the caller cannot see is a 404 like a missing one.
 */
export async function loadEntity(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<Entity> {
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${entityRef} found in the catalog`);
  }
  return entity;
}

/** The Glue jobs of an entity (only from its own annotations). */
export function jobRefsOf(entity: Entity): JobRef[] {
  return getGlueJobArns(entity).map(arn => {
    const parsed = parseGlueArn(arn)!;
    return {
      arn,
      partition: parsed.partition,
      region: parsed.region,
      accountId: parsed.accountId,
      name: parsed.name,
    };
  });
}

/**
 * Which of the entity's jobs a request means. `job` is a job name or ARN and
 * must be one of the entity's jobs (403 otherwise); it may be omitted when
 * the entity has exactly one job (400 listing them when it has several).
 */
export function resolveJob(entity: Entity, job: string | undefined): JobRef {
  const entityRef = stringifyEntityRef(entity);
  const jobs = jobRefsOf(entity);
  if (jobs.length === 0) {
    throw new NotFoundError(
      `Entity ${entityRef} has no AWS Glue job: it needs a Glue job ARN in the ${ANNOTATION_AWS_ARN} or ${ANNOTATION_AWS_GLUE_JOB_ARN} annotation`,
    );
  }
  if (job === undefined || job === '') {
    if (jobs.length === 1) {
      return jobs[0];
    }
    throw new InputError(
      `job: entity ${entityRef} has ${
        jobs.length
      } AWS Glue jobs; pass one of: ${jobs.map(j => j.arn).join(', ')}`,
    );
  }
  const parsed = job.startsWith('arn:') ? parseGlueArn(job) : undefined;
  const matches = parsed
    ? jobs.filter(j => j.arn === formatGlueArn(parsed))
    : jobs.filter(j => j.name === job);
  if (matches.length === 0) {
    throw new NotAllowedError(
      `Job '${job}' is not one of the AWS Glue jobs of entity ${entityRef}`,
    );
  }
  if (matches.length > 1) {
    throw new InputError(
      `job: entity ${entityRef} has several AWS Glue jobs named '${job}'; pass the ARN, one of: ${matches
        .map(j => j.arn)
        .join(', ')}`,
    );
  }
  return matches[0];
}

/**
 * The Glue workflow a synced workflow System stands for. Only an entity one
 * of the configured providers synced counts: a hand-written entity that
 * copies a workflow's annotations is not that workflow.
 */
export function resolveWorkflow(
  entity: Entity,
  units: readonly AwsGlueProviderUnit[],
): JobRef {
  const entityRef = stringifyEntityRef(entity);
  const arn = entity.metadata.annotations?.[ANNOTATION_AWS_ARN];
  const parsed = arn ? parseGlueArn(arn) : undefined;
  if (
    getGlueResourceKind(entity) !== 'workflow' ||
    parsed?.resourceType !== 'workflow' ||
    !syncingUnitOf(entity, units)
  ) {
    throw new NotFoundError(
      `Entity ${entityRef} is not an AWS Glue workflow: workflow runs exist only for workflow entities synced by the AWS Glue catalog module`,
    );
  }
  return {
    arn: formatGlueArn(parsed),
    partition: parsed.partition,
    region: parsed.region,
    accountId: parsed.accountId,
    name: parsed.name,
  };
}
