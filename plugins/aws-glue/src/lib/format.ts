/** Formatting helpers shared by the AWS Glue views (pure, locale `en-US`). */
import {
  GlueJob,
  GlueJobBookmarkResponse,
  GlueRunIndexFreshness,
  joinWords,
  unescapeMarkdown,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** `45s`, `12m 30s`, `2h 05m`, `3d 4h`; `—` when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    return '—';
  }
  const total = Math.round(seconds);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${pad(secs)}s`;
  return `${secs}s`;
}

/** `$1.23` (two decimals; four below one cent); `—` when unknown. */
export function formatCost(
  amount: number | undefined,
  currency: string | undefined,
): string {
  if (amount === undefined || !Number.isFinite(amount)) {
    return '—';
  }
  const digits = amount !== 0 && Math.abs(amount) < 0.01 ? 4 : 2;
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: currency || 'USD',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency ?? ''}`.trim();
  }
}

/** DPU-hours with up to three decimals; `—` when unknown. */
export function formatDpuHours(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  return value.toLocaleString('en-US', {
    minimumFractionDigits: value < 1 ? 3 : 2,
    maximumFractionDigits: value < 1 ? 3 : 2,
  });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** `5 minutes ago`, `in 2 hours`, `now`; `—` when unknown. */
export function formatRelativeTime(
  iso: string | undefined,
  now: number = Date.now(),
): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(time)) {
    return '—';
  }
  const diffSeconds = Math.round((time - now) / 1000);
  const format = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diffSeconds) >= size || unit === 'second') {
      return format.format(Math.trunc(diffSeconds / size), unit);
    }
  }
  return '—';
}

/** A date and time in the user's time zone, e.g. `Mar 4, 2025, 2:15 AM UTC`. */
export function formatDateTime(iso: string | undefined): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(time)) {
    return '—';
  }
  return new Date(time).toLocaleString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/**
 * A short date for a chart axis tick, in the user's time zone: `Mar 4` when
 * the axis spans two days or more, `Mar 4, 2:15 AM` below that.
 */
export function formatAxisDate(
  iso: string | undefined,
  spanSeconds: number,
): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(time)) {
    return '—';
  }
  const withTime = spanSeconds < 2 * 86400;
  return new Date(time).toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: 'numeric', minute: '2-digit' } : {}),
  });
}

/**
 * A UTC day (`YYYY-MM-DD`, as the trends routes give them) for a chart
 * axis: `Mar 4`, or `Mar 2025` on an axis of half a year or more. The day
 * is the UTC day in every time zone (it is not a point in time).
 */
export function formatDay(day: string, spanDays = 0): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) return '—';
  return new Date(time).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    month: 'short',
    ...(spanDays >= 180 ? { year: 'numeric' } : { day: 'numeric' }),
  });
}

/** A UTC day in full: `Tue, Mar 4, 2025`. */
export function formatFullDay(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) return '—';
  return new Date(time).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/** `93%` (whole percent) from a rate between 0 and 1; `—` when unknown. */
export function formatPercent(rate: number | undefined): string {
  if (rate === undefined || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 100)}%`;
}

/** When the run index last changed: the newer of its last event and reconciliation. */
export function indexUpdatedAt(
  freshness: GlueRunIndexFreshness,
): string | undefined {
  const times = [freshness.lastEventAt, freshness.lastReconciledAt].filter(
    (t): t is string => !!t && !Number.isNaN(Date.parse(t)),
  );
  return times.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
}

/** `Index updated 2 minutes ago`, or `No runs indexed yet`. */
export function describeFreshness(
  freshness: GlueRunIndexFreshness,
  now: number = Date.now(),
): string {
  const updated = indexUpdatedAt(freshness);
  if (freshness.storedRuns === 0) return 'No runs indexed yet';
  if (!updated) return `${freshness.storedRuns} runs indexed`;
  return `Index updated ${formatRelativeTime(updated, now)}`;
}

/** `G.1X × 10 workers`, `0.0625 DPU (max capacity)`, or `—`. */
export function formatWorkers(options: {
  workerType?: string;
  numberOfWorkers?: number;
  maxCapacity?: number;
}): string {
  const { workerType, numberOfWorkers, maxCapacity } = options;
  if (workerType) {
    return numberOfWorkers !== undefined
      ? `${workerType} × ${numberOfWorkers} worker${
          numberOfWorkers === 1 ? '' : 's'
        }`
      : workerType;
  }
  if (maxCapacity !== undefined) {
    return `${maxCapacity} DPU (max capacity)`;
  }
  return '—';
}

/**
 * A run id short enough for a table or a title, as the Glue console shows it:
 * `jr_` or `wr_` and the first 8 characters of the 64-character hash.
 */
export function shortRunId(id: string): string {
  const m = /^([a-z]+_)?(.*)$/.exec(id)!;
  const [, prefix = '', rest] = m;
  return rest.length > 10 ? `${prefix}${rest.slice(0, 8)}…` : id;
}

/** The first line of a message, cut to `max` characters. */
export function snippet(text: string | undefined, max = 80): string {
  if (!text) return '';
  const line = text.split('\n')[0].trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The text without the sentences another of its sentences contains
 * (compared case-insensitively, a trailing period ignored). A synced
 * trigger's description is the sentence the catalog module writes followed
 * by the trigger's own description, which often restates the sentence:
 * `Starts b when a SUCCEEDED. Starts b when a SUCCEEDED (b reads a)` becomes
 * `Starts b when a SUCCEEDED (b reads a)`.
 */
export function withoutRepeatedSentences(text: string): string {
  const sentences = text.split(/\.\s+/);
  if (sentences.length < 2) return text;
  const keys = sentences.map(s =>
    s.trim().replace(/\.$/, '').toLocaleLowerCase('en-US'),
  );
  const repeated = (key: string, i: number) =>
    keys.some(
      (other, j) =>
        j !== i && other.includes(key) && (other.length > key.length || j < i),
    );
  return sentences
    .map((s, i) => (i < sentences.length - 1 ? `${s}.` : s))
    .filter((_, i) => !repeated(keys[i], i))
    .join(' ');
}

/**
 * A synced entity's description (escaped Markdown) as plain text, without
 * the generated sentence when the resource's own description repeats it.
 */
export function plainDescription(
  markdown: string | undefined,
): string | undefined {
  return markdown
    ? withoutRepeatedSentences(unescapeMarkdown(markdown))
    : undefined;
}

/** `enable`, `disable`, `pause` from `job-bookmark-enable` etc. */
export function formatBookmarkOption(option: string | undefined): string {
  switch (option) {
    case 'job-bookmark-enable':
      return 'Enabled';
    case 'job-bookmark-disable':
      return 'Disabled';
    case 'job-bookmark-pause':
      return 'Paused';
    default:
      return option ?? '—';
  }
}

/** A job's bookmark option and where it stands: `Enabled, at run 12 (attempt 0), jr_…`. */
export function describeBookmark(
  job: GlueJob,
  bookmark: GlueJobBookmarkResponse | undefined,
  error: Error | undefined,
): string {
  const option = formatBookmarkOption(bookmark?.option ?? job.bookmarkOption);
  if (error) return `${option} (bookmark state unavailable)`;
  if (!bookmark) return option;
  if (!bookmark.entry) {
    return job.bookmarkOption === 'job-bookmark-disable'
      ? option
      : `${option}, no bookmark recorded yet`;
  }
  const { run, attempt, runId } = bookmark.entry;
  return `${option}, at run ${run} (attempt ${attempt})${
    runId ? `, ${runId}` : ''
  }`;
}

const DAY_NAMES: Record<string, string> = {
  SUN: 'Sunday',
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
  '1': 'Sunday',
  '2': 'Monday',
  '3': 'Tuesday',
  '4': 'Wednesday',
  '5': 'Thursday',
  '6': 'Friday',
  '7': 'Saturday',
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_ABBREVIATIONS = MONTH_NAMES.map(m =>
  m.slice(0, 3).toLocaleUpperCase('en-US'),
);

const isNumber = (value: string) => /^\d+$/.test(value);
const pad2 = (value: string | number) => String(value).padStart(2, '0');

function describeTime(minutes: string, hours: string): string | undefined {
  if (isNumber(minutes) && isNumber(hours)) {
    return `at ${pad2(hours)}:${pad2(minutes)} UTC`;
  }
  if (isNumber(minutes) && /^\d+(,\d+)+$/.test(hours)) {
    return `at ${joinWords(
      hours.split(',').map(h => `${pad2(h)}:${pad2(minutes)}`),
    )} UTC`;
  }
  if (isNumber(minutes) && hours === '*') {
    return `every hour at minute ${Number(minutes)}`;
  }
  const hourStep = /^(\d+|\*)\/(\d+)$/.exec(hours);
  if (isNumber(minutes) && hourStep) {
    const from = hourStep[1] === '*' ? '0' : hourStep[1];
    return `every ${hourStep[2]} hours from ${pad2(from)}:${pad2(minutes)} UTC`;
  }
  const minuteStep = /^(\d+|\*)\/(\d+)$/.exec(minutes);
  if (minuteStep && hours === '*') {
    return `every ${minuteStep[2]} minutes`;
  }
  if (minutes === '*' && hours === '*') {
    return 'every minute';
  }
  return undefined;
}

function describeDayOfWeek(value: string): string | undefined {
  const upper = value.toLocaleUpperCase('en-US');
  const range = /^([A-Z]{3}|\d)-([A-Z]{3}|\d)$/.exec(upper);
  if (range && DAY_NAMES[range[1]] && DAY_NAMES[range[2]]) {
    return `${DAY_NAMES[range[1]]} to ${DAY_NAMES[range[2]]}`;
  }
  const days = upper.split(',');
  if (days.every(d => DAY_NAMES[d])) {
    return `on ${joinWords(days.map(d => `${DAY_NAMES[d]}s`))}`;
  }
  return undefined;
}

function describeMonth(value: string): string | undefined {
  const months = value.toLocaleUpperCase('en-US').split(',');
  const names = months.map(m =>
    isNumber(m)
      ? MONTH_NAMES[Number(m) - 1]
      : MONTH_NAMES[MONTH_ABBREVIATIONS.indexOf(m)],
  );
  return names.every(Boolean) ? `in ${joinWords(names)}` : undefined;
}

function ordinal(n: number): string {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13
      ? 'th'
      : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * A Glue schedule in words: `cron(15 2 * * ? *)` → `at 02:15 UTC, every day`,
 * `cron(0 7 ? * MON-FRI *)` → `at 07:00 UTC, Monday to Friday`.
 * `undefined` when the expression is not understood.
 */
export function describeSchedule(
  expression: string | undefined,
): string | undefined {
  if (!expression) return undefined;
  const trimmed = expression.trim();
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/i.exec(
    trimmed,
  );
  if (rate) {
    const count = Number(rate[1]);
    const unit = rate[2].toLocaleLowerCase('en-US').replace(/s$/, '');
    return count === 1 ? `every ${unit}` : `every ${count} ${unit}s`;
  }
  const cron = /^cron\((.+)\)$/i.exec(trimmed);
  const fields = (cron ? cron[1] : trimmed).trim().split(/\s+/);
  if (fields.length !== 6 && fields.length !== 5) return undefined;
  const [minutes, hours, dayOfMonth, month, dayOfWeek] = fields;
  const time = describeTime(minutes, hours);
  if (!time) return undefined;
  const anyDay = (v: string) => v === '*' || v === '?';
  const parts = [time];
  if (anyDay(dayOfMonth) && anyDay(dayOfWeek)) {
    parts.push('every day');
  } else if (!anyDay(dayOfWeek) && anyDay(dayOfMonth)) {
    const days = describeDayOfWeek(dayOfWeek);
    if (!days) return undefined;
    parts.push(days);
  } else if (anyDay(dayOfWeek)) {
    if (dayOfMonth === 'L') {
      parts.push('on the last day of the month');
    } else if (/^\d+(,\d+)*$/.test(dayOfMonth)) {
      parts.push(
        `on the ${joinWords(
          dayOfMonth.split(',').map(d => ordinal(Number(d))),
        )} of the month`,
      );
    } else {
      return undefined;
    }
  } else {
    return undefined;
  }
  if (month !== '*') {
    const months = describeMonth(month);
    if (!months) return undefined;
    parts.push(months);
  }
  return parts.join(', ');
}
