/* Small helpers for the parts of an entity the transformers write. */

const ENTITY_TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

/** Entity tags must be `[a-z0-9:+#]` runs joined by `-`, at most 63 chars. */
export function entityTag(value: string): string | undefined {
  const tag = value
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9:+#]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return ENTITY_TAG.test(tag) ? tag : undefined;
}

/** The values that are not `undefined`. */
export function compact<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}
