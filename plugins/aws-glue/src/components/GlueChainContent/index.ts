export { GlueChainContent } from './GlueChainContent';
export type {
  ChainDirection,
  EntityAwsGlueChainContentProps,
} from './GlueChainContent';
export { ChainAlerts } from './ChainAlerts';
