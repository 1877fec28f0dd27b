/*
 * AWS (Glue / EventBridge) cron expressions:
 *
 *   cron(Minutes Hours Day-of-month Month Day-of-week Year)
 *
 * All fields are UTC. Supported: `*`, `?`, lists (`,`), ranges (`-`), steps
 * (`/`), month names (JAN-DEC), day names (SUN-SAT, 1 = SUN ... 7 = SAT),
 * `L` (last day of month), `LW` / `15W` (nearest weekday), `5L` (last
 * Thursday of the month) and `2#1` (first Monday). As in AWS, one of
 * Day-of-month and Day-of-week must be `?`.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far ahead/back we search before giving up (5 years). */
const SEARCH_DAYS = 366 * 5;

const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** A parsed cron expression. */
export interface CronSchedule {
  expression: string;
  /** Sorted minutes (0-59) at which it fires. */
  minutes: number[];
  /** Sorted hours (0-23) at which it fires. */
  hours: number[];
  /** Whether it fires on the given UTC day. */
  matchesDay(year: number, month: number, day: number): boolean;
}

/** Thrown for an expression that cannot be parsed. */
export class CronError extends Error {
  constructor(expression: string, problem: string) {
    super(`invalid cron expression '${expression}': ${problem}`);
    this.name = 'CronError';
  }
}

function parseValue(
  raw: string,
  names: string[] | undefined,
  nameOffset: number,
): number {
  const upper = raw.toLocaleUpperCase('en-US');
  if (names) {
    const index = names.indexOf(upper);
    if (index >= 0) {
      return index + nameOffset;
    }
  }
  if (!/^\d+$/.test(raw)) {
    return NaN;
  }
  return Number(raw);
}

/** Expands one simple field (`*`, lists, ranges, steps) into a value set. */
function expandField(
  expression: string,
  field: string,
  label: string,
  min: number,
  max: number,
  names?: string[],
  nameOffset = 0,
): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [rangePart, stepPart] = part.split('/');
    let step = 1;
    if (stepPart !== undefined) {
      step = Number(stepPart);
      if (!/^\d+$/.test(stepPart) || step < 1) {
        throw new CronError(expression, `bad step '${part}' in ${label}`);
      }
    }
    let from: number;
    let to: number;
    if (rangePart === '*') {
      from = min;
      to = max;
    } else if (rangePart.includes('-')) {
      const [a, b] = rangePart.split('-');
      from = parseValue(a, names, nameOffset);
      to = parseValue(b, names, nameOffset);
    } else {
      from = parseValue(rangePart, names, nameOffset);
      to = stepPart !== undefined ? max : from;
    }
    if (
      Number.isNaN(from) ||
      Number.isNaN(to) ||
      from < min ||
      to > max ||
      from > to
    ) {
      throw new CronError(
        expression,
        `bad value '${part}' in ${label} (allowed ${min}-${max})`,
      );
    }
    for (let v = from; v <= to; v += step) {
      values.add(v);
    }
  }
  return values;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The weekday (Mon-Fri) nearest to the given day within the same month. */
function nearestWeekday(year: number, month: number, day: number): number {
  const last = daysInMonth(year, month);
  const d = Math.min(day, last);
  const wd = weekday(year, month, d);
  if (wd === 6) {
    return d === 1 ? 3 : d - 1;
  }
  if (wd === 0) {
    return d === last ? d - 2 : d + 1;
  }
  return d;
}

type DayMatcher = (year: number, month: number, day: number) => boolean;

function parseDayOfMonth(expression: string, field: string): DayMatcher {
  if (field === '?' || field === '*') {
    return () => true;
  }
  const upper = field.toLocaleUpperCase('en-US');
  if (upper === 'L') {
    return (y, m, d) => d === daysInMonth(y, m);
  }
  if (upper === 'LW') {
    return (y, m, d) => d === nearestWeekday(y, m, daysInMonth(y, m));
  }
  const w = /^(\d{1,2})W$/.exec(upper);
  if (w) {
    const target = Number(w[1]);
    if (target < 1 || target > 31) {
      throw new CronError(expression, `bad day-of-month '${field}'`);
    }
    return (y, m, d) => d === nearestWeekday(y, m, target);
  }
  const days = expandField(expression, field, 'day-of-month', 1, 31);
  return (_y, _m, d) => days.has(d);
}

function parseDayOfWeek(expression: string, field: string): DayMatcher {
  if (field === '?' || field === '*') {
    return () => true;
  }
  const upper = field.toLocaleUpperCase('en-US');
  if (upper === 'L') {
    return (y, m, d) => weekday(y, m, d) === 6;
  }
  const last = /^([1-7]|[A-Z]{3})L$/.exec(upper);
  if (last) {
    const wd = parseValue(last[1], DAY_NAMES, 1) - 1;
    if (Number.isNaN(wd)) {
      throw new CronError(expression, `bad day-of-week '${field}'`);
    }
    return (y, m, d) => weekday(y, m, d) === wd && d + 7 > daysInMonth(y, m);
  }
  const nth = /^([1-7]|[A-Z]{3})#([1-5])$/.exec(upper);
  if (nth) {
    const wd = parseValue(nth[1], DAY_NAMES, 1) - 1;
    const n = Number(nth[2]);
    if (Number.isNaN(wd)) {
      throw new CronError(expression, `bad day-of-week '${field}'`);
    }
    return (y, m, d) =>
      weekday(y, m, d) === wd && Math.floor((d - 1) / 7) + 1 === n;
  }
  // AWS numbers days 1 (SUN) to 7 (SAT).
  const days = expandField(
    expression,
    field,
    'day-of-week',
    1,
    7,
    DAY_NAMES,
    1,
  );
  return (y, m, d) => days.has(weekday(y, m, d) + 1);
}

/** Parses `cron(...)` (the wrapper is optional). Throws {@link CronError}. */
export function parseCron(expression: string): CronSchedule {
  const trimmed = expression.trim();
  const match = /^cron\((.*)\)$/i.exec(trimmed);
  const body = (match ? match[1] : trimmed).trim();
  const fields = body.split(/\s+/);
  if (fields.length !== 6) {
    throw new CronError(
      expression,
      `expected 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`,
    );
  }
  const [minF, hourF, domF, monF, dowF, yearF] = fields;
  if (domF !== '?' && dowF !== '?') {
    throw new CronError(
      expression,
      "one of day-of-month and day-of-week must be '?'",
    );
  }
  const minutes = [...expandField(expression, minF, 'minutes', 0, 59)].sort(
    (a, b) => a - b,
  );
  const hours = [...expandField(expression, hourF, 'hours', 0, 23)].sort(
    (a, b) => a - b,
  );
  const months = expandField(expression, monF, 'month', 1, 12, MONTH_NAMES, 1);
  const years =
    yearF === '*' || yearF === '?'
      ? undefined
      : expandField(expression, yearF, 'year', 1970, 2199);
  const dom = parseDayOfMonth(expression, domF);
  const dow = parseDayOfWeek(expression, dowF);
  return {
    expression,
    minutes,
    hours,
    matchesDay: (year, month, day) =>
      (!years || years.has(year)) &&
      months.has(month) &&
      dom(year, month, day) &&
      dow(year, month, day),
  };
}

function dayParts(dayStartMs: number): [number, number, number] {
  const date = new Date(dayStartMs);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/** The first fire time strictly after `afterMs`, or undefined within 5 years. */
export function nextFireTime(
  schedule: CronSchedule,
  afterMs: number,
): number | undefined {
  const from = Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const firstDay = Math.floor(from / DAY_MS) * DAY_MS;
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const dayStart = firstDay + i * DAY_MS;
    if (!schedule.matchesDay(...dayParts(dayStart))) {
      continue;
    }
    for (const h of schedule.hours) {
      for (const m of schedule.minutes) {
        const t = dayStart + h * 3_600_000 + m * MINUTE_MS;
        if (t >= from) {
          return t;
        }
      }
    }
  }
  return undefined;
}

/**
 * Fire times strictly before `beforeMs` and not before `notBeforeMs`, newest
 * first, at most `limit` of them.
 */
export function previousFireTimes(
  schedule: CronSchedule,
  beforeMs: number,
  notBeforeMs: number,
  limit: number,
): number[] {
  const result: number[] = [];
  const lastDay = Math.floor(beforeMs / DAY_MS) * DAY_MS;
  const hoursDesc = [...schedule.hours].reverse();
  const minutesDesc = [...schedule.minutes].reverse();
  for (
    let dayStart = lastDay;
    dayStart + DAY_MS > notBeforeMs && result.length < limit;
    dayStart -= DAY_MS
  ) {
    if (!schedule.matchesDay(...dayParts(dayStart))) {
      continue;
    }
    for (const h of hoursDesc) {
      for (const m of minutesDesc) {
        const t = dayStart + h * 3_600_000 + m * MINUTE_MS;
        if (t < beforeMs && t >= notBeforeMs) {
          result.push(t);
          if (result.length >= limit) {
            return result;
          }
        }
      }
    }
  }
  return result;
}
