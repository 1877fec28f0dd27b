import type { GlueResourceKind } from '@aws-glue-backstage/plugin-aws-glue-common';
import type { AwsGlueProviderConfig } from '../providers/config';
import {
  collectLineage,
  DatasetIndex,
  indexDatasets,
  LineageByTarget,
  lineageEdges,
} from './datasets';
import { EntityNamer, entityNamer, ResolvedName } from './entityNames';
import {
  glueArnOf,
  GlueResourceType,
  selectResources,
  SyncedResources,
} from './filters';
import { GlueTarget, TargetMap } from './keys';
import { normalizeEntityRefValue, resolveOwner } from './ownership';
import {
  actionTargets,
  buildTriggerGraph,
  conditionTargets,
  TriggerGraph,
} from './triggerGraph';
import {
  DatasetTransformerInput,
  GlueUnitContext,
  ResolvedGlueResource,
  RunnableTransformerParts,
  TransformerInputs,
  TriggerTransformerInput,
  WorkflowTransformerInput,
} from './transformers/types';
import { GlueInventory } from './types';

/** The options the resolve step reads: a provider's mapping config. */
export type ResolveOptions = Pick<
  AwsGlueProviderConfig,
  | 'namespace'
  | 'nameTemplate'
  | 'filters'
  | 'ownership'
  | 'lifecycle'
  | 'system'
  | 'workflowsAsSystems'
  | 'lineage'
  | 'redactor'
> & {
  /** The provider name, written into every entity. */
  providerId: string;
};

/** Everything the default transformers build from, per synced resource. */
export interface ResolvedInventory {
  unit: GlueUnitContext;
  /** The inputs of each kind's default transformer, in inventory order. */
  inputs: { [K in GlueResourceKind]: TransformerInputs[K][] };
  /** Problems worth a warning log line (no secrets in them). */
  warnings: string[];
}

/** The entity names of the synced jobs, triggers, crawlers and workflows. */
type NamesByType = Record<GlueResourceType, Map<string, ResolvedName>>;

/** What the resolve steps share. */
interface Resolution {
  inventory: GlueInventory;
  options: ResolveOptions;
  names: NamesByType;
  graph: TriggerGraph;
  lineage: LineageByTarget;
  datasets: DatasetIndex<ResolvedName>;
  /** The synced jobs and crawlers, resolved (the others inherit their owners). */
  targets: TargetMap<ResolvedGlueResource>;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (!best || count > counts.get(best)!) best = value;
  }
  return best;
}

function nameOfTarget(
  names: NamesByType,
  target: GlueTarget,
): ResolvedName | undefined {
  return names[target.kind].get(target.name);
}

function tagsOf(
  r: Pick<Resolution, 'inventory'>,
  type: GlueResourceType,
  name: string,
) {
  return r.inventory.tags.get(glueArnOf(r.inventory, type, name)) ?? {};
}

function ownerFor(
  options: ResolveOptions,
  resource: { name: string; tags: Record<string, string>; inherited?: string },
): string {
  return resolveOwner(options.ownership, resource, options.namespace).owner;
}

/** The system a `system` tag names, normalised, if any. */
function systemTagOf(
  options: ResolveOptions,
  tags: Record<string, string>,
): string | undefined {
  const value = tags[options.system.tagKey];
  return value === undefined
    ? undefined
    : normalizeEntityRefValue(value, ['system'], options.namespace);
}

function lifecycleOf(options: ResolveOptions, tags: Record<string, string>) {
  return (
    tags[options.lifecycle.tagKey]?.trim() || options.lifecycle.defaultValue
  );
}

/** The resolved identity, tags and owner of a job, trigger, crawler or workflow. */
function resolvedResource(
  r: Pick<Resolution, 'inventory' | 'options' | 'names'>,
  type: GlueResourceType,
  glueName: string,
  inherited?: string,
): ResolvedGlueResource {
  const tags = tagsOf(r, type, glueName);
  const name = r.names[type].get(glueName)!;
  return {
    kind: type,
    glueName,
    arn: glueArnOf(r.inventory, type, glueName),
    entityName: name.name,
    entityRef: name.ref,
    tags,
    owner: ownerFor(r.options, { name: glueName, tags, inherited }),
  };
}

/** A job's or crawler's system: a system tag, else its one synced workflow. */
function runnableSystem(
  r: Resolution,
  target: GlueTarget,
  tags: Record<string, string>,
): string | undefined {
  const tagged = systemTagOf(r.options, tags);
  if (tagged) return tagged;
  const memberOf = [...(r.graph.workflowsOf.get(target) ?? [])].filter(w =>
    r.names.workflow.has(w),
  );
  return memberOf.length === 1
    ? r.names.workflow.get(memberOf[0])?.ref
    : undefined;
}

function runnableParts(
  r: Resolution,
  unit: GlueUnitContext,
  target: GlueTarget,
): RunnableTransformerParts {
  const resource = r.targets.get(target)!;
  return {
    unit,
    resolved: {
      ...resource,
      lifecycle: lifecycleOf(r.options, resource.tags),
      system: runnableSystem(r, target, resource.tags),
    },
    startedBy: (r.graph.startedBy.get(target) ?? [])
      .map(trigger => r.names.trigger.get(trigger)?.ref)
      .filter((ref): ref is string => Boolean(ref)),
    lineage: lineageEdges(
      r.lineage.get(target) ?? [],
      location => r.datasets.names.get(location)!.ref,
    ),
    workflows: [...(r.graph.workflowsOf.get(target) ?? [])],
  };
}

function triggerInput(
  r: Resolution,
  unit: GlueUnitContext,
  trigger: TriggerTransformerInput['trigger'],
): TriggerTransformerInput {
  const glueName = trigger.Name!;
  // An untagged trigger takes the owner of the first synced job or crawler it starts.
  const started = actionTargets(trigger).find(t => r.targets.has(t));
  const resource = resolvedResource(
    r,
    'trigger',
    glueName,
    started ? r.targets.get(started)!.owner : undefined,
  );
  const system =
    systemTagOf(r.options, resource.tags) ??
    (trigger.WorkflowName
      ? r.names.workflow.get(trigger.WorkflowName)?.ref
      : undefined);
  return {
    unit,
    trigger,
    resolved: {
      ...resource,
      lifecycle: lifecycleOf(r.options, resource.tags),
      system,
    },
    watches: conditionTargets(trigger)
      .map(t => nameOfTarget(r.names, t)?.ref)
      .filter((ref): ref is string => ref !== undefined),
    missingReferences: r.graph.missingByTrigger.get(glueName) ?? [],
  };
}

function workflowInput(
  r: Resolution,
  unit: GlueUnitContext,
  workflow: WorkflowTransformerInput['workflow'],
): WorkflowTransformerInput {
  const memberOwners = (r.graph.membersOf.get(workflow.Name!)?.keys() ?? [])
    .map(member => r.targets.get(member)?.owner)
    .filter((owner): owner is string => Boolean(owner));
  return {
    unit,
    workflow,
    resolved: resolvedResource(
      r,
      'workflow',
      workflow.Name!,
      mostCommon(memberOwners),
    ),
  };
}

/** Datasets take the owner of whoever writes them, else of whoever reads them. */
function datasetInputs(
  r: Resolution,
  unit: GlueUnitContext,
): DatasetTransformerInput[] {
  const ownerByRef = new Map<string, string>();
  for (const [, resource] of r.targets.entries()) {
    ownerByRef.set(resource.entityRef, resource.owner);
  }
  return [...r.datasets.datasets.values()].map(dataset => {
    const name = r.datasets.names.get(dataset.location)!;
    const inherited = ownerByRef.get(
      dataset.writers[0] ?? dataset.readers[0] ?? '',
    );
    return {
      unit,
      dataset,
      resolved: {
        kind: 'dataset',
        glueName: dataset.location,
        arn: dataset.arn,
        entityName: name.name,
        entityRef: name.ref,
        tags: {},
        owner: ownerFor(r.options, {
          name: dataset.location,
          tags: {},
          inherited,
        }),
      },
    };
  });
}

/** The entity names of the synced resources, by type and Glue name. */
function resolveNames(
  namer: EntityNamer,
  synced: SyncedResources,
): NamesByType {
  const byName = (type: GlueResourceType, items: { Name?: string }[]) =>
    new Map(items.map(item => [item.Name!, namer.resource(type, item.Name!)]));
  return {
    job: byName('job', synced.jobs),
    trigger: byName('trigger', synced.triggers),
    crawler: byName('crawler', synced.crawlers),
    workflow: byName('workflow', synced.workflows),
  };
}

/** The synced jobs and crawlers, resolved: owners from tags, rules or the default. */
function resolveTargets(
  r: Pick<Resolution, 'inventory' | 'options' | 'names'>,
  synced: SyncedResources,
): TargetMap<ResolvedGlueResource> {
  const targets = new TargetMap<ResolvedGlueResource>();
  for (const kind of ['job', 'crawler'] as const) {
    for (const item of kind === 'job' ? synced.jobs : synced.crawlers) {
      targets.set(
        { kind, name: item.Name! },
        resolvedResource(r, kind, item.Name!),
      );
    }
  }
  return targets;
}

/**
 * The resolve step: which resources are synced, and for each its entity
 * name and ref, owner, system, lifecycle, trigger relations and lineage,
 * plus the datasets the lineage names. Pure; the default transformers turn
 * each input into its entity.
 */
export function resolveInventory(
  inventory: GlueInventory,
  options: ResolveOptions,
): ResolvedInventory {
  const synced = selectResources(inventory, options);
  const namer = entityNamer(inventory, options);
  const names = resolveNames(namer, synced);
  const isSynced = (target: GlueTarget) =>
    nameOfTarget(names, target) !== undefined;
  const graph = buildTriggerGraph(synced.triggers, isSynced);
  const lineage = collectLineage(synced, options.lineage, isSynced);
  const r: Resolution = {
    inventory,
    options,
    names,
    graph,
    lineage,
    datasets: indexDatasets(
      lineage,
      inventory,
      target => nameOfTarget(names, target)!.ref,
      namer.dataset,
    ),
    targets: resolveTargets({ inventory, options, names }, synced),
  };
  const { partition, accountId, region } = inventory;
  const unit: GlueUnitContext = {
    providerId: options.providerId,
    partition,
    accountId,
    region,
    namespace: options.namespace,
    redactor: options.redactor,
  };
  const inputs: ResolvedInventory['inputs'] = {
    job: synced.jobs.map(job => ({
      ...runnableParts(r, unit, { kind: 'job', name: job.Name! }),
      job,
    })),
    trigger: synced.triggers.map(trigger => triggerInput(r, unit, trigger)),
    workflow: synced.workflows.map(workflow =>
      workflowInput(r, unit, workflow),
    ),
    crawler: synced.crawlers.map(crawler => ({
      ...runnableParts(r, unit, { kind: 'crawler', name: crawler.Name! }),
      crawler,
    })),
    dataset: datasetInputs(r, unit),
  };
  return { unit, inputs, warnings: graph.warnings };
}
