/**
 * Run history past Glue's own: Glue keeps job and workflow runs for a
 * limited time (90 days for job runs), the run index keeps them for
 * `runIndex.retentionDays`. A listing reads Glue's pages first and, after
 * Glue's last page, goes on in the store from the oldest run Glue returned.
 * Store pages are keyed by start time, then id, both descending.
 */

/** A run as both sources list it. */
export interface ListedRun {
  id: string;
  startedOn?: string;
}

/**
 * Where a store page starts: after this run, newest first.
 *
 * @public
 */
export interface StoredRunsAfter {
  startedAt: number;
  runId: string;
}

/** One page of a listing, and the token of the next. */
export interface ListedPage<T> {
  items: T[];
  nextToken?: string;
}

/**
 * The run index's tokens start with this; Glue's NextToken never has a
 * space. Tokens go out only inside a signed cursor.
 */
const STORE_TOKEN = 'run index:';

/** A token that resumes in the store after this run. */
const storeToken = (run: ListedRun) =>
  `${STORE_TOKEN}${Date.parse(run.startedOn ?? '') || 0}:${run.id}`;

function parseStoreToken(token: string): StoredRunsAfter | undefined {
  const rest = token.slice(STORE_TOKEN.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return undefined;
  const startedAt = Number(rest.slice(0, colon));
  if (!Number.isFinite(startedAt)) return undefined;
  return { startedAt, runId: rest.slice(colon + 1) };
}

/**
 * The page of a listing at `token`: Glue's (`glue`) until its last page,
 * then the store's (`stored`, `pageSize` runs a page). Without a store, only
 * Glue's. A token is opaque to callers (the routes sign it in a cursor).
 */
export async function pageThroughStore<T extends ListedRun>(
  token: string | undefined,
  sources: {
    glue: (glueToken: string | undefined) => Promise<{
      runs: T[];
      nextToken?: string;
    }>;
    stored?: (options: {
      limit: number;
      before?: StoredRunsAfter;
    }) => Promise<T[]>;
    pageSize: number;
  },
): Promise<ListedPage<T>> {
  const { stored, pageSize } = sources;
  if (stored && token?.startsWith(STORE_TOKEN)) {
    const runs = await stored({
      limit: pageSize,
      before: parseStoreToken(token),
    });
    const last = runs[runs.length - 1];
    return {
      items: runs,
      ...(runs.length === pageSize && last
        ? { nextToken: storeToken(last) }
        : {}),
    };
  }
  const page = await sources.glue(token);
  if (page.nextToken || !stored) {
    return { items: page.runs, nextToken: page.nextToken };
  }
  // Glue's last page: more only if the store holds older runs
  const oldest = page.runs[page.runs.length - 1];
  const before = oldest ? parseStoreToken(storeToken(oldest)) : undefined;
  const older = await stored({ limit: 1, before });
  return {
    items: page.runs,
    ...(older.length > 0
      ? { nextToken: oldest ? storeToken(oldest) : STORE_TOKEN }
      : {}),
  };
}
