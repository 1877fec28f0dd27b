import { useCallback } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  GlueJob,
  GlueJobRun,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import { useEntityCompoundRef } from './useGlueJobs';

/** Options of {@link useRunActions}. */
export interface UseRunActionsOptions {
  entity: Entity;
  /** The job to start runs of. */
  job: GlueJob;
  /** After a run was started, with its id. */
  onStarted?: (runId: string) => void;
  /** After a run was asked to stop. */
  onStopped?: () => void;
}

/**
 * Starting and stopping runs of the entity's job, each confirmed with an
 * alert; both reject with the backend's error (for the dialog to show).
 */
export function useRunActions(options: UseRunActionsOptions) {
  const { entity, job, onStarted, onStopped } = options;
  const api = useApi(awsGlueApiRef);
  const alertApi = useApi(alertApiRef);
  const entityRef = useEntityCompoundRef(entity);

  const startRun = useCallback(
    async (args: Record<string, string>) => {
      const response = await api.startJobRun(entityRef, {
        job: job.name,
        ...(Object.keys(args).length > 0 ? { arguments: args } : {}),
      });
      alertApi.post({
        message: `Started run ${response.runId} of ${response.jobName}`,
        severity: 'success',
        display: 'transient',
      });
      onStarted?.(response.runId);
    },
    [api, alertApi, entityRef, job.name, onStarted],
  );

  const stopRun = useCallback(
    async (run: GlueJobRun) => {
      await api.stopJobRun(entityRef, run.id, { job: run.jobArn });
      alertApi.post({
        message: `Stopping run ${run.id} of ${run.jobName}`,
        severity: 'info',
        display: 'transient',
      });
      onStopped?.();
    },
    [api, alertApi, entityRef, onStopped],
  );

  return { startRun, stopRun };
}
