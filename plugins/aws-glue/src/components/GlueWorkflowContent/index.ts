export { GlueWorkflowContent } from './GlueWorkflowContent';
export type { EntityAwsGlueWorkflowContentProps } from './GlueWorkflowContent';
