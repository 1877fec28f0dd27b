import {
  isActiveRunState,
  isFailedRunState,
  runStatusCategory,
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
