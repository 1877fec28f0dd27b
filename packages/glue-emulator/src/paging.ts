/*
 * Opaque paging tokens: base64url of an offset into a pre-sorted list plus a
 * fingerprint of the request (operation, region, filters), so a token cannot
 * be replayed against another listing.
 */
import { GlueError, invalidInput } from './errors';
import { hashString } from './random';

interface TokenBody {
  /** Offset into the sorted list. */
  o: number;
  /** Fingerprint of the listing. */
  f: string;
  /** Size of a newest-first list when paging started (keeps pages stable). */
  n?: number;
}

/** A short fingerprint of a listing. */
export function fingerprint(...parts: unknown[]): string {
  return hashString(JSON.stringify(parts)).toString(36);
}

export function encodeToken(
  offset: number,
  print: string,
  size?: number,
): string {
  const body: TokenBody = { o: offset, f: print };
  if (size !== undefined) body.n = size;
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** Decodes a token; throws when it is not one of ours or belongs to another listing. */
export function decodeToken(
  token: string | undefined,
  print: string,
  makeError: (message: string) => GlueError = invalidInput,
): { offset: number; size?: number } | undefined {
  if (token === undefined || token === '') return undefined;
  let body: TokenBody | undefined;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    body = undefined;
  }
  if (
    !body ||
    typeof body.o !== 'number' ||
    !Number.isInteger(body.o) ||
    body.o < 0 ||
    body.f !== print ||
    (body.n !== undefined && (!Number.isInteger(body.n) || body.n < 0))
  ) {
    throw makeError('Invalid pagination token');
  }
  return { offset: body.o, size: body.n };
}

/** One page of a list starting at `offset`. */
export function pageOf<T>(
  list: readonly T[],
  offset: number,
  limit: number,
): { items: T[]; next?: number } {
  const items = list.slice(offset, offset + limit);
  const next = offset + limit < list.length ? offset + limit : undefined;
  return { items, next };
}

/**
 * One page of the items of `list` that match, scanning from `offset`. The
 * returned offset is where the next match is, so paging costs O(list) overall.
 */
export function scanPage<T>(
  list: readonly T[],
  offset: number,
  limit: number,
  matches: (item: T) => boolean,
): { items: T[]; next?: number } {
  const items: T[] = [];
  let i = offset;
  for (; i < list.length && items.length < limit; i++) {
    if (matches(list[i])) items.push(list[i]);
  }
  for (; i < list.length; i++) {
    if (matches(list[i])) return { items, next: i };
  }
  return { items };
}
