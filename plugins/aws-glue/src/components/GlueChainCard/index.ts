export { GlueChainCard } from './GlueChainCard';
export type { EntityAwsGlueChainCardProps } from './GlueChainCard';
