import { createHash } from 'node:crypto';

/** Backstage's rule for `metadata.name`: `[A-Za-z0-9]` runs joined by one of `-_.`, at most 63 characters. */
const VALID_ENTITY_NAME = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;
export const MAX_ENTITY_NAME_LENGTH = 63;
const HASH_LENGTH = 10;
/** Names ending like a slug's hash suffix are always slugged, so kept and slugged names never meet. */
const HASH_SUFFIX = new RegExp(`-[0-9a-f]{${HASH_LENGTH}}$`);

/**
 * True when `name` is a valid Backstage entity name.
 */
export function isValidEntityName(name: string): boolean {
  return name.length <= MAX_ENTITY_NAME_LENGTH && VALID_ENTITY_NAME.test(name);
}

/** A short, stable hash of a resource's identity (its ARN or dataset location). */
export function shortHash(identity: string): string {
  return createHash('sha256')
    .update(identity)
    .digest('hex')
    .slice(0, HASH_LENGTH);
}

/**
 * Lower-cases and reduces `text` to `[a-z0-9]` runs joined by single `-`,
 * keeping `_` and `.` between runs. Never longer than `maxLength`.
 */
export function slugify(text: string, maxLength: number): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9_.]+/g, '-')
    .replace(/[-_.]{2,}/g, m => (m.includes('-') ? '-' : m[0]))
    .replace(/^[-_.]+|[-_.]+$/g, '');
  return slug.slice(0, maxLength).replace(/[-_.]+$/, '');
}

/**
 * Turns a candidate name into an entity name that is valid, unique and stable.
 *
 * A candidate that is already a valid, all-lower-case entity name and does
 * not end like a hash suffix is kept as it is. Any other candidate is slugged
 * and suffixed with a short hash of `identity` (the resource's ARN), so:
 * - the result depends only on the candidate and the identity, never on which
 *   other resources exist;
 * - two kept names differ because their Glue names differ (Glue names are
 *   case-sensitive, but a kept name is lower-case, so `Report` is never kept
 *   beside `report`);
 * - a kept name never equals a slugged one (slugged names end in `-<hash>`,
 *   kept names never do), and two slugged names differ by their hashes.
 */
export function toEntityName(candidate: string, identity: string): string {
  if (
    isValidEntityName(candidate) &&
    candidate === candidate.toLocaleLowerCase('en-US') &&
    !HASH_SUFFIX.test(candidate)
  ) {
    return candidate;
  }
  const hash = shortHash(identity);
  const stem = slugify(candidate, MAX_ENTITY_NAME_LENGTH - HASH_LENGTH - 1);
  return stem ? `${stem}-${hash}` : `glue-${hash}`;
}

/** The values a name template may use. */
export interface NameTemplateValues {
  name: string;
  region: string;
  accountId: string;
}

const TEMPLATE_VARIABLE = /\{\{\s*([^}]*?)\s*\}\}/g;
const TEMPLATE_VARIABLES = new Set(['name', 'region', 'accountId']);

/**
 * Checks a name template (`{{ name }}`, `{{ region }}`, `{{ accountId }}`)
 * and returns a problem description, or `undefined` when it is fine.
 */
export function validateNameTemplate(template: string): string | undefined {
  const used = [...template.matchAll(TEMPLATE_VARIABLE)].map(m => m[1]);
  const unknown = used.filter(v => !TEMPLATE_VARIABLES.has(v));
  if (unknown.length > 0) {
    return `unknown variable ${unknown
      .map(v => `{{ ${v} }}`)
      .join(', ')}; use {{ name }}, {{ region }} and {{ accountId }}`;
  }
  if (!used.includes('name')) {
    return 'the template must contain {{ name }}, or every resource would get the same name';
  }
  return undefined;
}

/** Renders a validated name template. */
export function renderNameTemplate(
  template: string,
  values: NameTemplateValues,
): string {
  return template.replace(
    TEMPLATE_VARIABLE,
    (_, variable: keyof NameTemplateValues) => values[variable],
  );
}

/**
 * The default name template: Glue names as they are for a catalog that reads
 * one account and one region; with the region added when the configured
 * providers read several regions, and the account when they read several
 * accounts.
 */
export function defaultNameTemplate(options: {
  multiRegion: boolean;
  multiAccount: boolean;
}): string {
  return [
    '{{ name }}',
    ...(options.multiAccount ? ['{{ accountId }}'] : []),
    ...(options.multiRegion ? ['{{ region }}'] : []),
  ].join('-');
}
