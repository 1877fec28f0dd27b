import {
  GLUE_WORKFLOW_RUN_STATUSES,
  isActiveWorkflowStatus,
  isActiveRunState,
  isFailedRunState,
  runStatusCategory,
  runStateRank,
} from './runState';

describe('run state helpers', () => {
  it.each([
    ['STARTING', true, false, 'running'],
    ['RUNNING', true, false, 'running'],
    ['STOPPING', true, false, 'aborted'],
    ['WAITING', true, false, 'pending'],
    ['SUCCEEDED', false, false, 'ok'],
    ['FAILED', false, true, 'error'],
    ['TIMEOUT', false, true, 'error'],
    ['ERROR', false, true, 'error'],
    ['EXPIRED', false, true, 'error'],
    ['STOPPED', false, false, 'aborted'],
    ['SOME_NEW_STATE', false, false, 'running'],
  ])(
    '%s: active %s, failed %s, shown as %s',
    (state, active, failed, category) => {
      expect(isActiveRunState(state)).toBe(active);
      expect(isFailedRunState(state)).toBe(failed);
      expect(runStatusCategory(state)).toBe(category);
    },
  );

  it('treats an unknown (absent) state as pending and inactive', () => {
    expect(isActiveRunState(undefined)).toBe(false);
    expect(runStatusCategory(undefined)).toBe('pending');
  });
});

describe('runStateRank', () => {
  it('orders a run’s way and puts every ended state last', () => {
    expect(runStateRank('STARTING')).toBeLessThan(runStateRank('RUNNING'));
    expect(runStateRank('RUNNING')).toBeLessThan(runStateRank('STOPPING'));
    for (const state of [
      'SUCCEEDED',
      'FAILED',
      'TIMEOUT',
      'ERROR',
      'STOPPED',
      'EXPIRED',
    ]) {
      expect(runStateRank(state)).toBe(4);
    }
    for (const state of ['STARTING', 'RUNNING', 'STOPPING', 'WAITING']) {
      expect(runStateRank(state)).toBeLessThan(4);
    }
  });
});

describe('workflow run statuses', () => {
  it('knows the active ones, and they rank below the ended ones', () => {
    expect(GLUE_WORKFLOW_RUN_STATUSES.filter(isActiveWorkflowStatus)).toEqual([
      'RUNNING',
      'STOPPING',
    ]);
    expect(isActiveWorkflowStatus(undefined)).toBe(false);
    expect(runStateRank('RUNNING')).toBeLessThan(runStateRank('STOPPING'));
    for (const ended of ['COMPLETED', 'STOPPED', 'ERROR']) {
      expect(runStateRank(ended)).toBeGreaterThan(runStateRank('STOPPING'));
    }
  });
});
