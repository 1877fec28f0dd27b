import { LoggerService } from '@backstage/backend-plugin-api';
import { isActiveRunState } from '@aws-glue-backstage/plugin-aws-glue-common';
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
    await index.store.prune(
      (this.options.now ?? Date.now)() -
        this.options.config.retentionDays * 86_400_000,
    );
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

  private async reconcileUnit(
    unit: string,
    jobs: SyncedJob[],
    progress: Map<string, JobProgress>,
    report: ReconcileReport,
    signal?: AbortSignal,
  ): Promise<void> {
    const factor = this.budgetFactor.get(unit) ?? 1;
    let budget = Math.max(
      1,
      Math.floor(this.options.config.reconciler.callBudget * factor),
    );
    for (let i = 0; i < jobs.length; i++) {
      signal?.throwIfAborted();
      if (budget <= 0) {
        report.deferred += jobs.length - i;
        break;
      }
      try {
        const used = await this.reconcileJob(
          jobs[i],
          progress.get(jobs[i].job.arn),
          budget,
          report,
        );
        budget -= used;
        report.calls += used;
        report.jobsPolled += 1;
      } catch (error) {
        if (error instanceof ServiceUnavailableError) {
          // throttled or unavailable: stop this unit for the pass, slow down
          report.throttled.push(unit);
          report.deferred += jobs.length - i;
          this.budgetFactor.set(unit, Math.max(0.05, factor / 2));
          this.options.logger.warn(
            `Run index reconciler: AWS Glue in ${unit} is throttling or unavailable; the pass stops there and the next one makes fewer calls (${error})`,
          );
          return;
        }
        this.options.logger.warn(
          `Run index reconciler: could not read runs of ${jobs[i].job.arn}: ${error}`,
        );
      }
    }
    this.budgetFactor.set(unit, Math.min(1, factor * 2));
  }

  /**
   * Reads one job's runs newest first until a known ended run (or, on a
   * backfill, to the end); returns the calls it made.
   */
  private async reconcileJob(
    synced: SyncedJob,
    progress: JobProgress | undefined,
    budget: number,
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
      const page = await reader.getRunsPage(
        synced.job,
        token,
        backfilling ? BACKFILL_PAGE_SIZE : PAGE_SIZE,
      );
      calls += 1;
      const known = await index.store.getRuns(
        synced.job.arn,
        page.runs.map(r => r.id),
      );
      const changes = await index.record(synced.job, page.runs, true);
      report.runsChanged += changes.length;
      const metKnownEnd = known.some(
        k => k.complete && !isActiveRunState(k.run.state),
      );
      const repeated = page.nextToken !== undefined && seen.has(page.nextToken);
      if (page.nextToken) seen.add(page.nextToken);
      const done =
        !page.nextToken ||
        repeated ||
        metKnownEnd ||
        (backfilling && !config.reconciler.backfill);
      if (done || calls >= budget || calls >= MAX_PAGES_PER_JOB) {
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
