import { generateFixture } from '@aws-glue-backstage/glue-emulator';
import {
  AccountCounts,
  countFixture,
  latencyLowerBound,
  minimumCalls,
  pages,
  previousLatencyLowerBound,
  previousMinimumCalls,
  sequentialChains,
  taggingThroughputFloor,
  totalCalls,
} from './plan';

const counts: AccountCounts = {
  jobs: 20000,
  triggers: 5000,
  workflows: 200,
  crawlers: 500,
  tagged: { job: 18315, trigger: 5000, workflow: 200, crawler: 500 },
};

describe('plan', () => {
  it('counts a listing as at least one page', () => {
    expect(pages(0, 100)).toBe(1);
    expect(pages(100, 100)).toBe(1);
    expect(pages(101, 100)).toBe(2);
  });

  it('computes the minimum calls at the maximum page sizes', () => {
    expect(minimumCalls(counts)).toEqual({
      GetJobs: 20,
      GetTriggers: 25,
      ListWorkflows: 8,
      BatchGetWorkflows: 8,
      GetCrawlers: 1,
      // (20,000 jobs + 5,000 triggers + 500 crawlers) / 100 ARNs, 2 workflow pages
      GetResources: 255 + 2,
    });
    expect(totalCalls(minimumCalls(counts))).toBe(319);
    // at most 10% more than the previous read's minimum
    expect(totalCalls(minimumCalls(counts))).toBeLessThanOrEqual(
      1.1 * totalCalls(previousMinimumCalls(counts)),
    );
  });

  it("keeps the previous read's minimum: one tagging stream per type", () => {
    expect(previousMinimumCalls(counts)).toMatchObject({
      GetResources: 184 + 50 + 2 + 5,
    });
    expect(totalCalls(previousMinimumCalls(counts))).toBe(303);
  });

  it('bounds the wall time by the longest sequential stream', () => {
    const chains = sequentialChains(counts);
    expect(chains['ListWorkflows+BatchGetWorkflows']).toBe(9);
    // each listing's pages, then the tagging call of its last page
    expect(chains['GetJobs+GetResources']).toBe(21);
    expect(chains['GetCrawlers+GetResources']).toBe(2);
    expect(latencyLowerBound(counts, 20)).toEqual({
      ms: 520,
      stream: 'GetTriggers+GetResources',
      calls: 26,
    });
    expect(previousLatencyLowerBound(counts, 20)).toEqual({
      ms: 3680,
      stream: 'GetResources(glue:job)',
      calls: 184,
    });
  });

  it('says what the tagging calls need at the default concurrency', () => {
    expect(taggingThroughputFloor(counts, 20)).toEqual({
      ms: 640,
      rounds: 32,
      calls: 255,
      concurrency: 8,
    });
    expect(taggingThroughputFloor(counts, 20, 16).rounds).toBe(16);
  });

  it('has no BatchGetWorkflows for an account without workflows', () => {
    const empty = {
      jobs: 0,
      triggers: 0,
      workflows: 0,
      crawlers: 0,
      tagged: { job: 0, trigger: 0, workflow: 0, crawler: 0 },
    };
    expect(minimumCalls(empty)).toMatchObject({
      ListWorkflows: 1,
      BatchGetWorkflows: 0,
      // no ARNs to ask for; one glue:workflow page
      GetResources: 1,
    });
    expect(latencyLowerBound(empty, 20).calls).toBe(1);
  });

  it('counts a generated fixture', () => {
    const fixture = generateFixture({ jobs: 400 });
    const c = countFixture(fixture, '100000000001', 'us-east-1');
    expect(c).toMatchObject({
      jobs: 400,
      triggers: 100,
      workflows: 4,
      crawlers: 10,
    });
    expect(c.tagged.job).toBeGreaterThan(300);
    expect(c.tagged.job).toBeLessThan(400);
  });
});
