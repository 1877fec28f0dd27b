/**
 * The AWS Glue backend plugin for Backstage.
 *
 * @packageDocumentation
 */
export { awsGluePlugin as default, awsGluePlugin } from './plugin';
export {
  glueAccessServiceRef,
  glueChainServiceRef,
  glueClientFactoryServiceRef,
  glueDataSourceServiceRef,
  glueRunsServiceRef,
} from './services/refs';
export * from './services/ChainService';
export * from './services/GlueAccessService';
export * from './services/GlueClientFactory';
export * from './services/GlueDataSource';
export * from './services/GlueRunsService';
