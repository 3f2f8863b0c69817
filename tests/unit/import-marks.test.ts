/**
 * What the importer learned for files the app writes itself: template example rows (示例), the 汇总
 * sheet beside the records, year-only dates, custom measures as 数量（吨）, and Excel date serials.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToIso, isoToExcelSerial, parseDateText } from '../../src/core/dates';
import { isExampleMark, isSummarySheetName } from '../../src/core/import/labels';
import { suggestRole } from '../../src/core/import/synonyms';
import { readSheet } from '../../src/core/import/table';
import type { RawCell, RawSheet } from '../../src/core/import/types';
import { previewWorkbook } from '../../src/core/import/workbook';

function sheet(name: string, rows: RawCell[][]): RawSheet {
  return { name, hidden: false, rows, hiddenRows: [], merges: [] };
}

describe('example rows (示例)', () => {
  it('knows the mark, and only the mark', () => {
    for (const s of ['示例', ' 示例 ', '示例：张三填写', '示例:如下', '（示例）', '(示例)走访']) {
      expect(isExampleMark(s), s).toBe(true);
    }
    for (const s of ['示例数据', '示例村', '非示例', '', '举例', '示范'])
      expect(isExampleMark(s), s).toBe(false);
  });

  it('skips a row with 示例 in any cell, keeps 示例数据 as text, and leaves the totals alone', () => {
    const rows: RawCell[][] = [
      ['2027年XX镇政协委员走访群众台账'],
      ['日期', '委员', '地点', '人数', '备注'],
      [{ date: '2027-03-05' }, '张三、李四', '青山村', 6, '示例'], // row 3
      [{ date: '2027-03-06' }, '江峰', '示例数据', 4, ''], // row 4: data
      ['（示例）', '王五', '东山村', 9, ''], // row 5
      [{ date: '2027-03-08' }, '王霞美', '西岭村', 5, null], // row 6
      ['合计', null, null, 9, null], // row 7: the example is not in the SUM
    ];
    const reading = readSheet(sheet('走访', rows), '走访台账.xlsx');
    if (!reading.ok) throw new Error(reading.reason);
    const tb = reading.table;
    expect(tb.skipped.filter((s) => s.reason === 'example').map((s) => s.row)).toEqual([3, 5]);
    expect(tb.records.map((r) => r.source.row)).toEqual([4, 6]);
    expect(tb.records[0]?.place).toBe('示例数据');
    expect(tb.warnings).toEqual([]);
  });
});

describe('a 汇总 sheet beside the records', () => {
  const records = sheet('台账记录', [
    ['日期', '类别', '人数'],
    [{ date: '2023-03-05' }, '走访', 6],
    [{ date: '2023-04-05' }, '培训', 40],
  ]);
  const summary = sheet('汇总', [
    ['2023年各类工作统计'],
    ['类别', '记录数', '人数'],
    ['走访', 1, 6],
    ['培训', 1, 40],
    ['合计', 2, null],
  ]);

  it('is passed over, with its reason, so nothing counts twice', () => {
    const p = previewWorkbook({ fileName: '台账.xlsx', sheets: [summary, records] }, 'h');
    expect(p.tables.map((tb) => tb.sheet)).toEqual(['台账记录']);
    expect(p.skippedSheets).toEqual([{ sheet: '汇总', reason: 'summary' }]);
  });

  it('is read when it is the only table of the file', () => {
    const p = previewWorkbook({ fileName: '统计.xlsx', sheets: [summary] }, 'h');
    expect(p.tables.map((tb) => tb.sheet)).toEqual(['汇总']);
    expect(p.skippedSheets).toEqual([]);
  });

  it('knows summary sheet names', () => {
    for (const s of ['汇总', '汇总表', '总表', '合计', '2023年汇总', '全年汇总', ' 汇 总 ']) {
      expect(isSummarySheetName(s), s).toBe(true);
    }
    for (const s of ['走访汇总台账', '台账记录', '1月', '汇总说明', 'Sheet1']) {
      expect(isSummarySheetName(s), s).toBe(false);
    }
  });
});

describe('dates and measures as the export writes them', () => {
  it('reads a year alone as the year', () => {
    expect(parseDateText('2023年')).toBe('2023');
    expect(parseDateText('2023年度')).toBe('2023');
    expect(parseDateText('1800年')).toBeNull();
    expect(parseDateText('2023年3月')).toBe('2023-03');
  });

  it('writes Excel serials that read back as the same day, across the phantom 1900-02-29', () => {
    expect(isoToExcelSerial('1900-01-01')).toBe(1);
    expect(isoToExcelSerial('1900-02-28')).toBe(59);
    expect(isoToExcelSerial('1900-03-01')).toBe(61);
    expect(isoToExcelSerial('2023-03-05')).toBe(44990);
    expect(isoToExcelSerial('2023-03')).toBeNull();
    expect(isoToExcelSerial('2023-02-30')).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 73415 }), (serial) => {
        fc.pre(serial !== 60);
        const iso = excelSerialToIso(serial);
        return iso !== null && isoToExcelSerial(iso) === serial;
      }),
    );
  });

  it('reads 数量（吨） as a custom measure, and leaves other 数量 columns as they were', () => {
    expect(suggestRole('数量（吨）').role).toEqual({ kind: 'measure', measure: 'custom:吨', scale: 1 });
    expect(suggestRole('数量(间)').role).toEqual({ kind: 'measure', measure: 'custom:间', scale: 1 });
    expect(suggestRole('数量').role).toEqual({ kind: 'measure', measure: 'count', scale: 1 });
    expect(suggestRole('数量(件)').role).toEqual({ kind: 'measure', measure: 'count', scale: 1 });
    expect(suggestRole('数量(个)').role).toEqual({ kind: 'measure', measure: 'count', scale: 1 });
    expect(suggestRole('数量(人)').role).toEqual({ kind: 'measure', measure: 'people', scale: 1 });
  });
});
