import { globToRegExp, isPlainArgumentKey } from './globs';

describe('globToRegExp', () => {
  it.each([
    ['--input*', '--input', true],
    ['--input*', '--input-path', true],
    ['--input*', '--INPUT-path', false],
    ['--run_date', '--run_date', true],
    ['--run_date', '--run_dates', false],
    ['--a?c', '--abc', true],
    ['--a?c', '--ac', false],
    ['--a.b', '--axb', false],
    ['--(x)+', '--(x)+', true],
  ])('%s matches %s: %s', (glob, value, expected) => {
    expect(globToRegExp(glob).test(value)).toBe(expected);
  });

  it('ignores case when asked to', () => {
    expect(
      globToRegExp('--input*', { ignoreCase: true }).test('--INPUT-x'),
    ).toBe(true);
  });
});

describe('isPlainArgumentKey', () => {
  it.each([
    '--input',
    '--output_path',
    '--conf.spark.x',
    '--run-date',
    `--${'a'.repeat(126)}`,
  ])('takes %j', key => {
    expect(isPlainArgumentKey(key)).toBe(true);
  });

  it.each([
    '--input --extra-py-files s3://evil/x.py',
    '--input=s3://evil/',
    '--input\t--extra',
    '--input\u0000',
    '--input\u001b[31m',
    `--${'a'.repeat(127)}`,
    '-input',
    'input',
    '--',
    '---input',
    '--inpüt',
  ])('refuses %j', key => {
    expect(isPlainArgumentKey(key)).toBe(false);
  });
});
