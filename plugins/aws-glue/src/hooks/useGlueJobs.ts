import { useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  GlueJob,
  getGlueJobArns,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import { useGlueRunsSignal } from './useGlueRunsSignal';
import { useRefreshableAsync } from './useRefreshableAsync';

/** The entity's compound ref, stable across renders of the same entity. */
export function useEntityCompoundRef(entity: Entity) {
  const key = stringifyEntityRef(entity);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => getCompoundEntityRef(entity), [key]);
}

/**
 * The entity's Glue jobs (configuration, latest run, permissions); `live`:
 * fetched again when a run of one of them changes state (signals).
 */
export function useGlueJobs(entity: Entity, options: { live?: boolean } = {}) {
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(entity);
  const jobs = useRefreshableAsync(
    () => api.getJobs(entityRef),
    [api, entityRef],
  );
  const arns = jobs.value?.jobs.map(j => j.arn) ?? getGlueJobArns(entity);
  useGlueRunsSignal(options.live ? arns : [], jobs.refresh);
  return jobs;
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
