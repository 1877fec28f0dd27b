import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  GlueChainExecution,
  GlueChainExecutionsResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import { PolledAsyncState, usePolledAsync } from './usePolledAsync';

/** State of {@link useChainExecutions}. */
export interface ChainExecutionsState {
  executions: PolledAsyncState<GlueChainExecutionsResponse>;
  /** The execution picked, else the latest. */
  selected?: GlueChainExecution;
  select: (executionId: string) => void;
}

/**
 * The last `limit` executions of the entity's chain, latest first,
 * refreshed every `pollIntervalMs` while one runs, and the one picked (the
 * latest until another is).
 */
export function useChainExecutions(
  entityRef: CompoundEntityRef,
  limit: number,
  options: { pollIntervalMs?: number } = {},
): ChainExecutionsState {
  const api = useApi(awsGlueApiRef);
  const [selectedId, select] = useState<string | undefined>();
  const executions = usePolledAsync(
    () => api.getChainExecutions(entityRef, { limit }),
    [api, entityRef, limit],
    {
      intervalMs: options.pollIntervalMs,
      isActive: value =>
        value?.executions.some(e => e.state === 'RUNNING') ?? false,
    },
  );
  const all = executions.value?.executions ?? [];
  return {
    executions,
    selected: all.find(e => e.id === selectedId) ?? all[0],
    select,
  };
}
