export type { GlueClientFactory, GlueClientTarget } from './GlueClientFactory';
export { DefaultGlueClientFactory } from './DefaultGlueClientFactory';
export type { DefaultGlueClientFactoryOptions } from './DefaultGlueClientFactory';
