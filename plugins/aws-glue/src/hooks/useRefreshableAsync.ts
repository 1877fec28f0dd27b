import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/** State of {@link useRefreshableAsync}. */
export interface RefreshableAsyncState<T> {
  /** True while a fetch is under way (the first one or a refresh). */
  loading: boolean;
  /** The latest value; kept while refreshing and when a refresh fails. */
  value?: T;
  /** The error of the latest fetch. */
  error?: Error;
  /** Fetches again with the same inputs, keeping the current value meanwhile. */
  refresh: () => void;
}

/**
 * Like `useAsyncRetry`, but a refresh (polling) keeps showing the current
 * value instead of going back to a loading state. A change of `deps` starts
 * over from scratch.
 */
export function useRefreshableAsync<T>(
  fn: () => Promise<T>,
  deps: DependencyList,
): RefreshableAsyncState<T> {
  const [state, setState] = useState<{
    loading: boolean;
    value?: T;
    error?: Error;
  }>({ loading: true });
  const [tick, setTick] = useState(0);
  const lastDeps = useRef<DependencyList | undefined>(undefined);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  useEffect(() => {
    let cancelled = false;
    const previous = lastDeps.current;
    const changed =
      !previous ||
      previous.length !== deps.length ||
      deps.some((dep, i) => !Object.is(dep, previous[i]));
    lastDeps.current = deps;
    setState(s => (changed ? { loading: true } : { ...s, loading: true }));
    fnRef.current().then(
      value => {
        if (!cancelled) setState({ loading: false, value });
      },
      error => {
        if (!cancelled) {
          setState(s => ({
            loading: false,
            value: changed ? undefined : s.value,
            error,
          }));
        }
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const refresh = useCallback(() => setTick(t => t + 1), []);
  return { ...state, refresh };
}
