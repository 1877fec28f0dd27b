import {
  GlueLineageEdge,
  writeGlueLineage,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { SyncedResources } from './filters';
import { GlueTarget, TargetMap } from './keys';
import {
  ArgumentLineageMatcher,
  DatasetReference,
  dedupeReferences,
  lineageFromCrawlerTargets,
  lineageFromVisualNodes,
  LineageOptions,
} from './lineage';
import { ResolvedLineageEdge } from './transformers/types';
import { GlueDataset, GlueInventory } from './types';

/** The datasets each synced job and crawler reads and writes. */
export type LineageByTarget = TargetMap<DatasetReference[]>;

/**
 * The lineage of the synced jobs (visual nodes, default arguments, then the
 * arguments of the synced triggers that start them) and crawlers (their
 * targets), each list without repeats. Empty when lineage is disabled.
 */
export function collectLineage(
  synced: SyncedResources,
  options: LineageOptions,
  isSynced: (target: GlueTarget) => boolean,
): LineageByTarget {
  const matcher = new ArgumentLineageMatcher(options);
  const lineage: LineageByTarget = new TargetMap();
  if (!options.enabled) {
    return lineage;
  }
  for (const job of synced.jobs) {
    lineage.set({ kind: 'job', name: job.Name! }, [
      ...lineageFromVisualNodes(job.CodeGenConfigurationNodes as any),
      ...matcher.match(job.DefaultArguments, 'default-argument'),
    ]);
  }
  for (const trigger of synced.triggers) {
    for (const action of trigger.Actions ?? []) {
      if (!action.JobName || !action.Arguments) continue;
      const started: GlueTarget = { kind: 'job', name: action.JobName };
      if (isSynced(started)) {
        lineage
          .get(started)!
          .push(
            ...matcher.match(
              action.Arguments,
              `trigger-argument:${trigger.Name}`,
            ),
          );
      }
    }
  }
  for (const crawler of synced.crawlers) {
    lineage.set(
      { kind: 'crawler', name: crawler.Name! },
      lineageFromCrawlerTargets(crawler.Targets),
    );
  }
  for (const [target, refs] of lineage.entries()) {
    lineage.set(target, dedupeReferences(refs));
  }
  return lineage;
}

/**
 * An ARN-like identity of a dataset: the S3 object ARN of a prefix, the
 * Glue table ARN of a table, the Glue connection ARN of a JDBC table.
 */
export function datasetArn(
  reference: Pick<DatasetReference, 'type' | 'location'>,
  unit: Pick<GlueInventory, 'partition' | 'accountId' | 'region'>,
): string {
  const { partition, region, accountId } = unit;
  if (reference.type === 's3-prefix') {
    return `arn:${partition}:s3:::${reference.location.slice('s3://'.length)}`;
  }
  if (reference.type === 'glue-table') {
    return `arn:${partition}:glue:${region}:${accountId}:table/${reference.location.slice(
      'glue://'.length,
    )}`;
  }
  return `arn:${partition}:glue:${region}:${accountId}:connection/${reference.location.slice(
    'jdbc://'.length,
  )}`;
}

/** The datasets of a sync by location, in the order lineage first names them. */
export interface DatasetIndex<Name> {
  datasets: Map<string, GlueDataset>;
  /** The entity name of each dataset, by location. */
  names: Map<string, Name>;
}

/**
 * One dataset per location the lineage names, with the entity refs of the
 * jobs and crawlers that read and write it (`refOf`), named by `nameOf`.
 */
export function indexDatasets<Name>(
  lineage: LineageByTarget,
  unit: Pick<GlueInventory, 'partition' | 'accountId' | 'region'>,
  refOf: (target: GlueTarget) => string,
  nameOf: (reference: DatasetReference, arn: string) => Name,
): DatasetIndex<Name> {
  const index: DatasetIndex<Name> = { datasets: new Map(), names: new Map() };
  for (const [target, refs] of lineage.entries()) {
    for (const reference of refs) {
      let dataset = index.datasets.get(reference.location);
      if (!dataset) {
        dataset = {
          type: reference.type,
          location: reference.location,
          arn: datasetArn(reference, unit),
          readers: [],
          writers: [],
        };
        index.datasets.set(reference.location, dataset);
        index.names.set(reference.location, nameOf(reference, dataset.arn));
      }
      (reference.direction === 'input'
        ? dataset.readers
        : dataset.writers
      ).push(refOf(target));
    }
  }
  return index;
}

/** Lineage references as annotation edges, each with its dataset's entity ref. */
export function lineageEdges(
  refs: DatasetReference[],
  datasetRefOf: (location: string) => string,
): ResolvedLineageEdge[] {
  return refs.map(r => ({
    direction: r.direction,
    location: r.location,
    entityRef: datasetRefOf(r.location),
    source: r.source,
  }));
}

/** The lineage annotation of a job or crawler, absent when it has no edges. */
export function lineageAnnotation(
  edges: GlueLineageEdge[],
): string | undefined {
  return edges.length === 0 ? undefined : writeGlueLineage(edges);
}
