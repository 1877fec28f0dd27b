import {
  describeBookmark,
  describeFreshness,
  formatDay,
  formatFullDay,
  formatPercent,
  describeSchedule,
  formatAxisDate,
  plainDescription,
  shortRunId,
  withoutRepeatedSentences,
  formatBookmarkOption,
  formatCost,
  formatDpuHours,
  formatDuration,
  formatRelativeTime,
  formatWorkers,
  snippet,
} from './format';

describe('formatDuration', () => {
  it.each([
    [undefined, '—'],
    [-1, '—'],
    [0, '0s'],
    [45, '45s'],
    [750, '12m 30s'],
    [7500, '2h 05m'],
    [3 * 86400 + 4 * 3600 + 59, '3d 4h'],
  ])('%p -> %p', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('formatCost', () => {
  it.each([
    [undefined, 'USD', '—'],
    [1.234, 'USD', '$1.23'],
    [0, 'USD', '$0.00'],
    [0.0042, 'USD', '$0.0042'],
    [12.5, 'EUR', '€12.50'],
    [3, 'not-a-currency', '3.00 not-a-currency'],
  ])('%p %p -> %p', (amount, currency, expected) => {
    expect(formatCost(amount, currency)).toBe(expected);
  });
});

describe('formatDpuHours', () => {
  it.each([
    [undefined, '—'],
    [0.5556, '0.556'],
    [12.345, '12.35'],
  ])('%p -> %p', (value, expected) => {
    expect(formatDpuHours(value)).toBe(expected);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2025-03-04T12:00:00Z');
  it.each([
    [undefined, '—'],
    ['garbage', '—'],
    ['2025-03-04T11:55:00Z', '5 minutes ago'],
    ['2025-03-04T09:00:00Z', '3 hours ago'],
    ['2025-03-03T12:00:00Z', 'yesterday'],
    ['2025-03-04T12:00:00Z', 'now'],
    ['2025-03-04T14:00:00Z', 'in 2 hours'],
  ])('%p -> %p', (iso, expected) => {
    expect(formatRelativeTime(iso, now)).toBe(expected);
  });
});

describe('formatWorkers', () => {
  it('describes worker type and count, or max capacity', () => {
    expect(formatWorkers({ workerType: 'G.1X', numberOfWorkers: 10 })).toBe(
      'G.1X × 10 workers',
    );
    expect(formatWorkers({ workerType: 'G.025X', numberOfWorkers: 1 })).toBe(
      'G.025X × 1 worker',
    );
    expect(formatWorkers({ maxCapacity: 0.0625 })).toBe(
      '0.0625 DPU (max capacity)',
    );
    expect(formatWorkers({})).toBe('—');
  });
});

describe('shortRunId', () => {
  it('keeps the prefix and 8 characters of a long id, short ids whole', () => {
    expect(shortRunId(`jr_${'a1'.repeat(32)}`)).toBe('jr_a1a1a1a1…');
    expect(shortRunId(`wr_${'0f'.repeat(32)}`)).toBe('wr_0f0f0f0f…');
    expect(shortRunId('jr_upstream_1')).toBe('jr_upstream_1');
    expect(shortRunId('0123456789abcdef')).toBe('01234567…');
  });
});

describe('snippet', () => {
  it('keeps the first line and cuts it', () => {
    expect(snippet('KeyError: x\n  at line 3')).toBe('KeyError: x');
    expect(snippet('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(snippet(undefined)).toBe('');
  });
});

describe('formatBookmarkOption', () => {
  it.each([
    ['job-bookmark-enable', 'Enabled'],
    ['job-bookmark-disable', 'Disabled'],
    ['job-bookmark-pause', 'Paused'],
    ['other', 'other'],
  ])('%p -> %p', (option, expected) => {
    expect(formatBookmarkOption(option)).toBe(expected);
  });
});

describe('describeSchedule', () => {
  it.each([
    ['cron(15 2 * * ? *)', 'at 02:15 UTC, every day'],
    ['cron(0 7 ? * MON-FRI *)', 'at 07:00 UTC, Monday to Friday'],
    ['cron(0 4 ? * MON *)', 'at 04:00 UTC, on Mondays'],
    ['cron(0 6 ? * SUN,WED *)', 'at 06:00 UTC, on Sundays and Wednesdays'],
    ['cron(5 0/4 * * ? *)', 'every 4 hours from 00:05 UTC, every day'],
    ['cron(15 * * * ? *)', 'every hour at minute 15, every day'],
    ['cron(0 5 1 * ? *)', 'at 05:00 UTC, on the 1st of the month'],
    ['cron(0 5 L * ? *)', 'at 05:00 UTC, on the last day of the month'],
    [
      'cron(0 5 2 1,7 ? *)',
      'at 05:00 UTC, on the 2nd of the month, in January and July',
    ],
    ['cron(0/10 * * * ? *)', 'every 10 minutes, every day'],
    ['cron(0 1,13 * * ? *)', 'at 01:00 and 13:00 UTC, every day'],
    ['rate(5 minutes)', 'every 5 minutes'],
    ['rate(1 hour)', 'every hour'],
    ['cron(0 5 ? * 2#1 *)', undefined],
    ['not a schedule', undefined],
    [undefined, undefined],
  ])('%p -> %p', (expression, expected) => {
    expect(describeSchedule(expression)).toBe(expected);
  });
});

describe('withoutRepeatedSentences', () => {
  it('keeps only the longer of two sentences when one contains the other', () => {
    expect(
      withoutRepeatedSentences(
        'Starts glueetl when upstream_job SUCCEEDED. Starts glueetl when upstream_job SUCCEEDED (glueetl reads what upstream_job writes)',
      ),
    ).toBe(
      'Starts glueetl when upstream_job SUCCEEDED (glueetl reads what upstream_job writes)',
    );
    // the other way round, another case and a trailing period
    expect(
      withoutRepeatedSentences(
        'Starts b when a SUCCEEDED and more. starts B when A succeeded.',
      ),
    ).toBe('Starts b when a SUCCEEDED and more.');
    expect(withoutRepeatedSentences('Starts b. Starts b.')).toBe('Starts b.');
  });

  it('leaves other texts as they are', () => {
    for (const text of [
      'Starts b when a SUCCEEDED',
      'Starts b when a SUCCEEDED. Nightly load of the sales tables',
      'Loads s3://bucket/a.b/ e.g. the raw zone.',
      '',
    ]) {
      expect(withoutRepeatedSentences(text)).toBe(text);
    }
  });
});

describe('plainDescription', () => {
  it('unescapes Markdown, then drops a repeated sentence', () => {
    expect(
      plainDescription(
        'Starts glueetl when upstream\\_job SUCCEEDED. Starts glueetl when upstream\\_job SUCCEEDED \\(glueetl reads what upstream\\_job writes\\)',
      ),
    ).toBe(
      'Starts glueetl when upstream_job SUCCEEDED (glueetl reads what upstream_job writes)',
    );
    expect(plainDescription(undefined)).toBeUndefined();
  });
});

describe('formatAxisDate', () => {
  const iso = '2025-03-04T14:15:00.000Z';
  const local = new Date(iso);

  it('is the local date across days, with the time within two days', () => {
    expect(formatAxisDate(iso, 7 * 86400)).toBe(
      local.toLocaleString('en-US', { month: 'short', day: 'numeric' }),
    );
    expect(formatAxisDate(iso, 3600)).toBe(
      local.toLocaleString('en-US', {
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }),
    );
    expect(formatAxisDate(iso, 3600)).toMatch(
      /^[A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2}\s?[AP]M$/,
    );
    expect(formatAxisDate(undefined, 0)).toBe('—');
  });
});

describe('describeBookmark', () => {
  const job = { bookmarkOption: 'job-bookmark-enable' } as any;

  it('says the option and where the bookmark stands', () => {
    expect(
      describeBookmark(
        job,
        {
          jobName: 'a',
          jobArn: 'arn',
          option: 'job-bookmark-enable',
          entry: { version: 3, run: 12, attempt: 0, runId: 'jr_b' },
        },
        undefined,
      ),
    ).toBe('Enabled, at run 12 (attempt 0), jr_b');
    expect(
      describeBookmark(job, { jobName: 'a', jobArn: 'arn' } as any, undefined),
    ).toBe('Enabled, no bookmark recorded yet');
    expect(describeBookmark(job, undefined, new Error('x'))).toBe(
      'Enabled (bookmark state unavailable)',
    );
  });
});

describe('formatDay', () => {
  it('is the UTC day whatever the time zone, with the year on long axes', () => {
    expect(formatDay('2025-03-04')).toBe('Mar 4');
    expect(formatDay('2025-03-04', 89)).toBe('Mar 4');
    expect(formatDay('2025-03-04', 364)).toBe('Mar 2025');
    expect(formatDay('not a day')).toBe('—');
    expect(formatFullDay('2025-03-04')).toBe('Tue, Mar 4, 2025');
  });
});

describe('formatPercent', () => {
  it.each([
    [undefined, '—'],
    [0, '0%'],
    [0.925, '93%'],
    [1, '100%'],
  ])('%p -> %p', (rate, expected) => {
    expect(formatPercent(rate)).toBe(expected);
  });
});

describe('describeFreshness', () => {
  const now = Date.parse('2025-03-04T02:32:00Z');

  it('says how long ago the newer of event and reconciliation was', () => {
    expect(
      describeFreshness(
        {
          lastEventAt: '2025-03-04T02:30:00Z',
          lastReconciledAt: '2025-03-04T02:10:00Z',
          storedRuns: 5,
        },
        now,
      ),
    ).toBe('Index updated 2 minutes ago');
    expect(
      describeFreshness(
        { lastReconciledAt: '2025-03-04T01:32:00Z', storedRuns: 5 },
        now,
      ),
    ).toBe('Index updated 1 hour ago');
  });

  it('says when nothing is indexed yet', () => {
    expect(describeFreshness({ storedRuns: 0 }, now)).toBe(
      'No runs indexed yet',
    );
    expect(
      describeFreshness(
        { lastReconciledAt: '2025-03-04T02:30:00Z', storedRuns: 0 },
        now,
      ),
    ).toBe('No runs indexed yet');
  });
});
