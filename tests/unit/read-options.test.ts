/**
 * SheetJS reads without formatting cell texts (READ_OPTIONS.cellText is false): what the importer
 * reads must not depend on them. Error cells keep their own text (#REF!, #DIV/0!) in every format
 * that stores a code, date-formatted serials still arrive as days, and hidden rows are still seen.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/adapters/sheetjs';
import type { RawCell } from '../../src/core/import/types';

const ERRORS: [number, string][] = [
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
];

function workbook(bookType: XLSX.BookType): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['日期', '事项', ...ERRORS.map(([, text]) => text)],
    [{ t: 'n', v: 44990, z: 'yyyy-mm-dd' }, '走访', ...ERRORS.map(([v]) => ({ t: 'e', v }))],
    [{ t: 'n', v: 44991, z: 'yyyy-mm-dd' }, '草稿', 1, 2, 3, 4, 5, 6, 7],
  ]);
  ws['!rows'] = [{}, {}, { hidden: true }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '台账');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

// SheetJS's own .xls and SpreadsheetML writers leave hidden rows out (its .ods writer also error
// cells, so .ods is not here): those files are checked for what they hold.
const FORMATS: [XLSX.BookType, string, boolean][] = [
  ['xlsx', 'xlsx', true],
  ['xlsb', 'xlsb', true],
  ['xls', 'xls', false],
  ['xlml', 'xml', false],
];

describe('reading without SheetJS cell texts', () => {
  it.each(FORMATS)('%s: error texts, dates and hidden rows', (bookType, extension, keepsHidden) => {
    const reading = readWorkbook(`台账.${extension}`, workbook(bookType));
    if (!reading.ok) throw new Error(`refused: ${reading.reason}`);
    const sheet = reading.value.sheets[0];
    const row = sheet?.rows[1] ?? [];
    expect(row.slice(0, 2)).toEqual<RawCell[]>([{ date: '2023-03-05' }, '走访']);
    expect(row.slice(2)).toEqual(ERRORS.map(([, error]) => ({ error })));
    expect(sheet?.rows[2]?.[0]).toEqual({ date: '2023-03-06' });
    if (keepsHidden) expect(sheet?.hiddenRows).toEqual([2]);
  });
});
