import { createHash } from 'node:crypto';
import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

/**
 * Loads values through the plugin's cache, and makes identical concurrent
 * loads share one call: an in-process map of in-flight promises sits in front
 * of the cache, so N simultaneous requests for the same key cost one cache
 * read and at most one load.
 *
 * Values are stored wrapped (`{ value }`) so that `undefined` results are
 * cached too. A failing cache never fails a request: it is logged and skipped.
 */
export class CachedLoader {
  private readonly inflight = new Map<
    string,
    { promise: Promise<unknown>; since: number }
  >();

  /**
   * @param maxInflightMs - how long a load may be shared: a later caller
   *   does not wait on one older than this (the Glue call deadline), so a
   *   stuck call never holds up the callers after it.
   */
  constructor(
    private readonly cache: CacheService,
    private readonly logger?: LoggerService,
    private readonly maxInflightMs = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A cache key made of structured parts: an ARN, a job name, a page token or
   * a run id may contain any character (`:` included), so parts are never
   * joined with a separator, and no two different part lists share a key.
   */
  static key(kind: string, ...parts: (string | number)[]): string {
    return `${kind}:${createHash('sha256')
      .update(JSON.stringify(parts))
      .digest('base64url')}`;
  }

  /**
   * The cached value of `key`, or the result of `loader` (then cached for
   * `ttlMs(value)` milliseconds; not cached when that is 0 or less).
   */
  async load<T>(
    key: string,
    loader: () => Promise<T>,
    ttlMs: (value: T) => number,
  ): Promise<T> {
    const pending = this.inflight.get(key);
    if (pending && this.now() - pending.since < this.maxInflightMs) {
      return pending.promise as Promise<T>;
    }
    const promise = this.loadThroughCache(key, loader, ttlMs);
    const entry = { promise, since: this.now() };
    this.inflight.set(key, entry);
    try {
      return await promise;
    } finally {
      if (this.inflight.get(key) === entry) {
        this.inflight.delete(key);
      }
    }
  }

  /** Reads a raw cache entry (`undefined` when absent or the cache fails). */
  async peek<T>(key: string): Promise<T | undefined> {
    try {
      const hit = await this.cache.get<{ value?: JsonValue }>(key);
      return hit?.value as T | undefined;
    } catch (error) {
      this.logger?.warn(`Cache read failed for ${key}`, { error: `${error}` });
      return undefined;
    }
  }

  /** Writes a cache entry. */
  async put(key: string, value: unknown, ttlMs: number): Promise<void> {
    try {
      await this.cache.set(key, { value: value as JsonValue }, { ttl: ttlMs });
    } catch (error) {
      this.logger?.warn(`Cache write failed for ${key}`, {
        error: `${error}`,
      });
    }
  }

  /** Removes a cache entry. */
  async delete(key: string): Promise<void> {
    try {
      await this.cache.delete(key);
    } catch (error) {
      this.logger?.warn(`Cache delete failed for ${key}`, {
        error: `${error}`,
      });
    }
  }

  private async loadThroughCache<T>(
    key: string,
    loader: () => Promise<T>,
    ttlMs: (value: T) => number,
  ): Promise<T> {
    try {
      const hit = await this.cache.get<{ value?: JsonValue }>(key);
      if (hit !== undefined && hit !== null && typeof hit === 'object') {
        return hit.value as T;
      }
    } catch (error) {
      this.logger?.warn(`Cache read failed for ${key}`, { error: `${error}` });
    }
    const value = await loader();
    const ttl = ttlMs(value);
    if (ttl > 0) {
      const wrapped: { [key: string]: JsonValue } =
        value === undefined ? {} : { value: value as JsonValue };
      try {
        await this.cache.set(key, wrapped, { ttl });
      } catch (error) {
        this.logger?.warn(`Cache write failed for ${key}`, {
          error: `${error}`,
        });
      }
    }
    return value;
  }
}
