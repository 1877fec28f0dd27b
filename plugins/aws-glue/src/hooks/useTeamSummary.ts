import { useApi } from '@backstage/core-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { GlueTeamSummaryResponse } from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import {
  RefreshableAsyncState,
  useRefreshableAsync,
} from './useRefreshableAsync';

/** The summary of the Glue jobs a Group or User owns: failures, slowest, dearest, cost, trend. */
export function useTeamSummary(
  entityRef: CompoundEntityRef,
): RefreshableAsyncState<GlueTeamSummaryResponse> {
  const api = useApi(awsGlueApiRef);
  const key = stringifyEntityRef(entityRef);
  return useRefreshableAsync(
    () => api.getTeamSummary(entityRef),
    // the ref by value: a new object for the same entity keeps the summary
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
}
