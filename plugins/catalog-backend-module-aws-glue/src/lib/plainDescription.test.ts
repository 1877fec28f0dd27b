import { unescapeMarkdown } from '@aws-glue-backstage/plugin-aws-glue-common';
import { ArgumentRedactor } from '@aws-glue-backstage/plugin-aws-glue-node';
import { MAX_DESCRIPTION_LENGTH, plainDescription } from './plainDescription';

const redactor = ArgumentRedactor.withDefaults();
const plain = (text: string) => plainDescription(text, redactor);

/** What a Markdown renderer shows for an escaped line: the escapes removed. */
const rendered = unescapeMarkdown;

/** No `[`, `<`, `` ` `` or `](` that is not backslash-escaped. */
const UNESCAPED_MARKUP = /(?<!\\)[[<`]|(?<!\\)\]\(/;

describe('plainDescription', () => {
  it.each([
    'Daily orders ETL',
    'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
    'Starts aggregate_job when upstream_job SUCCEEDED and glueetl SUCCEEDED',
    'AWS Glue crawler writing to database sales',
    'Dataset s3://freshers-in/output-data/, written by 1 and read by 2 Glue jobs or crawlers',
    'Loads orders (daily) - 3 tables | 2 targets, 100% #1 priority!',
    'AT&T feed, raw -> curated',
    '1.5 GB per run',
    'ジョブ-データ Café Crème',
  ])('leaves ordinary prose as it is: %j', text => {
    expect(plain(text)).toBe(text);
  });

  it.each([
    [
      '[Re-authenticate to AWS](https://evil.example)',
      '\\[Re-authenticate to AWS\\](https\\://evil.example)',
    ],
    [
      '![pixel](https://evil.example/p.png)',
      '!\\[pixel\\](https\\://evil.example/p.png)',
    ],
    ['# Fake heading', '\\# Fake heading'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)>'],
    [
      '<a href="https://evil.example">Login</a>',
      '\\<a href="https\\://evil.example">Login\\</a>',
    ],
    ['see <https://evil.example>', 'see \\<https\\://evil.example>'],
    ['visit www.evil.example now', 'visit www\\.evil.example now'],
    ['mail ops@evil.example', 'mail ops\\@evil.example'],
    ['&lt;script&gt; &#60;b&#x3e;', '\\&lt;script\\&gt; \\&#60;b\\&#x3e;'],
    ['`rm -rf /`', '\\`rm -rf /\\`'],
    [
      '**bold** and *em* and _em_ and ~~gone~~',
      '\\*\\*bold\\*\\* and \\*em\\* and \\_em\\_ and \\~\\~gone\\~\\~',
    ],
    ['a*b*c', 'a\\*b\\*c'],
    ['> quoted', '\\> quoted'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['* item', '\\* item'],
    ['---', '\\---'],
    ['1. first', '1\\. first'],
    ['2) second', '2\\) second'],
    ['[x]: https://evil.example', '\\[x\\]: https\\://evil.example'],
    ['C:\\temp\\[x]', 'C:\\\\temp\\\\\\[x\\]'],
    ['cron(15 2 * * ? *)', 'cron(15 2 * * ? \\*)'],
  ])('escapes %j', (text, expected) => {
    const result = plain(text);
    expect(result).toBe(expected);
    expect(rendered(result)).toBe(text);
    expect(result).not.toMatch(UNESCAPED_MARKUP);
  });

  it('collapses newlines, tabs and control characters to single spaces', () => {
    expect(plain('  Line one\r\n\r\n# Line two\tand\u0000three  ')).toBe(
      'Line one # Line two and three',
    );
  });

  it('redacts secrets before escaping', () => {
    const result = plain(
      'Loads from jdbc:postgresql://etl:hunter2@db/sales; Password: hunter2',
    );
    expect(result).not.toContain('hunter2');
    expect(rendered(result)).toBe(
      'Loads from jdbc:<redacted>db/sales; Password: <redacted>',
    );
  });

  it(`cuts long texts to ${MAX_DESCRIPTION_LENGTH} characters`, () => {
    const result = plain('word '.repeat(1000));
    expect(Array.from(result).length).toBeLessThanOrEqual(
      MAX_DESCRIPTION_LENGTH,
    );
    expect(result.endsWith('…')).toBe(true);
    expect(plainDescription('abcdef', redactor, 4)).toBe('abc…');
  });

  it('does not split a surrogate pair when cutting', () => {
    expect(plainDescription('😀😀😀😀', redactor, 3)).toBe('😀😀…');
  });
});
