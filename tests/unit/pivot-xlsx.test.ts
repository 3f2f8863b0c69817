/**
 * The pivot as .xlsx, written as the worker writes it and read back with SheetJS: title, unit line,
 * category over measure, rows, 合计, the note, money in 万元; text never becomes a formula.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { writePivotXlsx } from '../../src/adapters/xlsxWriter';
import { readWorkbook } from '../../src/adapters/sheetjs';
import { pivot, pivotSheet, type PivotColumn } from '../../src/core/pivot';
import { rosterFromRows } from '../../src/core/members';
import { cellText } from '../../src/core/import/cells';
import type { NewRecord } from '../../src/core/schema';

function rec(extra: Partial<NewRecord>): NewRecord {
  return {
    date: '2023-03-05',
    category: '走访',
    members: [],
    place: '',
    subject: '',
    status: '',
    satisfaction: '',
    values: {},
    note: '',
    unit: '',
    source: { file: 'a.xlsx', sheet: 'Sheet1', row: 2 },
    ...extra,
  };
}

const RECORDS = [
  rec({ members: ['江峰'], values: { people: 6 } }),
  rec({ members: ['=HYPERLINK("http://x","y")'], values: { people: 4 } }),
  rec({ category: '资金', members: ['江峰'], values: { amount: 125000.5 } }),
];

function write(): XLSX.WorkBook {
  const p = pivot(RECORDS, 'member');
  const sheet = pivotSheet(p, {
    title: '青山镇2023年各类工作汇总表（按委员）',
    unitLine: '单位：次/期/件、人次、户、份、万元',
    sheetName: '汇总表',
    rowHeader: '委员',
    rowLabel: (k) => k || '未填写委员',
    measureLabel: (c: PivotColumn) =>
      ({ count: '次数', people: '人数（人次）', amount: '金额（万元）' })[c.measure as string] ?? c.measure,
    total: '合计',
    records: '记录数',
    events: '活动次数',
    note: '一条记录有几位委员，就在每位委员的行里各算一次。',
  });
  const bytes = writePivotXlsx(sheet);
  return XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true });
}

describe('writePivotXlsx', () => {
  it('writes title, unit line, two header rows, rows, 合计 and the note', () => {
    const wb = write();
    expect(wb.SheetNames).toEqual(['汇总表']);
    const ws = wb.Sheets['汇总表'] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null, raw: true });
    expect(rows[0]?.[0]).toBe('青山镇2023年各类工作汇总表（按委员）');
    expect(rows[1]?.[0]).toBe('单位：次/期/件、人次、户、份、万元');
    expect(rows[2]).toEqual(['委员', '走访', null, '资金', null, '合计', null]);
    expect(rows[3]).toEqual([null, '次数', '人数（人次）', '次数', '金额（万元）', '记录数', '活动次数']);
    expect(rows[4]).toEqual(['江峰', 1, 6, 1, 12.50005, 2, 2]);
    expect(rows[5]).toEqual(['=HYPERLINK("http://x","y")', 1, 4, null, null, 1, 1]);
    expect(rows[6]).toEqual(['合计', 2, 10, 1, 12.50005, 3, 3]);
    expect(rows[8]?.[0]).toBe('一条记录有几位委员，就在每位委员的行里各算一次。');
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    expect(merges).toEqual(expect.arrayContaining(['A1:G1', 'A2:G2', 'A3:A4', 'B3:C3', 'D3:E3', 'F3:G3']));
    expect(ws['E5']?.z).toBe('#,##0.00');
  });

  it('writes text as text: a name that looks like a formula stays a string', () => {
    const ws = write().Sheets['汇总表'] as XLSX.WorkSheet;
    expect(ws['A6']?.t).toBe('s');
    expect(ws['A6']?.f).toBeUndefined();
  });
});

describe('a roster sheet read as the worker reads it', () => {
  it('finds the 姓名 column', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['青山镇政协委员名单'],
      ['序号', '姓名', '界别'],
      [1, '江峰', '农业'],
      [2, '王霞美', '教育'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '名单');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const read = readWorkbook('名单.xlsx', bytes);
    if (!read.ok) throw new Error(read.reason);
    const sheets = read.value.sheets.map((s) => s.rows.map((r) => r.map(cellText)));
    expect(rosterFromRows(sheets)).toEqual(['江峰', '王霞美']);
  });
});
