import { act, renderHook, waitFor } from '@testing-library/react';
import { usePolledAsync } from './usePolledAsync';

describe('usePolledAsync', () => {
  afterEach(() => jest.useRealTimers());

  it('refreshes while the value is active, keeping it meanwhile', async () => {
    jest.useFakeTimers();
    const values = ['RUNNING', 'RUNNING', 'DONE'];
    let call = 0;
    const fn = jest.fn(async () => values[Math.min(call++, values.length - 1)]);
    const { result } = renderHook(() =>
      usePolledAsync(fn, [], {
        intervalMs: 1000,
        isActive: value => value === 'RUNNING',
      }),
    );
    await waitFor(() => expect(result.current.value).toBe('RUNNING'));
    expect(result.current.polling).toBe(true);

    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    expect(fn).toHaveBeenCalledTimes(2);
    expect(result.current.value).toBe('RUNNING');
    expect(result.current.loading).toBe(false);

    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    expect(result.current.value).toBe('DONE');
    expect(result.current.polling).toBe(false);
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('does not poll without an interval', async () => {
    const fn = jest.fn(async () => 'RUNNING');
    const { result } = renderHook(() =>
      usePolledAsync(fn, [], { isActive: () => true }),
    );
    await waitFor(() => expect(result.current.value).toBe('RUNNING'));
    expect(result.current.polling).toBe(false);
  });
});
