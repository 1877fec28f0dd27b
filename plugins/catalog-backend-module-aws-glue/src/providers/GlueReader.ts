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
  GetResourcesCommand,
  GetResourcesOutput,
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { formatGlueArn } from '@aws-glue-backstage/plugin-aws-glue-common';
import { guardPages } from '@aws-glue-backstage/plugin-aws-glue-node';
import { GlueInventory } from '../lib/types';
import {
  pickCrawler,
  pickJob,
  pickTrigger,
  pickWorkflow,
} from './mappedFields';

/**
 * Page sizes: each operation's documented maximum (`MaxResults` of GetJobs
 * and GetCrawlers 1,000, GetTriggers 200, ListWorkflows 25; BatchGetWorkflows
 * takes 25 names; the tagging API's `ResourcesPerPage` 100, and 100 ARNs in
 * its `ResourceARNList`). See
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
  ResourceARNList: 100,
} as const;

/**
 * `GetResources({ ResourceARNList })` calls in flight at once per read, by
 * default (`tagging.concurrency`).
 */
export const DEFAULT_TAGGING_CONCURRENCY = 8;

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
  /**
   * Tagging calls by ARN list in flight at once (default
   * {@link DEFAULT_TAGGING_CONCURRENCY}).
   */
  taggingConcurrency?: number;
  /**
   * Kinds whose Glue objects are kept whole, with every field the SDK
   * returned: those a configured transformer receives. Of the others only
   * the fields the mapping reads are kept (see `MAPPED_FIELDS`).
   */
  keepWhole?: Partial<Record<TaggableKind | 'workflow', boolean>>;
}

/** The resource types whose tags are read by ARN list, as each page arrives. */
type TaggableKind = 'job' | 'trigger' | 'crawler';

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
  unit: { partition: string; accountId: string; region: string };
  pagination: { client: GlueClient; pageSize: undefined };
  /** Every call is cancelled with the sync (task timeout, shutdown). */
  send: { abortSignal: AbortSignal };
  guard: { maxPages: number; maxPagesConfigKey?: string; signal: AbortSignal };
  /** The tags of the jobs, triggers and crawlers, read as their pages arrive. */
  tagBatches: TagBatches;
  keepWhole: NonNullable<ReadOptions['keepWhole']>;
}

/**
 * Every page of a listing of named resources, checked; of each item only
 * what `keep` returns is held, and its ARN goes to the tag batches.
 */
async function readNamed<T extends { Name?: string }, P extends object>(
  ctx: ReadContext,
  operation: string,
  field: string,
  pages: AsyncIterable<P>,
  itemsOf: (page: P) => T[] | undefined,
  kind: TaggableKind,
  keep: (item: T) => T,
): Promise<T[]> {
  const items: T[] = [];
  const whole = ctx.keepWhole[kind] === true;
  for await (const page of guardPages(operation, pages, ctx.guard)) {
    const checked = checkNamed(operation, itemsOf(page), field);
    const arns: string[] = [];
    for (const item of checked) {
      items.push(whole ? item : keep(item));
      arns.push(
        formatGlueArn({ ...ctx.unit, resourceType: kind, name: item.Name! }),
      );
    }
    ctx.tagBatches.add(arns);
  }
  return items;
}

function readJobs(ctx: ReadContext): Promise<Job[]> {
  const { pagination, send } = ctx;
  const input = { MaxResults: PAGE_SIZES.GetJobs };
  const pages = paginateGetJobs(pagination, input, send);
  return readNamed(ctx, 'GetJobs', 'Jobs', pages, p => p.Jobs, 'job', pickJob);
}

function readTriggers(ctx: ReadContext): Promise<Trigger[]> {
  const { pagination, send } = ctx;
  const input = { MaxResults: PAGE_SIZES.GetTriggers };
  const pages = paginateGetTriggers(pagination, input, send);
  return readNamed(
    ctx,
    'GetTriggers',
    'Triggers',
    pages,
    p => p.Triggers,
    'trigger',
    pickTrigger,
  );
}

function readCrawlers(ctx: ReadContext): Promise<Crawler[]> {
  const { pagination, send } = ctx;
  const input = { MaxResults: PAGE_SIZES.GetCrawlers };
  const pages = paginateGetCrawlers(pagination, input, send);
  return readNamed(
    ctx,
    'GetCrawlers',
    'Crawlers',
    pages,
    p => p.Crawlers,
    'crawler',
    pickCrawler,
  );
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
  return ctx.keepWhole.workflow ? found : found.map(pickWorkflow);
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

/**
 * Adds the tags of one tagging API answer to `tags`. A resource that has no
 * tags is simply absent from the answer; an answer whose mapping list is not
 * a list fails the read.
 */
function addTagMappings(
  page: GetResourcesOutput,
  tags: Map<string, Record<string, string>>,
) {
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

/**
 * The tags of the resources whose ARNs are added, by `GetResources` with a
 * `ResourceARNList` of up to 100 ARNs (a list cannot be combined with the
 * paging parameters, and one call answers it whole). Each full batch is sent
 * as soon as it fills, with at most `concurrency` calls in flight; `finish`
 * sends the last, partial batch. The first failed call fails the batches
 * (`failure` rejects with its error) and no further call starts.
 */
export class TagBatches {
  readonly tags = new Map<string, Record<string, string>>();
  /** Rejects with the first failed call's error; never resolves. */
  readonly failure: Promise<never>;
  private fail!: (error: unknown) => void;
  private failed = false;
  private buffer: string[] = [];
  private readonly queue: string[][] = [];
  private running = 0;
  private finished = false;
  private settle?: () => void;

  constructor(
    private readonly tagging: ResourceGroupsTaggingAPIClient,
    private readonly send: { abortSignal: AbortSignal },
    private readonly concurrency: number,
  ) {
    this.failure = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
    // awaited by the read; a failure after the read has failed is not unhandled
    this.failure.catch(() => {});
  }

  /** ARNs whose tags to read; full batches start at once. */
  add(arns: string[]) {
    this.buffer.push(...arns);
    while (this.buffer.length >= PAGE_SIZES.ResourceARNList) {
      this.queue.push(this.buffer.splice(0, PAGE_SIZES.ResourceARNList));
    }
    this.pump();
  }

  /** No more ARNs: sends the last batch; resolves when every call answered. */
  finish(): Promise<void> {
    if (this.buffer.length > 0) this.queue.push(this.buffer.splice(0));
    this.finished = true;
    const done = new Promise<void>(resolve => {
      this.settle = resolve;
    });
    this.pump();
    return Promise.race([done, this.failure]);
  }

  private pump() {
    if (this.failed) return;
    if (this.send.abortSignal.aborted) {
      // cancelled (or another listing failed): start nothing more
      this.failed = true;
      this.fail(this.send.abortSignal.reason);
      return;
    }
    while (this.running < this.concurrency && this.queue.length > 0) {
      const batch = this.queue.shift()!;
      this.running += 1;
      this.read(batch).then(
        () => {
          this.running -= 1;
          this.pump();
        },
        error => {
          this.running -= 1;
          this.failed = true;
          this.fail(error);
        },
      );
    }
    if (this.finished && this.running === 0 && this.queue.length === 0) {
      this.settle?.();
    }
  }

  private async read(batch: string[]) {
    const page = await this.tagging.send(
      new GetResourcesCommand({ ResourceARNList: batch }),
      this.send,
    );
    addTagMappings(page, this.tags);
  }
}

/**
 * The tags of every workflow, one paged stream of the `glue:workflow` type
 * (workflows come as names, then in batches of 25: their ARNs are known
 * late, and there are few); `workflowTagsUnsupported` when the tagging API
 * rejects that type.
 */
async function readWorkflowTags(ctx: ReadContext) {
  const tags = new Map<string, Record<string, string>>();
  const type = 'glue:workflow';
  try {
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
      addTagMappings(page, tags);
    }
  } catch (error) {
    // Where the tagging API rejects the `glue:workflow` type filter (an
    // InvalidParameterException), fall back to GetTags per workflow. The
    // types it supports: https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/supported-services.html
    if ((error as Error).name === 'InvalidParameterException') {
      return { tags, workflowTagsUnsupported: true };
    }
    throw error;
  }
  return { tags, workflowTagsUnsupported: false };
}

/**
 * The jobs, triggers and crawlers, each page's tags requested by ARN list as
 * the page arrives; resolves when the last of those tagging calls answered.
 */
async function readTaggedListings(ctx: ReadContext) {
  const [jobs, triggers, crawlers] = await Promise.all([
    readJobs(ctx),
    readTriggers(ctx),
    readCrawlers(ctx),
  ]);
  await ctx.tagBatches.finish();
  return { jobs, triggers, crawlers };
}

/**
 * Reads the whole Glue inventory of one account and region with few calls
 * and a short chain of calls that must follow one another: GetJobs,
 * GetTriggers, ListWorkflows + BatchGetWorkflows and GetCrawlers, every one
 * paged at its maximum page size, the independent streams in parallel; the
 * tags of each page of jobs, triggers and crawlers by the tagging API's
 * GetResources with a list of 100 ARNs as the page arrives (within
 * `taggingConcurrency`), the workflows' tags by one `glue:workflow` stream.
 * Any failed or malformed page fails the whole read: a partial inventory is
 * never returned.
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
  const send = { abortSignal: signal };
  const ctx: ReadContext = {
    clients,
    unit,
    pagination: { client: clients.glue, pageSize: undefined },
    send,
    guard: {
      maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
      maxPagesConfigKey: options.maxPagesConfigKey,
      signal,
    },
    tagBatches: new TagBatches(
      clients.tagging,
      send,
      options.taggingConcurrency ?? DEFAULT_TAGGING_CONCURRENCY,
    ),
    keepWhole: options.keepWhole ?? {},
  };
  const [
    { jobs, triggers, crawlers },
    workflows,
    { tags: workflowTags, workflowTagsUnsupported },
  ] = await Promise.race([
    Promise.all([
      readTaggedListings(ctx),
      readWorkflows(ctx),
      readWorkflowTags(ctx),
    ]),
    // a failed tagging call fails the read at once, with its own error
    ctx.tagBatches.failure,
  ]).catch(error => {
    failed.abort(error);
    throw error;
  });
  const tags = ctx.tagBatches.tags;
  for (const [arn, values] of workflowTags) {
    tags.set(arn, values);
  }
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
