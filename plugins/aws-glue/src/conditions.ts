import { Entity } from '@backstage/catalog-model';
import {
  getGlueResourceKind,
  isAwsGlueJobEntity,
  isAwsGlueWorkflowEntity,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/**
 * True for entities with Glue jobs: synced `glue-job` Components and any
 * entity with the `aws.amazon.com/aws-glue-job-arn` annotation. For
 * `EntitySwitch.Case if={...}` around the job card and the runs/chain tabs.
 *
 * @public
 */
export function isAwsGlueJobAvailable(entity: Entity): boolean {
  return isAwsGlueJobEntity(entity);
}

/**
 * True for Systems that stand for a synced Glue workflow.
 *
 * @public
 */
export function isAwsGlueWorkflowAvailable(entity: Entity): boolean {
  return isAwsGlueWorkflowEntity(entity);
}

/**
 * True for synced Glue trigger Resources.
 *
 * @public
 */
export function isAwsGlueTriggerAvailable(entity: Entity): boolean {
  return getGlueResourceKind(entity) === 'trigger';
}

/**
 * True for synced Glue crawler Resources.
 *
 * @public
 */
export function isAwsGlueCrawlerAvailable(entity: Entity): boolean {
  return getGlueResourceKind(entity) === 'crawler';
}

/**
 * True for entities the chain views apply to: anything with Glue jobs, and
 * synced triggers, crawlers and datasets (their chain is walked through the
 * catalog's `dependsOn` relations).
 *
 * @public
 */
export function isAwsGlueChainAvailable(entity: Entity): boolean {
  if (isAwsGlueJobEntity(entity)) return true;
  const kind = getGlueResourceKind(entity);
  return kind === 'trigger' || kind === 'crawler' || kind === 'dataset';
}

/**
 * True for Groups and Users: the entities that own Glue jobs, for the team
 * card.
 *
 * @public
 */
export function isAwsGlueTeamAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return kind === 'group' || kind === 'user';
}

/**
 * True for the entities whose chain executions there are: Glue job
 * Components and workflow Systems. For the executions tab.
 *
 * @public
 */
export function isAwsGlueExecutionsAvailable(entity: Entity): boolean {
  return isAwsGlueJobEntity(entity) || isAwsGlueWorkflowEntity(entity);
}
