import {
  BatchGetWorkflowsCommand,
  Crawler,
  GetTagsCommand,
  GlueClient,
  Job,
  paginateGetCrawlers,
  paginateGetJobs,
  paginateGetTriggers,
  paginateListWorkflows,
  Trigger,
  Workflow,
} from '@aws-sdk/client-glue';
import {
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { formatGlueArn } from '@aws-glue-backstage/plugin-aws-glue-common';
import { guardPages } from '@aws-glue-backstage/plugin-aws-glue-node';
import { GlueInventory } from '../lib/types';

/**
 * Page sizes: each operation's documented maximum (`MaxResults` of GetJobs
 * and GetCrawlers 1,000, GetTriggers 200, ListWorkflows 25; BatchGetWorkflows
 * takes 25 names; the tagging API's `ResourcesPerPage` 100). See
 * https://docs.aws.amazon.com/glue/latest/webapi/API_Operations.html and
 * https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html.
 */
export const PAGE_SIZES = {
  GetJobs: 1000,
  GetTriggers: 200,
  ListWorkflows: 25,
  BatchGetWorkflows: 25,
  GetCrawlers: 1000,
  GetResources: 100,
} as const;

/**
 * The most pages one listing may take (1,000,000 jobs at 1,000 a page; the
 * tagging API's 100 a page: 200,000 resources of a type).
 */
export const DEFAULT_MAX_PAGES = 2000;

/** Options of {@link readGlueInventory}. */
export interface ReadOptions {
  /** Cancels every call and the paging (the task's signal). */
  signal?: AbortSignal;
  /** Pages per listing before it fails (default {@link DEFAULT_MAX_PAGES}). */
  maxPages?: number;
  /** Where `maxPages` is configured, for the error message. */
  maxPagesConfigKey?: string;
}

/** The SDK clients for one account and region. */
export interface GlueClients {
  glue: GlueClient;
  tagging: ResourceGroupsTaggingAPIClient;
}

/** A page that does not have the shape Glue documents. */
export class MalformedResponseError extends Error {
  constructor(operation: string, problem: string) {
    super(`${operation} returned a malformed page: ${problem}`);
    this.name = 'MalformedResponseError';
  }
}

/** Counts SDK commands by operation name (one per call, retries not counted). */
export class CallCounter {
  readonly calls: Record<string, number> = {};

  attach(client: GlueClient | ResourceGroupsTaggingAPIClient) {
    client.middlewareStack.add(
      (next, context) => async args => {
        const name = String(context.commandName ?? 'unknown').replace(
          /Command$/,
          '',
        );
        this.calls[name] = (this.calls[name] ?? 0) + 1;
        return next(args);
      },
      { step: 'initialize', name: 'awsGlueCallCounter', override: true },
    );
  }

  get total(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }
}

function checkNamed<T extends { Name?: string }>(
  operation: string,
  items: T[] | undefined,
  field: string,
): T[] {
  // Glue always sends the list, empty or not; a page without it (e.g. a 200
  // with an empty body) must not read as "no resources".
  if (!Array.isArray(items)) {
    throw new MalformedResponseError(
      operation,
      items === undefined ? `${field} is missing` : `${field} is not a list`,
    );
  }
  items.forEach((item, index) => {
    if (!item || typeof item.Name !== 'string' || item.Name.length === 0) {
      throw new MalformedResponseError(
        operation,
        `${field}[${index}] has no Name`,
      );
    }
  });
  return items;
}

/** What the listings of one read share. */
interface ReadContext {
  clients: GlueClients;
  pagination: { client: GlueClient; pageSize: undefined };
  /** Every call is cancelled with the sync (task timeout, shutdown). */
  send: { abortSignal: AbortSignal };
  guard: { maxPages: number; maxPagesConfigKey?: string; signal: AbortSignal };
}

/** Every page of a listing of named resources, checked. */
async function readNamed<T extends { Name?: string }, P extends object>(
  ctx: ReadContext,
  operation: string,
  field: string,
  pages: AsyncIterable<P>,
  itemsOf: (page: P) => T[] | undefined,
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of guardPages(operation, pages, ctx.guard)) {
    items.push(...checkNamed(operation, itemsOf(page), field));
  }
  return items;
}

function readJobs(ctx: ReadContext): Promise<Job[]> {
  const { pagination, send } = ctx;
  const input = { MaxResults: PAGE_SIZES.GetJobs };
  const pages = paginateGetJobs(pagination, input, send);
  return readNamed(ctx, 'GetJobs', 'Jobs', pages, p => p.Jobs);
}

function readTriggers(ctx: ReadContext): Promise<Trigger[]> {
  const { pagination, send } = ctx;
  const input = { MaxResults: PAGE_SIZES.GetTriggers };
  const pages = paginateGetTriggers(pagination, input, send);
  return readNamed(ctx, 'GetTriggers', 'Triggers', pages, p => p.Triggers);
}

function readCrawlers(ctx: ReadContext): Promise<Crawler[]> {
  const { pagination, send } = ctx;
  const input = { MaxResults: PAGE_SIZES.GetCrawlers };
  const pages = paginateGetCrawlers(pagination, input, send);
  return readNamed(ctx, 'GetCrawlers', 'Crawlers', pages, p => p.Crawlers);
}

/** The workflows of one page of names; every name must come back, found or missing. */
async function getWorkflows(
  ctx: ReadContext,
  names: string[],
): Promise<Workflow[]> {
  const result = await ctx.clients.glue.send(
    new BatchGetWorkflowsCommand({ Names: names, IncludeGraph: false }),
    ctx.send,
  );
  const found = checkNamed('BatchGetWorkflows', result.Workflows, 'Workflows');
  const missing = result.MissingWorkflows?.length ?? 0;
  if (found.length + missing !== names.length) {
    throw new MalformedResponseError(
      'BatchGetWorkflows',
      `asked for ${names.length} workflows, got ${found.length} and ${missing} missing`,
    );
  }
  return found;
}

async function readWorkflows(ctx: ReadContext): Promise<Workflow[]> {
  // Each BatchGetWorkflows starts as soon as its page of names arrives.
  const batches: Promise<Workflow[]>[] = [];
  for await (const page of guardPages(
    'ListWorkflows',
    paginateListWorkflows(
      ctx.pagination,
      { MaxResults: PAGE_SIZES.ListWorkflows },
      ctx.send,
    ),
    ctx.guard,
  )) {
    const names = page.Workflows ?? [];
    if (!Array.isArray(names)) {
      throw new MalformedResponseError(
        'ListWorkflows',
        'Workflows is not a list',
      );
    }
    if (names.length === 0) continue;
    const batch = getWorkflows(ctx, names);
    // awaited below; a failure while ListWorkflows still pages is not unhandled
    batch.catch(() => {});
    batches.push(batch);
  }
  return (await Promise.all(batches)).flat();
}

async function readTagsOfType(
  ctx: ReadContext,
  type: string,
  tags: Map<string, Record<string, string>>,
) {
  for await (const page of guardPages(
    `GetResources (${type})`,
    paginateGetResources(
      { client: ctx.clients.tagging, pageSize: undefined },
      {
        ResourceTypeFilters: [type],
        ResourcesPerPage: PAGE_SIZES.GetResources,
      },
      ctx.send,
    ),
    { ...ctx.guard, tokenOf: p => p.PaginationToken },
  )) {
    const mappings = page.ResourceTagMappingList ?? [];
    if (!Array.isArray(mappings)) {
      throw new MalformedResponseError(
        'GetResources',
        'ResourceTagMappingList is not a list',
      );
    }
    for (const mapping of mappings) {
      if (!mapping.ResourceARN) continue;
      const values: Record<string, string> = {};
      for (const tag of mapping.Tags ?? []) {
        if (tag.Key) values[tag.Key] = tag.Value ?? '';
      }
      tags.set(mapping.ResourceARN, values);
    }
  }
}

/**
 * The tags of every job, trigger, crawler and workflow, one paged stream per
 * resource type in parallel (the longest stream, not the sum, bounds the
 * time); `workflowTagsUnsupported` when the tagging API rejects the
 * `glue:workflow` type.
 */
async function readTags(ctx: ReadContext) {
  const tags = new Map<string, Record<string, string>>();
  let workflowTagsUnsupported = false;
  const resourceTypes = [
    'glue:job',
    'glue:trigger',
    'glue:crawler',
    'glue:workflow',
  ];
  await Promise.all(
    resourceTypes.map(async type => {
      try {
        await readTagsOfType(ctx, type, tags);
      } catch (error) {
        // Where the tagging API rejects the `glue:workflow` type filter (an
        // InvalidParameterException), fall back to GetTags per workflow. The
        // types it supports: https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/supported-services.html
        if (
          type === 'glue:workflow' &&
          (error as Error).name === 'InvalidParameterException'
        ) {
          workflowTagsUnsupported = true;
          return;
        }
        throw error;
      }
    }),
  );
  return { tags, workflowTagsUnsupported };
}

/**
 * Reads the whole Glue inventory of one account and region with as few calls
 * as the API allows: GetJobs, GetTriggers, ListWorkflows + BatchGetWorkflows,
 * GetCrawlers and the tagging API's GetResources, every one paged at its
 * maximum page size, the independent streams in parallel. Any failed or
 * malformed page fails the whole read: a partial inventory is never returned.
 */
export async function readGlueInventory(
  clients: GlueClients,
  unit: { partition: string; accountId: string; region: string },
  options: ReadOptions = {},
): Promise<GlueInventory> {
  // When one stream fails, the read has failed: the others stop calling Glue.
  const failed = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, failed.signal])
    : failed.signal;
  const ctx: ReadContext = {
    clients,
    pagination: { client: clients.glue, pageSize: undefined },
    send: { abortSignal: signal },
    guard: {
      maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
      maxPagesConfigKey: options.maxPagesConfigKey,
      signal,
    },
  };
  const [
    jobs,
    triggers,
    workflows,
    crawlers,
    { tags, workflowTagsUnsupported },
  ] = await Promise.all([
    readJobs(ctx),
    readTriggers(ctx),
    readWorkflows(ctx),
    readCrawlers(ctx),
    readTags(ctx),
  ]).catch(error => {
    failed.abort(error);
    throw error;
  });
  if (workflowTagsUnsupported) {
    for (const [arn, values] of await readWorkflowTagsOneByOne(
      clients.glue,
      unit,
      workflows,
      signal,
    )) {
      tags.set(arn, values);
    }
  }
  return { ...unit, jobs, triggers, workflows, crawlers, tags };
}

/**
 * Tags of workflows one by one, for regions where the tagging API does not
 * support `glue:workflow`. Only used as a fallback.
 */
export async function readWorkflowTagsOneByOne(
  glue: GlueClient,
  unit: { partition: string; accountId: string; region: string },
  workflows: Workflow[],
  signal?: AbortSignal,
): Promise<Map<string, Record<string, string>>> {
  const tags = new Map<string, Record<string, string>>();
  for (const workflow of workflows) {
    signal?.throwIfAborted();
    const arn = formatGlueArn({
      ...unit,
      resourceType: 'workflow',
      name: workflow.Name!,
    });
    const result = await glue.send(new GetTagsCommand({ ResourceArn: arn }), {
      abortSignal: signal,
    });
    if (result.Tags && Object.keys(result.Tags).length > 0) {
      tags.set(arn, result.Tags);
    }
  }
  return tags;
}
