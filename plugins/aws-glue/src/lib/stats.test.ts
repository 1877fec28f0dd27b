import { runStatistics } from './stats';
import { makeRun } from '../__testUtils__/fixtures';

describe('runStatistics', () => {
  it('computes success rate over finished runs, median and totals', () => {
    const stats = runStatistics([
      makeRun({
        id: '1',
        state: 'SUCCEEDED',
        durationSeconds: 100,
        estimatedCost: 1,
        dpuHours: 0.5,
      }),
      makeRun({
        id: '2',
        state: 'FAILED',
        durationSeconds: 300,
        estimatedCost: 2,
        dpuHours: 1,
      }),
      makeRun({
        id: '3',
        state: 'SUCCEEDED',
        durationSeconds: 200,
        estimatedCost: 0.5,
        dpuHours: 0.25,
      }),
      makeRun({
        id: '4',
        state: 'RUNNING',
        durationSeconds: 50,
        estimatedCost: undefined,
        dpuHours: undefined,
      }),
    ]);
    expect(stats).toEqual({
      finished: 3,
      succeeded: 2,
      successRate: 2 / 3,
      medianDurationSeconds: 200,
      totalCost: 3.5,
      totalDpuHours: 1.75,
    });
  });

  it('has no rate and no median without finished runs', () => {
    expect(runStatistics([makeRun({ state: 'RUNNING' })])).toMatchObject({
      finished: 0,
      successRate: undefined,
      medianDurationSeconds: undefined,
    });
    expect(
      runStatistics([
        makeRun({ id: 'a', durationSeconds: 10 }),
        makeRun({ id: 'b', durationSeconds: 20 }),
      ]).medianDurationSeconds,
    ).toBe(15);
  });
});
