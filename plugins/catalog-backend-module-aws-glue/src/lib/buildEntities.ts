import { Entity } from '@backstage/catalog-model';
import { GlueResourceKind } from '@aws-glue-backstage/plugin-aws-glue-common';
import type { Crawler, Job, Trigger, Workflow } from '@aws-sdk/client-glue';
import { resolveInventory, ResolvedInventory, ResolveOptions } from './resolve';
import {
  defaultCrawlerTransformer,
  defaultDatasetTransformer,
  defaultJobTransformer,
  defaultTriggerTransformer,
  defaultWorkflowTransformer,
} from './transformers';
import { TransformerInputs } from './transformers/types';
import {
  AwsGlueTransformer,
  AwsGlueTransformers,
  GlueDataset,
  GlueInventory,
} from './types';

export type { ResourceFilters } from './filters';

/** The mapping options of one provider: its mapping config, id and transformers. */
export type MappingOptions = ResolveOptions & {
  transformers?: AwsGlueTransformers;
};

/** What a mapping run produced. */
export interface BuildResult {
  entities: Entity[];
  /** Human-readable problems worth a warning log line (no secrets in them). */
  warnings: string[];
  counts: Record<GlueResourceKind, number>;
}

/** The Glue resource each kind's transformers are given. */
interface Resources {
  job: Job;
  trigger: Trigger;
  workflow: Workflow;
  crawler: Crawler;
  dataset: GlueDataset;
}

const DEFAULT_TRANSFORMERS: {
  [K in GlueResourceKind]: (input: TransformerInputs[K]) => Entity;
} = {
  job: defaultJobTransformer,
  trigger: defaultTriggerTransformer,
  workflow: defaultWorkflowTransformer,
  crawler: defaultCrawlerTransformer,
  dataset: defaultDatasetTransformer,
};

const RESOURCE_OF: {
  [K in GlueResourceKind]: (input: TransformerInputs[K]) => Resources[K];
} = {
  job: input => input.job,
  trigger: input => input.trigger,
  workflow: input => input.workflow,
  crawler: input => input.crawler,
  dataset: input => input.dataset,
};

/**
 * The order entities are emitted (and transformers called) in: jobs and
 * crawlers, then what refers to them.
 */
const EMIT_ORDER: GlueResourceKind[] = [
  'job',
  'crawler',
  'trigger',
  'workflow',
  'dataset',
];

/**
 * Builds one kind's default entities and passes each through the kind's
 * configured transformer, if any, one at a time.
 */
async function emitKind<K extends GlueResourceKind>(
  kind: K,
  resolved: ResolvedInventory,
  transformers: AwsGlueTransformers,
  entities: Entity[],
): Promise<void> {
  const { unit } = resolved;
  const transformer = transformers[kind] as
    | AwsGlueTransformer<Resources[K]>
    | undefined;
  for (const input of resolved.inputs[kind]) {
    const entity = DEFAULT_TRANSFORMERS[kind](input);
    const result = transformer
      ? await transformer(RESOURCE_OF[kind](input), {
          providerId: unit.providerId,
          accountId: unit.accountId,
          region: unit.region,
          tags: input.resolved.tags,
          defaultEntity: entity,
        })
      : entity;
    if (result) entities.push(result);
  }
}

/**
 * Builds the catalog entities for one account and region: jobs, triggers,
 * workflows, crawlers and the datasets they read and write, with their
 * `dependsOn` relations, owners and systems. The resolve step finds names,
 * owners, systems and relations; a default transformer per kind builds each
 * entity; the configured transformers may then replace or drop it. Pure
 * apart from transformers.
 */
export async function buildEntities(
  inventory: GlueInventory,
  options: MappingOptions,
): Promise<BuildResult> {
  const resolved = resolveInventory(inventory, options);
  const entities: Entity[] = [];
  for (const kind of EMIT_ORDER) {
    await emitKind(kind, resolved, options.transformers ?? {}, entities);
  }
  const { inputs } = resolved;
  return {
    entities,
    warnings: resolved.warnings,
    counts: {
      job: inputs.job.length,
      trigger: inputs.trigger.length,
      workflow: inputs.workflow.length,
      crawler: inputs.crawler.length,
      dataset: inputs.dataset.length,
    },
  };
}
