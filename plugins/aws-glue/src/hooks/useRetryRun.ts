import { useCallback } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { RetryGlueJobRunResponse } from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';

/** Options of {@link useRetryRun}. */
export interface UseRetryRunOptions {
  /** The entity the run's job belongs to. */
  entityRef: CompoundEntityRef;
  /** The job's name or ARN, for entities with several jobs. */
  job?: string;
  /** After the retry started, with the new run. */
  onRetried?: (response: RetryGlueJobRunResponse) => void;
}

/**
 * Retrying a failed run with its own arguments (the server keeps them),
 * confirmed with an alert; rejects with the backend's error (for the
 * dialog to show).
 */
export function useRetryRun(options: UseRetryRunOptions) {
  const { entityRef, job, onRetried } = options;
  const api = useApi(awsGlueApiRef);
  const alertApi = useApi(alertApiRef);
  const retry = useCallback(
    async (runId: string) => {
      const response = await api.retryJobRun(entityRef, runId, { job });
      alertApi.post({
        message: `Started run ${response.runId} of ${response.jobName} (retry of ${response.retriedRunId})`,
        severity: 'success',
        display: 'transient',
      });
      onRetried?.(response);
      return response;
    },
    [api, alertApi, entityRef, job, onRetried],
  );
  return { retry };
}
