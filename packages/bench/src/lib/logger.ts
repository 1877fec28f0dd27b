/*
 * A small LoggerService for the benchmark's workers: records go to a sink
 * (stderr, the parent process, or nowhere) above a minimum level.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LogRecord {
  level: LogLevel;
  message: string;
  meta: Record<string, unknown>;
}

const ORDER: Record<LogLevel, number> = {
  error: 0,
  warn: 1,
  info: 2,
  debug: 3,
};

export class BenchLogger implements LoggerService {
  constructor(
    private readonly sink: (record: LogRecord) => void,
    private readonly minLevel: LogLevel = 'warn',
    private readonly meta: Record<string, unknown> = {},
  ) {}

  private log(level: LogLevel, message: string, meta?: Error | JsonObject) {
    if (ORDER[level] > ORDER[this.minLevel]) return;
    const extra =
      meta instanceof Error
        ? { error: `${meta.name}: ${meta.message}` }
        : meta ?? {};
    this.sink({ level, message, meta: { ...this.meta, ...extra } });
  }

  error(message: string, meta?: Error | JsonObject) {
    this.log('error', message, meta);
  }
  warn(message: string, meta?: Error | JsonObject) {
    this.log('warn', message, meta);
  }
  info(message: string, meta?: Error | JsonObject) {
    this.log('info', message, meta);
  }
  debug(message: string, meta?: Error | JsonObject) {
    this.log('debug', message, meta);
  }
  child(meta: JsonObject): LoggerService {
    return new BenchLogger(this.sink, this.minLevel, { ...this.meta, ...meta });
  }
}

/** Writes records as one line each to stderr. */
export function stderrSink(prefix: string) {
  return (record: LogRecord) => {
    const target = record.meta.target ?? record.meta.plugin ?? '';
    process.stderr.write(
      `${prefix} ${record.level} ${target ? `[${String(target)}] ` : ''}${
        record.message
      }\n`,
    );
  };
}
