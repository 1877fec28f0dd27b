export type {
  ActionRequestOptions,
  EntityRequestOptions,
  GlueRunsService,
  JobRequestOptions,
  ListRunsOptions,
} from './GlueRunsService';
export { DefaultGlueRunsService } from './DefaultGlueRunsService';
export type { DefaultGlueRunsServiceOptions } from './DefaultGlueRunsService';
