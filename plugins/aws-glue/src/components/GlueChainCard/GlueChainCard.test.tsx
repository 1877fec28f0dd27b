import { screen } from '@testing-library/react';
import { GlueChainCard } from './GlueChainCard';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { never, renderForEntity } from '../../__testUtils__/render';
import { mockSvgLayout } from '../../__testUtils__/svg';
import {
  dependentJobChain,
  dependentJobEntity,
  plainEntity,
} from '../../__testUtils__/fixtures';

mockSvgLayout();

describe('GlueChainCard', () => {
  it('shows a compact chain with the failed upstream job', async () => {
    const api = mockAwsGlueApi({ getChain: async () => dependentJobChain });
    await renderForEntity(<GlueChainCard />, {
      entity: dependentJobEntity,
      api,
    });
    expect(await screen.findByText('Glue chain')).toBeInTheDocument();
    expect(await screen.findByTestId('upstream-failure')).toHaveTextContent(
      /^Upstream job triggering_job FAILED at /,
    );
    expect(
      await screen.findByTestId('chain-node-component:default/triggering_job'),
    ).toHaveAttribute('data-state', 'FAILED');
    expect(api.getChain).toHaveBeenCalledWith(
      {
        kind: 'Component',
        namespace: 'default',
        name: 'freshers_in_dependent_job',
      },
      { direction: 'both', depth: 2 },
    );
  });

  it('passes depth and direction props', async () => {
    const api = mockAwsGlueApi({ getChain: () => never() });
    await renderForEntity(<GlueChainCard depth={4} direction="up" />, {
      entity: dependentJobEntity,
      api,
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(api.getChain).toHaveBeenCalledWith(expect.anything(), {
      direction: 'up',
      depth: 4,
    });
  });

  it('shows errors and the missing annotation', async () => {
    const failing = await renderForEntity(<GlueChainCard />, {
      entity: dependentJobEntity,
      api: mockAwsGlueApi({
        getChain: async () => {
          throw new Error('Upstream lookup failed');
        },
      }),
    });
    expect(
      (await screen.findAllByText(/Upstream lookup failed/)).length,
    ).toBeGreaterThan(0);
    failing.unmount();
    await renderForEntity(<GlueChainCard />, {
      entity: plainEntity,
      api: mockAwsGlueApi(),
    });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
  });
});
