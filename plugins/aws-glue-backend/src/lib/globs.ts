import { globToRegExp } from '@aws-glue-backstage/plugin-aws-glue-common';

/** A matcher for a list of argument-key globs; matches nothing when the list is empty. */
export function createGlobMatcher(globs: string[]): (value: string) => boolean {
  const patterns = globs.map(glob => globToRegExp(glob));
  return value => patterns.some(p => p.test(value));
}
