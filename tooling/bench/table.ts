import type { Cell, Table } from './types.ts';

/** Plain-text table: numbers right-aligned, text left-aligned, one space of padding. */
export function renderTable(table: Table): string {
  const cells = [table.columns.map(String), ...table.rows.map((row) => row.map(String))];
  const widths = table.columns.map((_, c) =>
    Math.max(...cells.map((row) => (row[c] ?? '').length)),
  );
  const numeric = table.columns.map((_, c) => table.rows.every((row) => looksNumeric(row[c])));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [table.title, line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

function looksNumeric(cell: Cell | undefined): boolean {
  return (
    typeof cell === 'number' ||
    (typeof cell === 'string' && /^[\d.,x×-]+( ?[a-zA-Z%]+)?$/.test(cell))
  );
}
