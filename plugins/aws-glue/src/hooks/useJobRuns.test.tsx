import { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { awsGlueApiRef } from '../api';
import { mockAwsGlueApi } from '../__testUtils__/mockApi';
import {
  dependentJobEntity,
  jobArn,
  makeJob,
  makeRun,
  makeRunsResponse,
} from '../__testUtils__/fixtures';
import { MAX_POLLS_FOR_UNSEEN_RUN, useJobRuns } from './useJobRuns';

function render(api: ReturnType<typeof mockAwsGlueApi>) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[awsGlueApiRef, api]]}>{children}</TestApiProvider>
  );
  return renderHook(
    () =>
      useJobRuns({
        entity: dependentJobEntity,
        jobs: [makeJob({ name: 'triggering_job' }), makeJob()],
        pageSize: 10,
        pollIntervalMs: 1000,
      }),
    { wrapper },
  );
}

describe('useJobRuns', () => {
  afterEach(() => jest.useRealTimers());

  it('pages, filters and switches jobs, each from the first page', async () => {
    const api = mockAwsGlueApi({
      getJobRuns: async (_ref, options) =>
        makeRunsResponse(
          [makeRun({ id: `jr_${options?.nextToken ?? 'first'}` })],
          options?.nextToken ? undefined : 'page-2',
        ),
    });
    const { result } = render(api);
    await waitFor(() => expect(result.current.runs).toHaveLength(1));
    expect(result.current.job.name).toBe('triggering_job');
    expect(api.getJobRuns).toHaveBeenLastCalledWith(expect.anything(), {
      job: jobArn('triggering_job'),
      limit: 10,
      nextToken: undefined,
      states: [],
    });

    act(() => result.current.pager.next('page-2'));
    await waitFor(() => expect(result.current.runs[0]?.id).toBe('jr_page-2'));
    expect(result.current.pager.page).toBe(2);

    act(() => result.current.setFilter('failed'));
    expect(result.current.pager.page).toBe(1);
    await waitFor(() =>
      expect(api.getJobRuns).toHaveBeenLastCalledWith(expect.anything(), {
        job: jobArn('triggering_job'),
        limit: 10,
        nextToken: undefined,
        states: ['FAILED', 'TIMEOUT', 'ERROR', 'EXPIRED'],
      }),
    );

    act(() => result.current.pager.next('page-2'));
    act(() => result.current.selectJob('freshers_in_dependent_job'));
    expect(result.current.pager.page).toBe(1);
    expect(result.current.job.name).toBe('freshers_in_dependent_job');
    await waitFor(() =>
      expect(api.getJobRuns).toHaveBeenLastCalledWith(
        expect.anything(),
        expect.objectContaining({
          job: jobArn('freshers_in_dependent_job'),
          nextToken: undefined,
        }),
      ),
    );
  });

  it('polls for a started run until it has finished', async () => {
    jest.useFakeTimers();
    let answers: (string | undefined)[] = [];
    const api = mockAwsGlueApi({
      getJobRuns: async () => {
        const state = answers.shift();
        return makeRunsResponse(
          state ? [makeRun({ id: 'jr_new', state })] : [makeRun()],
        );
      },
    });
    const { result } = render(api);
    await waitFor(() => expect(result.current.runs).toHaveLength(1));
    expect(result.current.polling).toBe(false);

    // not yet listed, running, done
    answers = [undefined, 'RUNNING', 'SUCCEEDED'];
    act(() => result.current.watch('jr_new'));
    expect(result.current.polling).toBe(true);
    for (let i = 0; i < 3; i++) {
      await act(async () => {
        jest.advanceTimersByTime(1000);
      });
    }
    await waitFor(() => expect(result.current.runs[0].state).toBe('SUCCEEDED'));
    expect(result.current.polling).toBe(false);
  });

  it('gives up on a started run that never shows up', async () => {
    jest.useFakeTimers();
    const api = mockAwsGlueApi({
      getJobRuns: async () => makeRunsResponse([makeRun()]),
    });
    const { result } = render(api);
    await waitFor(() => expect(result.current.runs).toHaveLength(1));
    act(() => result.current.watch('jr_lost'));
    for (let i = 0; i <= MAX_POLLS_FOR_UNSEEN_RUN + 1; i++) {
      await act(async () => {
        jest.advanceTimersByTime(1000);
      });
    }
    expect(result.current.polling).toBe(false);
    const calls = api.getJobRuns.mock.calls.length;
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    expect(api.getJobRuns).toHaveBeenCalledTimes(calls);
  });
});
