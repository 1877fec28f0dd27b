import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import { chainNeighbours } from '../lib/chainNeighbours';
import { useEntityCompoundRef } from './useGlueJobs';

/**
 * The job's bookmark (by ARN: unambiguous when two of the entity's jobs
 * share a name), fetched again when its latest run changes (a finished run
 * moves the bookmark).
 */
export function useJobBookmark(entity: Entity, job: GlueJob) {
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(entity);
  return useAsync(
    () => api.getBookmark(entityRef, { job: job.arn }),
    [api, entityRef, job.arn, job.latestRun?.id, job.latestRun?.state],
  );
}

/** What starts the entity and what it starts, two hops each way along the chain. */
export function useChainNeighbours(entity: Entity) {
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(entity);
  const chain = useAsync(
    () => api.getChain(entityRef, { direction: 'both', depth: 2 }),
    [api, entityRef],
  );
  const neighbours = useMemo(
    () => (chain.value ? chainNeighbours(chain.value) : undefined),
    [chain.value],
  );
  return { loading: chain.loading, error: chain.error, value: neighbours };
}
