import { makeTrendPoint } from '../__testUtils__/fixtures';
import {
  axisMax,
  describeTrendPoint,
  hasFinishedRuns,
  lineSegments,
  trendChartDefinition,
} from './trends';

describe('lineSegments', () => {
  const position = (value: number, i: number): [number, number] => [
    i * 10,
    100 - value,
  ];

  it('draws one line through days that all have a value', () => {
    expect(lineSegments([10, 20, 30], position)).toEqual(['0,90 10,80 20,70']);
  });

  it('breaks the line at days without a value', () => {
    expect(
      lineSegments([10, undefined, 30, 40, undefined, NaN, 50], position),
    ).toEqual(['0,90', '20,70 30,60', '60,50']);
    expect(lineSegments([undefined, undefined], position)).toEqual([]);
  });

  it('draws a lone day between gaps as a flat dash', () => {
    expect(lineSegments([undefined, 30, undefined], position, 3)).toEqual([
      '7,70 13,70',
    ]);
  });
});

describe('axisMax', () => {
  it('is the largest known value, at least the floor', () => {
    expect(axisMax([1, undefined, 3, NaN])).toBe(3);
    expect(axisMax([undefined], 1)).toBe(1);
    expect(axisMax([0.2], 1)).toBe(1);
  });
});

describe('trendChartDefinition', () => {
  const point = makeTrendPoint('2025-03-04', 4, 1, {
    p95DurationSeconds: 750,
    dpuHours: 2.5,
    estimatedCost: 1.1,
  });

  it('reads success rate as shares and p95 duration for reliability', () => {
    const chart = trendChartDefinition('reliability', 'USD');
    expect(chart.barsAreShares).toBe(true);
    expect(chart.bars.format(chart.bars.value(point))).toBe('75%');
    expect(chart.line.format(chart.line.value(point))).toBe('12m 30s');
  });

  it('reads DPU-hours and cost in the currency for usage', () => {
    const chart = trendChartDefinition('usage', 'EUR');
    expect(chart.barsAreShares).toBe(false);
    expect(chart.bars.format(chart.bars.value(point))).toBe('2.50 DPU-hours');
    expect(chart.line.format(chart.line.value(point))).toBe('€1.10');
  });
});

describe('describeTrendPoint', () => {
  it('says a day with runs and a day without', () => {
    expect(
      describeTrendPoint(
        makeTrendPoint('2025-03-04', 3, 1, { estimatedCost: 0.66 }),
        'USD',
      ),
    ).toBe(
      'Tue, Mar 4, 2025: 3 runs, 67% succeeded, 1 failed, p95 10m 00s, 1.50 DPU-hours, $0.66',
    );
    expect(describeTrendPoint(makeTrendPoint('2025-03-05', 0), 'USD')).toBe(
      'Wed, Mar 5, 2025: no finished runs',
    );
  });

  it('knows whether any day has finished runs', () => {
    expect(hasFinishedRuns([makeTrendPoint('2025-03-04', 0)])).toBe(false);
    expect(
      hasFinishedRuns([
        makeTrendPoint('2025-03-04', 0),
        makeTrendPoint('2025-03-05', 1),
      ]),
    ).toBe(true);
  });
});
