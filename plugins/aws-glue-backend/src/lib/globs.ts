/**
 * Glob matching for argument keys: `*` matches any run of characters, `?`
 * one character, everything else literally (case-sensitive, like Glue's
 * argument keys). Pure.
 */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('')
    .map(c => {
      if (c === '*') return '.*';
      if (c === '?') return '.';
      return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** A matcher for a list of globs; matches nothing when the list is empty. */
export function createGlobMatcher(globs: string[]): (value: string) => boolean {
  const patterns = globs.map(globToRegExp);
  return value => patterns.some(p => p.test(value));
}
