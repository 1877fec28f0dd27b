import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  GlueChainResponse,
  isActiveRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { AwsGlueApi, awsGlueApiRef, GetGlueChainOptions } from '../api';
import { ChainDepthLimits, clampDepth, depthChoices } from '../lib/chain';
import { useEntityCompoundRef } from './useGlueJobs';
import { PolledAsyncState, usePolledAsync } from './usePolledAsync';

/**
 * Which way to follow the chain from the entity.
 *
 * @public
 */
export type ChainDirection = 'up' | 'down' | 'both';

/** Options of {@link useGlueChain}. */
export interface UseGlueChainOptions {
  direction: ChainDirection;
  /** Hops from the entity to start with; kept within the backend's limits once known. */
  initialDepth: number;
  /** Refresh interval while a job in the chain runs, in ms; no refresh when undefined. */
  pollIntervalMs?: number;
}

/** State of {@link useGlueChain}. */
export interface GlueChainState {
  chain: PolledAsyncState<GlueChainResponse>;
  /** The depth asked for (within the backend's limits once known). */
  depth: number;
  setDepth: (depth: number) => void;
  /** The depths to offer: see `depthChoices`. */
  depthChoices: number[];
}

/**
 * The chain at a depth beyond the backend's `maxDepth` is refused (400)
 * before any answer has said the limits: then the backend's default depth
 * is asked for, whose answer says them.
 */
async function getChainWithinLimits(
  api: AwsGlueApi,
  entityRef: CompoundEntityRef,
  options: Required<GetGlueChainOptions>,
  limitsKnown: boolean,
): Promise<GlueChainResponse> {
  try {
    return await api.getChain(entityRef, options);
  } catch (error) {
    const refused = ResponseError.is(error) && error.statusCode === 400;
    if (limitsKnown || !refused || options.depth <= 1) throw error;
    const answer = await api.getChain(entityRef, {
      direction: options.direction,
    });
    if (!answer.depthLimits) throw error;
    return answer;
  }
}

/**
 * The entity's chain in one direction up to a depth the user may change,
 * refreshed while a job in it runs. Offers only the depths the backend
 * accepts (`depthLimits` of its answers) and keeps the depth within them.
 */
export function useGlueChain(
  entity: Entity,
  options: UseGlueChainOptions,
): GlueChainState {
  const { direction, pollIntervalMs } = options;
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(entity);
  // Deeper than the backend's max is taken down to it once an answer says it.
  const [requested, setDepth] = useState(() =>
    Math.max(1, Math.round(options.initialDepth)),
  );
  const [limits, setLimits] = useState<ChainDepthLimits | undefined>();
  const [answered, setAnswered] = useState(false);
  const depth = limits ? clampDepth(requested, limits.max) : requested;

  const chain = usePolledAsync(
    () => getChainWithinLimits(api, entityRef, { direction, depth }, !!limits),
    [api, entityRef, direction, depth],
    {
      intervalMs: pollIntervalMs,
      isActive: value =>
        value?.nodes.some(n => isActiveRunState(n.latestRun?.state)) ?? false,
    },
  );

  const said = chain.value?.depthLimits;
  useEffect(() => {
    if (
      said &&
      (said.max !== limits?.max || said.default !== limits?.default)
    ) {
      setLimits({ default: said.default, max: said.max });
    }
  }, [said, limits]);
  const hasValue = chain.value !== undefined;
  useEffect(() => {
    if (hasValue) setAnswered(true);
  }, [hasValue]);

  return {
    chain,
    depth,
    setDepth,
    depthChoices: depthChoices({ limits, answered, depth }),
  };
}
