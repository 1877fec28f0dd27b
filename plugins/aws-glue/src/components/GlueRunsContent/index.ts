export { GlueRunsContent, RUN_STATE_FILTERS } from './GlueRunsContent';
export type { EntityAwsGlueRunsContentProps } from './GlueRunsContent';
