export type {
  GlueAccessDecision,
  GlueAccessRequest,
  GlueAccessService,
} from './GlueAccessService';
export { DefaultGlueAccessService } from './DefaultGlueAccessService';
export type { DefaultGlueAccessServiceOptions } from './DefaultGlueAccessService';
