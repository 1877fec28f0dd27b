import { useCallback } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  GlueWorkflowResumePreview,
  ResumeGlueWorkflowRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import {
  RefreshableAsyncState,
  useRefreshableAsync,
} from './useRefreshableAsync';

/** Options of {@link useResumeWorkflowRun}. */
export interface UseResumeWorkflowRunOptions {
  /** The workflow System. */
  entityRef: CompoundEntityRef;
  runId: string;
  /** Loads the preview only while true (the dialog is open). */
  enabled: boolean;
  /** After the run was resumed, with the new run. */
  onResumed?: (response: ResumeGlueWorkflowRunResponse) => void;
}

/**
 * What resuming a workflow run would run again (loaded while `enabled`),
 * and resuming it from the preview's nodes, confirmed with an alert;
 * `resume` rejects with the backend's error.
 */
export function useResumeWorkflowRun(options: UseResumeWorkflowRunOptions): {
  preview: RefreshableAsyncState<GlueWorkflowResumePreview | undefined>;
  resume: (nodeIds: string[]) => Promise<ResumeGlueWorkflowRunResponse>;
} {
  const { entityRef, runId, enabled, onResumed } = options;
  const api = useApi(awsGlueApiRef);
  const alertApi = useApi(alertApiRef);
  const preview = useRefreshableAsync(
    async () =>
      enabled ? api.getWorkflowResumePreview(entityRef, runId) : undefined,
    [api, entityRef, runId, enabled],
  );
  const resume = useCallback(
    async (nodeIds: string[]) => {
      const response = await api.resumeWorkflowRun(entityRef, runId, {
        nodeIds,
      });
      alertApi.post({
        message: `Resumed ${response.workflowName} run ${response.resumedRunId} as ${response.runId}`,
        severity: 'success',
        display: 'transient',
      });
      onResumed?.(response);
      return response;
    },
    [api, alertApi, entityRef, runId, onResumed],
  );
  return { preview, resume };
}
