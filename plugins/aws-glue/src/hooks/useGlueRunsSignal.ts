import { useEffect, useRef } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { AWS_GLUE_RUNS_SIGNAL_CHANNEL } from '@aws-glue-backstage/plugin-aws-glue-common';

/** At most one callback per this many ms: a burst of signals is one refetch (and one after it). */
export const SIGNAL_COALESCE_MS = 1000;

/** How much slower views poll when signals say what changed. */
export const SIGNALS_POLL_SLOWDOWN = 6;

/** State of {@link useGlueRunsSignal}. */
export interface GlueRunsSignalState {
  /** True when the app has the signals plugin: views may poll less. */
  isSignalsAvailable: boolean;
}

/** True when the app has the signals plugin (`signalApiRef`). */
export function useSignalsAvailable(): boolean {
  return !!useApiHolder().get(signalApiRef);
}

/**
 * The polling interval of a live view: `intervalMs`, or
 * {@link SIGNALS_POLL_SLOWDOWN} times that when signals tell it what changed
 * (polling then only catches what a lost connection missed).
 */
export function useLivePollInterval(intervalMs: number): number {
  return useSignalsAvailable()
    ? intervalMs * SIGNALS_POLL_SLOWDOWN
    : intervalMs;
}

/** The job ARN of a message on the runs channel, if it is one. */
function jobArnOf(message: unknown): string | undefined {
  const arn = (message as { jobArn?: unknown } | null)?.jobArn;
  return typeof arn === 'string' && arn ? arn : undefined;
}

/**
 * Calls `onChange` when the backend signals (`aws-glue:runs`) that a run of
 * one of `jobArns` changed state, or of any job when `jobArns` is undefined;
 * never for an empty list. A burst of signals calls it at most once per
 * {@link SIGNAL_COALESCE_MS}: at once, then once more at the end of the
 * second for whatever came meanwhile.
 *
 * Subscribes through `signalApiRef` with a callback rather than
 * `useSignal`'s `lastSignal` state, so that two signals that arrive before
 * a render (a trigger starting several jobs) are both seen. Does nothing
 * without the signals plugin: the views' polling stays.
 */
export function useGlueRunsSignal(
  jobArns: string[] | undefined,
  onChange: () => void,
): GlueRunsSignalState {
  const signalApi = useApiHolder().get(signalApiRef);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // the ARNs as a stable key: a new array of the same ARNs keeps the subscription
  const key = jobArns && [...new Set(jobArns)].sort().join('\n');

  useEffect(() => {
    if (!signalApi || key === '') return undefined;
    const watched = key === undefined ? undefined : new Set(key.split('\n'));
    let lastCall = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const call = () => {
      timer = undefined;
      lastCall = Date.now();
      onChangeRef.current();
    };
    const { unsubscribe } = signalApi.subscribe(
      AWS_GLUE_RUNS_SIGNAL_CHANNEL,
      message => {
        const arn = jobArnOf(message);
        if (!arn || (watched && !watched.has(arn)) || timer) return;
        const wait = lastCall + SIGNAL_COALESCE_MS - Date.now();
        if (wait <= 0) call();
        else timer = setTimeout(call, wait);
      },
    );
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [signalApi, key]);

  return { isSignalsAvailable: !!signalApi };
}
