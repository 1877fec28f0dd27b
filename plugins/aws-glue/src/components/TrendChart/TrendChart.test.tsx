import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { TrendChart } from './TrendChart';
import { TrendTable } from './TrendTable';
import { makeTrendPoint, trendDays } from '../../__testUtils__/fixtures';

const days = trendDays(5, '2025-03-04');
const points = [
  makeTrendPoint(days[0], 4, 1, { p95DurationSeconds: 600 }),
  makeTrendPoint(days[1], 0),
  makeTrendPoint(days[2], 2, 0, { p95DurationSeconds: 1200 }),
  makeTrendPoint(days[3], 2, 1, { p95DurationSeconds: 300 }),
  makeTrendPoint(days[4], 1, 1, {
    p95DurationSeconds: 900,
    dpuHours: 3,
    estimatedCost: 1.32,
  }),
];

describe('TrendChart', () => {
  it('draws success-rate bars against 100% and a p95 line broken at days without runs', async () => {
    await renderInTestApp(
      <TrendChart points={points} metric="reliability" currency="USD" />,
    );
    const chart = screen.getByRole('img', {
      name: 'Success rate and p95 duration per day, Fri, Feb 28, 2025 to Tue, Mar 4, 2025',
    });
    // a bar for each day with runs: 75%, 100%, 50%, 0%
    const heights = within(chart)
      .getAllByTestId('trend-chart-bar')
      .map(b => Number(b.getAttribute('height')));
    expect(heights).toHaveLength(4);
    expect(heights[0]).toBeCloseTo(heights[1] * 0.75, 5);
    expect(heights[2]).toBeCloseTo(heights[1] * 0.5, 5);
    expect(heights[3]).toBe(0);
    // the line stops at Mar 1, which had no finished run
    expect(within(chart).getAllByTestId('trend-chart-line')).toHaveLength(2);
    // the axes' maxima and the legend
    expect(screen.getByText('100%')).toBeInTheDocument();
    expect(screen.getByText('20m 00s')).toBeInTheDocument();
    expect(screen.getByText('Failed share')).toBeInTheDocument();
  });

  it('says each day in its tooltip and dates the axis in UTC days', async () => {
    await renderInTestApp(
      <TrendChart points={points} metric="reliability" currency="USD" />,
    );
    const tips = screen
      .getAllByTestId('trend-chart-day')
      .map(day => day.querySelector('title')?.textContent);
    expect(tips[0]).toBe(
      'Fri, Feb 28, 2025: 4 runs, 75% succeeded, 1 failed, p95 10m 00s, 2.00 DPU-hours, $0.88',
    );
    expect(tips[1]).toBe('Sat, Mar 1, 2025: no finished runs');
    expect(
      screen.getAllByTestId('trend-chart-tick').map(t => t.textContent),
    ).toEqual(['Feb 28', 'Mar 1', 'Mar 2', 'Mar 3', 'Mar 4']);
    expect(screen.getAllByTestId('trend-chart-tick')[4]).toHaveAttribute(
      'title',
      'Tue, Mar 4, 2025',
    );
  });

  it('draws DPU-hours against their maximum and cost in the currency for usage', async () => {
    await renderInTestApp(
      <TrendChart points={points} metric="usage" currency="EUR" />,
    );
    expect(
      screen.getByRole('img', {
        name: /^DPU-hours and estimated cost per day/,
      }),
    ).toBeInTheDocument();
    // every day has a bar (0 DPU-hours on Mar 1); Mar 4's 3 DPU-hours fill the plot
    const heights = screen
      .getAllByTestId('trend-chart-bar')
      .map(b => Number(b.getAttribute('height')));
    expect(heights).toHaveLength(5);
    expect(heights[1]).toBe(0);
    expect(heights[0]).toBeCloseTo((heights[4] * 2) / 3, 5);
    expect(screen.getByText('3.00 DPU-hours')).toBeInTheDocument();
    expect(screen.getByText('€1.32')).toBeInTheDocument();
    expect(screen.queryByText('Failed share')).not.toBeInTheDocument();
  });

  it('leaves out the legend and axis values when compact', async () => {
    await renderInTestApp(
      <TrendChart
        points={points}
        metric="reliability"
        currency="USD"
        compact
      />,
    );
    expect(screen.getByRole('img')).toBeInTheDocument();
    expect(screen.queryByText('100%')).not.toBeInTheDocument();
    expect(screen.queryByText('Failed share')).not.toBeInTheDocument();
  });
});

describe('TrendTable', () => {
  it('lists the days with finished runs, newest first', async () => {
    await renderInTestApp(<TrendTable points={points} currency="USD" />);
    const table = screen.getByRole('table', { name: 'Trend per day' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('cell')[0].textContent),
    ).toEqual([
      'Tue, Mar 4, 2025',
      'Mon, Mar 3, 2025',
      'Sun, Mar 2, 2025',
      'Fri, Feb 28, 2025',
    ]);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual([
      'Tue, Mar 4, 2025',
      '1',
      '1',
      '0%',
      '5m 00s',
      '15m 00s',
      '3.00',
      '$1.32',
    ]);
  });
});
