import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  GlueJob,
  GlueJobRun,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import {
  RefreshableAsyncState,
  useRefreshableAsync,
} from './useRefreshableAsync';

/**
 * One run of a job of the chain, read through the job's own entity, with
 * the job (whether the caller may retry it); the job is left out when it
 * cannot be read.
 */
export function useNodeRun(
  entityRef: CompoundEntityRef,
  runId: string,
  jobName: string,
): RefreshableAsyncState<{ run: GlueJobRun; job?: GlueJob }> {
  const api = useApi(awsGlueApiRef);
  return useRefreshableAsync(async () => {
    const [run, jobs] = await Promise.all([
      api.getJobRun(entityRef, runId, { job: jobName }),
      api.getJobs(entityRef).catch(() => undefined),
    ]);
    return { run, job: jobs?.jobs.find(j => j.name === run.jobName) };
  }, [api, entityRef, runId, jobName]);
}
