/**
 * The opaque `nextToken` of this API: where a listing stopped, wrapping
 * Glue's own page token. Pure.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { InputError } from '@backstage/errors';

/**
 * A position in a Glue listing.
 *
 * @public
 */
export interface Cursor {
  /** Which query the cursor belongs to (see `queryKey`). */
  query: string;
  /** Glue's NextToken of the page to resume in; absent for the first page. */
  glueToken?: string;
  /** How many items of that page were already consumed. */
  offset: number;
  /** The id of the last item returned, to resume exactly after it if the page shifted. */
  after?: string;
}

const VERSION = 2;

/** A fingerprint of the parts of a query a cursor is bound to. */
export function queryKey(...parts: string[]): string {
  return createHash('sha256')
    .update(JSON.stringify(parts))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * Encodes cursors as opaque URL-safe strings, signed (HMAC-SHA256) with a
 * key the plugin keeps, so that a cursor only ever continues its own query:
 * a caller cannot hand in a Glue page token, an offset or a query of its
 * choosing.
 *
 * @public
 */
export class CursorCodec {
  constructor(private readonly key: string) {}

  private sign(payload: string): string {
    return createHmac('sha256', this.key)
      .update(payload)
      .digest('base64url')
      .slice(0, 32);
  }

  /** The cursor as a token. */
  encode(cursor: Cursor): string {
    const payload: Record<string, unknown> = {
      v: VERSION,
      q: cursor.query,
      o: cursor.offset,
    };
    if (cursor.glueToken !== undefined) payload.t = cursor.glueToken;
    if (cursor.after !== undefined) payload.a = cursor.after;
    const json = JSON.stringify(payload);
    return `${Buffer.from(json, 'utf8').toString('base64url')}.${this.sign(
      json,
    )}`;
  }

  /**
   * Decodes a cursor and checks its signature and that it belongs to
   * `expectedQuery`; an `InputError` naming `field` otherwise.
   */
  decode(token: string, expectedQuery: string, field = 'nextToken'): Cursor {
    const invalid = () => new InputError(`${field}: not a valid page token`);
    const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{32})$/.exec(token);
    if (!match) throw invalid();
    const json = Buffer.from(match[1], 'base64url').toString('utf8');
    const expected = Buffer.from(this.sign(json));
    const given = Buffer.from(match[2]);
    if (!timingSafeEqual(expected, given)) throw invalid();
    let payload: any;
    try {
      payload = JSON.parse(json);
    } catch {
      throw invalid();
    }
    if (
      !payload ||
      typeof payload !== 'object' ||
      payload.v !== VERSION ||
      typeof payload.q !== 'string' ||
      !Number.isInteger(payload.o) ||
      payload.o < 0 ||
      (payload.t !== undefined && typeof payload.t !== 'string') ||
      (payload.a !== undefined && typeof payload.a !== 'string')
    ) {
      throw invalid();
    }
    if (payload.q !== expectedQuery) {
      throw new InputError(
        `${field}: the page token belongs to another job, workflow or filter`,
      );
    }
    return {
      query: payload.q,
      offset: payload.o,
      ...(payload.t !== undefined ? { glueToken: payload.t } : {}),
      ...(payload.a !== undefined ? { after: payload.a } : {}),
    };
  }
}

/** One page of a Glue listing, newest first. */
export interface ScanPage<T> {
  items: T[];
  nextToken?: string;
}

/** The result of {@link scanPages}. */
export interface ScanResult<T> {
  items: T[];
  /** Where to resume; absent when the listing is exhausted. */
  next?: Cursor;
  /** Glue pages read (from cache or Glue). */
  pagesRead: number;
}

/**
 * Collects up to `limit` items matching `filter` from a paged Glue listing,
 * starting at `start`, reading at most `maxPages` pages. Returns a cursor
 * that resumes exactly after the last item examined, so that no item is
 * skipped or repeated across calls: after the last returned item when the
 * limit was reached, or at the next page when the scan budget was spent.
 */
export async function scanPages<T>(options: {
  query: string;
  start?: Cursor;
  limit: number;
  maxPages: number;
  idOf: (item: T) => string | undefined;
  filter?: (item: T) => boolean;
  loadPage: (glueToken: string | undefined) => Promise<ScanPage<T>>;
}): Promise<ScanResult<T>> {
  const { query, limit, maxPages, idOf, filter, loadPage } = options;
  let glueToken = options.start?.glueToken;
  let offset = options.start?.offset ?? 0;
  let after = options.start?.after;
  const items: T[] = [];
  let pagesRead = 0;

  for (;;) {
    const page = await loadPage(glueToken);
    pagesRead += 1;
    let index = Math.min(offset, page.items.length);
    if (after !== undefined && index > 0) {
      // New items may have pushed the page down since the cursor was made:
      // resume after the item we returned last, wherever it is now.
      const lastId = after;
      if (idOf(page.items[index - 1]) !== lastId) {
        const found = page.items.findIndex(item => idOf(item) === lastId);
        if (found >= 0) index = found + 1;
      }
    }
    for (; index < page.items.length; index++) {
      const item = page.items[index];
      if (filter && !filter(item)) continue;
      items.push(item);
      if (items.length >= limit) {
        const consumed = index + 1;
        let next: Cursor | undefined;
        if (consumed < page.items.length) {
          next = { query, glueToken, offset: consumed, after: idOf(item) };
          if (next.after === undefined) delete next.after;
          if (next.glueToken === undefined) delete next.glueToken;
        } else if (page.nextToken) {
          next = { query, glueToken: page.nextToken, offset: 0 };
        }
        return { items, next, pagesRead };
      }
    }
    if (!page.nextToken) {
      return { items, pagesRead };
    }
    glueToken = page.nextToken;
    offset = 0;
    after = undefined;
    if (pagesRead >= maxPages) {
      return { items, next: { query, glueToken, offset: 0 }, pagesRead };
    }
  }
}
