import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { awsGlueApiRef } from '../api';

/** The entity's compound ref, stable across renders of the same entity. */
export function useEntityCompoundRef(entity: Entity) {
  const key = stringifyEntityRef(entity);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => getCompoundEntityRef(entity), [key]);
}

/** The entity's Glue jobs (configuration, latest run, permissions). */
export function useGlueJobs(entity: Entity) {
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(entity);
  return useAsyncRetry(() => api.getJobs(entityRef), [api, entityRef]);
}
