import type { Crawler, Job, Trigger, Workflow } from '@aws-sdk/client-glue';
import { formatGlueArn } from '@aws-glue-backstage/plugin-aws-glue-common';
import { GlueInventory } from './types';

/**
 * A Glue name include/exclude filter: regular expressions.
 *
 * @public
 */
export interface NameFilter {
  include: RegExp[];
  exclude: RegExp[];
}

/**
 * Name include/exclude patterns and required tags.
 *
 * @public
 */
export interface ResourceFilters {
  jobs: NameFilter;
  triggers: NameFilter;
  /** Every synced resource must have these tags; a value of `*` accepts any value. */
  requiredTags: Record<string, string>;
}

/** The Glue resource types that have names, ARNs and tags of their own. */
export type GlueResourceType = 'job' | 'trigger' | 'workflow' | 'crawler';

/** The resources of an inventory that are synced, in the inventory's order. */
export interface SyncedResources {
  jobs: Job[];
  triggers: Trigger[];
  crawlers: Crawler[];
  workflows: Workflow[];
}

/** Included by a pattern (when there are any) and excluded by none. */
export function passesNameFilter(name: string, filter: NameFilter): boolean {
  if (filter.include.length > 0 && !filter.include.some(p => p.test(name))) {
    return false;
  }
  return !filter.exclude.some(p => p.test(name));
}

/** Has every required tag, with its value (`*`: any value). */
export function hasRequiredTags(
  tags: Record<string, string>,
  required: Record<string, string>,
): boolean {
  return Object.entries(required).every(([key, value]) =>
    value === '*' ? key in tags : tags[key] === value,
  );
}

/** The ARN of a job, trigger, workflow or crawler of the inventory's unit. */
export function glueArnOf(
  inventory: Pick<GlueInventory, 'partition' | 'accountId' | 'region'>,
  resourceType: GlueResourceType,
  name: string,
): string {
  const { partition, region, accountId } = inventory;
  return formatGlueArn({ partition, region, accountId, resourceType, name });
}

/**
 * Which resources are synced: named, through the name filters (jobs and
 * triggers), with the required tags, and workflows only when they become
 * Systems.
 */
export function selectResources(
  inventory: GlueInventory,
  options: { filters: ResourceFilters; workflowsAsSystems: boolean },
): SyncedResources {
  const { filters } = options;
  const keep = (
    resourceType: GlueResourceType,
    item: { Name?: string },
    nameFilter?: NameFilter,
  ) =>
    Boolean(item.Name) &&
    (!nameFilter || passesNameFilter(item.Name!, nameFilter)) &&
    hasRequiredTags(
      inventory.tags.get(glueArnOf(inventory, resourceType, item.Name!)) ?? {},
      filters.requiredTags,
    );
  return {
    jobs: inventory.jobs.filter(job => keep('job', job, filters.jobs)),
    triggers: inventory.triggers.filter(trigger =>
      keep('trigger', trigger, filters.triggers),
    ),
    crawlers: inventory.crawlers.filter(crawler => keep('crawler', crawler)),
    workflows: options.workflowsAsSystems
      ? inventory.workflows.filter(workflow => keep('workflow', workflow))
      : [],
  };
}
