import { useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { GlueRunTriageResponse } from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import {
  RefreshableAsyncState,
  useRefreshableAsync,
} from './useRefreshableAsync';

/** Why a failed run of one of the entity's jobs (`job`: name or ARN) failed. */
export function useRunTriage(
  entityRef: CompoundEntityRef,
  runId: string,
  job?: string,
): RefreshableAsyncState<GlueRunTriageResponse> {
  const api = useApi(awsGlueApiRef);
  return useRefreshableAsync(
    () => api.getRunTriage(entityRef, runId, { job }),
    [api, entityRef, runId, job],
  );
}
