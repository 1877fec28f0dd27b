import { useCallback, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { useApi } from '@backstage/core-plugin-api';
import { GlueFleetResponse } from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import { statesOfFilter } from '../lib/runStateFilters';
import { CursorPagerState, useCursorPager } from './useCursorPager';
import { useGlueRunsSignal, useLivePollInterval } from './useGlueRunsSignal';
import { PolledAsyncState, usePolledAsync } from './usePolledAsync';

/** The overview's filters; an empty string is "all". */
export interface FleetFilters {
  /** An owner's entity ref. */
  owner: string;
  account: string;
  region: string;
  /** The `value` of one of `RUN_STATE_FILTERS` (latest run's state). */
  state: string;
  /** Text in the job's title or name, as typed (sent once typing pauses). */
  text: string;
}

export const NO_FLEET_FILTERS: FleetFilters = {
  owner: '',
  account: '',
  region: '',
  state: 'all',
  text: '',
};

/** How long typing pauses before the text filter is sent. */
const TEXT_DEBOUNCE_MS = 300;

/** Options of {@link useFleetJobs}. */
export interface UseFleetJobsOptions {
  /** Jobs per page, 1 to 500. */
  pageSize: number;
  /** How often to refresh, in ms; six times less often with signals. */
  pollIntervalMs: number;
}

/** State of {@link useFleetJobs}. */
export interface FleetJobsState {
  filters: FleetFilters;
  /** Sets a filter; back to the first page once it applies. */
  setFilter: <K extends keyof FleetFilters>(
    key: K,
    value: FleetFilters[K],
  ) => void;
  /** True when any filter is set. */
  filtered: boolean;
  pager: CursorPagerState;
  /** The current page as loaded (kept while refreshing). */
  page: PolledAsyncState<GlueFleetResponse>;
  /** True when signals refresh the page as soon as a run changes. */
  live: boolean;
}

/**
 * The fleet overview a page at a time: one request to the fleet route for
 * the current filters and cursor, the text filter debounced, refreshed on
 * every runs signal (at most once a second) and polled as the fallback.
 */
export function useFleetJobs(options: UseFleetJobsOptions): FleetJobsState {
  const { pageSize, pollIntervalMs } = options;
  const api = useApi(awsGlueApiRef);
  const pager = useCursorPager();
  const { cursor, reset } = pager;
  const [filters, setFilters] = useState(NO_FLEET_FILTERS);
  const [query, setQuery] = useState('');
  const intervalMs = useLivePollInterval(pollIntervalMs);

  useDebounce(
    () => {
      const next = filters.text.trim();
      if (next !== query) {
        setQuery(next);
        reset();
      }
    },
    TEXT_DEBOUNCE_MS,
    [filters.text],
  );
  const setFilter = useCallback(
    <K extends keyof FleetFilters>(key: K, value: FleetFilters[K]) => {
      setFilters(f => ({ ...f, [key]: value }));
      if (key !== 'text') reset();
    },
    [reset],
  );

  const { owner, account, region, state } = filters;
  const page = usePolledAsync(
    () =>
      api.getFleetJobs({
        owner,
        account,
        region,
        states: statesOfFilter(state),
        query,
        limit: pageSize,
        cursor,
      }),
    [api, owner, account, region, state, query, pageSize, cursor],
    { intervalMs, isActive: () => true },
  );
  const { isSignalsAvailable } = useGlueRunsSignal(undefined, page.refresh);

  return {
    filters,
    setFilter,
    filtered:
      !!(owner || account || region || query) ||
      statesOfFilter(state).length > 0,
    pager,
    page,
    live: isSignalsAvailable,
  };
}
