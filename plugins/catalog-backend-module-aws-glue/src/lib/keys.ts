/** What a trigger action or condition can name: a job or a crawler. */
export type GlueTargetKind = 'job' | 'crawler';

/** A job or crawler by its Glue name. */
export interface GlueTarget {
  kind: GlueTargetKind;
  name: string;
}

/**
 * The job or crawler a trigger action or condition names (a job name wins
 * when, against the API's rules, both are set), or `undefined`.
 */
export function targetOf(t: {
  JobName?: string;
  CrawlerName?: string;
}): GlueTarget | undefined {
  if (t.JobName) return { kind: 'job', name: t.JobName };
  if (t.CrawlerName) return { kind: 'crawler', name: t.CrawlerName };
  return undefined;
}

/**
 * A map keyed by {@link GlueTarget} values (compared by kind and name), in
 * insertion order. Its entries give the keys back as they were set, so a key
 * is never decoded from a string.
 */
export class TargetMap<V> {
  private readonly entriesByKey = new Map<string, [GlueTarget, V]>();

  private static keyOf(target: GlueTarget): string {
    return JSON.stringify([target.kind, target.name]);
  }

  get(target: GlueTarget): V | undefined {
    return this.entriesByKey.get(TargetMap.keyOf(target))?.[1];
  }

  has(target: GlueTarget): boolean {
    return this.entriesByKey.has(TargetMap.keyOf(target));
  }

  set(target: GlueTarget, value: V): this {
    const key = TargetMap.keyOf(target);
    const existing = this.entriesByKey.get(key);
    this.entriesByKey.set(key, [existing?.[0] ?? target, value]);
    return this;
  }

  /** The value at `target`, set to `create()` first when there is none. */
  upsert(target: GlueTarget, create: () => V): V {
    if (!this.has(target)) this.set(target, create());
    return this.get(target)!;
  }

  entries(): IterableIterator<[GlueTarget, V]> {
    return this.entriesByKey.values();
  }

  keys(): GlueTarget[] {
    return [...this.entriesByKey.values()].map(([target]) => target);
  }

  get size(): number {
    return this.entriesByKey.size;
  }
}
