/* The ingestion section's table. */
import { fmtMs, fmtRatio, formatTable } from '../lib/table';
import { INGESTION_TARGET, IngestionResult } from './ingestionBench';

export function formatIngestionTable(result: IngestionResult): string {
  const rows = result.databases.flatMap(db => {
    if (db.skipped) {
      return [
        [
          db.database,
          'skipped',
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          db.skipped,
        ],
      ];
    }
    const line = (mode: 'static' | 'provider') => {
      const r = db[mode]!;
      return [
        `${db.database}${db.databaseVersion ? ` ${db.databaseVersion}` : ''}`,
        mode,
        fmtMs(r.startupMs),
        fmtMs(r.firstVisibleMs),
        fmtMs(r.allVisibleMs),
        `${Math.round(r.peakRssMiB)} MiB`,
        r.loadAverage1m,
        mode === 'provider'
          ? `${fmtRatio(db.ratio)} (after start-up ${fmtRatio(
              db.ratioAfterStartup,
            )}): ${db.verdict}`
          : 'baseline',
      ];
    };
    return [line('static'), line('provider')];
  });
  return [
    `${result.entities} entities from a ${
      result.jobs
    }-job account (${Object.entries(result.kinds)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}); static file ${Math.round(
      result.yamlBytes / 1024,
    )} KiB; Glue latency ${result.latencyMs} ms for the provider`,
    '',
    formatTable(
      [
        'database',
        'source',
        'start-up',
        'first visible',
        'all visible',
        'peak RSS',
        'load',
        `provider/static (target <= ${INGESTION_TARGET}x)`,
      ],
      rows,
    ),
    '',
    'Times are from backend.start() in a fresh child process with a fresh database until the catalog API',
    `(/api/catalog/entities/by-query totalItems, polled every 250 ms) shows every entity; the ratio is judged on the worse of`,
    "the two ratios (from start, and with each side's start-up taken off).",
  ].join('\n');
}
