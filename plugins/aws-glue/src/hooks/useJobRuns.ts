import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  GlueJob,
  GlueJobRun,
  GlueJobRunsResponse,
  isActiveRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import { statesOfFilter } from '../lib/runStateFilters';
import { CursorPagerState, useCursorPager } from './useCursorPager';
import { useEntityCompoundRef, useSelectedJob } from './useGlueJobs';
import { useGlueRunsSignal, useLivePollInterval } from './useGlueRunsSignal';
import { PolledAsyncState, usePolledAsync } from './usePolledAsync';

/** Stop waiting for a just-started run that never shows up after this many answers. */
export const MAX_POLLS_FOR_UNSEEN_RUN = 24;

/** Options of {@link useJobRuns}. */
export interface UseJobRunsOptions {
  entity: Entity;
  /** The entity's jobs, at least one; the first is shown until another is picked. */
  jobs: GlueJob[];
  pageSize: number;
  /**
   * How often to refresh while a run is active or awaited, in ms; six times
   * less often when signals say when a run changes.
   */
  pollIntervalMs: number;
}

/** State of {@link useJobRuns}. */
export interface JobRunsState {
  /** The job whose runs are shown. */
  job: GlueJob;
  /** Shows another of the entity's jobs, from its first page. */
  selectJob: (jobName: string) => void;
  /** The `value` of one of `RUN_STATE_FILTERS`. */
  filter: string;
  /** Filters by state on the server, from the first page. */
  setFilter: (filter: string) => void;
  pager: CursorPagerState;
  /** The current page as loaded (kept while refreshing). */
  page: PolledAsyncState<GlueJobRunsResponse>;
  /** The runs of the current page; none while it loads. */
  runs: GlueJobRun[];
  /** True while it refreshes on its own: a run is active, or a started run is awaited. */
  polling: boolean;
  /** How often it refreshes while polling, in ms. */
  pollIntervalMs: number;
  /** True when signals refresh the first page as soon as a run of the job changes. */
  live: boolean;
  /** Follows a run just started: all states from the first page, refreshed until it has finished. */
  watch: (runId: string) => void;
  refresh: () => void;
}

/**
 * One job's run history, a page at a time: the job picked among the
 * entity's jobs, the state filter (on the server), cursor paging, and
 * polling while a run is active or a run the user started has not finished.
 */
export function useJobRuns(options: UseJobRunsOptions): JobRunsState {
  const { entity, jobs, pageSize, pollIntervalMs } = options;
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(entity);
  const [job, setJob] = useSelectedJob(jobs);
  const [filter, setFilterValue] = useState('all');
  const pager = useCursorPager();
  const [watchedRunId, setWatchedRunId] = useState<string | undefined>();
  const unseenAnswers = useRef(0);
  const { cursor, reset } = pager;
  const intervalMs = useLivePollInterval(pollIntervalMs);

  const page = usePolledAsync(
    () =>
      api.getJobRuns(entityRef, {
        // the ARN: unambiguous even when two of the entity's jobs share a name
        job: job.arn,
        limit: pageSize,
        nextToken: cursor,
        states: statesOfFilter(filter),
      }),
    [api, entityRef, job.arn, filter, cursor, pageSize],
    {
      intervalMs,
      isActive: value =>
        watchedRunId !== undefined ||
        (value?.runs ?? []).some(r => isActiveRunState(r.state)),
    },
  );

  // Each answer either shows the awaited run (done once it has finished)
  // or counts towards giving up on it.
  useEffect(() => {
    if (!watchedRunId || !page.value) return;
    const run = page.value.runs.find(r => r.id === watchedRunId);
    if (run) {
      unseenAnswers.current = 0;
      if (!isActiveRunState(run.state)) setWatchedRunId(undefined);
    } else if (++unseenAnswers.current > MAX_POLLS_FOR_UNSEEN_RUN) {
      setWatchedRunId(undefined);
    }
  }, [page.value, watchedRunId]);

  const { refresh } = page;
  // later pages stay as they are: their cursors would no longer line up
  const firstPage = pager.page === 1;
  const { isSignalsAvailable } = useGlueRunsSignal([job.arn], () => {
    if (firstPage) refresh();
  });
  const selectJob = useCallback(
    (jobName: string) => {
      setJob(jobName);
      reset();
    },
    [setJob, reset],
  );
  const setFilter = useCallback(
    (value: string) => {
      setFilterValue(value);
      reset();
    },
    [reset],
  );
  const watch = useCallback(
    (runId: string) => {
      unseenAnswers.current = 0;
      setWatchedRunId(runId);
      setFilterValue('all');
      reset();
      refresh();
    },
    [reset, refresh],
  );

  return {
    job,
    selectJob,
    filter,
    setFilter,
    pager,
    page,
    runs: page.value?.runs ?? [],
    polling: page.polling,
    pollIntervalMs: intervalMs,
    live: isSignalsAvailable,
    watch,
    refresh,
  };
}
