export { GlueChainContent } from './GlueChainContent';
export { LoadedChain, isLoneChain } from './LoadedChain';
export type {
  ChainDirection,
  EntityAwsGlueChainContentProps,
} from './GlueChainContent';
export { ChainAlerts } from './ChainAlerts';
export { ChainControls } from './ChainControls';
export type { ChainControlsProps } from './ChainControls';
