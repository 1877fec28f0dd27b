import {
  endedWithFailures,
  describeStatistics,
  workflowRunAsChain,
  workflowRunDuration,
} from './workflow';
import { workflowRuns } from '../__testUtils__/fixtures';

describe('workflow helpers', () => {
  it('describes statistics', () => {
    expect(
      describeStatistics({
        TotalActions: 5,
        SucceededActions: 4,
        FailedActions: 1,
        RunningActions: 0,
      }),
    ).toBe('5 actions: 4 succeeded, 1 failed');
    expect(describeStatistics({ TotalActions: 1 })).toBe('1 action');
    expect(describeStatistics({})).toBe('—');
  });

  it('computes durations, also while running', () => {
    expect(workflowRunDuration(workflowRuns.runs[0])).toBe(2400);
    expect(
      workflowRunDuration(
        { ...workflowRuns.runs[0], completedOn: undefined },
        Date.parse('2025-03-04T03:10:00.000Z'),
      ),
    ).toBe(600);
    expect(
      workflowRunDuration({ ...workflowRuns.runs[0], startedOn: undefined }),
    ).toBeUndefined();
  });

  it('turns a run graph into a chain', () => {
    const chain = workflowRunAsChain(workflowRuns.runs[0]);
    expect(chain.nodes).toEqual([
      {
        id: 'n-start',
        kind: 'trigger',
        title: 'sales-pipeline-start',
        depth: 0,
        latestRun: undefined,
      },
      {
        id: 'n-orders',
        kind: 'job',
        title: 'orders-daily-etl',
        depth: 0,
        latestRun: { id: 'jr_o', state: 'SUCCEEDED' },
      },
      {
        id: 'n-customers',
        kind: 'job',
        title: 'customers-daily-etl',
        depth: 0,
        latestRun: { id: 'jr_c', state: 'FAILED' },
      },
    ]);
    expect(chain.edges).toEqual([
      { from: 'n-start', to: 'n-orders', kind: 'action', label: '' },
      { from: 'n-start', to: 'n-customers', kind: 'action', label: '' },
    ]);
  });
});

describe('endedWithFailures', () => {
  const run = workflowRuns.runs[0];
  it.each([
    ['completed with a failed action', run, true],
    ['completed with every action succeeded', workflowRuns.runs[1], false],
    ['running with a failed action', { ...run, status: 'RUNNING' }, false],
    ['stopped', { ...workflowRuns.runs[1], status: 'STOPPED' }, true],
    ['errored', { ...workflowRuns.runs[1], status: 'ERROR' }, true],
  ])('%s', (_name, value, expected) => {
    expect(endedWithFailures(value)).toBe(expected);
  });
});
