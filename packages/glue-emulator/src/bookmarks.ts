/*
 * Job bookmarks: a JobBookmarkEntry per bookmark-enabled job, advanced by each
 * successful run whose effective `--job-bookmark-option` (the job's default
 * or the run's own) is `job-bookmark-enable`
 * (`job-bookmark-pause` and `job-bookmark-disable` runs leave it alone).
 */
import type { BookmarkState, JobRecord, RunRecord } from './model';
import type { GlueJobBookmarkEntry, GlueJobRun, StringMap } from './types';

export const BOOKMARK_OPTION = '--job-bookmark-option';

/** Whether a run with these effective arguments moves the bookmark when it succeeds. */
export function advancesBookmark(effectiveArgs: StringMap): boolean {
  return effectiveArgs[BOOKMARK_OPTION] === 'job-bookmark-enable';
}

function bookmarkJson(
  run: GlueJobRun,
  runNumber: number,
  version: number,
): string {
  const startedIso = new Date(run.StartedOn * 1000).toISOString();
  const highBand = Math.round((run.CompletedOn ?? run.StartedOn) * 1000);
  return JSON.stringify({
    datasource0: {
      jsonClass: 'HadoopDataSourceJobBookmarkState',
      timestamps: {
        RUN: String(runNumber),
        HIGH_BAND: '900000',
        CURR_LATEST_PARTITION: String(highBand),
        CURR_RUN_START_TIME: startedIso,
        INCLUDE_LIST: '',
      },
      version,
    },
  });
}

/** Applies a successful run to the bookmark (creating it if needed). */
export function advanceBookmark(job: JobRecord, run: GlueJobRun) {
  const current = job.bookmark?.entry;
  const version = (current?.Version ?? 0) + 1;
  const runNumber = (current?.Run ?? 0) + 1;
  const entry: GlueJobBookmarkEntry = {
    JobName: job.name,
    Version: version,
    Run: runNumber,
    Attempt: run.Attempt,
    PreviousRunId: current?.RunId,
    RunId: run.Id,
    JobBookmark: bookmarkJson(run, runNumber, version),
  };
  if (entry.PreviousRunId === undefined) delete entry.PreviousRunId;
  if (!job.bookmark) {
    job.bookmark = { entry, byRunId: new Map() };
  } else {
    job.bookmark.entry = entry;
  }
  job.bookmark.byRunId.set(run.Id, entry);
}

/** Builds the initial bookmark from a job's (ascending) history. */
export function bookmarkFromHistory(job: JobRecord, runs: RunRecord[]) {
  for (const r of runs) {
    if (
      r.run.JobRunState === 'SUCCEEDED' &&
      advancesBookmark(r.effectiveArgs)
    ) {
      advanceBookmark(job, r.run);
    }
  }
}

/**
 * Resets the bookmark. Without a run id the state is emptied; with one it is
 * rewound to the state right after that run. Returns undefined when there is
 * nothing to reset (no bookmark, or an unknown run id).
 */
export function resetBookmark(
  state: BookmarkState,
  runId?: string,
): GlueJobBookmarkEntry | undefined {
  const current = state.entry;
  let entry: GlueJobBookmarkEntry;
  if (runId !== undefined) {
    const at = state.byRunId.get(runId);
    if (!at) return undefined;
    entry = { ...at, Version: current.Version + 1 };
  } else {
    entry = {
      ...current,
      Version: current.Version + 1,
      Run: 0,
      JobBookmark: '{}',
    };
  }
  state.entry = entry;
  return entry;
}
