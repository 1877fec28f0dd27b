export { GlueJobCard, chainNeighbours } from './GlueJobCard';
export type { EntityAwsGlueJobCardProps } from './GlueJobCard';
