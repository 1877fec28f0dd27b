import type { SourceControlDetails } from '@aws-sdk/client-glue';
import { pathSegments, sourceControlLocation } from './sourceLocation';

/** A script URL scheme, spelled so that linters do not take it for one. */
const SCRIPT_SCHEME = ['java', 'script:'].join('');

const github = (
  details: Partial<SourceControlDetails>,
): SourceControlDetails => ({
  Provider: 'GITHUB',
  Owner: 'octo',
  Repository: 'etl',
  ...details,
});

describe('sourceControlLocation', () => {
  it.each<[string, SourceControlDetails | undefined, string | undefined]>([
    [
      'GitHub, branch and folder',
      github({ Branch: 'main', Folder: 'jobs/nightly' }),
      'url:https://github.com/octo/etl/tree/main/jobs/nightly/',
    ],
    [
      'GitHub, branch only',
      github({ Branch: 'main' }),
      'url:https://github.com/octo/etl/tree/main/',
    ],
    [
      'GitHub, a branch with slashes',
      github({ Branch: 'feature/load', Folder: 'jobs' }),
      'url:https://github.com/octo/etl/tree/feature/load/jobs/',
    ],
    [
      'GitHub, no branch: the repository root (the folder needs a branch)',
      github({ Folder: 'jobs' }),
      'url:https://github.com/octo/etl/',
    ],
    [
      'GitHub, leading, trailing and doubled slashes dropped',
      github({ Branch: 'main', Folder: '/jobs//nightly/' }),
      'url:https://github.com/octo/etl/tree/main/jobs/nightly/',
    ],
    [
      'GitLab, with a subgroup',
      {
        Provider: 'GITLAB',
        Owner: 'data/platform',
        Repository: 'etl',
        Branch: 'main',
        Folder: 'jobs',
      },
      'url:https://gitlab.com/data/platform/etl/-/tree/main/jobs/',
    ],
    [
      'GitLab, no branch',
      { Provider: 'GITLAB', Owner: 'data', Repository: 'etl' },
      'url:https://gitlab.com/data/etl/',
    ],
    [
      'Bitbucket',
      {
        Provider: 'BITBUCKET',
        Owner: 'team',
        Repository: 'etl',
        Branch: 'develop',
        Folder: 'glue/jobs',
      },
      'url:https://bitbucket.org/team/etl/src/develop/glue/jobs/',
    ],
    [
      'segments are URL-encoded',
      github({ Branch: 'main', Folder: 'données/a?b#c/%2e%2e/50%' }),
      'url:https://github.com/octo/etl/tree/main/donn%C3%A9es/a%3Fb%23c/%252e%252e/50%25/',
    ],
    [
      'an owner that looks like a scheme stays a path segment on GitHub',
      github({ Owner: `${SCRIPT_SCHEME}alert(1)` }),
      'url:https://github.com/javascript%3Aalert(1)/etl/',
    ],
    [
      'an owner that looks like user info stays a path segment on GitHub',
      github({ Owner: '@evil.example' }),
      'url:https://github.com/%40evil.example/etl/',
    ],
    // Not linked.
    ['no details', undefined, undefined],
    [
      'CodeCommit (no web address without the console)',
      {
        Provider: 'AWS_CODE_COMMIT',
        Repository: 'etl',
        Owner: 'x',
        Branch: 'main',
      },
      undefined,
    ],
    ['no provider', { Owner: 'octo', Repository: 'etl' }, undefined],
    [
      'an unknown provider',
      { Provider: 'SVN' as any, Owner: 'octo', Repository: 'etl' },
      undefined,
    ],
    ['no owner', github({ Owner: undefined }), undefined],
    ['an empty owner', github({ Owner: '' }), undefined],
    ['no repository', github({ Repository: undefined }), undefined],
    ['a repository of slashes only', github({ Repository: '//' }), undefined],
    // Hostile values.
    ['an owner of ..', github({ Owner: '..' }), undefined],
    ['a repository of .', github({ Repository: '.' }), undefined],
    [
      'a folder climbing out',
      github({ Branch: 'main', Folder: '../../evil' }),
      undefined,
    ],
    [
      'a folder climbing out in the middle',
      github({ Branch: 'main', Folder: 'jobs/../../x' }),
      undefined,
    ],
    [
      'a branch climbing out',
      github({ Branch: '../../../evil.example', Folder: 'x' }),
      undefined,
    ],
    [
      'a folder with backslashes',
      github({ Branch: 'main', Folder: '..\\..\\evil' }),
      undefined,
    ],
    [
      'a folder with white space',
      github({ Branch: 'main', Folder: 'my jobs' }),
      undefined,
    ],
    ['a branch with a newline', github({ Branch: 'main\nEvil: 1' }), undefined],
    ['an owner with a tab', github({ Owner: 'octo\tcat' }), undefined],
    [
      'an owner with a control character',
      github({ Owner: 'oc\u0000to' }),
      undefined,
    ],
    [
      'an owner with a non-breaking space',
      github({ Owner: 'oc\u00a0to' }),
      undefined,
    ],
    [
      'an owner naming another host on GitHub (two segments)',
      github({ Owner: 'evil.example/x' }),
      undefined,
    ],
    [
      'a repository given as a URL',
      github({ Repository: 'https://evil.example/etl' }),
      undefined,
    ],
    [
      'a protocol-relative repository',
      github({ Repository: '//evil.example' }),
      'url:https://github.com/octo/evil.example/',
    ],
    [
      'a lone surrogate',
      github({ Branch: 'main', Folder: '\ud800' }),
      undefined,
    ],
  ])('%s', (_, details, expected) => {
    expect(sourceControlLocation(details)).toBe(expected);
  });

  it('never leaves the provider’s https origin or climbs out of the repository, whatever the values', () => {
    const pieces = [
      '..',
      '.',
      '/',
      '\\',
      '%2e',
      '%2F',
      ':',
      '@',
      '?',
      '#',
      SCRIPT_SCHEME,
      'https://evil.example',
      '//evil.example',
      ' ',
      '\n',
      'a',
      'é',
      '\u202e',
      '',
    ];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const value = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 4) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
    const origins: Record<string, string> = {
      GITHUB: 'https://github.com',
      GITLAB: 'https://gitlab.com',
      BITBUCKET: 'https://bitbucket.org',
    };
    let linked = 0;
    for (let i = 0; i < 3000; i++) {
      const provider = Object.keys(origins)[i % 3];
      const location = sourceControlLocation({
        Provider: provider as SourceControlDetails['Provider'],
        Owner: value(),
        Repository: value(),
        Branch: random() < 0.3 ? undefined : value(),
        Folder: random() < 0.3 ? undefined : value(),
      });
      if (location === undefined) continue;
      linked++;
      expect(location.startsWith(`url:${origins[provider]}/`)).toBe(true);
      const url = new URL(location.slice('url:'.length));
      expect(url.origin).toBe(origins[provider]);
      expect(url.search).toBe('');
      expect(url.hash).toBe('');
      expect(url.pathname.split('/')).not.toContain('..');
      expect(location).not.toMatch(/\s/);
    }
    expect(linked).toBeGreaterThan(100);
  });
});

describe('pathSegments', () => {
  it.each<[string, string[] | undefined]>([
    ['a/b', ['a', 'b']],
    ['/a//b/', ['a', 'b']],
    ['', []],
    ['a b', undefined],
    ['a/./b', undefined],
    ['a/../b', undefined],
    ['x?y', ['x%3Fy']],
  ])('%j', (value, expected) => {
    expect(pathSegments(value)).toEqual(expected);
  });
});
