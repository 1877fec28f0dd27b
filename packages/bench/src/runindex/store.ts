/*
 * Reads the plugin's run store directly (its database, from outside the
 * backend): PostgreSQL through `pg`, or the SQLite file the backend writes
 * under `backend.database.connection.directory`. For checks only: what is
 * stored, and how long the fleet route's own queries take.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqlite, pgClient, PgConnection } from '../lib/sql';

export interface StoredRunRow {
  jobName: string;
  runId: string;
  state: string;
  complete: boolean;
}

export interface StoreReader {
  kind: 'pg' | 'sqlite';
  runsOf(jobNames: string[]): Promise<StoredRunRow[]>;
  /** Rows in the runs table and the latest-run table. */
  counts(): Promise<{ runs: number; latest: number }>;
  /** The fleet route's queries, timed here (ms, one execution each). */
  timeFleetQueries(): Promise<Record<string, number>>;
  /** PostgreSQL: transactions committed in the plugin's database so far. */
  transactions(): Promise<number | undefined>;
  close(): Promise<void>;
}

const LATEST_SQL = `select r.job_arn, r.run from aws_glue_fleet_jobs as l
  inner join aws_glue_job_runs as r on r.job_arn = l.job_arn and r.run_id = l.run_id`;
const FAILURES_SQL = `select job_arn, count(*) as count from aws_glue_job_runs
  where state in ('FAILED','TIMEOUT','ERROR') and completed_at >= $1 group by job_arn`;
const COUNT_SQL = 'select count(*) as count from aws_glue_job_runs';

function toRow(r: any): StoredRunRow {
  return {
    jobName: r.job_name,
    runId: r.run_id,
    state: r.state,
    complete: Boolean(r.complete),
  };
}

export async function pgStoreReader(
  connection: PgConnection,
): Promise<StoreReader> {
  const client = pgClient(connection);
  await client.connect();
  const timed = async (sql: string, params: unknown[] = []) => {
    const start = performance.now();
    await client.query(sql, params);
    return Math.round((performance.now() - start) * 10) / 10;
  };
  return {
    kind: 'pg',
    async runsOf(jobNames) {
      const { rows } = await client.query(
        'select job_name, run_id, state, complete from aws_glue_job_runs where job_name = any($1)',
        [jobNames],
      );
      return rows.map(toRow);
    },
    async counts() {
      const { rows } = await client.query(
        `select (${COUNT_SQL}) as runs, (select count(*) from aws_glue_fleet_jobs where run_id is not null) as latest`,
      );
      return { runs: Number(rows[0].runs), latest: Number(rows[0].latest) };
    },
    async timeFleetQueries() {
      return {
        latestRuns: await timed(LATEST_SQL),
        countEndedSince: await timed(FAILURES_SQL, [Date.now() - 86_400_000]),
        countRuns: await timed(COUNT_SQL),
      };
    },
    async transactions() {
      const { rows } = await client.query(
        'select xact_commit from pg_stat_database where datname = $1',
        [connection.database],
      );
      return rows.length ? Number(rows[0].xact_commit) : undefined;
    },
    close: () => client.end(),
  };
}

export async function sqliteStoreReader(
  directory: string,
): Promise<StoreReader> {
  const db = openSqlite(path.join(directory, 'aws-glue.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  db.pragma('busy_timeout = 5000');
  const timed = (sql: string, ...params: unknown[]) => {
    const start = performance.now();
    db.prepare(sql).all(...params);
    return Math.round((performance.now() - start) * 10) / 10;
  };
  return {
    kind: 'sqlite',
    async runsOf(jobNames) {
      const marks = jobNames.map(() => '?').join(',');
      return db
        .prepare(
          `select job_name, run_id, state, complete from aws_glue_job_runs where job_name in (${marks})`,
        )
        .all(...jobNames)
        .map(toRow);
    },
    async counts() {
      const row = db
        .prepare(
          `select (${COUNT_SQL}) as runs, (select count(*) from aws_glue_fleet_jobs where run_id is not null) as latest`,
        )
        .get();
      return { runs: Number(row.runs), latest: Number(row.latest) };
    },
    async timeFleetQueries() {
      return {
        latestRuns: timed(LATEST_SQL),
        countEndedSince: timed(
          FAILURES_SQL.replace('$1', '?'),
          Date.now() - 86_400_000,
        ),
        countRuns: timed(COUNT_SQL),
      };
    },
    async transactions() {
      return undefined;
    },
    async close() {
      db.close();
    },
  };
}
