import { useSearchParams } from 'react-router-dom';
import { useApi } from '@backstage/core-plugin-api';
import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import {
  GlueJob,
  GlueJobRun,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../api';
import {
  RefreshableAsyncState,
  useRefreshableAsync,
} from './useRefreshableAsync';

/** The query parameter a link to one run carries (a failure notification's). */
export const RUN_QUERY_PARAMETER = 'run';

/**
 * The run a link names (`?run=<id>`, as in a failure notification), of the
 * selected job; `undefined` without one. `close` drops the parameter.
 */
export function useLinkedRun(
  entity: Entity,
  job: GlueJob,
): {
  runId?: string;
  run?: RefreshableAsyncState<GlueJobRun>;
  close: () => void;
} {
  const api = useApi(awsGlueApiRef);
  const [params, setParams] = useSearchParams();
  const runId = params.get(RUN_QUERY_PARAMETER) || undefined;
  const run = useRefreshableAsync(
    async () =>
      runId
        ? api.getJobRun(getCompoundEntityRef(entity), runId, { job: job.arn })
        : undefined,
    [api, entity, job.arn, runId],
  );
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete(RUN_QUERY_PARAMETER);
    setParams(next, { replace: true });
  };
  return {
    runId,
    run: runId ? (run as RefreshableAsyncState<GlueJobRun>) : undefined,
    close,
  };
}
