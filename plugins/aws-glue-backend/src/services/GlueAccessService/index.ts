export type {
  GlueAccessDecision,
  GlueAccessRequest,
  GlueAccessService,
  GlueReadScope,
} from './GlueAccessService';
export { DefaultGlueAccessService } from './DefaultGlueAccessService';
export type { DefaultGlueAccessServiceOptions } from './DefaultGlueAccessService';
