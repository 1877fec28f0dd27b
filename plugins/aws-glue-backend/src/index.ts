/**
 * The AWS Glue backend plugin for Backstage.
 *
 * @packageDocumentation
 */
export { awsGluePlugin as default, awsGluePlugin } from './plugin';
