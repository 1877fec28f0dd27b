export { GlueRunsContent, RUN_STATE_FILTERS } from './GlueRunsContent';
export type { EntityAwsGlueRunsContentProps } from './GlueRunsContent';
export { RunsTable } from './RunsTable';
export type { RunsTableProps } from './RunsTable';
export { RunsToolbar } from './RunsToolbar';
export type { RunsToolbarProps } from './RunsToolbar';
export { RunsTrends } from './RunsTrends';
export type { RunsTrendsProps } from './RunsTrends';
