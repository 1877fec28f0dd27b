import { screen } from '@testing-library/react';
import { ThemeProvider, createTheme } from '@material-ui/core/styles';
import { renderInTestApp } from '@backstage/test-utils';
import { RunsChart } from './RunsChart';
import { makeRun } from '../../__testUtils__/fixtures';
import { formatAxisDate, formatDateTime } from '../../lib/format';

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

  it('has a time axis of local start dates under the bars', async () => {
    const runs = [
      '2025-03-01T02:00:00Z',
      '2025-03-02T02:00:00Z',
      '2025-03-05T14:30:00Z',
    ].map((startedOn, i) => makeRun({ id: `jr_${i}`, startedOn }));
    await renderInTestApp(<RunsChart runs={[...runs].reverse()} />);
    const ticks = screen.getAllByTestId('runs-chart-tick');
    const span =
      (Date.parse(runs[2].startedOn!) - Date.parse(runs[0].startedOn!)) / 1000;
    expect(ticks.map(t => t.textContent)).toEqual(
      runs.map(r => formatAxisDate(r.startedOn, span)),
    );
    expect(ticks[2]).toHaveAttribute(
      'title',
      formatDateTime(runs[2].startedOn),
    );
    // spread along the axis, oldest left
    expect(ticks.map(t => t.style.left)).toEqual([
      `${(0.5 / 3) * 100}%`,
      '50%',
      `${(2.5 / 3) * 100}%`,
    ]);
  });

  it('shows a few dates for many runs, with times when they span hours', async () => {
    const start = Date.parse('2025-03-04T00:00:00Z');
    const runs = Array.from({ length: 20 }, (_, i) =>
      makeRun({
        id: `jr_${i}`,
        startedOn: new Date(start + i * 3600_000).toISOString(),
      }),
    );
    await renderInTestApp(<RunsChart runs={runs} />);
    const ticks = screen.getAllByTestId('runs-chart-tick');
    expect(ticks).toHaveLength(5);
    expect(ticks[0]).toHaveTextContent(
      formatAxisDate(runs[0].startedOn, 19 * 3600),
    );
    expect(ticks[4]).toHaveTextContent(
      formatAxisDate(runs[19].startedOn, 19 * 3600),
    );
    expect(ticks[0].textContent).toMatch(/\d:\d{2}/);
  });

  it('draws the axis in the theme text colour, dark themes too', async () => {
    const dark = createTheme({ palette: { type: 'dark' } });
    await renderInTestApp(
      <ThemeProvider theme={dark}>
        <RunsChart runs={[makeRun({ id: 'a' }), makeRun({ id: 'b' })]} />
      </ThemeProvider>,
    );
    expect(screen.getByTestId('runs-chart-time-axis')).toHaveAttribute(
      'stroke',
      dark.palette.text.secondary,
    );
  });
});
