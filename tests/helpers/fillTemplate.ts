/**
 * A clerk filling in a blank template, done with SheetJS in Node: rows typed under the example row,
 * the example and the 合计 row kept, and the 合计 formulas' cached values updated as Excel or WPS
 * does when it saves the file.
 */
import * as XLSX from '@e965/xlsx';

/** One row as the clerk types it, by column header; dates as ISO days (written as real dates) or text. */
export type FilledRow = Record<string, string | number>;

/** 0-based row of the template's header; rows to fill start two rows below it (under the example). */
const HEADER_ROW = 2;
const FIRST_BLANK = 4;

function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export function fillTemplate(bytes: Uint8Array, rows: readonly FilledRow[]): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true });
  const name = wb.SheetNames[0] ?? '';
  const ws = wb.Sheets[name];
  if (!ws) throw new Error('template has no sheet');
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const headers: string[] = [];
  for (let c = range.s.c; c <= range.e.c; c++) {
    const cell = ws[XLSX.utils.encode_cell({ r: HEADER_ROW, c })] as XLSX.CellObject | undefined;
    headers.push(cell ? String(cell.v) : '');
  }
  rows.forEach((row, i) => {
    for (const [header, value] of Object.entries(row)) {
      const c = headers.indexOf(header);
      if (c < 0) throw new Error(`no column ${header} in ${headers.join('|')}`);
      const addr = XLSX.utils.encode_cell({ r: FIRST_BLANK + i, c });
      if (typeof value === 'number') ws[addr] = { t: 'n', v: value };
      else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) ws[addr] = { t: 'n', v: serial(value), z: 'yyyy-mm-dd' };
      else ws[addr] = { t: 's', v: value };
    }
  });
  // Recalculate the 合计 row as Excel does on saving: SUM and COUNTA over the rows to fill.
  for (const [addr, cell] of Object.entries(ws)) {
    if (addr.startsWith('!')) continue;
    const f = (cell as XLSX.CellObject).f;
    const m = f ? /^(SUM|COUNTA)\(([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(f) : null;
    if (!m) continue;
    const r = XLSX.utils.decode_range(`${m[2]}:${m[3]}`);
    let value = 0;
    for (let rr = r.s.r; rr <= r.e.r; rr++) {
      const v = (ws[XLSX.utils.encode_cell({ r: rr, c: r.s.c })] as XLSX.CellObject | undefined)?.v;
      if (m[1] === 'SUM' && typeof v === 'number') value += v;
      if (m[1] === 'COUNTA' && v !== undefined && v !== '') value++;
    }
    (cell as XLSX.CellObject).v = value;
  }
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
