import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { slugify, MAX_ENTITY_NAME_LENGTH } from './naming';

/**
 * A name-pattern ownership rule: resources whose Glue name matches get this owner.
 *
 * @public
 */
export interface OwnershipRule {
  pattern: RegExp;
  owner: string;
}

/**
 * How owners are found for synced entities.
 *
 * @public
 */
export interface OwnershipOptions {
  /** Tag keys tried in order; the first present with a usable value wins. */
  tagKeys: string[];
  /** Tried after the tags, in order. */
  rules: OwnershipRule[];
  /** The owner when nothing else gives one (an entity ref). */
  defaultOwner: string;
}

/**
 * Normalises a tag value to an entity ref of one of `kinds` (the first is the
 * default): with kinds `[group, user]`, `Data-Platform` becomes
 * `group:default/data-platform`, `user:jdoe` becomes `user:default/jdoe` and
 * `group:finance/analysts` stays. Values that cannot become a valid ref
 * (nothing left after slugging, another kind, an empty name) give `undefined`.
 */
export function normalizeEntityRefValue(
  value: string,
  kinds: string[],
  namespace = 'default',
): string | undefined {
  const trimmed = value.trim();
  const match = /^(?:([A-Za-z]+):)?(?:([^/:]+)\/)?([^/:]+)$/.exec(trimmed);
  if (!match) {
    return undefined;
  }
  const kind = (match[1] ?? kinds[0]).toLocaleLowerCase('en-US');
  if (!kinds.includes(kind)) {
    return undefined;
  }
  const ns = match[2]
    ? slugify(match[2], MAX_ENTITY_NAME_LENGTH).replace(/[_.]/g, '-')
    : namespace;
  const name = slugify(match[3], MAX_ENTITY_NAME_LENGTH);
  if (!name || !ns) {
    return undefined;
  }
  return stringifyEntityRef({ kind, namespace: ns, name });
}

/** An owner tag value as a group or user ref; see {@link normalizeEntityRefValue}. */
export function normalizeOwnerRef(
  value: string,
  namespace = 'default',
): string | undefined {
  return normalizeEntityRefValue(value, ['group', 'user'], namespace);
}

/** Where an owner came from, for the debug log and the tests. */
export type OwnerSource = 'tag' | 'rule' | 'inherited' | 'default';

/**
 * Finds the owner of a resource from its tags, the name rules, an inherited
 * owner (e.g. a trigger's from the job it starts) and finally the default.
 */
export function resolveOwner(
  options: OwnershipOptions,
  resource: {
    name: string;
    tags: Record<string, string>;
    inherited?: string;
  },
  namespace = 'default',
): { owner: string; source: OwnerSource } {
  for (const key of options.tagKeys) {
    const value = resource.tags[key];
    const ref =
      value === undefined ? undefined : normalizeOwnerRef(value, namespace);
    if (ref) {
      return { owner: ref, source: 'tag' };
    }
  }
  for (const rule of options.rules) {
    if (rule.pattern.test(resource.name)) {
      return { owner: rule.owner, source: 'rule' };
    }
  }
  if (resource.inherited) {
    return { owner: resource.inherited, source: 'inherited' };
  }
  return { owner: options.defaultOwner, source: 'default' };
}

/** True when `ref` parses as a User or Group entity ref. */
export function isOwnerRef(ref: string): boolean {
  try {
    const parsed = parseEntityRef(ref, { defaultKind: 'group' });
    return ['user', 'group'].includes(parsed.kind.toLocaleLowerCase('en-US'));
  } catch {
    return false;
  }
}
