/**
 * The clipboard format of Excel and WPS: cells separated by tabs, rows by CR LF, a trailing line
 * break after the last row. A cell holding a tab, a line break or a quote is written in double
 * quotes with its quotes doubled, so a 事项 typed over two lines (Alt+Enter) arrives as one cell.
 */

/** Text from the clipboard → rows of cells. A final line break does not make an empty last row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let cellStart = true;
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        cell += ch;
      }
      i++;
      continue;
    }
    // Only a quote that opens a cell quotes it: `12"` (inches) copied from a cell stays as it is.
    if (ch === '"' && cellStart) {
      quoted = true;
      cellStart = false;
      i++;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      cellStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      cellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cellStart = false;
    cell += ch;
    i++;
  }
  if (!cellStart || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function quoteCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows of cells → clipboard text that Excel and WPS paste cell by cell. */
export function writeTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\r\n') + (rows.length ? '\r\n' : '');
}
