/**
 * A memo of the keys seen so far, for doing something once per key (logging
 * a warning once per entity and annotation). Bounded: past `limit` keys the
 * oldest is forgotten, so a key may come round again after many others.
 *
 * @returns a function that is true the first time it sees a key.
 */
export function oncePerKey(limit = 5000): (key: string) => boolean {
  const seen = new Set<string>();
  return key => {
    if (seen.has(key)) return false;
    if (seen.size >= limit) {
      // A Set iterates in insertion order: this is the oldest key.
      seen.delete(seen.values().next().value!);
    }
    seen.add(key);
    return true;
  };
}
