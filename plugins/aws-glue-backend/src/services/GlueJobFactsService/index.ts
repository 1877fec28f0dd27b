export * from './GlueJobFactsService';
export * from './DefaultGlueJobFactsService';
