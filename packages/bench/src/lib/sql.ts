/*
 * The few calls of `pg` and `better-sqlite3` the bench makes, typed here
 * (neither package ships types, and the bench adds no @types packages).
 */

export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>;
  end(): Promise<void>;
}

export function pgClient(connection: PgConnection): PgClient {
  const { Client } = require('pg');
  return new Client(connection) as PgClient;
}

export interface SqliteDatabase {
  pragma(source: string): unknown;
  prepare(sql: string): {
    all(...params: unknown[]): any[];
    get(...params: unknown[]): any;
  };
  close(): void;
}

export function openSqlite(
  file: string,
  options: { readonly: boolean; fileMustExist: boolean },
): SqliteDatabase {
  const Database = require('better-sqlite3');
  return new Database(file, options) as SqliteDatabase;
}
