import { DependencyList } from 'react';
import useInterval from 'react-use/esm/useInterval';
import {
  RefreshableAsyncState,
  useRefreshableAsync,
} from './useRefreshableAsync';

/** State of {@link usePolledAsync}. */
export interface PolledAsyncState<T> extends RefreshableAsyncState<T> {
  /** True while it refreshes on its own. */
  polling: boolean;
}

/** Options of {@link usePolledAsync}. */
export interface PolledAsyncOptions<T> {
  /** How often to refresh, in ms; never when undefined. */
  intervalMs?: number;
  /** Whether to keep refreshing, given the latest value (e.g. a run is active). */
  isActive: (value: T | undefined) => boolean;
}

/**
 * {@link useRefreshableAsync} that refreshes every `intervalMs` while
 * `isActive` holds for the latest value, keeping the value on screen.
 */
export function usePolledAsync<T>(
  fn: () => Promise<T>,
  deps: DependencyList,
  options: PolledAsyncOptions<T>,
): PolledAsyncState<T> {
  const state = useRefreshableAsync(fn, deps);
  const { intervalMs } = options;
  const polling = intervalMs !== undefined && options.isActive(state.value);
  useInterval(state.refresh, polling ? intervalMs : null);
  return { ...state, polling };
}
