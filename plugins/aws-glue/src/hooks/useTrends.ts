import { useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  GlueTrendsResponse,
  GlueTrendWindow,
  getGlueJobArns,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import { useEntityCompoundRef } from './useGlueJobs';
import { useGlueRunsSignal } from './useGlueRunsSignal';
import {
  RefreshableAsyncState,
  useRefreshableAsync,
} from './useRefreshableAsync';

/** Options of {@link useTrends}. */
export interface UseTrendsOptions {
  /** One of the entity's jobs, by ARN; all of them when undefined. */
  jobArn?: string;
  days: GlueTrendWindow;
}

/**
 * The daily trend of the entity's job (or jobs) over a window, fetched
 * again when a run of the job changes state (signals).
 */
export function useTrends(
  entity: Entity,
  options: UseTrendsOptions,
): RefreshableAsyncState<GlueTrendsResponse> {
  const { jobArn, days } = options;
  const api = useApi(awsGlueApiRef);
  const entityRef = useEntityCompoundRef(entity);
  const trends = useRefreshableAsync(
    () => api.getTrends(entityRef, { days, job: jobArn }),
    [api, entityRef, days, jobArn],
  );
  useGlueRunsSignal(jobArn ? [jobArn] : getGlueJobArns(entity), trends.refresh);
  return trends;
}
