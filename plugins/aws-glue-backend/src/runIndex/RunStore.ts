import { Knex } from 'knex';
import { StoredRunsAfter } from '../lib/storePages';
import { chunks, ms, newestFirstAfter } from './sql';
import { runStateRank } from '@aws-glue-backstage/plugin-aws-glue-common';
import { JobRef, StoredJobRun } from '../lib/shapes';
import { durationOf } from './aggregate';

/**
 * A stored run with the columns the queries use.
 *
 * @public
 */
export interface IndexedRun {
  jobArn: string;
  run: StoredJobRun;
  /** False while only an event was seen (no timing, no DPU). */
  complete: boolean;
}

/**
 * A run whose stored state changed with an upsert.
 *
 * @public
 */
export interface RunChange {
  job: JobRef;
  run: StoredJobRun;
  /** The state stored before; absent for a run seen the first time. */
  previousState?: string;
  /**
   * Whether the row now comes from Glue's own run (GetJobRun, GetJobRuns),
   * not only an event. A row that becomes complete is a change too.
   */
  complete: boolean;
}

/**
 * A stored run of a job, for aggregates.
 *
 * @public
 */
export interface RunFacts {
  jobArn: string;
  run: StoredJobRun;
}

/**
 * The state and start (ms, 0 when unknown) of a job's newest run.
 *
 * @public
 */
export interface LatestRunState {
  state: string;
  startedAt: number;
}

/**
 * What a notification of a run is about (one of each per run).
 *
 * @public
 */
export type NotificationKind = 'failure' | 'recovery' | 'late';

/**
 * The reconciler's progress on one job.
 *
 * @public
 */
export interface JobProgress {
  reconciledAt?: number;
  backfilled: boolean;
  backfillToken?: string;
}

const RUNS = 'aws_glue_job_runs';
/** The fleet table: this store writes its newest-run columns only (see FleetJobs). */
const LATEST = 'aws_glue_fleet_jobs';
const LATEST_RUN_COLUMNS = ['run_id', 'started_at', 'state', 'state_rank'];
const PROGRESS = 'aws_glue_index_jobs';
const NOTIFIED = 'aws_glue_run_notifications';
const CRAWLS = 'aws_glue_crawls';
const SETTINGS = 'aws_glue_settings';

/** Rows per multi-row insert (16 columns: well under SQLite's 999 variables). */
const INSERT_BATCH = 50;

const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

/** One run per id (a page may repeat one): the highest-ranking state. */
function highestOfEach(runs: StoredJobRun[]): StoredJobRun[] {
  const byId = new Map<string, StoredJobRun>();
  for (const run of runs) {
    const seen = byId.get(run.id);
    if (!seen || runStateRank(run.state!) >= runStateRank(seen.state!)) {
      byId.set(run.id, run);
    }
  }
  return [...byId.values()];
}

/**
 * The run index's tables (`coreServices.database`, so SQLite in the demo and
 * PostgreSQL in production). Every write is idempotent and monotonic: the
 * same run in the same state changes nothing, a run never goes back to an
 * earlier state (see `runStateRank`), and a complete row (from GetJobRun or
 * GetJobRuns) is never replaced by an event's partial one.
 *
 * @public
 */
export class RunStore {
  constructor(
    private readonly knex: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Stores runs of one job; returns those whose stored state changed. A
   * concurrent writer (another replica) may win a race: the conditional
   * update keeps whichever state ranks higher.
   */
  async upsertRuns(
    job: JobRef,
    runs: StoredJobRun[],
    complete: boolean,
  ): Promise<RunChange[]> {
    const valid = highestOfEach(runs.filter(run => run.id && run.state));
    if (valid.length === 0) return [];
    const existing = await this.existing(
      job.arn,
      valid.map(run => run.id),
    );
    const changes: RunChange[] = [];
    const fresh = valid.filter(run => !existing.has(run.id));
    const inserted = new Set<string>();
    for (const batch of chunks(fresh, INSERT_BATCH)) {
      const ids = await this.knex(RUNS)
        .insert(batch.map(run => this.rowOf(job, run, complete)))
        .onConflict(['job_arn', 'run_id'])
        .ignore()
        .returning('run_id');
      for (const id of ids)
        inserted.add(typeof id === 'string' ? id : id.run_id);
    }
    /** The state each run now has in the store, for its job's latest row. */
    const stored = new Map<string, string>();
    for (const run of valid) {
      const before = existing.get(run.id);
      stored.set(run.id, run.state!);
      if (inserted.has(run.id)) {
        changes.push({ job, run, complete });
      } else if (!before) {
        // another writer inserted it meanwhile: the conditional update decides
        const row = this.rowOf(job, run, complete);
        if (!(await this.update(job, run, row))) {
          const now = (await this.existing(job.arn, [run.id])).get(run.id);
          if (now) stored.set(run.id, now.state);
        }
      } else {
        const row = this.rowOf(job, run, complete);
        if (!this.supersedes(row, before)) {
          if (row.state_rank < before.state_rank) {
            stored.set(run.id, before.state);
          }
          continue;
        }
        const updated = await this.update(job, run, row);
        const completed = complete && !before.complete;
        if (updated && (before.state !== run.state || completed)) {
          changes.push({ job, run, previousState: before.state, complete });
        }
      }
    }
    await this.updateLatest(job.arn, valid, stored);
    return changes;
  }

  /**
   * Whether any of these runs is stored complete in an ended state: where
   * the reconciler's newest-first read of a job may stop.
   */
  async hasEndedRun(jobArn: string, runIds: string[]): Promise<boolean> {
    for (const ids of chunks(runIds)) {
      const row = await this.knex(RUNS)
        .where({ job_arn: jobArn, complete: true })
        .whereIn('run_id', ids)
        .andWhere('state_rank', '>=', runStateRank('SUCCEEDED'))
        .first('run_id');
      if (row) return true;
    }
    return false;
  }

  /** The stored runs of a job with these ids. */
  async getRuns(jobArn: string, runIds: string[]): Promise<IndexedRun[]> {
    const rows = [];
    for (const ids of chunks(runIds)) {
      rows.push(
        ...(await this.knex(RUNS)
          .where({ job_arn: jobArn })
          .whereIn('run_id', ids)
          .select('job_arn', 'run', 'complete')),
      );
    }
    return rows.map(row => this.indexed(row));
  }

  /**
   * The state and start of each job's newest run, without the run itself:
   * what a fleet view needs to count, filter and sort thousands of jobs. One
   * small table, no join with the runs.
   */
  async latestStates(): Promise<Map<string, LatestRunState>> {
    const rows = await this.knex(LATEST)
      .whereNotNull('state')
      .select('job_arn', 'state', 'started_at');
    return new Map(
      rows.map(row => [
        row.job_arn as string,
        { state: row.state as string, startedAt: Number(row.started_at) },
      ]),
    );
  }

  /** The newest run of each of these jobs (a page of a fleet view). */
  async latestRuns(jobArns: string[]): Promise<Map<string, StoredJobRun>> {
    const result = new Map<string, StoredJobRun>();
    for (const chunk of chunks(jobArns)) {
      const rows = await this.latestJoin()
        .whereIn('l.job_arn', chunk)
        .select('r.job_arn', 'r.run');
      for (const row of rows) result.set(row.job_arn, JSON.parse(row.run));
    }
    return result;
  }

  private latestJoin() {
    return this.knex(`${LATEST} as l`).join(`${RUNS} as r`, function on() {
      this.on('r.job_arn', '=', 'l.job_arn').andOn('r.run_id', '=', 'l.run_id');
    });
  }

  /**
   * A job's runs newest first, after `before` (the last run of the previous
   * page), for history Glue no longer holds.
   */
  async listRuns(
    jobArn: string,
    options: { limit: number; before?: StoredRunsAfter },
  ): Promise<StoredJobRun[]> {
    const query = this.knex(RUNS)
      .where({ job_arn: jobArn })
      .limit(options.limit)
      .select('run');
    newestFirstAfter(query, options.before, 'run_id');
    return (await query).map(row => JSON.parse(row.run));
  }

  /** The newest SUCCEEDED run of a job that started before `beforeMs`. */
  async lastSucceededBefore(
    jobArn: string,
    beforeMs: number,
  ): Promise<StoredJobRun | undefined> {
    const row = await this.knex(RUNS)
      .where({ job_arn: jobArn, state: 'SUCCEEDED' })
      .andWhere('started_at', '<', beforeMs)
      .orderBy('started_at', 'desc')
      .first('run');
    return row ? JSON.parse(row.run) : undefined;
  }

  /**
   * When the newest SUCCEEDED run of each of these jobs ended (ms; its
   * start when the end is unknown), over the whole stored history.
   */
  async lastSucceededAt(jobArns: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    for (const arns of chunks(jobArns)) {
      const rows: { job_arn: string; at: string | number | null }[] =
        await this.knex(RUNS)
          .whereIn('job_arn', arns)
          .andWhere({ state: 'SUCCEEDED' })
          .groupBy('job_arn')
          .select(
            'job_arn',
            this.knex.raw('max(coalesce(completed_at, started_at)) as at'),
          );
      for (const row of rows) {
        if (row.at !== null) result.set(row.job_arn, Number(row.at));
      }
    }
    return result;
  }

  /** Facts of the runs of these jobs started since `sinceMs`. */
  async runFacts(jobArns: string[], sinceMs: number): Promise<RunFacts[]> {
    const facts: RunFacts[] = [];
    for (const arns of chunks(jobArns)) {
      const rows = await this.knex(RUNS)
        .whereIn('job_arn', arns)
        .andWhere('started_at', '>=', sinceMs)
        .select('job_arn', 'run');
      for (const row of rows) {
        facts.push({ jobArn: row.job_arn, run: JSON.parse(row.run) });
      }
    }
    return facts;
  }

  /** Ended runs of these jobs in these states completed since `sinceMs`. */
  async countEndedSince(
    states: readonly string[],
    sinceMs: number,
    jobArns: string[],
  ): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    for (const arns of chunks(jobArns)) {
      const rows: { job_arn: string; count: string | number }[] =
        await this.knex(RUNS)
          .whereIn('job_arn', arns)
          .whereIn('state', states as string[])
          .andWhere('completed_at', '>=', sinceMs)
          .groupBy('job_arn')
          .select('job_arn', this.knex.raw('count(*) as count'));
      for (const row of rows) result.set(row.job_arn, Number(row.count));
    }
    return result;
  }

  /** Jobs (of these) that have a run in a state that may still change. */
  async jobsWithActiveRuns(): Promise<Set<string>> {
    const rows = await this.knex(RUNS)
      .where('state_rank', '<', runStateRank('SUCCEEDED'))
      .distinct('job_arn');
    return new Set(rows.map(row => row.job_arn as string));
  }

  /** Runs stored, all jobs. */
  async countRuns(): Promise<number> {
    const [row] = await this.knex(RUNS).count({ count: '*' });
    return Number(row.count);
  }

  /**
   * Claims the right to send one notification of a run: true for exactly
   * one caller, whichever replica or feed asks first.
   */
  async claimNotification(
    jobArn: string,
    runId: string,
    kind: NotificationKind,
  ): Promise<boolean> {
    const inserted = await this.knex(NOTIFIED)
      .insert({ job_arn: jobArn, run_id: runId, kind, sent_at: this.now() })
      .onConflict(['job_arn', 'run_id', 'kind'])
      .ignore()
      .returning('run_id');
    return inserted.length > 0;
  }

  /** Whether a notification of this kind was sent for the run. */
  async wasNotified(
    jobArn: string,
    runId: string,
    kind: NotificationKind,
  ): Promise<boolean> {
    const row = await this.knex(NOTIFIED)
      .where({ job_arn: jobArn, run_id: runId, kind })
      .first('run_id');
    return row !== undefined;
  }

  /** The reconciler's progress on these jobs. */
  async progress(jobArns: string[]): Promise<Map<string, JobProgress>> {
    const result = new Map<string, JobProgress>();
    for (const arns of chunks(jobArns)) {
      const rows = await this.knex(PROGRESS).whereIn('job_arn', arns);
      for (const row of rows) {
        result.set(row.job_arn, {
          reconciledAt: num(row.reconciled_at),
          backfilled: Boolean(row.backfilled),
          backfillToken: row.backfill_token ?? undefined,
        });
      }
    }
    return result;
  }

  async setProgress(jobArn: string, progress: JobProgress): Promise<void> {
    await this.knex(PROGRESS)
      .insert({
        job_arn: jobArn,
        reconciled_at: progress.reconciledAt ?? null,
        backfilled: progress.backfilled,
        backfill_token: progress.backfillToken ?? null,
      })
      .onConflict('job_arn')
      .merge();
  }

  /** Stores a crawl's state from an event (monotonic like runs). */
  async upsertCrawl(crawl: {
    crawlerArn: string;
    accountId: string;
    region: string;
    crawlerName: string;
    startedAt: number;
    state: 'Started' | 'Succeeded' | 'Failed';
    completedAt?: number;
    errorMessage?: string;
  }): Promise<void> {
    const rank = crawl.state === 'Started' ? 1 : 4;
    const row = {
      crawler_arn: crawl.crawlerArn,
      started_at: crawl.startedAt,
      account_id: crawl.accountId,
      region: crawl.region,
      crawler_name: crawl.crawlerName,
      state: crawl.state,
      state_rank: rank,
      completed_at: crawl.completedAt ?? null,
      error_message: crawl.errorMessage ?? null,
      updated_at: this.now(),
    };
    await this.knex(CRAWLS)
      .insert(row)
      .onConflict(['crawler_arn', 'started_at'])
      .merge()
      .where(`${CRAWLS}.state_rank`, '<', rank);
  }

  /** A crawler's crawls newest first. */
  async listCrawls(crawlerArn: string, limit: number) {
    return this.knex(CRAWLS)
      .where({ crawler_arn: crawlerArn })
      .orderBy('started_at', 'desc')
      .limit(limit);
  }

  /** Deletes runs and crawls that started before `beforeMs` (retention). */
  async prune(beforeMs: number): Promise<number> {
    const runs = await this.knex(RUNS).where('started_at', '<', beforeMs).del();
    await this.knex(CRAWLS).where('started_at', '<', beforeMs).del();
    // a job whose newest run is gone keeps its synced facts, not the run
    await this.knex(LATEST)
      .whereNotNull('run_id')
      .whereNotExists(
        this.knex(RUNS)
          .whereRaw(`${RUNS}.job_arn = ${LATEST}.job_arn`)
          .andWhereRaw(`${RUNS}.run_id = ${LATEST}.run_id`)
          .select('run_id'),
      )
      .update(Object.fromEntries(LATEST_RUN_COLUMNS.map(c => [c, null])));
    await this.knex(LATEST).whereNull('entity_ref').whereNull('run_id').del();
    return runs;
  }

  /** A value the index keeps (freshness marks). */
  async getMark(name: string): Promise<string | undefined> {
    const row = await this.knex(SETTINGS).where({ name }).first('value');
    return row?.value;
  }

  async setMark(name: string, value: string): Promise<void> {
    await this.knex(SETTINGS)
      .insert({ name, value })
      .onConflict('name')
      .merge();
  }

  private async existing(
    jobArn: string,
    runIds: string[],
  ): Promise<
    Map<string, { state: string; state_rank: number; complete: boolean }>
  > {
    const result = new Map();
    for (const ids of chunks(runIds)) {
      const rows = await this.knex(RUNS)
        .where({ job_arn: jobArn })
        .whereIn('run_id', ids)
        .select('run_id', 'state', 'state_rank', 'complete');
      for (const row of rows) {
        result.set(row.run_id, {
          state: row.state,
          state_rank: Number(row.state_rank),
          complete: Boolean(row.complete),
        });
      }
    }
    return result;
  }

  /** A higher state, or the same state with details where there were none. */
  private supersedes(
    row: ReturnType<RunStore['rowOf']>,
    before: { state_rank: number; complete: boolean; state: string },
  ): boolean {
    if (row.state_rank > before.state_rank) return true;
    if (row.state_rank < before.state_rank) return false;
    if (row.state_rank < runStateRank('SUCCEEDED')) {
      // still active: newer timing (execution time so far) is worth keeping
      return row.complete || !before.complete;
    }
    return row.complete && !before.complete;
  }

  /** The conditional update: never to a lower rank, never complete → partial. */
  private async update(
    job: JobRef,
    run: StoredJobRun,
    row: ReturnType<RunStore['rowOf']>,
  ): Promise<boolean> {
    const count = await this.knex(RUNS)
      .where({ job_arn: job.arn, run_id: run.id })
      .andWhere(q => {
        q.where('state_rank', '<', row.state_rank);
        if (row.complete) {
          q.orWhere('state_rank', '=', row.state_rank);
        } else {
          q.orWhere(same =>
            same
              .where('state_rank', '=', row.state_rank)
              .andWhere('complete', '=', false),
          );
        }
      })
      .update(row);
    return count > 0;
  }

  /**
   * Points the job's latest run at the newest of these, if newer, with the
   * state it has in the store; the same run only ever moves to a later
   * state (a concurrent writer with an older view loses).
   */
  private async updateLatest(
    jobArn: string,
    runs: StoredJobRun[],
    stored: Map<string, string>,
  ) {
    let newest: { runId: string; startedAt: number } | undefined;
    for (const run of runs) {
      const startedAt = ms(run.startedOn);
      if (startedAt !== null && startedAt > (newest?.startedAt ?? -Infinity)) {
        newest = { runId: run.id, startedAt };
      }
    }
    if (!newest) return;
    const { runId, startedAt } = newest;
    const state = stored.get(runId)!;
    const rank = runStateRank(state);
    await this.knex(LATEST)
      .insert({
        job_arn: jobArn,
        run_id: runId,
        started_at: startedAt,
        state,
        state_rank: rank,
      })
      .onConflict('job_arn')
      .merge(LATEST_RUN_COLUMNS)
      .where(q =>
        q
          .where(`${LATEST}.started_at`, '<', startedAt)
          .orWhereNull(`${LATEST}.run_id`)
          .orWhere(same =>
            same
              .where(`${LATEST}.run_id`, '=', runId)
              .andWhere(lower =>
                lower
                  .where(`${LATEST}.state_rank`, '<', rank)
                  .orWhereNull(`${LATEST}.state_rank`),
              ),
          ),
      );
  }

  private rowOf(job: JobRef, run: StoredJobRun, complete: boolean) {
    return {
      job_arn: job.arn,
      run_id: run.id,
      account_id: job.accountId,
      region: job.region,
      job_name: run.jobName ?? job.name,
      attempt: run.attempt ?? 0,
      state: run.state!,
      state_rank: runStateRank(run.state!),
      started_at: ms(run.startedOn),
      completed_at: ms(run.completedOn),
      duration_seconds: durationOf(run) ?? null,
      dpu_seconds: run.dpuSeconds ?? null,
      trigger_name: run.triggerName ?? null,
      complete,
      run: JSON.stringify(run),
      updated_at: this.now(),
    };
  }

  private indexed(row: {
    job_arn: string;
    run: string;
    complete: unknown;
  }): IndexedRun {
    return {
      jobArn: row.job_arn,
      run: JSON.parse(row.run),
      complete: Boolean(row.complete),
    };
  }
}
