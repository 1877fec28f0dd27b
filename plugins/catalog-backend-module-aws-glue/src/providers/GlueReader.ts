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

/** Page sizes: each operation's maximum (glue-api.md). */
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
  const { glue, tagging } = clients;
  const pagination = { client: glue, pageSize: undefined };
  // When one stream fails, the read has failed: the others stop calling Glue.
  const failed = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, failed.signal])
    : failed.signal;
  // Every call is cancelled with the sync (task timeout, shutdown).
  const send = { abortSignal: signal };
  const guard = {
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
    maxPagesConfigKey: options.maxPagesConfigKey,
    signal,
  };

  const readJobs = async () => {
    const jobs: Job[] = [];
    for await (const page of guardPages(
      'GetJobs',
      paginateGetJobs(pagination, { MaxResults: PAGE_SIZES.GetJobs }, send),
      guard,
    )) {
      jobs.push(...checkNamed('GetJobs', page.Jobs, 'Jobs'));
    }
    return jobs;
  };
  const readTriggers = async () => {
    const triggers: Trigger[] = [];
    for await (const page of guardPages(
      'GetTriggers',
      paginateGetTriggers(
        pagination,
        { MaxResults: PAGE_SIZES.GetTriggers },
        send,
      ),
      guard,
    )) {
      triggers.push(...checkNamed('GetTriggers', page.Triggers, 'Triggers'));
    }
    return triggers;
  };
  const readCrawlers = async () => {
    const crawlers: Crawler[] = [];
    for await (const page of guardPages(
      'GetCrawlers',
      paginateGetCrawlers(
        pagination,
        { MaxResults: PAGE_SIZES.GetCrawlers },
        send,
      ),
      guard,
    )) {
      crawlers.push(...checkNamed('GetCrawlers', page.Crawlers, 'Crawlers'));
    }
    return crawlers;
  };
  const readWorkflows = async () => {
    // Each BatchGetWorkflows starts as soon as its page of names arrives.
    const batches: Promise<Workflow[]>[] = [];
    for await (const page of guardPages(
      'ListWorkflows',
      paginateListWorkflows(
        pagination,
        { MaxResults: PAGE_SIZES.ListWorkflows },
        send,
      ),
      guard,
    )) {
      const names = page.Workflows ?? [];
      if (!Array.isArray(names)) {
        throw new MalformedResponseError(
          'ListWorkflows',
          'Workflows is not a list',
        );
      }
      if (names.length === 0) continue;
      const batch = glue
        .send(
          new BatchGetWorkflowsCommand({ Names: names, IncludeGraph: false }),
          send,
        )
        .then(result => {
          const found = checkNamed(
            'BatchGetWorkflows',
            result.Workflows,
            'Workflows',
          );
          if (
            found.length + (result.MissingWorkflows?.length ?? 0) !==
            names.length
          ) {
            throw new MalformedResponseError(
              'BatchGetWorkflows',
              `asked for ${names.length} workflows, got ${found.length} and ${
                result.MissingWorkflows?.length ?? 0
              } missing`,
            );
          }
          return found;
        });
      // awaited below; a failure while ListWorkflows still pages is not unhandled
      batch.catch(() => {});
      batches.push(batch);
    }
    return (await Promise.all(batches)).flat();
  };
  const readTagsOfType = async (
    type: string,
    tags: Map<string, Record<string, string>>,
  ) => {
    for await (const page of guardPages(
      `GetResources (${type})`,
      paginateGetResources(
        { client: tagging, pageSize: undefined },
        {
          ResourceTypeFilters: [type],
          ResourcesPerPage: PAGE_SIZES.GetResources,
        },
        send,
      ),
      { ...guard, tokenOf: p => p.PaginationToken },
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
  };
  let workflowTagsUnsupported = false;
  const readTags = async () => {
    const tags = new Map<string, Record<string, string>>();
    const resourceTypes = [
      'glue:job',
      'glue:trigger',
      'glue:crawler',
      'glue:workflow',
    ];
    // One paged stream per resource type, in parallel: the longest stream,
    // not the sum, bounds the time.
    await Promise.all(
      resourceTypes.map(async type => {
        try {
          await readTagsOfType(type, tags);
        } catch (error) {
          // Whether the tagging API knows `glue:workflow` is unverified
          // (glue-api.md §7.3); fall back to GetTags per workflow.
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
    return tags;
  };

  const [jobs, triggers, workflows, crawlers, tags] = await Promise.all([
    readJobs(),
    readTriggers(),
    readWorkflows(),
    readCrawlers(),
    readTags(),
  ]).catch(error => {
    failed.abort(error);
    throw error;
  });
  if (workflowTagsUnsupported) {
    for (const [arn, values] of await readWorkflowTagsOneByOne(
      glue,
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
