import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';

/**
 * Reading a Glue job's runs, run details, errors, log links, bookmark and
 * chain states, and a workflow's runs. A resource permission on the catalog
 * entity: the job's synced entity when there is one (see the backend
 * plugin's trust model), else the entity the caller came through.
 *
 * @public
 */
export const awsGlueJobReadPermission = createPermission({
  name: 'aws-glue.job.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

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
 * Resuming a failed run of a Glue workflow (`ResumeWorkflowRun`), on the
 * workflow's System entity.
 *
 * @public
 */
export const awsGlueWorkflowResumePermission = createPermission({
  name: 'aws-glue.workflow.resume',
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
  awsGlueJobReadPermission,
  awsGlueJobStartPermission,
  awsGlueJobStopPermission,
  awsGlueWorkflowResumePermission,
];
