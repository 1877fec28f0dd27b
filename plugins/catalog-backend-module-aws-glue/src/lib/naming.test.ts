import {
  defaultNameTemplate,
  isValidEntityName,
  MAX_ENTITY_NAME_LENGTH,
  renderNameTemplate,
  shortHash,
  slugify,
  toEntityName,
  validateNameTemplate,
} from './naming';

const arn = (name: string) => `arn:aws:glue:us-east-1:123456789012:job/${name}`;
const HASHED = /^(.+)-([0-9a-f]{10})$/;
const lower = (s: string) => s.toLocaleLowerCase('en-US');

describe('isValidEntityName', () => {
  it.each([
    ['triggering_job', true],
    ['freshers_in_dependent_job', true],
    ['a', true],
    ['A.b-C_d', true],
    ['x'.repeat(63), true],
    ['x'.repeat(64), false],
    ['', false],
    ['has space', false],
    ['-leading', false],
    ['trailing-', false],
    ['double--dash', false],
    ['dot_-mix', false],
    ['café', false],
    ['a/b', false],
    ['a:b', false],
  ])('%j -> %s', (name, expected) => {
    expect(isValidEntityName(name)).toBe(expected);
  });
});

describe('slugify', () => {
  it.each([
    ['Daily Orders ETL', 'daily-orders-etl'],
    ['freshers_in_dependent_job', 'freshers_in_dependent_job'],
    ['  --Weird__Name..  ', 'weird_name'],
    ['a_-b', 'a-b'],
    ['a__b', 'a_b'],
    ['a..b', 'a.b'],
    ['Café Crème', 'cafe-creme'],
    ['Ünïcödé', 'unicode'],
    ['日本語のジョブ', ''],
    ['s3://Bucket/Prefix/', 's3-bucket-prefix'],
  ])('%j -> %j', (text, expected) => {
    expect(slugify(text, 63)).toBe(expected);
  });

  it('never exceeds maxLength and never ends in a separator', () => {
    const slug = slugify(`${'abcd-'.repeat(30)}`, 12);
    expect(slug.length).toBeLessThanOrEqual(12);
    expect(slug).toBe('abcd-abcd-ab');
    expect(slugify('abcdefghij-klm', 11)).toBe('abcdefghij');
  });
});

describe('toEntityName', () => {
  it.each([
    'triggering_job',
    'freshers_in_dependent_job',
    'upstream_job',
    'glueetl',
    'orders.daily-v2',
    'x'.repeat(63),
    'job-abcdef123', // 9 hex digits: not a hash suffix
    'job-abcdef12345', // 11 hex digits: not a hash suffix
    'job-ghijklmnop', // 10 chars, not hex
  ])('keeps the valid lower-case name %j', name => {
    expect(toEntityName(name, arn(name))).toBe(name);
  });

  it.each([
    ['Report', 'report'],
    ['DailyETL', 'dailyetl'],
    ['UPPER_CASE_JOB', 'upper_case_job'],
    ['has spaces in it', 'has-spaces-in-it'],
    ['job-0123456789', 'job-0123456789'], // ends like a hash suffix
    ['job-abcdef0123', 'job-abcdef0123'],
    ['x'.repeat(64), 'x'.repeat(52)],
    ['Café', 'cafe'],
    ['日本語', 'glue'],
    ['---', 'glue'],
    ['a/b:c', 'a-b-c'],
  ])('slugs %j to %j plus a hash of the identity', (name, stem) => {
    const result = toEntityName(name, arn(name));
    const match = HASHED.exec(result);
    expect(match).not.toBeNull();
    expect(match![1]).toBe(stem);
    expect(match![2]).toBe(shortHash(arn(name)));
    expect(isValidEntityName(result)).toBe(true);
  });

  it('never lets Report and report collide', () => {
    const upper = toEntityName('Report', arn('Report'));
    const plain = toEntityName('report', arn('report'));
    expect(plain).toBe('report');
    expect(lower(upper)).not.toBe(lower(plain));
  });

  it('never lets a kept name equal a slugged one', () => {
    // "report-<hash>" is what "Report" becomes; a Glue job literally named
    // like that must not be kept.
    const slugged = toEntityName('Report', arn('Report'));
    expect(toEntityName(slugged, arn(slugged))).not.toBe(slugged);
  });

  it.each([
    ['spaces', 'Daily orders ETL job'],
    ['unicode', 'ジョブ-Ünïcödé-データ'],
    ['emoji', '🚀 launch job 🚀'],
    ['255 chars', `${'LongName_'.repeat(28)}abc`],
    ['255 chars of one letter', 'A'.repeat(255)],
    ['only punctuation', '!!!???'],
  ])('makes a valid, stable name from %s', (_, name) => {
    const result = toEntityName(name, arn(name));
    expect(isValidEntityName(result)).toBe(true);
    expect(result.length).toBeLessThanOrEqual(MAX_ENTITY_NAME_LENGTH);
    expect(toEntityName(name, arn(name))).toBe(result);
    // depends only on candidate + identity
    expect(toEntityName(name, arn(name))).toBe(
      toEntityName(`${name}`, `${arn(name)}`),
    );
    expect(toEntityName(name, `${arn(name)}-other`)).not.toBe(result);
  });

  it('depends only on the candidate and the identity, not on call order', () => {
    const names = ['B', 'a b', 'Report', 'report', 'x'.repeat(100)];
    const forward = names.map(n => toEntityName(n, arn(n)));
    const backward = [...names].reverse().map(n => toEntityName(n, arn(n)));
    expect(backward.reverse()).toEqual(forward);
  });

  describe('a hostile set of 200 Glue names', () => {
    const hostile: string[] = [];
    const bases = [
      'report',
      'daily-etl',
      'orders_load',
      'café',
      'データ処理',
      'Ünïcödé job',
      'x'.repeat(255),
    ];
    const variants = (base: string) => [
      base,
      base.toLocaleUpperCase('en-US'),
      base.charAt(0).toLocaleUpperCase('en-US') + base.slice(1),
      `${base} `,
      `${base}!`,
      `${base}.`,
      `${base}_`,
      `${base}-`,
      base.replace(/[-_]/g, ' '),
      base.replace(/[-_]/g, '.'),
      base.replace(/[-_]/g, '__'),
      `${base}-0123456789`,
      `${base}-abcdef0123`,
    ];
    for (const base of bases) {
      for (const name of variants(base)) {
        if (!hostile.includes(name)) hostile.push(name);
      }
    }
    let i = 0;
    while (hostile.length < 200) {
      const candidates = [
        `${'Ä'.repeat(100 + (i % 155))}${i}`,
        `Job ${i}`,
        `job ${i}`,
        `JOB_${i}`,
        `job_${i}`,
        `job-${i}`,
        `job.${i}`,
        `${'y'.repeat(254 - String(i).length)}z${i}`,
        `名前-${i}`,
      ];
      for (const name of candidates) {
        if (hostile.length < 200 && !hostile.includes(name)) {
          hostile.push(name);
        }
      }
      i++;
    }

    it('has 200 distinct Glue names', () => {
      expect(hostile).toHaveLength(200);
      expect(new Set(hostile).size).toBe(200);
      expect(hostile.some(n => n.length === 255)).toBe(true);
    });

    it('gives 200 distinct, valid entity names', () => {
      const names = hostile.map(n => toEntityName(n, arn(n)));
      for (const name of names) {
        expect(isValidEntityName(name)).toBe(true);
      }
      expect(new Set(names.map(lower)).size).toBe(200);
    });

    it('gives the same names however often it runs', () => {
      const first = hostile.map(n => toEntityName(n, arn(n)));
      const second = [...hostile].reverse().map(n => toEntityName(n, arn(n)));
      expect(second.reverse()).toEqual(first);
    });
  });
});

describe('validateNameTemplate', () => {
  it.each([
    '{{ name }}',
    '{{name}}',
    '{{ name }}-{{ region }}',
    '{{ name }}-{{ accountId }}-{{ region }}',
    'glue-{{ name }}',
  ])('accepts %j', template => {
    expect(validateNameTemplate(template)).toBeUndefined();
  });

  it.each([
    ['{{ region }}', /must contain \{\{ name \}\}/],
    ['static', /must contain \{\{ name \}\}/],
    ['{{ name }}-{{ env }}', /unknown variable \{\{ env \}\}/],
    ['{{ Name }}', /unknown variable \{\{ Name \}\}/],
    ['{{ name }}-{{ account_id }}', /unknown variable/],
    ['{{ name }}-{{ region-name }}', /unknown variable/],
  ])('rejects %j', (template, problem) => {
    expect(validateNameTemplate(template)).toMatch(problem);
  });
});

describe('renderNameTemplate', () => {
  const values = {
    name: 'glueetl',
    region: 'eu-west-1',
    accountId: '123456789012',
  };
  it.each([
    ['{{ name }}', 'glueetl'],
    ['{{name}}-{{region}}', 'glueetl-eu-west-1'],
    [
      '{{ name }}-{{ accountId }}-{{ region }}',
      'glueetl-123456789012-eu-west-1',
    ],
    ['team-{{ name }}', 'team-glueetl'],
  ])('%j -> %j', (template, expected) => {
    expect(renderNameTemplate(template, values)).toBe(expected);
  });
});

describe('defaultNameTemplate', () => {
  it.each([
    [false, false, '{{ name }}'],
    [true, false, '{{ name }}-{{ region }}'],
    [false, true, '{{ name }}-{{ accountId }}'],
    [true, true, '{{ name }}-{{ accountId }}-{{ region }}'],
  ])('multiRegion=%s multiAccount=%s -> %j', (multiRegion, multiAccount, t) => {
    expect(defaultNameTemplate({ multiRegion, multiAccount })).toBe(t);
    expect(validateNameTemplate(t)).toBeUndefined();
  });
});
