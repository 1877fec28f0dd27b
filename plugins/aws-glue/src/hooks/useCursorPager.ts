import { useCallback, useMemo, useState } from 'react';

/** State of {@link useCursorPager}. */
export interface CursorPagerState {
  /** The cursor of the current page; undefined on the first page. */
  cursor?: string;
  /** The current page, 1 for the first. */
  page: number;
  /** Back to the previous page; undefined on the first. */
  previous?: () => void;
  /** On to the page of `cursor` (the current page's `nextToken`). */
  next: (cursor: string) => void;
  /** Back to the first page. */
  reset: () => void;
}

/**
 * Paging by cursors (Glue's `nextToken`), which only lead forward: a stack
 * of the cursors of the pages visited, the last one the current page.
 */
export function useCursorPager(): CursorPagerState {
  const [cursors, setCursors] = useState<string[]>([]);
  const previous = useCallback(() => setCursors(c => c.slice(0, -1)), []);
  const next = useCallback(
    (cursor: string) => setCursors(c => [...c, cursor]),
    [],
  );
  const reset = useCallback(() => setCursors(c => (c.length ? [] : c)), []);
  return useMemo(
    () => ({
      cursor: cursors[cursors.length - 1],
      page: cursors.length + 1,
      previous: cursors.length > 0 ? previous : undefined,
      next,
      reset,
    }),
    [cursors, previous, next, reset],
  );
}
