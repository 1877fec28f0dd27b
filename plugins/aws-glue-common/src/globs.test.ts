import { globToRegExp } from './globs';

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
