export type {
  ChainDirection,
  ChainService,
  GetChainOptions,
  GetExecutionsOptions,
} from './ChainService';
export { DefaultChainService } from './DefaultChainService';
export type { DefaultChainServiceOptions } from './DefaultChainService';
