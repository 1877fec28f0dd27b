export type {
  ChainDirection,
  ChainService,
  GetChainOptions,
} from './ChainService';
export { DefaultChainService } from './DefaultChainService';
export type { DefaultChainServiceOptions } from './DefaultChainService';
