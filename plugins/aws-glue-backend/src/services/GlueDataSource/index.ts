export type {
  GlueDataSource,
  RunsPage,
  StoredBookmark,
  WorkflowRef,
  WorkflowRunsPage,
} from './GlueDataSource';
export { DefaultGlueDataSource, RUNS_PAGE_SIZE } from './DefaultGlueDataSource';
export type { DefaultGlueDataSourceOptions } from './DefaultGlueDataSource';
