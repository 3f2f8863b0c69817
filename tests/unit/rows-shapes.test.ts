/**
 * Reading the rows of each table shape through readSheet (src/core/import/rows.ts): wide tables of
 * months across, statistics tables of one row per village, and event ledgers with subtotals, hidden
 * rows, group labels and members written as 王霞美等3人.
 */
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../src/core/import/table';
import type {
  CellRange,
  RawCell,
  RawSheet,
  SkipReason,
  TableOptions,
  TablePreview,
} from '../../src/core/import/types';
import type { NewRecord } from '../../src/core/schema';

function sheet(name: string, rows: RawCell[][], extra: Partial<RawSheet> = {}): RawSheet {
  return { name, hidden: false, rows, hiddenRows: [], merges: [], ...extra };
}

function table(s: RawSheet, fileName = '台账.xlsx', options: TableOptions = {}): TablePreview {
  const reading = readSheet(s, fileName, options);
  if (!reading.ok) throw new Error(`sheet ${s.name} not read: ${reading.reason}`);
  return reading.table;
}

function range(r1: number, c1: number, r2: number, c2: number): CellRange {
  return { s: { r: r1, c: c1 }, e: { r: r2, c: c2 } };
}

function recordsOf(t: TablePreview, row: number): NewRecord[] {
  return t.records.filter((r) => r.source.row === row);
}

function reasonOf(t: TablePreview, row: number): SkipReason | undefined {
  return t.skipped.find((s) => s.row === row)?.reason;
}

/** Sum of one measure over records, by category. */
function totals(records: readonly NewRecord[], measure: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) {
    const v = (r.values as Record<string, number | undefined>)[measure];
    if (v !== undefined) out[r.category] = (out[r.category] ?? 0) + v;
  }
  return out;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const blanks = (n: number): null[] => Array.from({ length: n }, () => null);

describe('a wide table: items down, months across', () => {
  const rows: RawCell[][] = [
    ['2023年青山镇政协委员履职情况统计表', ...blanks(14)], // 1
    ['项目', '单位', ...MONTHS, '全年合计'], // 2
    ['走访群众', '人次', 10, 20, ...blanks(10), 30], // 3
    ['', '户', 5, 8, ...blanks(10), 13], // 4: label merged down from row 3
    ['发放宣传资料', '份', 100, null, 50, ...blanks(9), 150], // 5
    ['清理垃圾', '吨', 2, 3, ...blanks(10), 6], // 6: 全年合计 wrong (5)
    ['举办培训', '期', 1, null, 1, ...blanks(9), { error: '#REF!' }], // 7
    ['慰问资金', '万元', 1.5, ...blanks(11), 1.5], // 8
  ];
  const merges = [range(0, 0, 0, 14), range(2, 0, 3, 0)];
  const t = table(sheet('Sheet1', rows, { merges }));

  it('is read as wide with a record per month with a value', () => {
    expect(t.shape).toBe('wide');
    expect(t.headerStart).toBe(2);
    expect(recordsOf(t, 3).map((r) => r.date)).toEqual(['2023-01', '2023-02']);
    expect(recordsOf(t, 5).map((r) => r.date)).toEqual(['2023-01', '2023-03']);
  });

  it('keeps the category of a label merged down over the next row', () => {
    expect(recordsOf(t, 3).map((r) => [r.category, r.values])).toEqual([
      ['走访', { people: 10 }],
      ['走访', { people: 20 }],
    ]);
    expect(recordsOf(t, 4).map((r) => [r.category, r.subject, r.values])).toEqual([
      ['走访', '走访群众', { households: 5 }],
      ['走访', '走访群众', { households: 8 }],
    ]);
  });

  it('files leaflets handed out after the visit rows under 走访', () => {
    expect(recordsOf(t, 5).map((r) => [r.category, r.values])).toEqual([
      ['走访', { items: 100 }],
      ['走访', { items: 50 }],
    ]);
  });

  it('makes 清理垃圾 | 吨 a category of its own with a custom measure', () => {
    const recs = recordsOf(t, 6);
    expect(recs.map((r) => [r.category, r.values])).toEqual([
      ['清理垃圾', { 'custom:吨': 2 }],
      ['清理垃圾', { 'custom:吨': 3 }],
    ]);
  });

  it('reads 举办培训 | 期 as trainings and money in 万元 as 元', () => {
    expect(totals(recordsOf(t, 7), 'count')).toEqual({ 培训: 2 });
    expect(recordsOf(t, 8).map((r) => r.values)).toEqual([{ amount: 15000 }]);
  });

  it('marks every record a tally, with no implicit event count', () => {
    expect(t.records.length).toBe(2 + 2 + 2 + 2 + 2 + 1);
    for (const r of t.records) {
      expect(r.tally).toBe(true);
      if (r.category !== '培训') expect(r.values.count).toBeUndefined();
    }
  });

  it('checks 全年合计 against the months: a wrong total and a broken one are reported', () => {
    expect(t.warnings).toEqual([
      { kind: 'total-mismatch', row: 6, column: '全年合计', stated: 6, computed: 5 },
      { kind: 'error-total', row: 7, column: '全年合计', text: '#REF!' },
    ]);
  });

  it('does not import a 全年合计 column', () => {
    expect(t.roles[14]).toEqual({ kind: 'rowTotal' });
    expect(totals(t.records, 'people')).toEqual({ 走访: 30 });
  });
});

describe('a wide table with a 合计 row', () => {
  const rows: RawCell[][] = [
    ['2023年青山镇政协委员走访群众统计表', null, null, null, null],
    ['项目', '单位', '1月', '2月', '3月'],
    ['走访群众', '人次', 10, 20, 30],
    ['走访群众', '户', 4, 5, 6],
    ['合计', null, 14, { error: '#REF!' }, 36],
  ];
  const t = table(sheet('Sheet1', rows));

  it('skips the 合计 row and reports its broken cell', () => {
    expect(reasonOf(t, 5)).toBe('total');
    expect(recordsOf(t, 5)).toEqual([]);
    expect(t.warnings).toEqual([{ kind: 'error-total', row: 5, column: '2月', text: '#REF!' }]);
  });
});

describe('a wide table without a year', () => {
  const rows: RawCell[][] = [
    ['青山镇政协委员走访群众统计表', null, null, null, null],
    ['项目', '单位', '1月', '2月', '3月'],
    ['走访群众', '人次', 10, 20, 30],
    ['走访群众', '户', 4, 5, 6],
  ];
  const t = table(sheet('Sheet1', rows), '统计.xlsx');

  it('warns once that no year was found and leaves the dates empty', () => {
    expect(t.warnings.filter((w) => w.kind === 'no-year')).toHaveLength(1);
    expect(t.records).toHaveLength(6);
    for (const r of t.records) expect(r.date).toBe('');
  });

  it('takes the year from the file name when it has one', () => {
    const u = table(sheet('Sheet1', rows), '2022年走访统计.xlsx');
    expect(u.warnings.some((w) => w.kind === 'no-year')).toBe(false);
    expect(u.records.map((r) => r.date)).toEqual([
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-01',
      '2022-02',
      '2022-03',
    ]);
  });
});

describe('a wide table by quarters', () => {
  const rows: RawCell[][] = [
    ['2023年青山镇政协委员培训情况统计表', null, null, null, null, null, null],
    ['项目', '单位', '一季度', '二季度', '三季度', '四季度', '合计'],
    ['举办培训', '期', 1, 2, 0, 1, 4],
  ];
  const t = table(sheet('Sheet1', rows));

  it('dates each quarter by its first month', () => {
    expect(t.records.map((r) => [r.date, r.values.count])).toEqual([
      ['2023-01', 1],
      ['2023-04', 2],
      ['2023-07', 0],
      ['2023-10', 1],
    ]);
    expect(t.warnings).toEqual([]);
  });
});

describe('a statistics table: one row per village, measures of several categories across', () => {
  const rows: RawCell[][] = [
    ['2023年青山镇政协工作统计表', ...blanks(6)], // 1
    ['村(社区)', '走访', null, '培训', null, '提案(件)', '一事一议资金(万元)'], // 2
    [null, '人次', '户数', '期数', '人次', null, null], // 3
    ['东山村', 30, 12, 1, 45, 2, 5.5], // 4
    ['西岭村', 20, 8, null, null, 1, 3], // 5
    ['合计', 50, 20, 1, 45, 3, 8.5], // 6
  ];
  const merges = [
    range(0, 0, 0, 6),
    range(1, 0, 2, 0),
    range(1, 1, 1, 2),
    range(1, 3, 1, 4),
    range(1, 5, 2, 5),
    range(1, 6, 2, 6),
  ];
  const t = table(sheet('Sheet1', rows, { merges }));

  it('finds the two-row header and the stats shape', () => {
    expect([t.headerStart, t.headerEnd]).toEqual([2, 3]);
    expect(t.shape).toBe('stats');
  });

  it('makes one record per village and category, dated by the title year', () => {
    expect(recordsOf(t, 4).map((r) => [r.category, r.place, r.date, r.values, r.tally])).toEqual([
      ['走访', '东山村', '2023', { people: 30, households: 12 }, true],
      ['培训', '东山村', '2023', { count: 1, people: 45 }, true],
      ['提案', '东山村', '2023', { count: 2 }, true],
      ['资金', '东山村', '2023', { amount: 55000 }, true],
    ]);
    expect(recordsOf(t, 5).map((r) => [r.category, r.values])).toEqual([
      ['走访', { people: 20, households: 8 }],
      ['提案', { count: 1 }],
      ['资金', { amount: 30000 }],
    ]);
  });

  it('skips the 合计 row, which agrees', () => {
    expect(reasonOf(t, 6)).toBe('total');
    expect(t.warnings).toEqual([]);
  });

  it('reports a 合计 that disagrees', () => {
    const wrong = rows.map((r, i) => (i === 5 ? ['合计', 50, 20, 1, 45, 4, 8.5] : r));
    const u = table(sheet('Sheet1', wrong, { merges }));
    expect(u.warnings).toEqual([
      { kind: 'total-mismatch', row: 6, column: '提案(件)', stated: 4, computed: 3 },
    ]);
  });
});

describe('a statistics table whose file lost its merge records', () => {
  // Some .xls writers drop merges: 走访 stands over 人次 only, 户数 has nothing above it.
  const rows: RawCell[][] = [
    ['2023年青山镇政协工作统计表', null, null, null, null],
    ['村(社区)', '走访', null, '培训', null],
    [null, '人次', '户数', '期数', '人次'],
    ['东山村', 30, 12, 1, 45],
  ];
  const t = table(sheet('Sheet1', rows));

  it('still finds both header rows and every category', () => {
    expect([t.headerStart, t.headerEnd]).toEqual([2, 3]);
    expect(t.headers).toEqual(['村(社区)', '走访·人次', '走访·户数', '培训·期数', '培训·人次']);
    expect(t.shape).toBe('stats');
    expect(t.records.map((r) => [r.category, r.values])).toEqual([
      ['走访', { people: 30, households: 12 }],
      ['培训', { count: 1, people: 45 }],
    ]);
  });
});

describe('a one-category statistics table (各村走访情况统计表)', () => {
  const rows: RawCell[][] = [
    ['2023年各村走访情况统计表', null, null],
    ['村名', '走访人次', '走访户数'],
    ['东山村', 30, 12],
    ['西岭村', 20, 8],
    ['合计', 50, 20],
  ];
  const t = table(sheet('Sheet1', rows));

  it('holds figures per village, not events', () => {
    expect(t.shape).toBe('rows');
    expect(t.records.map((r) => [r.category, r.place, r.date, r.values, r.tally])).toEqual([
      ['走访', '东山村', '2023', { people: 30, households: 12 }, true],
      ['走访', '西岭村', '2023', { people: 20, households: 8 }, true],
    ]);
    expect(t.warnings).toEqual([]);
  });

  it('is an event ledger when the title does not call it a statistics table', () => {
    const u = table(sheet('Sheet1', [['2023年各村走访台账', null, null], ...rows.slice(1)]));
    for (const r of u.records) expect(r.tally).toBeUndefined();
  });
});

describe('an event ledger on a month sheet without a date column', () => {
  const rows: RawCell[][] = [
    ['2023年XX镇政协委员走访群众台账', null, null, null],
    ['委员', '地点', '走访人数', '户数'],
    ['江峰', '东山村', 12, 5],
    ['王霞美', '西岭村', 8, 3],
  ];

  it('dates the records by the sheet month and the title year', () => {
    const t = table(sheet('3月', rows));
    expect(t.records.map((r) => r.date)).toEqual(['2023-03', '2023-03']);
    expect(t.records.every((r) => r.tally === undefined)).toBe(true);
  });

  it('dates them by the quarter of a quarter sheet', () => {
    const t = table(sheet('二季度', rows));
    expect(t.records.map((r) => r.date)).toEqual(['2023-04', '2023-04']);
  });

  it('dates them by the year alone on a sheet that names no month', () => {
    const t = table(sheet('Sheet1', rows));
    expect(t.records.map((r) => r.date)).toEqual(['2023', '2023']);
  });
});

describe('subtotals and totals of an event ledger', () => {
  const rows: RawCell[][] = [
    ['2023年XX镇政协委员走访群众台账', null, null, null, null], // 1
    ['日期', '委员', '地点', '走访人数', '户数'], // 2
    ['2023-01-05', '江峰', '东山村', 12, 5], // 3
    ['2023-01-20', '王霞美', '西岭村', 8, 3], // 4
    ['一月小计', null, null, 20, 8], // 5
    ['2023-02-03', '李明', '南溪村', 6, 2], // 6
    ['2023-02-18', '张丽', '北坪村', 4, 1], // 7
    ['二月小计', null, null, 11, 3], // 8: 走访人数 should be 10
    ['合计', null, null, 30, 11], // 9
  ];
  const t = table(sheet('Sheet1', rows));

  it('imports the data rows only', () => {
    expect(t.records.map((r) => r.source.row)).toEqual([3, 4, 6, 7]);
    expect(reasonOf(t, 5)).toBe('subtotal');
    expect(reasonOf(t, 8)).toBe('subtotal');
    expect(reasonOf(t, 9)).toBe('total');
    expect(totals(t.records, 'people')).toEqual({ 走访: 30 });
  });

  it('reports the wrong 小计 at its row, and nothing else', () => {
    expect(t.warnings).toEqual([
      { kind: 'total-mismatch', row: 8, column: '走访人数', stated: 11, computed: 10 },
    ]);
  });

  it('finds a subtotal label in the second column', () => {
    const u = table(
      sheet('Sheet1', [
        ['序号', '日期', '委员', '走访人数'],
        [1, '2023-01-05', '江峰', 12],
        [null, '一月小计', null, 12],
      ]),
    );
    expect(u.records).toHaveLength(1);
    expect(reasonOf(u, 3)).toBe('subtotal');
    expect(u.warnings).toEqual([]);
  });

  it('compares a 总计 after per-village 合计 rows with all the rows above it', () => {
    const u = table(
      sheet('Sheet1', [
        ['2023年XX镇政协委员走访群众台账', null, null, null],
        ['日期', '委员', '地点', '走访人数'],
        ['2023-01-05', '江峰', '东山村', 12],
        ['2023-02-05', '王霞美', '东山村', 8],
        ['东山村合计', null, null, 20],
        ['2023-01-20', '李明', '西岭村', 6],
        ['西岭村合计', null, null, 6],
        ['总计', null, null, 26],
      ]),
    );
    expect(u.records).toHaveLength(3);
    expect(u.warnings).toEqual([]);
  });

  it('still reports a 总计 that agrees neither with the last group nor with all the rows', () => {
    const u = table(
      sheet('Sheet1', [
        ['日期', '委员', '地点', '走访人数'],
        ['2023-01-05', '江峰', '东山村', 12],
        ['东山村合计', null, null, 12],
        ['2023-01-20', '李明', '西岭村', 6],
        ['西岭村合计', null, null, 6],
        ['总计', null, null, 20],
      ]),
    );
    expect(u.warnings).toEqual([
      { kind: 'total-mismatch', row: 6, column: '走访人数', stated: 20, computed: 0 },
    ]);
  });

  it('compares a 全年合计 after quarter totals with the whole year', () => {
    const u = table(
      sheet('Sheet1', [
        ['日期', '委员', '走访人数'],
        ['2023-01-05', '江峰', 12],
        ['一月小计', null, 12],
        ['2023-02-05', '李明', 6],
        ['二月小计', null, 6],
        ['一季度合计', null, 18],
        ['2023-04-05', '王霞美', 4],
        ['二季度合计', null, 4],
        ['全年合计', null, 22],
      ]),
    );
    expect(u.records).toHaveLength(3);
    expect(u.warnings).toEqual([]);
  });

  it('reports a broken 合计', () => {
    const u = table(sheet('Sheet1', [...rows.slice(0, 4), ['合计', null, null, { error: '#REF!' }, 8]]));
    expect(u.warnings).toEqual([{ kind: 'error-total', row: 5, column: '走访人数', text: '#REF!' }]);
  });
});

describe('hidden rows', () => {
  const rows: RawCell[][] = [
    ['日期', '委员', '走访人数'], // 1
    ['2023-03-05', '江峰', 12], // 2
    ['2023-03-06', '王霞美', 8], // 3: hidden
    ['2023-03-07', '李明', 6], // 4
  ];
  const s = sheet('走访', rows, { hiddenRows: [2] });

  it('are skipped by default, and counted', () => {
    const t = table(s);
    expect(t.records.map((r) => r.source.row)).toEqual([2, 4]);
    expect(reasonOf(t, 3)).toBe('hidden');
    expect(t.hiddenRows).toBe(1);
    expect(t.includeHidden).toBe(false);
  });

  it('are imported with includeHidden', () => {
    const t = table(s, '台账.xlsx', { includeHidden: true });
    expect(t.records.map((r) => r.source.row)).toEqual([2, 3, 4]);
    expect(reasonOf(t, 3)).toBeUndefined();
    expect(t.hiddenRows).toBe(1);
    expect(t.includeHidden).toBe(true);
  });

  it('do not count blank or total rows that happen to be hidden', () => {
    const t = table(sheet('走访', [...rows, [null, null, null], ['合计', null, 26]], { hiddenRows: [4, 5] }));
    expect(t.hiddenRows).toBe(0);
    expect(reasonOf(t, 5)).toBe('blank');
    expect(reasonOf(t, 6)).toBe('total');
  });
});

describe('group label rows', () => {
  const rows: RawCell[][] = [
    ['2023年XX镇政协委员走访群众台账', null, null, null], // 1
    ['日期', '委员', '走访人数', '户数'], // 2
    ['一、青山村', null, null, null], // 3
    ['2023-03-05', '江峰', 12, 5], // 4
    ['2023-03-06', '王霞美', 8, 3], // 5
    ['二、东山村', null, null, null], // 6
    ['2023-03-07', '李明', 6, 2], // 7
  ];
  const t = table(sheet('Sheet1', rows));

  it('are skipped and set the place of the rows below when the table has no place column', () => {
    expect(reasonOf(t, 3)).toBe('group');
    expect(reasonOf(t, 6)).toBe('group');
    expect(t.records.map((r) => [r.source.row, r.place])).toEqual([
      [4, '青山村'],
      [5, '青山村'],
      [7, '东山村'],
    ]);
  });

  it('do not override a place column', () => {
    const u = table(
      sheet('Sheet1', [
        ['日期', '委员', '地点', '走访人数'],
        ['一、青山片区', null, null, null],
        ['2023-03-05', '江峰', '青山村', 12],
      ]),
    );
    expect(u.records.map((r) => r.place)).toEqual(['青山村']);
  });

  it('set the category when they name one', () => {
    const u = table(
      sheet('Sheet1', [
        ['2023年委员履职台账', null, null],
        ['日期', '委员', '人数'],
        ['（一）走访群众', null, null],
        ['2023-03-05', '江峰', 12],
        ['（二）培训', null, null],
        ['2023-04-05', '王霞美', 30],
      ]),
    );
    expect(u.records.map((r) => [r.category, r.place])).toEqual([
      ['走访', ''],
      ['培训', ''],
    ]);
  });
});

describe('a subject in the first column that starts like a footer', () => {
  it('is data, and so are the rows after it', () => {
    const t = table(
      sheet('Sheet1', [
        ['2023年XX镇政协委员走访群众台账', null, null, null],
        ['事项', '日期', '委员', '人数'],
        ['审核低保对象', '2023-03-05', '江峰', 12],
        ['走访困难群众', '2023-03-06', '王霞美', 8],
        ['审核：李明', null, null, null],
      ]),
    );
    expect(t.records.map((r) => [r.source.row, r.subject])).toEqual([
      [3, '审核低保对象'],
      [4, '走访困难群众'],
    ]);
    expect(reasonOf(t, 5)).toBe('footer');
  });
});

describe('members written as 王霞美等3人', () => {
  it('names the first member and keeps the rest in the note', () => {
    const t = table(
      sheet('走访', [
        ['日期', '委员', '人数', '备注'],
        ['2023-03-05', '王霞美等3人', 12, ''],
        ['2023-03-06', '江峰等2名', 8, '雨天'],
        ['2023-03-07', '江峰、王霞美', 6, ''],
      ]),
    );
    const [a, b, c] = t.records;
    expect(a?.members).toEqual(['王霞美']);
    expect(a?.note).toContain('等3人');
    expect(b?.members).toEqual(['江峰']);
    expect(b?.note).toContain('等2名');
    expect(b?.note).toContain('雨天');
    expect(c?.members).toEqual(['江峰', '王霞美']);
    expect(c?.note).toBe('');
  });
});
