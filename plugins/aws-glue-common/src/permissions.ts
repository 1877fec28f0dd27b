import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';

/**
 * Starting a run of an entity's Glue job. A resource permission on the
 * catalog entity, so policies can decide by owner (`isEntityOwner`) etc.
 *
 * @public
 */
export const awsGlueJobStartPermission = createPermission({
  name: 'aws-glue.job.start',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Stopping a run of an entity's Glue job.
 *
 * @public
 */
export const awsGlueJobStopPermission = createPermission({
  name: 'aws-glue.job.stop',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission of the AWS Glue plugins.
 *
 * @public
 */
export const awsGluePermissions = [
  awsGlueJobStartPermission,
  awsGlueJobStopPermission,
];
