import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  GlueChainExecutionsResponse,
  GlueChainResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/**
 * Which way to walk from the entity.
 *
 * @public
 */
export type ChainDirection = 'up' | 'down' | 'both';

/**
 * Options of {@link ChainService.getChain}.
 *
 * @public
 */
export interface GetChainOptions {
  entityRef: string;
  credentials: BackstageCredentials;
  /** `up`: what the entity depends on; `down`: what depends on it. */
  direction: ChainDirection;
  /** Hops from the entity. */
  depth: number;
}

/**
 * Options of {@link ChainService.getExecutions}.
 *
 * @public
 */
export interface GetExecutionsOptions {
  entityRef: string;
  credentials: BackstageCredentials;
  /** Executions, latest first. */
  limit: number;
}

/**
 * The chain around an entity: the jobs, triggers, crawlers and datasets
 * upstream and downstream of it, from catalog relations, with each job's
 * latest run state.
 *
 * @public
 */
export interface ChainService {
  getChain(options: GetChainOptions): Promise<GlueChainResponse>;
  /**
   * How the chain's last executions went, from the run index: each from a
   * root run downstream through `PredecessorRuns`.
   */
  getExecutions(
    options: GetExecutionsOptions,
  ): Promise<GlueChainExecutionsResponse>;
}
