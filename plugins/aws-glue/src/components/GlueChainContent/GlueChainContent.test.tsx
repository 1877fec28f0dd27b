import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Theme, useTheme } from '@material-ui/core';
import { GlueChainContent } from './GlueChainContent';
import { ResponseError } from '@backstage/errors';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { never, renderForEntity } from '../../__testUtils__/render';
import { mockSvgLayout } from '../../__testUtils__/svg';
import { formatDateTime } from '../../lib/format';
import {
  dependentJobChain,
  dependentJobEntity,
  plainEntity,
  triggerEntity,
} from '../../__testUtils__/fixtures';

const mockNavigate = jest.fn();
jest.mock('react-router-dom', () => ({
  ...jest.requireActual('react-router-dom'),
  useNavigate: () => mockNavigate,
}));

mockSvgLayout();

let theme: Theme | undefined;
function ThemeProbe() {
  theme = useTheme();
  return <></>;
}

const ENTITY_REF = {
  kind: 'Component',
  namespace: 'default',
  name: 'freshers_in_dependent_job',
};
const node = (id: string) => screen.findByTestId(`chain-node-${id}`);

describe('GlueChainContent', () => {
  beforeEach(() => mockNavigate.mockReset());

  it('draws the chain with a failed upstream job in red and an alert line', async () => {
    const api = mockAwsGlueApi({ getChain: async () => dependentJobChain });
    await renderForEntity(
      <>
        <ThemeProbe />
        <GlueChainContent />
      </>,
      { entity: dependentJobEntity, api },
    );

    const alert = await screen.findByTestId('upstream-failure');
    expect(alert).toHaveTextContent(
      `Upstream job triggering_job FAILED at ${formatDateTime(
        '2025-03-04T01:10:00.000Z',
      )}`,
    );
    expect(
      within(alert).getByRole('link', { name: 'triggering_job' }),
    ).toHaveAttribute('href', '/catalog/default/component/triggering_job');

    const failed = await node('component:default/triggering_job');
    expect(failed).toHaveAttribute('data-state', 'FAILED');
    expect(failed.querySelector('rect')).toHaveAttribute(
      'fill',
      theme!.palette.error.main,
    );
    const root = await node('component:default/freshers_in_dependent_job');
    expect(root.querySelector('rect')).toHaveAttribute(
      'fill',
      theme!.palette.success.main,
    );
    expect(root.querySelector('rect')).toHaveAttribute(
      'stroke',
      theme!.palette.primary.main,
    );
    const running = await node('component:default/report_job');
    expect(running.querySelector('rect')).toHaveAttribute(
      'fill',
      theme!.palette.info.main,
    );
    // the trigger is a node labelled with its condition; edges carry the state
    const trigger = await node(
      'resource:default/trigger-start-freshers-in-dependent-job',
    );
    expect(
      within(trigger).getByText('when ALL conditions met'),
    ).toBeInTheDocument();
    expect(screen.getByText('AND: SUCCEEDED')).toBeInTheDocument();
    // datasets are hidden by default
    expect(
      screen.queryByTestId(
        'chain-node-resource:default/s3-freshers-in-dependent-output',
      ),
    ).not.toBeInTheDocument();
    expect(api.getChain).toHaveBeenCalledWith(ENTITY_REF, {
      direction: 'both',
      depth: 3,
    });
  });

  it('shows datasets on request', async () => {
    const api = mockAwsGlueApi({ getChain: async () => dependentJobChain });
    await renderForEntity(<GlueChainContent />, {
      entity: dependentJobEntity,
      api,
    });
    await node('component:default/triggering_job');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Show datasets' }),
    );
    expect(
      await node('resource:default/s3-freshers-in-dependent-output'),
    ).toBeInTheDocument();
    expect(screen.getByText('writes')).toBeInTheDocument();
  });

  it('refetches for another depth and direction', async () => {
    const api = mockAwsGlueApi({ getChain: async () => dependentJobChain });
    await renderForEntity(<GlueChainContent />, {
      entity: dependentJobEntity,
      api,
    });
    await node('component:default/triggering_job');

    await userEvent.click(screen.getByRole('button', { name: 'Depth' }));
    await userEvent.click(await screen.findByRole('option', { name: '5' }));
    await waitFor(() =>
      expect(api.getChain).toHaveBeenLastCalledWith(ENTITY_REF, {
        direction: 'both',
        depth: 5,
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Direction' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Upstream only' }),
    );
    await waitFor(() =>
      expect(api.getChain).toHaveBeenLastCalledWith(ENTITY_REF, {
        direction: 'up',
        depth: 5,
      }),
    );
  });

  it('offers only the depths the backend accepts', async () => {
    const api = mockAwsGlueApi({
      getChain: async () => ({
        ...dependentJobChain,
        depthLimits: { default: 3, max: 4 },
      }),
    });
    await renderForEntity(<GlueChainContent />, {
      entity: dependentJobEntity,
      api,
    });
    await node('component:default/triggering_job');
    await userEvent.click(screen.getByRole('button', { name: 'Depth' }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual(['1', '2', '3', '4']);
  });

  it('offers no more than the initial depth before the first answer', async () => {
    const api = mockAwsGlueApi({ getChain: () => never() });
    await renderForEntity(<GlueChainContent initialDepth={2} />, {
      entity: dependentJobEntity,
      api,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Depth' }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual(['1', '2']);
  });

  it('takes an initial depth beyond the backend max down to it', async () => {
    const refused = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'InputError', message: 'depth must be at most 4' },
          response: { statusCode: 400 },
        }),
        { status: 400, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const api = mockAwsGlueApi({
      getChain: async (_ref, options) => {
        if ((options?.depth ?? 3) > 4) throw refused;
        return { ...dependentJobChain, depthLimits: { default: 3, max: 4 } };
      },
    });
    await renderForEntity(<GlueChainContent initialDepth={6} />, {
      entity: dependentJobEntity,
      api,
    });
    await waitFor(() =>
      expect(api.getChain).toHaveBeenLastCalledWith(ENTITY_REF, {
        direction: 'both',
        depth: 4,
      }),
    );
    expect(await node('component:default/triggering_job')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Depth' })).toHaveTextContent(
      '4',
    );
    expect(
      screen.queryByText(/depth must be at most 4/),
    ).not.toBeInTheDocument();
  });

  it('opens the entity page of a clicked node', async () => {
    const api = mockAwsGlueApi({ getChain: async () => dependentJobChain });
    await renderForEntity(<GlueChainContent />, {
      entity: dependentJobEntity,
      api,
    });
    await userEvent.click(await node('component:default/triggering_job'));
    expect(mockNavigate).toHaveBeenCalledWith(
      '/catalog/default/component/triggering_job',
    );
  });

  it('says what a failure of the job itself holds up', async () => {
    const chain = {
      ...dependentJobChain,
      nodes: dependentJobChain.nodes.map(n =>
        n.id === dependentJobChain.root
          ? {
              ...n,
              latestRun: {
                id: 'jr',
                state: 'TIMEOUT',
                completedOn: '2025-03-04T03:00:00.000Z',
              },
            }
          : n,
      ),
    };
    const api = mockAwsGlueApi({ getChain: async () => chain });
    await renderForEntity(<GlueChainContent />, {
      entity: dependentJobEntity,
      api,
    });
    expect(
      await screen.findByText(
        `The latest run of freshers_in_dependent_job TIMEOUT at ${formatDateTime(
          '2025-03-04T03:00:00.000Z',
        )}; downstream it holds up report_job.`,
      ),
    ).toBeInTheDocument();
  });

  it('says when the chain was cut short', async () => {
    const api = mockAwsGlueApi({
      getChain: async () => ({ ...dependentJobChain, truncated: true }),
    });
    await renderForEntity(<GlueChainContent />, {
      entity: dependentJobEntity,
      api,
    });
    expect(
      await screen.findByText(/The chain goes on beyond what is shown/),
    ).toBeInTheDocument();
  });

  it('shows progress, errors and an empty chain', async () => {
    const loading = await renderForEntity(<GlueChainContent />, {
      entity: dependentJobEntity,
      api: mockAwsGlueApi({ getChain: () => never() }),
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    loading.unmount();

    const failing = await renderForEntity(<GlueChainContent />, {
      entity: dependentJobEntity,
      api: mockAwsGlueApi({
        getChain: async () => {
          throw new Error('Catalog lookup failed');
        },
      }),
    });
    expect(
      (await screen.findAllByText(/Catalog lookup failed/)).length,
    ).toBeGreaterThan(0);
    failing.unmount();

    await renderForEntity(<GlueChainContent />, {
      entity: dependentJobEntity,
      api: mockAwsGlueApi({
        getChain: async () => ({
          root: dependentJobChain.root,
          truncated: false,
          nodes: [dependentJobChain.nodes[0]],
          edges: [],
        }),
      }),
    });
    expect(
      await screen.findByText('Nothing upstream or downstream'),
    ).toBeInTheDocument();
  });

  it('works for a synced trigger too', async () => {
    const api = mockAwsGlueApi({
      getChain: async () => ({
        ...dependentJobChain,
        root: 'resource:default/trigger-start-freshers-in-dependent-job',
      }),
    });
    await renderForEntity(<GlueChainContent />, { entity: triggerEntity, api });
    expect(await screen.findByTestId('upstream-failure')).toHaveTextContent(
      /^Upstream job triggering_job FAILED at /,
    );
    expect(api.getChain).toHaveBeenCalledWith(
      {
        kind: 'Resource',
        namespace: 'default',
        name: 'trigger-start-freshers-in-dependent-job',
      },
      { direction: 'both', depth: 3 },
    );
  });

  it('asks for the annotation on other entities', async () => {
    const api = mockAwsGlueApi();
    await renderForEntity(<GlueChainContent />, { entity: plainEntity, api });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(api.getChain).not.toHaveBeenCalled();
  });
});
