/**
 * Node.js code shared by the AWS Glue catalog module and backend plugin.
 *
 * @packageDocumentation
 */
export * from './awsClients';
export * from './paging';
export * from './providers';
export * from './syncedEntities';
