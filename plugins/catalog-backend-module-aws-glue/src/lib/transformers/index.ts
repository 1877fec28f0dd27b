export { defaultJobTransformer } from './jobTransformer';
export { defaultTriggerTransformer } from './triggerTransformer';
export { defaultWorkflowTransformer } from './workflowTransformer';
export { defaultCrawlerTransformer } from './crawlerTransformer';
export { defaultDatasetTransformer } from './datasetTransformer';
export type {
  CrawlerTransformerInput,
  DatasetTransformerInput,
  GlueUnitContext,
  JobTransformerInput,
  ResolvedGlueResource,
  ResolvedLineageEdge,
  ResolvedRunnableResource,
  RunnableTransformerParts,
  TriggerTransformerInput,
  WorkflowTransformerInput,
} from './types';
