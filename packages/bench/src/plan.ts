/*
 * What a sync of one account x region must cost at least, computed from the
 * fixture alone: the minimum number of API calls (every operation paged at
 * its maximum page size) and the latency lower bound (the longest chain of
 * pages that must be fetched one after another, times the per-call latency).
 *
 * The page sizes are the API maxima (GetJobs and GetCrawlers 1,000,
 * GetTriggers 200, ListWorkflows and BatchGetWorkflows 25, the tagging API's
 * GetResources 100; see each operation's MaxResults in the AWS Glue API
 * reference, https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api.html),
 * written down here on purpose rather than imported from the provider, so
 * the benchmark checks the provider against the API, not against itself.
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
} as const;

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

/** The fewest calls per operation a full read can make. */
export function minimumCalls(counts: AccountCounts): Record<string, number> {
  const s = API_MAX_PAGE_SIZES;
  return {
    GetJobs: pages(counts.jobs, s.GetJobs),
    GetTriggers: pages(counts.triggers, s.GetTriggers),
    ListWorkflows: pages(counts.workflows, s.ListWorkflows),
    BatchGetWorkflows: Math.ceil(counts.workflows / s.BatchGetWorkflows),
    GetCrawlers: pages(counts.crawlers, s.GetCrawlers),
    // one GetResources stream per resource type (ResourceTypeFilters)
    GetResources: TAGGED_TYPES.reduce(
      (sum, type) => sum + pages(counts.tagged[type], s.GetResources),
      0,
    ),
  };
}

/**
 * The calls each independent stream must make one after another. Streams run
 * in parallel, so the longest one bounds the wall time. A workflow stream is
 * its ListWorkflows pages plus the BatchGetWorkflows of the last page.
 */
export function sequentialChains(
  counts: AccountCounts,
): Record<string, number> {
  const s = API_MAX_PAGE_SIZES;
  const chains: Record<string, number> = {
    GetJobs: pages(counts.jobs, s.GetJobs),
    GetTriggers: pages(counts.triggers, s.GetTriggers),
    'ListWorkflows+BatchGetWorkflows':
      pages(counts.workflows, s.ListWorkflows) + (counts.workflows > 0 ? 1 : 0),
    GetCrawlers: pages(counts.crawlers, s.GetCrawlers),
  };
  for (const type of TAGGED_TYPES) {
    chains[`GetResources(glue:${type})`] = pages(
      counts.tagged[type],
      s.GetResources,
    );
  }
  return chains;
}

/** The longest chain of sequential calls, times the latency per call. */
export function latencyLowerBound(
  counts: AccountCounts,
  latencyMs: number,
): { ms: number; stream: string; calls: number } {
  let stream = '';
  let calls = 0;
  for (const [name, n] of Object.entries(sequentialChains(counts))) {
    if (n > calls) {
      stream = name;
      calls = n;
    }
  }
  return { ms: calls * latencyMs, stream, calls };
}

/** Total of a calls-per-operation record. */
export function totalCalls(calls: Record<string, number>): number {
  return Object.values(calls).reduce((a, b) => a + b, 0);
}
