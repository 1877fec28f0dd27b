import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';
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

/**
 * The job the user picked among an entity's jobs (the first one until then),
 * and the picker's callback, by job name.
 */
export function useSelectedJob(
  jobs: GlueJob[],
): [GlueJob, (jobName: string) => void] {
  const [selected, setSelected] = useState<string | undefined>(undefined);
  return [jobs.find(j => j.name === selected) ?? jobs[0], setSelected];
}
