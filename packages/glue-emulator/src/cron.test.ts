import { CronError, nextFireTime, parseCron, previousFireTimes } from './cron';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

describe('cron', () => {
  it('fires daily at a fixed time', () => {
    const daily = parseCron('cron(15 2 * * ? *)');
    expect(iso(nextFireTime(daily, at('2026-11-23T01:00:00Z')))).toBe(
      '2026-11-23T02:15:00.000Z',
    );
    expect(iso(nextFireTime(daily, at('2026-11-23T02:15:00Z')))).toBe(
      '2026-11-24T02:15:00.000Z',
    );
  });

  it('supports steps, ranges and lists in minutes and hours', () => {
    const every15 = parseCron('cron(0/15 9-10 * * ? *)');
    expect(every15.minutes).toEqual([0, 15, 30, 45]);
    expect(every15.hours).toEqual([9, 10]);
    expect(iso(nextFireTime(every15, at('2026-11-23T10:50:00Z')))).toBe(
      '2026-11-24T09:00:00.000Z',
    );
    expect(parseCron('cron(5,35 0/6 * * ? *)').hours).toEqual([0, 6, 12, 18]);
  });

  it('supports day-of-week names and numbers (1 = SUN)', () => {
    // 2026-11-23 is a Monday.
    const weekdays = parseCron('cron(0 7 ? * MON-FRI *)');
    expect(iso(nextFireTime(weekdays, at('2026-11-27T08:00:00Z')))).toBe(
      '2026-11-30T07:00:00.000Z',
    );
    const sunday = parseCron('cron(0 6 ? * 1 *)');
    expect(iso(nextFireTime(sunday, at('2026-11-23T00:00:00Z')))).toBe(
      '2026-11-29T06:00:00.000Z',
    );
  });

  it('supports L, # and months', () => {
    expect(
      iso(
        nextFireTime(
          parseCron('cron(0 0 L * ? *)'),
          at('2026-02-10T00:00:00Z'),
        ),
      ),
    ).toBe('2026-02-28T00:00:00.000Z');
    // First Monday of December 2026 is the 7th.
    expect(
      iso(
        nextFireTime(
          parseCron('cron(0 9 ? DEC 2#1 *)'),
          at('2026-11-23T00:00:00Z'),
        ),
      ),
    ).toBe('2026-12-07T09:00:00.000Z');
  });

  it('lists previous fire times newest first within a window', () => {
    const daily = parseCron('cron(0 2 * * ? *)');
    const times = previousFireTimes(
      daily,
      at('2026-11-23T12:00:00Z'),
      at('2026-11-20T00:00:00Z'),
      10,
    );
    expect(times.map(iso)).toEqual([
      '2026-11-23T02:00:00.000Z',
      '2026-11-22T02:00:00.000Z',
      '2026-11-21T02:00:00.000Z',
      '2026-11-20T02:00:00.000Z',
    ]);
    expect(
      previousFireTimes(daily, at('2026-11-23T12:00:00Z'), 0, 2),
    ).toHaveLength(2);
  });

  it.each([
    ['cron(0 2 * * *)', 'expected 6 fields'],
    ['cron(0 2 * * MON *)', "must be '?'"],
    ['cron(61 2 * * ? *)', "bad value '61' in minutes"],
    ['cron(0 2 * FOO ? *)', 'bad value'],
    ['cron(0/0 2 * * ? *)', 'bad step'],
  ])('rejects %s', (expression, problem) => {
    expect(() => parseCron(expression)).toThrow(CronError);
    expect(() => parseCron(expression)).toThrow(problem);
  });
});
