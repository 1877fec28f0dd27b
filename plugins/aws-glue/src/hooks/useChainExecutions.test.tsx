import { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { awsGlueApiRef } from '../api';
import { mockAwsGlueApi } from '../__testUtils__/mockApi';
import { executionsResponse } from '../__testUtils__/executions';
import { useChainExecutions } from './useChainExecutions';

const ENTITY_REF = { kind: 'Component', namespace: 'default', name: 'glueetl' };

function wrapperOf(api: ReturnType<typeof mockAwsGlueApi>) {
  return ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[awsGlueApiRef, api]]}>{children}</TestApiProvider>
  );
}

describe('useChainExecutions', () => {
  afterEach(() => jest.useRealTimers());

  it('loads the executions and picks the latest until another is picked', async () => {
    const api = mockAwsGlueApi({
      getChainExecutions: async () => executionsResponse,
    });
    const { result } = renderHook(() => useChainExecutions(ENTITY_REF, 7), {
      wrapper: wrapperOf(api),
    });
    await waitFor(() => expect(result.current.selected?.id).toBe('jr_up_3'));
    expect(api.getChainExecutions).toHaveBeenCalledWith(ENTITY_REF, {
      limit: 7,
    });
    act(() => result.current.select('jr_up_1'));
    expect(result.current.selected?.id).toBe('jr_up_1');
    // an id no longer loaded falls back to the latest
    act(() => result.current.select('jr_gone'));
    expect(result.current.selected?.id).toBe('jr_up_3');
  });

  it('refreshes while an execution runs', async () => {
    jest.useFakeTimers();
    const running = {
      ...executionsResponse,
      executions: [
        { ...executionsResponse.executions[0], state: 'RUNNING' as const },
      ],
    };
    const api = mockAwsGlueApi({ getChainExecutions: async () => running });
    const { result } = renderHook(
      () => useChainExecutions(ENTITY_REF, 14, { pollIntervalMs: 1000 }),
      { wrapper: wrapperOf(api) },
    );
    await waitFor(() => expect(result.current.executions.polling).toBe(true));
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    expect(api.getChainExecutions).toHaveBeenCalledTimes(2);
  });
});
