/**
 * Node.js code shared by the AWS Glue catalog module and backend plugin.
 *
 * @packageDocumentation
 */
export * from './awsClients';
export * from './config';
export * from './globs';
export * from './paging';
export * from './providers';
export * from './redaction';
export * from './syncedEntities';
