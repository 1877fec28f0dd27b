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
export { useJobRuns, MAX_POLLS_FOR_UNSEEN_RUN } from './useJobRuns';
export type { JobRunsState, UseJobRunsOptions } from './useJobRuns';
export { useRunActions } from './useRunActions';
export type { UseRunActionsOptions } from './useRunActions';
export { useStartRunForm } from './useStartRunForm';
export type {
  StartRunFormState,
  StartRunStep,
  UseStartRunFormOptions,
} from './useStartRunForm';
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
export {
  SIGNAL_COALESCE_MS,
  SIGNALS_POLL_SLOWDOWN,
  useGlueRunsSignal,
  useLivePollInterval,
  useSignalsAvailable,
} from './useGlueRunsSignal';
export type { GlueRunsSignalState } from './useGlueRunsSignal';
export { useTrends } from './useTrends';
export type { UseTrendsOptions } from './useTrends';
export { useTeamSummary } from './useTeamSummary';
export { useFleetJobs, NO_FLEET_FILTERS } from './useFleetJobs';
export type {
  FleetFilters,
  FleetJobsState,
  UseFleetJobsOptions,
} from './useFleetJobs';
export { useFleetFilterOptions } from './useFleetFilterOptions';
export type { FleetFilterOptions } from './useFleetFilterOptions';
export { useLinkedRun, RUN_QUERY_PARAMETER } from './useLinkedRun';
export { useChainExecutions } from './useChainExecutions';
export type { ChainExecutionsState } from './useChainExecutions';
export { useRunTriage } from './useRunTriage';
export { useRetryRun } from './useRetryRun';
export type { UseRetryRunOptions } from './useRetryRun';
export { useResumeWorkflowRun } from './useResumeWorkflowRun';
export type { UseResumeWorkflowRunOptions } from './useResumeWorkflowRun';
export { useNodeRun } from './useNodeRun';
export { isTechInsightsMissing, useGlueScorecard } from './useGlueScorecard';
export type { GlueScorecard } from './useGlueScorecard';
