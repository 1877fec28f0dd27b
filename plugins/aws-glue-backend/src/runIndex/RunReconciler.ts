import { LoggerService } from '@backstage/backend-plugin-api';
import { RunIndexConfig } from '../lib/config';
import { ServiceUnavailableError } from '@backstage/errors';
import { GlueRunReader } from './GlueRunReader';
import { RunIndex } from './RunIndex';
import { JobProgress } from './RunStore';
import { SyncedJob } from './SyncedJobs';

/** What one pass did. */
export interface ReconcileReport {
  jobsPolled: number;
  calls: number;
  runsChanged: number;
  /** Account x region units that were throttled (and stopped early). */
  throttled: string[];
  /** Jobs left for the next pass when a unit's budget ran out. */
  deferred: number;
}

/** The freshness mark of the last finished pass. */
export const LAST_RECONCILE_MARK = 'run-index-last-reconciled-at';

/** Runs per GetJobRuns page: a quiet job costs one call a pass. */
const PAGE_SIZE = 50;
/** A backfill reads bigger pages. */
const BACKFILL_PAGE_SIZE = 200;
/** Pages one job may take in one pass, whatever the budget. */
const MAX_PAGES_PER_JOB = 50;

const unitKey = (job: SyncedJob) => `${job.job.accountId}/${job.job.region}`;

/**
 * Fills the gaps EventBridge leaves. Per job, GetJobRuns newest first only
 * until a page holds a run the index already has in an ended state, so a
 * quiet job costs one call; jobs with active runs first, then jobs never
 * seen, then the longest unvisited. Each account x region has a call budget
 * per pass; a throttled unit stops for the pass and its next budget halves
 * (it recovers as passes go clean). First sight of a job backfills what Glue
 * still holds, across passes if the budget runs out. Runs on one replica at
 * a time: the scheduler's task lock, not a lock of its own.
 */
export class RunReconciler {
  /** Budget factor per unit, halved when throttled. */
  private readonly budgetFactor = new Map<string, number>();

  constructor(
    private readonly options: {
      index: RunIndex;
      reader: GlueRunReader;
      logger: LoggerService;
      config: RunIndexConfig;
      now?: () => number;
    },
  ) {}

  /** One pass over every synced job. */
  async reconcile(signal?: AbortSignal): Promise<ReconcileReport> {
    const { index } = this.options;
    const jobs = await index.jobs.all(true);
    const progress = await index.store.progress(jobs.map(j => j.job.arn));
    const active = await index.store.jobsWithActiveRuns();
    const report: ReconcileReport = {
      jobsPolled: 0,
      calls: 0,
      runsChanged: 0,
      throttled: [],
      deferred: 0,
    };
    const units = new Map<string, SyncedJob[]>();
    for (const job of this.ordered(jobs, progress, active)) {
      units.set(unitKey(job), [...(units.get(unitKey(job)) ?? []), job]);
    }
    await Promise.all(
      [...units].map(([unit, unitJobs]) =>
        this.reconcileUnit(unit, unitJobs, progress, report, signal),
      ),
    );
    const retainedFrom =
      (this.options.now ?? Date.now)() -
      this.options.config.retentionDays * 86_400_000;
    await index.store.prune(retainedFrom);
    await index.workflowRuns.prune(retainedFrom);
    await index.store.setMark(
      LAST_RECONCILE_MARK,
      new Date((this.options.now ?? Date.now)()).toISOString(),
    );
    return report;
  }

  /** Active runs first, then never seen, then the longest unvisited. */
  private ordered(
    jobs: SyncedJob[],
    progress: Map<string, JobProgress>,
    active: Set<string>,
  ): SyncedJob[] {
    const rank = (job: SyncedJob) => {
      if (active.has(job.job.arn)) return 0;
      const p = progress.get(job.job.arn);
      if (!p?.backfilled) return 1;
      return 2;
    };
    const visited = (job: SyncedJob) =>
      progress.get(job.job.arn)?.reconciledAt ?? 0;
    return [...jobs].sort(
      (a, b) => rank(a) - rank(b) || visited(a) - visited(b),
    );
  }

  /**
   * One account x region: `runIndex.concurrency` jobs at a time, sharing the
   * unit's budget (a call is counted before it is made, so the budget is
   * never exceeded); a throttled unit stops taking jobs for the pass.
   */
  private async reconcileUnit(
    unit: string,
    jobs: SyncedJob[],
    progress: Map<string, JobProgress>,
    report: ReconcileReport,
    signal?: AbortSignal,
  ): Promise<void> {
    const factor = this.budgetFactor.get(unit) ?? 1;
    const budget = {
      left: Math.max(
        1,
        Math.floor(this.options.config.reconciler.callBudget * factor),
      ),
    };
    let next = 0;
    let throttled = false;
    const worker = async () => {
      while (next < jobs.length && budget.left > 0 && !throttled) {
        signal?.throwIfAborted();
        const job = jobs[next++];
        try {
          // awaited first: `report.calls += await …` would read the count
          // before the await and lose the other workers' calls
          const used = await this.reconcileJob(
            job,
            progress.get(job.job.arn),
            budget,
            report,
          );
          report.calls += used;
          report.jobsPolled += 1;
        } catch (error) {
          if (!(error instanceof ServiceUnavailableError)) {
            this.options.logger.warn(
              `Run index reconciler: could not read runs of ${job.job.arn}: ${error}`,
            );
            continue;
          }
          report.deferred += 1; // not read: the next pass takes it again
          if (!throttled) {
            throttled = true;
            this.options.logger.warn(
              `Run index reconciler: AWS Glue in ${unit} is throttling or unavailable; the pass stops there and the next one makes fewer calls (${error})`,
            );
          }
        }
      }
    };
    const workers = Math.max(1, this.options.config.concurrency);
    await Promise.all(Array.from({ length: workers }, worker));
    report.deferred += jobs.length - next;
    if (throttled) {
      report.throttled.push(unit);
      this.budgetFactor.set(unit, Math.max(0.05, factor / 2));
    } else {
      this.budgetFactor.set(unit, Math.min(1, factor * 2));
    }
  }

  /**
   * Reads one job's runs newest first until a known ended run (or, on a
   * backfill, to the end), taking each call from the unit's budget; returns
   * the calls it made.
   */
  private async reconcileJob(
    synced: SyncedJob,
    progress: JobProgress | undefined,
    budget: { left: number },
    report: ReconcileReport,
  ): Promise<number> {
    const { index, reader, config } = this.options;
    // A job not yet backfilled (first sight, or a pass that ran out of
    // budget) resumes where it stopped, in bigger pages.
    const backfilling = !progress?.backfilled;
    let token = progress?.backfillToken;
    const seen = new Set<string>();
    let calls = 0;
    for (;;) {
      budget.left -= 1;
      calls += 1;
      const page = await reader.getRunsPage(
        synced.job,
        token,
        backfilling ? BACKFILL_PAGE_SIZE : PAGE_SIZE,
      );
      const metKnownEnd = await index.store.hasEndedRun(
        synced.job.arn,
        page.runs.map(r => r.id),
      );
      const changes = await index.record(synced.job, page.runs, true);
      report.runsChanged += changes.length;
      const repeated = page.nextToken !== undefined && seen.has(page.nextToken);
      if (page.nextToken) seen.add(page.nextToken);
      const done =
        !page.nextToken ||
        repeated ||
        metKnownEnd ||
        (backfilling && !config.reconciler.backfill);
      if (done || budget.left <= 0 || calls >= MAX_PAGES_PER_JOB) {
        // not done: the next pass resumes at this token, so nothing between
        // here and the runs already stored is skipped
        await index.store.setProgress(synced.job.arn, {
          reconciledAt: (this.options.now ?? Date.now)(),
          backfilled: done,
          backfillToken: done ? undefined : page.nextToken,
        });
        return calls;
      }
      token = page.nextToken;
    }
  }
}
