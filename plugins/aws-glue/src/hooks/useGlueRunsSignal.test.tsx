import { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { mockSignalApi } from '../__testUtils__/signals';
import { jobArn } from '../__testUtils__/fixtures';
import {
  SIGNAL_COALESCE_MS,
  useGlueRunsSignal,
  useLivePollInterval,
} from './useGlueRunsSignal';

function withSignals(signals: ReturnType<typeof mockSignalApi>) {
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[signalApiRef, signals.api]]}>
      {children}
    </TestApiProvider>
  );
}

describe('useGlueRunsSignal', () => {
  afterEach(() => jest.useRealTimers());

  it('calls back for the watched jobs only', async () => {
    const signals = mockSignalApi();
    const onChange = jest.fn();
    const { result } = renderHook(
      () => useGlueRunsSignal([jobArn('a'), jobArn('b')], onChange),
      { wrapper: withSignals(signals) },
    );
    expect(result.current.isSignalsAvailable).toBe(true);
    await signals.publishRunChange(jobArn('other'));
    expect(onChange).not.toHaveBeenCalled();
    await signals.publishRunChange(jobArn('b'));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('sees a watched job among signals that arrive before a render', async () => {
    const signals = mockSignalApi();
    const onChange = jest.fn();
    renderHook(() => useGlueRunsSignal([jobArn('a')], onChange), {
      wrapper: withSignals(signals),
    });
    await signals.publishRunChange(jobArn('a'), jobArn('other'));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('coalesces a burst for any job into one call now and one a second later', async () => {
    jest.useFakeTimers();
    const signals = mockSignalApi();
    const onChange = jest.fn();
    renderHook(() => useGlueRunsSignal(undefined, onChange), {
      wrapper: withSignals(signals),
    });
    await signals.publishRunChange(jobArn('a'), jobArn('b'), jobArn('c'));
    expect(onChange).toHaveBeenCalledTimes(1);
    await signals.publishRunChange(jobArn('d'));
    expect(onChange).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(SIGNAL_COALESCE_MS);
    });
    expect(onChange).toHaveBeenCalledTimes(2);
    await act(async () => {
      jest.advanceTimersByTime(10 * SIGNAL_COALESCE_MS);
    });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('ignores messages without a job and subscribes to nothing for no jobs', async () => {
    const signals = mockSignalApi();
    const onChange = jest.fn();
    const { rerender, unmount } = renderHook(
      ({ arns }: { arns?: string[] }) => useGlueRunsSignal(arns, onChange),
      {
        wrapper: withSignals(signals),
        initialProps: { arns: [] as string[] | undefined },
      },
    );
    expect(signals.subscriberCount()).toBe(0);
    rerender({ arns: undefined });
    expect(signals.subscriberCount()).toBe(1);
    await signals.publishRunChange('');
    expect(onChange).not.toHaveBeenCalled();
    unmount();
    expect(signals.subscriberCount()).toBe(0);
  });

  it('keeps one subscription across renders with the same jobs', () => {
    const signals = mockSignalApi();
    const subscribe = jest.spyOn(signals.api, 'subscribe');
    const { rerender } = renderHook(
      () => useGlueRunsSignal([jobArn('b'), jobArn('a')], () => {}),
      { wrapper: withSignals(signals) },
    );
    rerender();
    rerender();
    expect(subscribe).toHaveBeenCalledTimes(1);
  });

  it('says signals are unavailable without the signals plugin, and polls as asked', () => {
    const { result } = renderHook(
      () => ({
        signal: useGlueRunsSignal(undefined, () => {}),
        interval: useLivePollInterval(5000),
      }),
      {
        wrapper: ({ children }: { children: ReactNode }) => (
          <TestApiProvider apis={[]}>{children}</TestApiProvider>
        ),
      },
    );
    expect(result.current.signal.isSignalsAvailable).toBe(false);
    expect(result.current.interval).toBe(5000);
  });

  it('polls six times slower with signals', () => {
    const { result } = renderHook(() => useLivePollInterval(5000), {
      wrapper: withSignals(mockSignalApi()),
    });
    expect(result.current).toBe(30_000);
  });
});
