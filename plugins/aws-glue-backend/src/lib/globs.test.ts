import { globToRegExp } from '@aws-glue-backstage/plugin-aws-glue-common';
import { createGlobMatcher } from './globs';

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
