/**
 * Compiles an argument-key glob (`*`: any run of characters, `?`: one
 * character, everything else literal) to an anchored regular expression.
 *
 * @public
 */
export function globToRegExp(
  glob: string,
  options: { ignoreCase?: boolean } = {},
): RegExp {
  const source = glob
    .split('')
    .map(c => {
      if (c === '*') return '.*';
      if (c === '?') return '.';
      return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, options.ignoreCase ? 'i' : '');
}

/**
 * A matcher for a list of argument-key globs; matches nothing when the list
 * is empty.
 *
 * @public
 */
export function createGlobMatcher(globs: string[]): (value: string) => boolean {
  const patterns = globs.map(glob => globToRegExp(glob));
  return value => patterns.some(p => p.test(value));
}
