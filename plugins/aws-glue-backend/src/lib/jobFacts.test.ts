import { Entity } from '@backstage/catalog-model';
import {
  GLUE_ANNOTATIONS as A,
  writeGlueLineage,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  jobFactsOf,
  readsIncrementalSource,
  timeoutMinutesOf,
} from './jobFacts';
import { StoredJobRun } from './shapes';

const NOW = Date.parse('2026-03-31T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pricing = { dpuHour: 0.44, flexDpuHour: 0.29, currency: 'USD' };

function entity(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations },
    spec: { type: 'glue-job', owner: 'group:default/data', lifecycle: 'x' },
  };
}

/** A run that started `daysAgo` before NOW and ran 10 minutes on 10 DPUs. */
function run(
  daysAgo: number,
  state: string,
  id = `jr_${daysAgo}`,
): StoredJobRun {
  const started = NOW - daysAgo * DAY;
  return {
    id,
    state,
    startedOn: new Date(started).toISOString(),
    completedOn:
      state === 'RUNNING'
        ? undefined
        : new Date(started + 600_000).toISOString(),
    executionTime: 600,
    maxCapacity: 10,
    arguments: { '--secret': 'x' },
    predecessorRuns: [],
  };
}

const facts = (
  runs: StoredJobRun[],
  extra: Partial<Parameters<typeof jobFactsOf>[0]> = {},
) =>
  jobFactsOf({
    entity: entity(),
    runs,
    ownerIsGroup: true,
    now: NOW,
    pricing,
    ...extra,
  });

describe('jobFactsOf', () => {
  it('rates the last 7 and 30 days apart, over finished runs only', () => {
    const result = facts([
      run(1, 'SUCCEEDED'),
      run(2, 'FAILED'),
      run(3, 'SUCCEEDED'),
      run(6.9, 'SUCCEEDED'),
      run(10, 'FAILED'),
      run(20, 'SUCCEEDED'),
      run(29.9, 'TIMEOUT'),
      run(0.01, 'RUNNING'),
      run(31, 'FAILED'), // outside both windows
    ]);
    expect(result).toMatchObject({
      runs7d: 4,
      runs30d: 7,
      successRate7d: 0.75,
      successRate30d: round(4 / 7),
      p95DurationSeconds30d: 600,
      currency: 'USD',
    });
    // 7 finished runs x 10 DPU x 600 s, at 0.44 per DPU-hour (lib/cost)
    expect(result.dpuHours30d).toBeCloseTo((7 * 10 * 600) / 3600, 4);
    expect(result.cost30d).toBeCloseTo(((7 * 10 * 600) / 3600) * 0.44, 4);
  });

  it('leaves out the rates and p95 without finished runs, and counts zero', () => {
    const result = facts([run(0.01, 'RUNNING')]);
    expect(result).toEqual({
      runs7d: 0,
      runs30d: 0,
      dpuHours30d: 0,
      cost30d: 0,
      currency: 'USD',
      readsIncrementalSource: false,
      bookmarkEnabled: false,
      maxRetries: 0,
      timeoutMinutes: 2880,
      ownerIsGroup: true,
    });
  });

  it('measures days since the last success from the clock given, and omits it without one', () => {
    expect(
      facts([], { lastSuccessAt: NOW - 2.5 * DAY }).daysSinceLastSuccess,
    ).toBe(2.5);
    expect(facts([], { lastSuccessAt: NOW - HOUR }).daysSinceLastSuccess).toBe(
      0.04,
    );
    expect(facts([])).not.toHaveProperty('daysSinceLastSuccess');
  });

  it('reads bookmark, retries and timeout from the entity, with Glue defaults', () => {
    const configured = jobFactsOf({
      entity: entity({
        [A.jobBookmarkOption]: 'job-bookmark-enable',
        [A.jobMaxRetries]: '2',
        [A.jobTimeout]: '120',
      }),
      runs: [],
      ownerIsGroup: false,
      now: NOW,
      pricing,
    });
    expect(configured).toMatchObject({
      bookmarkEnabled: true,
      maxRetries: 2,
      timeoutMinutes: 120,
      ownerIsGroup: false,
    });
    const paused = entity({ [A.jobBookmarkOption]: 'job-bookmark-pause' });
    expect(jobFactsOf({ ...base(), entity: paused }).bookmarkEnabled).toBe(
      false,
    );
  });

  it('never carries arguments or run details', () => {
    const json = JSON.stringify(facts([run(1, 'SUCCEEDED')]));
    expect(json).not.toContain('secret');
    expect(json).not.toContain('jr_');
  });
});

describe('readsIncrementalSource', () => {
  it.each([
    [[{ direction: 'input', location: 's3://raw/orders/' }], true],
    [[{ direction: 'input', location: 'glue://sales/orders' }], true],
    [[{ direction: 'input', location: 'jdbc://pg/orders' }], false],
    [[{ direction: 'output', location: 's3://curated/orders/' }], false],
    [[], false],
  ] as const)('%j → %s', (edges, expected) => {
    const lineage = writeGlueLineage(edges.map(e => ({ ...e })));
    expect(readsIncrementalSource(entity({ [A.lineage]: lineage }))).toBe(
      expected,
    );
  });

  it('is false for an unreadable lineage annotation', () => {
    expect(readsIncrementalSource(entity({ [A.lineage]: '{nope' }))).toBe(
      false,
    );
  });
});

describe('timeoutMinutesOf', () => {
  it.each([
    [undefined, 2880],
    ['0', 2880],
    ['abc', 2880],
    ['60', 60],
    ['2880', 2880],
  ])('%s → %s', (value, expected) => {
    expect(
      timeoutMinutesOf(
        entity(value === undefined ? {} : { [A.jobTimeout]: value }),
      ),
    ).toBe(expected);
  });
});

function round(value: number) {
  return Math.round(value * 1e6) / 1e6;
}

function base() {
  return { entity: entity(), runs: [], ownerIsGroup: true, now: NOW, pricing };
}
