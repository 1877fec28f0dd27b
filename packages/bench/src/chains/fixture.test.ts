import {
  FIRST_JOB,
  LAST_JOB,
  nightlyCron,
  scheduledChainFixture,
  scheduledChainNodes,
} from './fixture';

describe('scheduledChainFixture', () => {
  const shape = { width: 12, levels: 8 };
  const region = scheduledChainFixture({ shape, nowMs: 0 }).accounts[0].regions[
    'us-east-1'
  ];

  it('has the nodes and a depth within the largest maxDepth', () => {
    const nodes = scheduledChainNodes(shape);
    expect(region.jobs).toHaveLength(nodes.jobs);
    expect(region.triggers).toHaveLength(nodes.triggers);
    expect(nodes.jobs + nodes.triggers).toBe(196);
    expect(nodes.depth).toBeLessThanOrEqual(20);
  });

  it('starts the first job on a schedule and every other job by a condition', () => {
    const starts = new Map(
      region.triggers!.map(t => [t.Actions[0].JobName, t]),
    );
    expect(starts.get(FIRST_JOB)?.Type).toBe('SCHEDULED');
    expect(starts.get('nightly-l00-j3')?.Predicate?.Conditions).toEqual([
      { LogicalOperator: 'EQUALS', JobName: FIRST_JOB, State: 'SUCCEEDED' },
    ]);
    expect(starts.get(LAST_JOB)?.Predicate?.Conditions).toHaveLength(12);
    expect(starts.size).toBe(region.jobs!.length);
  });

  it('fires the cron 6 to 7 hours before now', () => {
    expect(nightlyCron(Date.UTC(2024, 0, 1, 3, 30))).toBe('cron(0 21 * * ? *)');
    expect(nightlyCron(Date.UTC(2024, 0, 1, 20, 0))).toBe('cron(0 14 * * ? *)');
  });
});
