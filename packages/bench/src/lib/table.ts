/* Plain-text tables for the terminal. */

export type Cell = string | number | undefined;

/** Right-aligns numbers, left-aligns text. */
export function formatTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map(row =>
    row.map(c => (c === undefined ? '' : String(c))),
  );
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...text.map(r => (r[i] ?? '').length)),
  );
  const numeric = headers.map((_, i) =>
    rows.every(r => r[i] === undefined || typeof r[i] === 'number'),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(headers),
    line(widths.map(w => '-'.repeat(w))),
    ...text.map(line),
  ].join('\n');
}

export function fmtMs(ms: number | undefined): string | undefined {
  if (ms === undefined) return undefined;
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function fmtRatio(r: number | undefined): string | undefined {
  return r === undefined || !Number.isFinite(r)
    ? undefined
    : `${r.toFixed(2)}x`;
}
