import type { Crawler, Job, Trigger, Workflow } from '@aws-sdk/client-glue';
import type { Entity } from '@backstage/catalog-model';
import type { DatasetReference } from './lineage';

/**
 * Everything one sync read from one account and region.
 *
 * @public
 */
export interface GlueInventory {
  partition: string;
  accountId: string;
  region: string;
  jobs: Job[];
  triggers: Trigger[];
  workflows: Workflow[];
  crawlers: Crawler[];
  /** Tags by resource ARN. Resources that were never tagged are absent. */
  tags: Map<string, Record<string, string>>;
}

/**
 * A dataset that Glue jobs or crawlers read or write.
 *
 * @public
 */
export interface GlueDataset {
  type: DatasetReference['type'];
  location: string;
  /** An ARN-like identity: the S3 object ARN, or the Glue table/connection ARN. */
  arn: string;
  readers: string[];
  writers: string[];
}

/**
 * What a transformer gets besides the resource: the entity the default
 * mapping built, and the sync's context.
 *
 * @public
 */
export interface AwsGlueTransformerContext {
  providerId: string;
  accountId: string;
  region: string;
  /** The tags of the resource (empty when it has none). */
  tags: Record<string, string>;
  /** The entity the default mapping produced. */
  defaultEntity: Entity;
}

/**
 * Replaces or adjusts the entity built for a resource. Return the entity to
 * emit, or `undefined` to leave the resource out of the catalog.
 *
 * @public
 */
export type AwsGlueTransformer<T> = (
  resource: T,
  context: AwsGlueTransformerContext,
) => Entity | undefined | Promise<Entity | undefined>;

/**
 * Per-kind transformers, each optional.
 *
 * @public
 */
export interface AwsGlueTransformers {
  job?: AwsGlueTransformer<Job>;
  trigger?: AwsGlueTransformer<Trigger>;
  workflow?: AwsGlueTransformer<Workflow>;
  crawler?: AwsGlueTransformer<Crawler>;
  dataset?: AwsGlueTransformer<GlueDataset>;
}
