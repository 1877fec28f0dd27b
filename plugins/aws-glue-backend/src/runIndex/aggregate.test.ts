import { StoredJobRun } from '../lib/shapes';
import { dailyTrend, monthStarts, percentile, windowStart } from './aggregate';

const pricing = { currency: 'USD', dpuHour: 0.44, flexDpuHour: 0.29 };

const ended = (startedOn: string, state = 'SUCCEEDED'): StoredJobRun => ({
  id: `jr_${startedOn}`,
  jobName: 'orders',
  attempt: 0,
  state,
  startedOn,
  completedOn: new Date(Date.parse(startedOn) + 600_000).toISOString(),
  arguments: {},
  predecessorRuns: [],
});

// the dates the demo's e2e projects emulate, and a plain day
describe.each([
  [
    'a year end before midnight',
    '2026-12-31T23:55:00Z',
    '2026-12-01',
    '2026-11-01',
  ],
  [
    'a new year just after midnight',
    '2027-01-01T00:05:00Z',
    '2027-01-01',
    '2026-12-01',
  ],
  ['a leap day', '2028-02-29T02:05:00Z', '2028-02-01', '2028-01-01'],
  ['a Monday', '2026-11-30T00:30:00Z', '2026-11-01', '2026-10-01'],
])('on %s', (_, now, thisMonth, lastMonth) => {
  const at = Date.parse(now);

  it('starts this and last month on their first UTC day', () => {
    expect(monthStarts(at)).toEqual({
      thisMonth: Date.parse(`${thisMonth}T00:00:00Z`),
      lastMonth: Date.parse(`${lastMonth}T00:00:00Z`),
    });
  });

  it('gives one point per UTC day, oldest first, ending today, the window starting at its first midnight', () => {
    const points = dailyTrend([ended(now)], { now: at, days: 7, pricing });
    expect(points).toHaveLength(7);
    const today = now.slice(0, 10);
    expect(points[6]).toMatchObject({ date: today, runs: 1, succeeded: 1 });
    expect(points.slice(0, 6).every(p => p.runs === 0)).toBe(true);
    expect(Date.parse(`${points[0].date}T00:00:00Z`)).toBe(windowStart(at, 7));
    const dates = points.map(p => Date.parse(p.date));
    expect(dates.slice(1).map((d, i) => d - dates[i])).toEqual(
      Array(6).fill(86_400_000),
    );
  });
});

describe('dailyTrend', () => {
  it('counts a run on its start day across a month end, and leaves active runs out', () => {
    const now = Date.parse('2026-12-01T08:00:00Z');
    const points = dailyTrend(
      [
        ended('2026-11-30T23:58:00Z', 'FAILED'), // ends on Dec 1
        ended('2026-12-01T01:00:00Z'),
        { ...ended('2026-12-01T07:00:00Z'), state: 'RUNNING' },
      ],
      { now, days: 2, pricing },
    );
    expect(points).toEqual([
      expect.objectContaining({ date: '2026-11-30', runs: 1, failed: 1 }),
      expect.objectContaining({ date: '2026-12-01', runs: 1, succeeded: 1 }),
    ]);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(10);
    expect(percentile(sorted, 0.95)).toBe(19);
    expect(percentile([], 0.95)).toBeUndefined();
  });
});
