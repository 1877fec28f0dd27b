import {
  buildChainGraph,
  clampDepth,
  depthChoices,
  downstreamJobs,
  failedUpstreamJobs,
  reachable,
} from './chain';
import { dependentJobChain } from '../__testUtils__/fixtures';

const ROOT = 'component:default/freshers_in_dependent_job';
const TRIGGER = 'resource:default/trigger-start-freshers-in-dependent-job';
const UPSTREAM = 'component:default/triggering_job';
const DATASET = 'resource:default/s3-freshers-in-dependent-output';
const READER = 'component:default/report_job';

describe('buildChainGraph', () => {
  it('folds hidden datasets into "data" edges', () => {
    const graph = buildChainGraph(dependentJobChain, { showDatasets: false });
    expect(graph.nodes.map(n => n.id)).toEqual([
      ROOT,
      TRIGGER,
      UPSTREAM,
      READER,
    ]);
    expect(graph.nodes.find(n => n.id === ROOT)?.isRoot).toBe(true);
    expect(graph.edges).toEqual([
      {
        from: UPSTREAM,
        to: TRIGGER,
        kind: 'condition',
        label: 'AND: SUCCEEDED',
      },
      { from: TRIGGER, to: ROOT, kind: 'action', label: 'starts' },
      {
        from: ROOT,
        to: READER,
        kind: 'lineage',
        label: 'data',
        collapsed: true,
      },
    ]);
  });

  it('keeps datasets when asked', () => {
    const graph = buildChainGraph(dependentJobChain, { showDatasets: true });
    expect(graph.nodes.map(n => n.id)).toContain(DATASET);
    expect(graph.edges).toHaveLength(4);
  });

  it('turns watching triggers into edges labelled with the condition', () => {
    const graph = buildChainGraph(dependentJobChain, {
      showDatasets: true,
      collapseTriggers: true,
    });
    expect(graph.nodes.map(n => n.id)).not.toContain(TRIGGER);
    expect(graph.edges).toContainEqual({
      from: UPSTREAM,
      to: ROOT,
      kind: 'condition',
      label: 'AND: SUCCEEDED',
      collapsed: true,
    });
  });

  it('keeps triggers nothing feeds (schedules) and drops dangling edges', () => {
    const graph = buildChainGraph(
      {
        root: 'a',
        truncated: false,
        nodes: [
          { id: 'a', kind: 'job', title: 'a', depth: 0 },
          { id: 't', kind: 'trigger', title: 't', depth: 1 },
        ],
        edges: [
          { from: 't', to: 'a', kind: 'action', label: 'starts' },
          { from: 'x', to: 'a', kind: 'action', label: 'starts' },
        ],
      },
      { showDatasets: false, collapseTriggers: true },
    );
    expect(graph.nodes.map(n => n.id)).toEqual(['a', 't']);
    expect(graph.edges).toEqual([
      { from: 't', to: 'a', kind: 'action', label: 'starts' },
    ]);
  });
});

describe('reachability', () => {
  it('walks up and down', () => {
    expect([...reachable(dependentJobChain.edges, ROOT, 'up')]).toEqual([
      TRIGGER,
      UPSTREAM,
    ]);
    expect([...reachable(dependentJobChain.edges, ROOT, 'down')]).toEqual([
      DATASET,
      READER,
    ]);
  });

  it('finds failed upstream jobs and downstream jobs', () => {
    expect(failedUpstreamJobs(dependentJobChain).map(n => n.id)).toEqual([
      UPSTREAM,
    ]);
    expect(downstreamJobs(dependentJobChain).map(n => n.id)).toEqual([READER]);
  });

  it('ignores failures that are not upstream', () => {
    const chain = {
      ...dependentJobChain,
      nodes: dependentJobChain.nodes.map(n => {
        if (n.id === UPSTREAM) {
          return { ...n, latestRun: { id: 'r', state: 'SUCCEEDED' } };
        }
        if (n.id === READER) {
          return { ...n, latestRun: { id: 'r', state: 'FAILED' } };
        }
        return n;
      }),
    };
    expect(failedUpstreamJobs(chain)).toEqual([]);
  });
});

describe('depthChoices', () => {
  it('offers 1 to the backend max once an answer said it', () => {
    expect(
      depthChoices({
        limits: { default: 3, max: 4 },
        answered: true,
        depth: 3,
      }),
    ).toEqual([1, 2, 3, 4]);
    expect(
      depthChoices({
        limits: { default: 2, max: 10 },
        answered: true,
        depth: 2,
      }),
    ).toHaveLength(10);
  });

  it('offers no more than the current depth before the first answer', () => {
    expect(depthChoices({ answered: false, depth: 3 })).toEqual([1, 2, 3]);
  });

  it('offers up to 6 after answers without limits (older backends)', () => {
    expect(depthChoices({ answered: true, depth: 3 })).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });
});

describe('clampDepth', () => {
  it('keeps a depth within 1 and the max', () => {
    expect(clampDepth(5, 4)).toBe(4);
    expect(clampDepth(0, 4)).toBe(1);
    expect(clampDepth(2.4, 4)).toBe(2);
    expect(clampDepth(3, 6)).toBe(3);
  });
});
