/**
 * A paged listing that stopped making sense: a token seen before (the
 * listing would go round for ever, growing memory) or more pages than the
 * configured cap.
 *
 * @public
 */
export class PagingError extends Error {
  constructor(operation: string, problem: string) {
    super(`${operation} paging stopped: ${problem}`);
    this.name = 'PagingError';
  }
}

/**
 * How {@link guardPages} bounds a listing.
 *
 * @public
 */
export interface GuardPagesOptions<P> {
  /** The most pages to read; one more is a {@link PagingError}. */
  maxPages: number;
  /** Checked before every page is handed on. */
  signal?: AbortSignal;
  /** Where the cap is configured, for the error message. */
  maxPagesConfigKey?: string;
  /** The page's token (default its `NextToken`; the tagging API's is `PaginationToken`). */
  tokenOf?: (page: P) => string | undefined;
}

/**
 * Passes the pages of an SDK paginator (or any page stream) on, and stops it
 * with a {@link PagingError} when a `NextToken` repeats (not only the one just
 * before, as the SDK's `stopOnSameToken` does) or the pages exceed
 * `maxPages`, and with the signal's reason when it aborts. Every paging loop
 * of these plugins goes through it.
 *
 * @public
 */
export async function* guardPages<P extends object>(
  operation: string,
  pages: AsyncIterable<P>,
  options: GuardPagesOptions<P>,
): AsyncGenerator<P> {
  const tokenOf =
    options.tokenOf ??
    ((page: P) => (page as { NextToken?: string }).NextToken);
  const seen = new Set<string>();
  let count = 0;
  for await (const page of pages) {
    options.signal?.throwIfAborted();
    count += 1;
    if (count > options.maxPages) {
      throw new PagingError(
        operation,
        `more than ${options.maxPages} pages (raise ${
          options.maxPagesConfigKey ?? 'the page cap'
        } if the account really has that many)`,
      );
    }
    const token = tokenOf(page);
    if (token) {
      if (seen.has(token)) {
        throw new PagingError(
          operation,
          `page ${count} repeats an earlier NextToken`,
        );
      }
      seen.add(token);
    }
    yield page;
  }
}
