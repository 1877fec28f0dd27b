import { guardPages, PagingError } from './paging';

async function* pagesOf(tokens: (string | undefined)[]) {
  for (const [i, NextToken] of tokens.entries()) {
    yield { i, NextToken };
  }
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('guardPages', () => {
  it('passes every page of a listing that ends', async () => {
    const pages = await collect(
      guardPages('GetJobs', pagesOf(['a', 'b', undefined]), { maxPages: 3 }),
    );
    expect(pages.map(p => p.i)).toEqual([0, 1, 2]);
  });

  it('stops on a token seen before, not only the last one', async () => {
    await expect(
      collect(
        guardPages('GetJobs', pagesOf(['a', 'b', 'a', 'b']), { maxPages: 100 }),
      ),
    ).rejects.toThrow(
      new PagingError('GetJobs', 'page 3 repeats an earlier NextToken'),
    );
  });

  it('stops past the page cap', async () => {
    await expect(
      collect(
        guardPages('GetResources', pagesOf(['a', 'b', 'c']), { maxPages: 2 }),
      ),
    ).rejects.toThrow(
      'GetResources paging stopped: more than 2 pages (raise the page cap if the account really has that many)',
    );
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const pages = guardPages('GetJobs', pagesOf(['a', 'b', undefined]), {
      maxPages: 10,
      signal: controller.signal,
    });
    await pages.next();
    controller.abort(new Error('task timed out'));
    await expect(pages.next()).rejects.toThrow('task timed out');
  });
});
