import type { SourceControlDetails } from '@aws-sdk/client-glue';

/** Where each provider's repositories live, and how a branch's folder is addressed. */
const HOSTS: Record<
  string,
  { origin: string; tree: string; nestedOwner: boolean }
> = {
  GITHUB: { origin: 'https://github.com', tree: 'tree', nestedOwner: false },
  // GitLab owners are groups, which may have subgroups (`group/subgroup`).
  GITLAB: { origin: 'https://gitlab.com', tree: '-/tree', nestedOwner: true },
  BITBUCKET: {
    origin: 'https://bitbucket.org',
    tree: 'src',
    nestedOwner: false,
  },
};

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\s\u0000-\u001f\u007f-\u009f\\]/u;

/**
 * A `/`-separated path as URL-encoded segments: empty segments (leading,
 * trailing or doubled slashes) are dropped; `undefined` when any segment is
 * `.` or `..` or holds white space, a control character or a backslash.
 */
export function pathSegments(value: string): string[] | undefined {
  const parts = value.split('/').filter(part => part !== '');
  if (parts.some(part => part === '.' || part === '..' || UNSAFE.test(part))) {
    return undefined;
  }
  try {
    return parts.map(part => encodeURIComponent(part));
  } catch {
    return undefined; // a lone surrogate: not text
  }
}

/** A path of at least one segment (and at most one unless `nested`). */
function namePath(
  value: string | undefined,
  nested: boolean,
): string[] | undefined {
  const parts = pathSegments(value ?? '');
  if (!parts || parts.length === 0 || (!nested && parts.length > 1)) {
    return undefined;
  }
  return parts;
}

/**
 * The `backstage.io/source-location` of a job kept in a Git repository
 * (its `SourceControlDetails`): `url:` and the repository's web address, at
 * `Branch` and `Folder` when a branch is given, else the repository root.
 * GitHub, GitLab (gitlab.com) and Bitbucket (bitbucket.org); `undefined` for
 * CodeCommit, for details without a provider, owner or repository, and for
 * any part that is not a plain path (`..`, white space, control characters),
 * so no value can point the link at another host or scheme.
 */
export function sourceControlLocation(
  details: SourceControlDetails | undefined,
): string | undefined {
  const host = details?.Provider ? HOSTS[details.Provider] : undefined;
  if (!details || !host) return undefined;
  const owner = namePath(details.Owner, host.nestedOwner);
  const repository = namePath(details.Repository, false);
  const branch = pathSegments(details.Branch ?? '');
  const folder = pathSegments(details.Folder ?? '');
  if (!owner || !repository || !branch || !folder) return undefined;
  const path = [...owner, ...repository];
  if (branch.length > 0) path.push(host.tree, ...branch, ...folder);
  const url = new URL(`${host.origin}/${path.join('/')}/`);
  // Only the provider's own https origin; the segments are encoded, so this
  // holds, and it is checked rather than assumed.
  return url.origin === host.origin ? `url:${url.href}` : undefined;
}
