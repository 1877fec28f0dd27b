import { createGlobMatcher, globToRegExp } from './globs';

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

describe('globs', () => {
  it.each([
    ['--run_date', '--run_date', true],
    ['--run_date', '--run_dates', false],
    ['--input*', '--input', true],
    ['--input*', '--input-path', true],
    ['--input*', '--output', false],
    ['--day-?', '--day-1', true],
    ['--day-?', '--day-10', false],
    ['--a.b', '--aXb', false],
    ['--a.b', '--a.b', true],
    ['--x(1)', '--x(1)', true],
    ['*', 'anything', true],
    ['--Input*', '--input', false],
  ])('%s matches %s: %s', (glob, value, expected) => {
    expect(globToRegExp(glob).test(value)).toBe(expected);
  });

  it('matches any of several globs, and nothing for none', () => {
    const matcher = createGlobMatcher(['--run_date', '--output*']);
    expect(matcher('--run_date')).toBe(true);
    expect(matcher('--output-path')).toBe(true);
    expect(matcher('--password')).toBe(false);
    expect(createGlobMatcher([])('--run_date')).toBe(false);
  });
});
