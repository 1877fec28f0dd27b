import type { Crawler, Job, Trigger, Workflow } from '@aws-sdk/client-glue';
import type {
  GlueLineageEdge,
  GlueResourceKind,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import type { ArgumentRedactor } from '@aws-glue-backstage/plugin-aws-glue-node';
import type { GlueDataset } from '../types';

/**
 * The account and region a sync reads, and what every entity of it is
 * written with.
 *
 * @public
 */
export interface GlueUnitContext {
  /** The provider name (`AwsGlueEntityProvider:<id>:<region>`). */
  providerId: string;
  partition: string;
  accountId: string;
  region: string;
  /** The catalog namespace of the entities. */
  namespace: string;
  /** Redacts arguments and Glue texts before they reach an entity. */
  redactor: Pick<ArgumentRedactor, 'redact' | 'redactText'>;
}

/**
 * What the resolve step found for one resource: its kind, Glue name and
 * identity, entity name and ref, tags and owner.
 *
 * @public
 */
export interface ResolvedGlueResource {
  kind: GlueResourceKind;
  /** The Glue name (for a dataset, its location). */
  glueName: string;
  /** The resource's ARN (for a dataset, its ARN-like identity). */
  arn: string;
  /** The entity's `metadata.name`. */
  entityName: string;
  /** The entity's full ref, e.g. `component:default/nightly-load`. */
  entityRef: string;
  /** The resource's tags (empty when it has none). */
  tags: Record<string, string>;
  /** The owner's entity ref. */
  owner: string;
}

/**
 * A lineage edge of a synced job or crawler, with its dataset's entity ref.
 *
 * @public
 */
export type ResolvedLineageEdge = GlueLineageEdge & { entityRef: string };

/**
 * A resolved job, crawler or trigger: also its lifecycle and system.
 *
 * @public
 */
export interface ResolvedRunnableResource extends ResolvedGlueResource {
  lifecycle: string;
  /** The system's entity ref, when it has one. */
  system?: string;
}

/**
 * What a job's or crawler's entity is built from besides the resource.
 *
 * @public
 */
export interface RunnableTransformerParts {
  unit: GlueUnitContext;
  resolved: ResolvedRunnableResource;
  /** The entity refs of the synced triggers that start it. */
  startedBy: string[];
  /** The datasets it reads and writes, with their entity refs. */
  lineage: ResolvedLineageEdge[];
  /** The Glue names of the workflows whose triggers start or watch it. */
  workflows: string[];
}

/**
 * The input of {@link defaultJobTransformer}.
 *
 * @public
 */
export interface JobTransformerInput extends RunnableTransformerParts {
  job: Job;
}

/**
 * The input of {@link defaultCrawlerTransformer}.
 *
 * @public
 */
export interface CrawlerTransformerInput extends RunnableTransformerParts {
  crawler: Crawler;
}

/**
 * The input of {@link defaultTriggerTransformer}.
 *
 * @public
 */
export interface TriggerTransformerInput {
  unit: GlueUnitContext;
  trigger: Trigger;
  resolved: ResolvedRunnableResource;
  /** The entity refs of the synced jobs and crawlers its predicate watches. */
  watches: string[];
  /** What it starts or watches that is not synced (`job`, `crawler c`). */
  missingReferences: string[];
}

/**
 * The input of {@link defaultWorkflowTransformer}.
 *
 * @public
 */
export interface WorkflowTransformerInput {
  unit: GlueUnitContext;
  workflow: Workflow;
  resolved: ResolvedGlueResource;
}

/**
 * The input of {@link defaultDatasetTransformer}.
 *
 * @public
 */
export interface DatasetTransformerInput {
  unit: GlueUnitContext;
  dataset: GlueDataset;
  resolved: ResolvedGlueResource;
}

/**
 * The input of each kind's default transformer.
 *
 * @public
 */
export interface TransformerInputs {
  job: JobTransformerInput;
  trigger: TriggerTransformerInput;
  workflow: WorkflowTransformerInput;
  crawler: CrawlerTransformerInput;
  dataset: DatasetTransformerInput;
}
