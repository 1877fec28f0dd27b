import { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import { awsGlueApiRef } from '../api';
import { mockAwsGlueApi } from '../__testUtils__/mockApi';
import { glueetlTriage, resumePreview } from '../__testUtils__/executions';
import { useResumeWorkflowRun } from './useResumeWorkflowRun';
import { useRetryRun } from './useRetryRun';
import { useRunTriage } from './useRunTriage';

const WORKFLOW_REF = {
  kind: 'System',
  namespace: 'default',
  name: 'sales-pipeline',
};
const JOB_REF = { kind: 'Component', namespace: 'default', name: 'glueetl' };

function wrapperOf(api: ReturnType<typeof mockAwsGlueApi>) {
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider
      apis={[
        [awsGlueApiRef, api],
        [alertApiRef, alertApi],
      ]}
    >
      {children}
    </TestApiProvider>
  );
  return { wrapper, alertApi };
}

describe('useResumeWorkflowRun', () => {
  it('loads the preview only when enabled, and resumes with the node ids', async () => {
    const onResumed = jest.fn();
    const answer = {
      workflowName: 'sales-pipeline',
      resumedRunId: 'wr_0002',
      runId: 'wr_0003',
      nodeIds: ['n-customers'],
    };
    const api = mockAwsGlueApi({
      getWorkflowResumePreview: async () => resumePreview,
      resumeWorkflowRun: async () => answer,
    });
    const { wrapper, alertApi } = wrapperOf(api);
    const { result, rerender } = renderHook(
      ({ enabled }) =>
        useResumeWorkflowRun({
          entityRef: WORKFLOW_REF,
          runId: 'wr_0002',
          enabled,
          onResumed,
        }),
      { wrapper, initialProps: { enabled: false } },
    );
    await waitFor(() => expect(result.current.preview.loading).toBe(false));
    expect(api.getWorkflowResumePreview).not.toHaveBeenCalled();
    rerender({ enabled: true });
    await waitFor(() =>
      expect(result.current.preview.value).toEqual(resumePreview),
    );
    await act(async () => {
      await expect(result.current.resume(['n-customers'])).resolves.toEqual(
        answer,
      );
    });
    expect(api.resumeWorkflowRun).toHaveBeenCalledWith(
      WORKFLOW_REF,
      'wr_0002',
      {
        nodeIds: ['n-customers'],
      },
    );
    expect(onResumed).toHaveBeenCalledWith(answer);
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Resumed sales-pipeline run wr_0002 as wr_0003',
      }),
    );
  });
});

describe('useRetryRun and useRunTriage', () => {
  it('retries with the job and loads the triage of a run', async () => {
    const answer = {
      jobName: 'glueetl',
      retriedRunId: 'jr_etl_3',
      runId: 'jr_etl_4',
    };
    const api = mockAwsGlueApi({
      retryJobRun: async () => answer,
      getRunTriage: async () => glueetlTriage,
    });
    const onRetried = jest.fn();
    const { wrapper } = wrapperOf(api);
    const { result } = renderHook(
      () => ({
        retry: useRetryRun({ entityRef: JOB_REF, job: 'glueetl', onRetried }),
        triage: useRunTriage(JOB_REF, 'jr_etl_3', 'glueetl'),
      }),
      { wrapper },
    );
    await waitFor(() =>
      expect(result.current.triage.value).toEqual(glueetlTriage),
    );
    expect(api.getRunTriage).toHaveBeenCalledWith(JOB_REF, 'jr_etl_3', {
      job: 'glueetl',
    });
    await act(async () => {
      await result.current.retry.retry('jr_etl_3');
    });
    expect(api.retryJobRun).toHaveBeenCalledWith(JOB_REF, 'jr_etl_3', {
      job: 'glueetl',
    });
    expect(onRetried).toHaveBeenCalledWith(answer);
  });
});
