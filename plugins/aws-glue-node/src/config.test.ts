import { ConfigReader } from '@backstage/config';
import { readHttpUrl, readRegExpList } from './config';

describe('readRegExpList', () => {
  it('returns the patterns, or names the one that does not compile', () => {
    const config = new ConfigReader({ p: ['^--a', 'b+'] });
    expect(readRegExpList(config, 'p', 'x.p')).toEqual(['^--a', 'b+']);
    expect(readRegExpList(config, 'missing', 'x.missing')).toEqual([]);
    expect(() =>
      readRegExpList(new ConfigReader({ p: ['ok', '('] }), 'p', 'x.p'),
    ).toThrow(/^Invalid config at x\.p\[1\]: not a valid regular expression: /);
  });
});

describe('readHttpUrl', () => {
  it.each([['ftp://x'], ['localhost 4599'], ['file:///etc/passwd']])(
    'refuses %j naming the path',
    value => {
      expect(() =>
        readHttpUrl(new ConfigReader({ e: value }), 'e', 'a.b.e'),
      ).toThrow(`Invalid config at a.b.e: '${value}' is not an http(s) URL`);
    },
  );

  it('takes http and https URLs, and nothing', () => {
    expect(
      readHttpUrl(new ConfigReader({ e: 'http://127.0.0.1:4599' }), 'e', 'e'),
    ).toBe('http://127.0.0.1:4599');
    expect(readHttpUrl(new ConfigReader({}), 'e', 'e')).toBeUndefined();
  });
});
