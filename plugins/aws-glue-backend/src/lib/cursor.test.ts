import { InputError } from '@backstage/errors';
import { createHmac } from 'node:crypto';
import { Cursor, CursorCodec, queryKey, ScanPage, scanPages } from './cursor';

interface Item {
  id: string;
  state: string;
}

/** A fake Glue listing: pages of `pageSize`, tokens `p<N>`. */
function listing(items: Item[], pageSize: number) {
  const calls: (string | undefined)[] = [];
  const loadPage = async (
    token: string | undefined,
  ): Promise<ScanPage<Item>> => {
    calls.push(token);
    const page = token ? Number(token.slice(1)) : 0;
    const start = page * pageSize;
    const slice = items.slice(start, start + pageSize);
    return {
      items: slice,
      nextToken: start + pageSize < items.length ? `p${page + 1}` : undefined,
    };
  };
  return { loadPage, calls };
}

const items = (
  n: number,
  stateOf = (i: number) => (i % 3 === 0 ? 'FAILED' : 'SUCCEEDED'),
) =>
  Array.from({ length: n }, (_, i) => ({ id: `jr_${i}`, state: stateOf(i) }));

describe('CursorCodec', () => {
  const codec = new CursorCodec('k'.repeat(32));
  /** A token with a valid signature over any payload (the key is known here). */
  const signed = (payload: string) => {
    const sig = createHmac('sha256', 'k'.repeat(32))
      .update(payload)
      .digest('base64url')
      .slice(0, 32);
    return `${Buffer.from(payload).toString('base64url')}.${sig}`;
  };

  it.each<[string, Cursor]>([
    ['first page offset', { query: 'q1', offset: 3, after: 'jr_2' }],
    [
      'glue token',
      { query: 'q1', glueToken: 'eyJvZmZzZXQiOjIwMH0=', offset: 0 },
    ],
    ['both', { query: 'q1', glueToken: 'tok', offset: 17, after: 'jr_x' }],
  ])('round-trips %s', (_name, cursor) => {
    const token = codec.encode(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(codec.decode(token, 'q1')).toEqual(cursor);
  });

  it.each([
    ['garbage', 'not a token!'],
    [
      'unsigned (the old format)',
      Buffer.from('{"v":1,"q":"q1","o":0}').toString('base64url'),
    ],
    ['not JSON', signed('hello')],
    ['wrong version', signed('{"v":1,"q":"q1","o":0}')],
    ['negative offset', signed('{"v":2,"q":"q1","o":-1}')],
    ['non-string token', signed('{"v":2,"q":"q1","o":0,"t":5}')],
  ])('rejects %s', (_name, token) => {
    expect(() => codec.decode(token, 'q1')).toThrow(InputError);
    expect(() => codec.decode(token, 'q1')).toThrow(
      'nextToken: not a valid page token',
    );
  });

  it("rejects a cursor whose payload was changed (a Glue token of the caller's choosing)", () => {
    const token = codec.encode({ query: 'q1', glueToken: 'mine', offset: 0 });
    const [, sig] = token.split('.');
    const forged = `${Buffer.from(
      '{"v":2,"q":"q1","o":0,"t":"0:theirs"}',
    ).toString('base64url')}.${sig}`;
    expect(() => codec.decode(forged, 'q1')).toThrow(
      'nextToken: not a valid page token',
    );
  });

  it('rejects a cursor signed with another key', () => {
    const other = new CursorCodec('x'.repeat(32));
    expect(() =>
      codec.decode(other.encode({ query: 'q1', offset: 0 }), 'q1'),
    ).toThrow('nextToken: not a valid page token');
  });

  it('rejects a cursor of another query', () => {
    const token = codec.encode({ query: queryKey('runs', 'arn:a'), offset: 1 });
    expect(() => codec.decode(token, queryKey('runs', 'arn:b'))).toThrow(
      'nextToken: the page token belongs to another job, workflow or filter',
    );
  });

  it('makes distinct query keys, also for parts that contain the old separator', () => {
    expect(queryKey('runs', 'arn:a', '')).not.toBe(
      queryKey('runs', 'arn:a', 'FAILED'),
    );
    expect(queryKey('runs', 'arn:a', '')).toBe(queryKey('runs', 'arn:a', ''));
    expect(queryKey('runs', 'job/ops-report:0', '')).not.toBe(
      queryKey('runs', 'job/ops-report', '0:'),
    );
  });
});

describe('scanPages', () => {
  const idOf = (item: Item) => item.id;
  const codec = new CursorCodec('k'.repeat(32));

  /** Pages through everything, returning the ids seen, page by page. */
  async function pageThrough(
    all: Item[],
    pageSize: number,
    limit: number,
    filter?: (item: Item) => boolean,
    maxPages = 5,
  ) {
    const { loadPage } = listing(all, pageSize);
    const pages: string[][] = [];
    let start: Cursor | undefined;
    for (let i = 0; i < 1000; i++) {
      const result = await scanPages({
        query: 'q',
        start,
        limit,
        maxPages,
        idOf,
        filter,
        loadPage,
      });
      pages.push(result.items.map(idOf));
      // every cursor goes through the opaque encoding and back
      start = result.next
        ? codec.decode(codec.encode(result.next), 'q')
        : undefined;
      if (!start) break;
    }
    return pages;
  }

  it.each([
    [10, 200, 25],
    [450, 200, 25],
    [450, 200, 200],
    [450, 200, 1],
    [401, 200, 200],
    [7, 3, 2],
    [0, 200, 25],
  ])(
    '%d runs in pages of %d, limit %d: every run exactly once, in order',
    async (count, pageSize, limit) => {
      const all = items(count);
      const pages = await pageThrough(all, pageSize, limit);
      expect(pages.flat()).toEqual(all.map(idOf));
      for (const page of pages.slice(0, -1)) {
        expect(page.length).toBeLessThanOrEqual(limit);
      }
    },
  );

  it.each([
    [450, 200, 25, 5],
    [2000, 200, 10, 2],
    [2000, 200, 200, 5],
  ])(
    'with a state filter (%d runs, pages %d, limit %d, budget %d): every match exactly once',
    async (count, pageSize, limit, budget) => {
      const all = items(count);
      const failed = (item: Item) => item.state === 'FAILED';
      const pages = await pageThrough(all, pageSize, limit, failed, budget);
      expect(pages.flat()).toEqual(all.filter(failed).map(idOf));
    },
  );

  it('stops at the scan budget with a cursor at the next page', async () => {
    const all = items(2000, i => (i === 1500 ? 'FAILED' : 'SUCCEEDED'));
    const { loadPage, calls } = listing(all, 200);
    const result = await scanPages({
      query: 'q',
      limit: 25,
      maxPages: 5,
      idOf,
      filter: item => item.state === 'FAILED',
      loadPage,
    });
    expect(result.items).toEqual([]);
    expect(result.pagesRead).toBe(5);
    expect(calls).toEqual([undefined, 'p1', 'p2', 'p3', 'p4']);
    expect(result.next).toEqual({ query: 'q', glueToken: 'p5', offset: 0 });

    const second = await scanPages({
      query: 'q',
      start: result.next,
      limit: 25,
      maxPages: 5,
      idOf,
      filter: item => item.state === 'FAILED',
      loadPage,
    });
    expect(second.items).toEqual([{ id: 'jr_1500', state: 'FAILED' }]);
    expect(second.next).toBeUndefined();
  });

  it('resumes after the last returned run when new runs pushed the first page down', async () => {
    const old = items(10);
    const first = await scanPages({
      query: 'q',
      limit: 4,
      maxPages: 5,
      idOf,
      loadPage: listing(old, 200).loadPage,
    });
    expect(first.items.map(idOf)).toEqual(['jr_0', 'jr_1', 'jr_2', 'jr_3']);
    expect(first.next).toEqual({ query: 'q', offset: 4, after: 'jr_3' });

    // two new runs arrive at the top (newest first)
    const shifted = [
      { id: 'jr_new2', state: 'RUNNING' },
      { id: 'jr_new1', state: 'RUNNING' },
      ...old,
    ];
    const second = await scanPages({
      query: 'q',
      start: first.next,
      limit: 4,
      maxPages: 5,
      idOf,
      loadPage: listing(shifted, 200).loadPage,
    });
    expect(second.items.map(idOf)).toEqual(['jr_4', 'jr_5', 'jr_6', 'jr_7']);
  });
});
