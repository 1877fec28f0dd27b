/*
 * What a sync of one account x region must cost at least, computed from the
 * fixture alone: the minimum number of API calls (every operation paged at
 * its maximum page size) and the latency lower bound (the longest chain of
 * pages that must be fetched one after another, times the per-call latency).
 *
 * The page sizes are the API maxima (GetJobs and GetCrawlers 1,000,
 * GetTriggers 200, ListWorkflows and BatchGetWorkflows 25, the tagging API's
 * GetResources 100 a page or 100 ARNs in a `ResourceARNList`; see each
 * operation's MaxResults in the AWS Glue API reference,
 * https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api.html, and
 * https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html),
 * written down here on purpose rather than imported from the provider, so
 * the benchmark checks the provider against the API, not against itself.
 *
 * The read: the tags of jobs, triggers and crawlers by ARN list (one call per
 * 100 of them, sent as each page of them arrives), the workflows' by one
 * `glue:workflow` stream. The previous read (one paged GetResources stream
 * per resource type) is kept as `previousMinimumCalls` and
 * `previousLatencyLowerBound`, so the report can set the old floor beside
 * the new one.
 */
import type { Fixture, FixtureRegion } from '@aws-glue-backstage/glue-emulator';

/** The largest page each read operation allows. */
export const API_MAX_PAGE_SIZES = {
  GetJobs: 1000,
  GetTriggers: 200,
  ListWorkflows: 25,
  BatchGetWorkflows: 25,
  GetCrawlers: 1000,
  GetResources: 100,
  /** ARNs in one GetResources `ResourceARNList`. */
  ResourceARNList: 100,
} as const;

/**
 * The provider's default `tagging.concurrency` (ARN-list calls in flight at
 * once), which the sync bench runs with: with N such calls the tagging alone
 * needs at least ceil(N / concurrency) latencies.
 */
export const TAGGING_CONCURRENCY = 8;

export const TAGGED_TYPES = ['job', 'trigger', 'workflow', 'crawler'] as const;
export type TaggedType = (typeof TAGGED_TYPES)[number];

/** What one account x region holds. */
export interface AccountCounts {
  jobs: number;
  triggers: number;
  workflows: number;
  crawlers: number;
  /** Resources with at least one tag, per type: what the tagging API returns. */
  tagged: Record<TaggedType, number>;
}

function hasTags(resource: { Tags?: Record<string, string> }): boolean {
  return !!resource.Tags && Object.keys(resource.Tags).length > 0;
}

/** Counts one region of a fixture. */
export function countRegion(region: FixtureRegion): AccountCounts {
  const jobs = region.jobs ?? [];
  const triggers = region.triggers ?? [];
  const workflows = region.workflows ?? [];
  const crawlers = region.crawlers ?? [];
  return {
    jobs: jobs.length,
    triggers: triggers.length,
    workflows: workflows.length,
    crawlers: crawlers.length,
    tagged: {
      job: jobs.filter(hasTags).length,
      trigger: triggers.filter(hasTags).length,
      workflow: workflows.filter(hasTags).length,
      crawler: crawlers.filter(hasTags).length,
    },
  };
}

/** Counts the given account x region of a fixture. */
export function countFixture(
  fixture: Fixture,
  accountId: string,
  region: string,
): AccountCounts {
  const account = fixture.accounts.find(a => a.accountId === accountId);
  const content = account?.regions[region];
  if (!content) {
    throw new Error(`the fixture has no ${accountId}/${region}`);
  }
  return countRegion(content);
}

/** Pages of a listing: a listing always costs one call, even when empty. */
export function pages(items: number, pageSize: number): number {
  return Math.max(1, Math.ceil(items / pageSize));
}

/** The Glue listings' calls, the same in both reads. */
function listingCalls(counts: AccountCounts): Record<string, number> {
  const s = API_MAX_PAGE_SIZES;
  return {
    GetJobs: pages(counts.jobs, s.GetJobs),
    GetTriggers: pages(counts.triggers, s.GetTriggers),
    ListWorkflows: pages(counts.workflows, s.ListWorkflows),
    BatchGetWorkflows: Math.ceil(counts.workflows / s.BatchGetWorkflows),
    GetCrawlers: pages(counts.crawlers, s.GetCrawlers),
  };
}

/** GetResources calls by ARN list: one per 100 jobs, triggers and crawlers. */
export function arnListCalls(counts: AccountCounts): number {
  return Math.ceil(
    (counts.jobs + counts.triggers + counts.crawlers) /
      API_MAX_PAGE_SIZES.ResourceARNList,
  );
}

/** The fewest calls per operation a full read can make. */
export function minimumCalls(counts: AccountCounts): Record<string, number> {
  return {
    ...listingCalls(counts),
    // by ARN list for jobs, triggers and crawlers; one glue:workflow stream
    GetResources:
      arnListCalls(counts) +
      pages(counts.tagged.workflow, API_MAX_PAGE_SIZES.GetResources),
  };
}

/** The previous read's minimum: one GetResources stream per resource type. */
export function previousMinimumCalls(
  counts: AccountCounts,
): Record<string, number> {
  return {
    ...listingCalls(counts),
    GetResources: TAGGED_TYPES.reduce(
      (sum, type) =>
        sum + pages(counts.tagged[type], API_MAX_PAGE_SIZES.GetResources),
      0,
    ),
  };
}

/** The Glue listings' chains, the same in both reads. */
function listingChains(counts: AccountCounts): Record<string, number> {
  const s = API_MAX_PAGE_SIZES;
  return {
    GetJobs: pages(counts.jobs, s.GetJobs),
    GetTriggers: pages(counts.triggers, s.GetTriggers),
    'ListWorkflows+BatchGetWorkflows':
      pages(counts.workflows, s.ListWorkflows) + (counts.workflows > 0 ? 1 : 0),
    GetCrawlers: pages(counts.crawlers, s.GetCrawlers),
  };
}

/**
 * The calls each independent stream must make one after another. Streams run
 * in parallel, so the longest one bounds the wall time. A workflow stream is
 * its ListWorkflows pages plus the BatchGetWorkflows of the last page; a job,
 * trigger or crawler stream is its pages plus the tagging call of the last
 * page's ARNs (when it has any).
 */
export function sequentialChains(
  counts: AccountCounts,
): Record<string, number> {
  const listings = listingChains(counts);
  const tagged = {
    GetJobs: 'jobs',
    GetTriggers: 'triggers',
    GetCrawlers: 'crawlers',
  } as const;
  const chains: Record<string, number> = {};
  for (const [name, n] of Object.entries(listings)) {
    const items =
      name in tagged ? counts[tagged[name as keyof typeof tagged]] : 0;
    chains[items > 0 ? `${name}+GetResources` : name] = n + (items > 0 ? 1 : 0);
  }
  chains['GetResources(glue:workflow)'] = pages(
    counts.tagged.workflow,
    API_MAX_PAGE_SIZES.GetResources,
  );
  return chains;
}

/** The previous read's chains: one GetResources stream per resource type. */
export function previousSequentialChains(
  counts: AccountCounts,
): Record<string, number> {
  const chains = listingChains(counts);
  for (const type of TAGGED_TYPES) {
    chains[`GetResources(glue:${type})`] = pages(
      counts.tagged[type],
      API_MAX_PAGE_SIZES.GetResources,
    );
  }
  return chains;
}

function longest(chains: Record<string, number>, latencyMs: number) {
  let stream = '';
  let calls = 0;
  for (const [name, n] of Object.entries(chains)) {
    if (n > calls) {
      stream = name;
      calls = n;
    }
  }
  return { ms: calls * latencyMs, stream, calls };
}

/** The longest chain of sequential calls, times the latency per call. */
export function latencyLowerBound(
  counts: AccountCounts,
  latencyMs: number,
): { ms: number; stream: string; calls: number } {
  return longest(sequentialChains(counts), latencyMs);
}

/** The previous read's bound (its longest chain was a tagging stream). */
export function previousLatencyLowerBound(
  counts: AccountCounts,
  latencyMs: number,
): { ms: number; stream: string; calls: number } {
  return longest(previousSequentialChains(counts), latencyMs);
}

/**
 * What the ARN-list calls alone need at `concurrency` calls in flight:
 * ceil(calls / concurrency) latencies. Not a chain (the calls are
 * independent), but a floor of the configured read when it exceeds the
 * longest chain.
 */
export function taggingThroughputFloor(
  counts: AccountCounts,
  latencyMs: number,
  concurrency = TAGGING_CONCURRENCY,
): { ms: number; rounds: number; calls: number; concurrency: number } {
  const calls = arnListCalls(counts);
  const rounds = Math.ceil(calls / concurrency);
  return { ms: rounds * latencyMs, rounds, calls, concurrency };
}

/** Total of a calls-per-operation record. */
export function totalCalls(calls: Record<string, number>): number {
  return Object.values(calls).reduce((a, b) => a + b, 0);
}
