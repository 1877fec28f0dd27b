import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ChainGraph, nodeSubtitle } from './ChainGraph';
import { dependentJobChain } from '../../__testUtils__/fixtures';
import { mockSvgLayout } from '../../__testUtils__/svg';

mockSvgLayout();

describe('ChainGraph', () => {
  it('folds triggers into condition edges when asked', async () => {
    await renderInTestApp(
      <ChainGraph
        chain={dependentJobChain}
        showDatasets={false}
        collapseTriggers
      />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByTestId('chain-node-component:default/triggering_job'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId(
        'chain-node-resource:default/trigger-start-freshers-in-dependent-job',
      ),
    ).not.toBeInTheDocument();
    expect(screen.getByText('AND: SUCCEEDED')).toBeInTheDocument();
    expect(screen.getByText('data')).toBeInTheDocument();
    expect(screen.getAllByTestId(/^chain-node-/)).toHaveLength(3);
  });

  it('describes nodes in their second line', () => {
    const now = Date.now();
    expect(
      nodeSubtitle({
        id: 'a',
        kind: 'job',
        title: 'a',
        depth: 0,
        latestRun: {
          id: 'r',
          state: 'FAILED',
          completedOn: new Date(now - 2 * 3600_000).toISOString(),
        },
      }),
    ).toBe('FAILED 2 hours ago');
    expect(nodeSubtitle({ id: 'a', kind: 'job', title: 'a', depth: 0 })).toBe(
      'no runs',
    );
    expect(
      nodeSubtitle({
        id: 'a',
        kind: 'job',
        title: 'a',
        depth: 0,
        restricted: true,
      }),
    ).toBe('runs hidden (no access)');
    expect(
      nodeSubtitle({
        id: 't',
        kind: 'trigger',
        title: 't',
        depth: 1,
        trigger: { type: 'SCHEDULED', schedule: 'cron(0 3 * * ? *)' },
      }),
    ).toBe('at 03:00 UTC, every day');
    expect(
      nodeSubtitle({
        id: 't',
        kind: 'trigger',
        title: 't',
        depth: 1,
        trigger: { type: 'CONDITIONAL', logical: 'ANY', state: 'DEACTIVATED' },
      }),
    ).toBe('when ANY condition met (deactivated)');
    expect(
      nodeSubtitle({ id: 'd', kind: 'dataset', title: 's3://x/', depth: 1 }),
    ).toBe('dataset');
  });
});
