import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  GlueWorkflowRun,
  GlueWorkflowRunsResponse,
  isActiveWorkflowStatus,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import { CursorPagerState, useCursorPager } from './useCursorPager';
import { useEntityCompoundRef } from './useGlueJobs';
import { PolledAsyncState, usePolledAsync } from './usePolledAsync';

/** Options of {@link useWorkflowRuns}. */
export interface UseWorkflowRunsOptions {
  /** A System that stands for a Glue workflow. */
  entity: Entity;
  pageSize: number;
  /** How often to refresh while a run is active, in ms. */
  pollIntervalMs: number;
}

/** State of {@link useWorkflowRuns}. */
export interface WorkflowRunsState {
  page: PolledAsyncState<GlueWorkflowRunsResponse>;
  /** The runs of the current page; none while it loads. */
  runs: GlueWorkflowRun[];
  pager: CursorPagerState;
  /** The run whose graph is shown: the one picked, else the newest of the page. */
  selected?: GlueWorkflowRun;
  select: (runId: string) => void;
}

/**
 * A workflow's runs a page at a time, refreshed while one is running, and
 * the run whose graph is shown.
 */
export function useWorkflowRuns(
  options: UseWorkflowRunsOptions,
): WorkflowRunsState {
  const { entity, pageSize, pollIntervalMs } = options;
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(entity);
  const pager = useCursorPager();
  const { cursor } = pager;
  const [selectedId, setSelectedId] = useState<string | undefined>();

  const page = usePolledAsync(
    () =>
      api.getWorkflowRuns(entityRef, { limit: pageSize, nextToken: cursor }),
    [api, entityRef, pageSize, cursor],
    {
      intervalMs: pollIntervalMs,
      isActive: value =>
        (value?.runs ?? []).some(r => isActiveWorkflowStatus(r.status)),
    },
  );
  const runs = page.value?.runs ?? [];
  return {
    page,
    runs,
    pager,
    selected: runs.find(r => r.id === selectedId) ?? runs[0],
    select: setSelectedId,
  };
}
