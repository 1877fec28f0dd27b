import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { RunsChart } from './RunsChart';
import { makeRun } from '../../__testUtils__/fixtures';

describe('RunsChart', () => {
  it('draws one bar per run, oldest first, with the statistics', async () => {
    await renderInTestApp(
      <RunsChart
        runs={[
          makeRun({
            id: 'new',
            state: 'FAILED',
            startedOn: '2025-03-04T02:00:00Z',
            durationSeconds: 600,
            estimatedCost: 0.5,
          }),
          makeRun({
            id: 'old',
            state: 'SUCCEEDED',
            startedOn: '2025-03-03T02:00:00Z',
            durationSeconds: 300,
            estimatedCost: 0.25,
          }),
          makeRun({
            id: 'live',
            state: 'RUNNING',
            startedOn: '2025-03-05T02:00:00Z',
            durationSeconds: 60,
            estimatedCost: undefined,
          }),
        ]}
      />,
    );
    const bars = screen.getAllByTestId('runs-chart-bar');
    expect(bars.map(b => b.textContent)).toEqual([
      expect.stringContaining('SUCCEEDED, 5m 00s, $0.25'),
      expect.stringContaining('FAILED, 10m 00s, $0.50'),
      expect.stringContaining('RUNNING, 1m 00s, —'),
    ]);
    // the longest run fills the plot; the others are proportional
    const heights = bars.map(b => Number(b.getAttribute('height')));
    expect(heights[1]).toBeCloseTo(heights[0] * 2, 5);
    expect(screen.getByText('50% (1 of 2 finished runs)')).toBeInTheDocument();
    expect(screen.getByText('7m 30s')).toBeInTheDocument();
    expect(screen.getByText('$0.75')).toBeInTheDocument();
    expect(screen.getByText('10m 00s')).toBeInTheDocument();
    expect(screen.getByText('$0.50')).toBeInTheDocument();
  });

  it('shows only the summary without runs', async () => {
    await renderInTestApp(<RunsChart runs={[]} />);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText('Success rate:')).toBeInTheDocument();
  });
});
