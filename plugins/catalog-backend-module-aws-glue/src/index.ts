/**
 * Catalog backend module that syncs AWS Glue jobs, triggers, workflows,
 * crawlers and the datasets they read and write into the catalog.
 *
 * @packageDocumentation
 */

export { catalogModuleAwsGlueEntityProvider as default } from './module';
export {
  awsGlueCatalogExtensionPoint,
  type AwsGlueCatalogExtensionPoint,
} from './module';
export {
  AwsGlueEntityProvider,
  type AwsGlueEntityProviderOptions,
  type AwsGlueSyncResult,
} from './providers/AwsGlueEntityProvider';
export {
  readProviderConfigs,
  type AwsGlueProviderConfig,
} from './providers/config';
export { DEFAULT_SYNC_TIMEOUT } from './providers/syncTimeout';
export type {
  AwsGlueTransformer,
  AwsGlueTransformerContext,
  AwsGlueTransformers,
  GlueDataset,
  GlueInventory,
} from './lib/types';
export {
  defaultCrawlerTransformer,
  defaultDatasetTransformer,
  defaultJobTransformer,
  defaultTriggerTransformer,
  defaultWorkflowTransformer,
  type CrawlerTransformerInput,
  type DatasetTransformerInput,
  type GlueUnitContext,
  type JobTransformerInput,
  type ResolvedGlueResource,
  type ResolvedLineageEdge,
  type ResolvedRunnableResource,
  type RunnableTransformerParts,
  type TriggerTransformerInput,
  type WorkflowTransformerInput,
} from './lib/transformers';
export type { NameFilter, ResourceFilters } from './lib/filters';
export type {
  DatasetReference,
  DatasetType,
  LineageOptions,
} from './lib/lineage';
export type { OwnershipOptions, OwnershipRule } from './lib/ownership';
