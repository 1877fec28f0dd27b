import { ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { awsGlueApiRef } from '../api';
import { mockAwsGlueApi } from '../__testUtils__/mockApi';
import {
  dependentJobChain,
  dependentJobEntity,
} from '../__testUtils__/fixtures';
import { useGlueChain } from './useGlueChain';

const LIMITS = { default: 3, max: 4 };

async function refusal() {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message: 'depth too deep' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

/** A backend with `chain.maxDepth: 4` that refuses deeper requests. */
const backend = () =>
  mockAwsGlueApi({
    getChain: async (_ref, options) => {
      if ((options?.depth ?? LIMITS.default) > LIMITS.max)
        throw await refusal();
      return { ...dependentJobChain, depthLimits: LIMITS };
    },
  });

function render(api: ReturnType<typeof mockAwsGlueApi>, initialDepth: number) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[awsGlueApiRef, api]]}>{children}</TestApiProvider>
  );
  return renderHook(
    () => useGlueChain(dependentJobEntity, { direction: 'both', initialDepth }),
    { wrapper },
  );
}

describe('useGlueChain', () => {
  it('offers up to the initial depth until the first answer, then up to the max', async () => {
    const api = backend();
    const { result } = render(api, 2);
    expect(result.current.depthChoices).toEqual([1, 2]);
    await waitFor(() =>
      expect(result.current.depthChoices).toEqual([1, 2, 3, 4]),
    );
    expect(result.current.depth).toBe(2);
    expect(api.getChain).toHaveBeenCalledTimes(1);
  });

  it('takes a too deep initial depth down to the max the backend says', async () => {
    const api = backend();
    const { result } = render(api, 6);
    await waitFor(() => expect(result.current.depth).toBe(4));
    await waitFor(() =>
      expect(result.current.chain.value?.depthLimits).toEqual(LIMITS),
    );
    // refused at 6, asked at the backend's default, then at its max
    expect(api.getChain.mock.calls.map(([, options]) => options)).toEqual([
      { direction: 'both', depth: 6 },
      { direction: 'both' },
      { direction: 'both', depth: 4 },
    ]);
    expect(result.current.chain.error).toBeUndefined();
  });

  it('shows other refusals as they are', async () => {
    const api = mockAwsGlueApi({
      getChain: async () => {
        throw await refusal();
      },
    });
    const { result } = render(api, 3);
    await waitFor(() => expect(result.current.chain.error).toBeDefined());
    const error = result.current.chain.error as ResponseError;
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe('depth too deep');
    expect(api.getChain).toHaveBeenCalledTimes(2);
  });
});
