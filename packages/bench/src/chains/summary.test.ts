import {
  latencySummary,
  ratio,
  storeReady,
  summarizeExecutions,
} from './summary';

const node = (nodeId: string, runId?: string) => ({
  nodeId,
  state: runId ? 'SUCCEEDED' : 'NOT_STARTED',
  ...(runId ? { runId } : {}),
});

describe('summarizeExecutions', () => {
  const body = {
    rows: [{ nodeId: 'a' }, { nodeId: 'b' }],
    problems: ['top'],
    executions: [
      {
        id: 'r1',
        state: 'SUCCEEDED',
        root: { kind: 'SCHEDULED' },
        nodes: [node('a', 'r1'), node('b', 'r2')],
        problems: [],
      },
      {
        id: 'r3',
        state: 'FAILED',
        root: { kind: 'SCHEDULED' },
        nodes: [node('a', 'r3')],
        problems: ['cut'],
      },
    ],
  };

  it('counts executions, nodes, runs and the ones covering every row', () => {
    const summary = summarizeExecutions(body);
    expect(summary).toEqual({
      executions: 2,
      rows: 2,
      nodesPerExecution: [2, 1],
      runsPerExecution: [2, 1],
      covering: 1,
      states: { SUCCEEDED: 1, FAILED: 1 },
      rootKinds: { SCHEDULED: 2 },
      problems: ['top', 'cut'],
    });
    expect(storeReady(summary, 2, 2)).toBe(false);
    expect(storeReady(summary, 3, 2)).toBe(false);
  });

  it('is ready when enough executions each cover the chain', () => {
    const ready = summarizeExecutions({
      ...body,
      executions: [body.executions[0]],
    });
    expect(storeReady(ready, 1, 2)).toBe(true);
    expect(storeReady(ready, 1, 3)).toBe(false);
  });
});

describe('latencySummary and ratio', () => {
  it('takes nearest-rank percentiles', () => {
    expect(latencySummary([5, 1, 3, 2, 4])).toEqual({
      requests: 5,
      p50: 3,
      p95: 5,
      max: 5,
      min: 1,
    });
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 0)).toBeUndefined();
  });
});
