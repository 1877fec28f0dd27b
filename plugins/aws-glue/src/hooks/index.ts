export { useRefreshableAsync } from './useRefreshableAsync';
export type { RefreshableAsyncState } from './useRefreshableAsync';
export { usePolledAsync } from './usePolledAsync';
export type { PolledAsyncOptions, PolledAsyncState } from './usePolledAsync';
export { useCursorPager } from './useCursorPager';
export type { CursorPagerState } from './useCursorPager';
export {
  useEntityCompoundRef,
  useGlueJobs,
  useSelectedJob,
} from './useGlueJobs';
export { useLatestRuns } from './useLatestRuns';
export type { LatestRunState } from './useLatestRuns';
export { useJobRuns, MAX_POLLS_FOR_UNSEEN_RUN } from './useJobRuns';
export type { JobRunsState, UseJobRunsOptions } from './useJobRuns';
export { useRunActions } from './useRunActions';
export type { UseRunActionsOptions } from './useRunActions';
export { useStartingTriggers } from './useStartingTriggers';
export { useChainNeighbours, useJobBookmark } from './useJobOverview';
export { useWorkflowRuns } from './useWorkflowRuns';
export type {
  UseWorkflowRunsOptions,
  WorkflowRunsState,
} from './useWorkflowRuns';
export { useGlueChain } from './useGlueChain';
export type {
  ChainDirection,
  GlueChainState,
  UseGlueChainOptions,
} from './useGlueChain';
export { useRelatedGlueEntities } from './useRelatedGlueEntities';
export type { RelatedGlueEntities } from './useRelatedGlueEntities';
export { useJobRows } from './useJobRows';
export type { JobRowFilters } from './useJobRows';
