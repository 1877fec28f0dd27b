import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  GLUE_ANNOTATIONS,
  parseGlueArn,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { AwsGlueProviderUnit } from './providers';

/**
 * The location type of the entities the AWS Glue catalog module syncs. No
 * catalog processor reads locations of this type, and the catalog replaces
 * `backstage.io/managed-by-location` and `-origin-location` of every entity
 * it reads from a location (a file, a URL, a registered catalog-info.yaml)
 * with that location. So only an entity provider can emit an entity with
 * these annotations, and this module's providers are the only ones that do.
 *
 * @public
 */
export const AWS_GLUE_LOCATION_TYPE = 'aws-glue';

/**
 * The `backstage.io/managed-by-location` (and origin) of the entities one
 * provider unit syncs: `aws-glue:AwsGlueEntityProvider:<id>:<region>`.
 *
 * @public
 */
export function awsGlueProviderLocation(providerName: string): string {
  return `${AWS_GLUE_LOCATION_TYPE}:${providerName}`;
}

/**
 * The configured provider unit that synced this entity, or `undefined` for
 * any other entity: one written by hand (whatever annotations it copies), one
 * of a provider no longer configured, or one whose account or region does not
 * match the unit that claims it. This, not an annotation an author can write,
 * is what makes an entity a Glue resource's own.
 *
 * @public
 */
export function syncingUnitOf(
  entity: Entity,
  units: readonly AwsGlueProviderUnit[],
): AwsGlueProviderUnit | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const location = annotations[ANNOTATION_LOCATION];
  if (!location || annotations[ANNOTATION_ORIGIN_LOCATION] !== location) {
    return undefined;
  }
  const unit = units.find(
    u => awsGlueProviderLocation(u.providerName) === location,
  );
  if (
    !unit ||
    annotations[ANNOTATION_AWS_ACCOUNT_ID] !== unit.accountId ||
    annotations[GLUE_ANNOTATIONS.region] !== unit.region
  ) {
    return undefined;
  }
  const arn = annotations[ANNOTATION_AWS_ARN];
  const glue = arn ? parseGlueArn(arn) : undefined;
  if (
    glue &&
    (glue.accountId !== unit.accountId || glue.region !== unit.region)
  ) {
    return undefined;
  }
  return unit;
}
