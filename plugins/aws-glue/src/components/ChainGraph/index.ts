export { ChainGraph, ChainLegend, nodeSubtitle } from './ChainGraph';
export type { ChainGraphProps } from './ChainGraph';
