export { useRefreshableAsync } from './useRefreshableAsync';
export type { RefreshableAsyncState } from './useRefreshableAsync';
export { useEntityCompoundRef, useGlueJobs } from './useGlueJobs';
export { useLatestRuns } from './useLatestRuns';
export type { LatestRunState } from './useLatestRuns';
