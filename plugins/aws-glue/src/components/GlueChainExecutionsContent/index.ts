export { GlueChainExecutionsContent } from './GlueChainExecutionsContent';
export type { EntityAwsGlueChainExecutionsContentProps } from './GlueChainExecutionsContent';
export { ExecutionTimeline } from './ExecutionTimeline';
export type { ExecutionTimelineProps } from './ExecutionTimeline';
export { RunMatrix } from './RunMatrix';
export type { RunMatrixProps } from './RunMatrix';
export { LandingChart } from './LandingChart';
export type { LandingChartProps } from './LandingChart';
