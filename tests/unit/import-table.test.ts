import { describe, expect, it } from 'vitest';
import { readSheet } from '../../src/core/import/table';
import type { RawCell, RawSheet, SkipReason, TablePreview } from '../../src/core/import/types';
import { headerSignature, previewWorkbook, skipSummary } from '../../src/core/import/workbook';
import type { NewRecord } from '../../src/core/schema';

function sheet(name: string, rows: RawCell[][], hiddenRows: number[] = []): RawSheet {
  return { name, hidden: false, rows, hiddenRows, merges: [] };
}

function table(s: RawSheet, fileName = '台账.xlsx'): TablePreview {
  const reading = readSheet(s, fileName);
  if (!reading.ok) throw new Error(`sheet ${s.name} not read: ${reading.reason}`);
  return reading.table;
}

function reasonOf(t: TablePreview, row: number): SkipReason | undefined {
  return t.skipped.find((s) => s.row === row)?.reason;
}

function recordAt(t: TablePreview, row: number): NewRecord {
  const r = t.records.find((x) => x.source.row === row);
  if (!r) throw new Error(`no record from row ${row}`);
  return r;
}

// A visits ledger as clerks keep it: a merged title, a 填报单位 row with the unit of money, one header
// row, data with a blank separator, a 小计 and a 合计 row (each would double the totals if imported),
// and a footer.
const VISITS: RawCell[][] = [
  ['2023年XX镇政协委员走访群众台账', null, null, null, null, null, null, null],
  ['填报单位:青山镇政协联络办', null, null, null, null, '单位:万元', null, null],
  ['日期', '委员', '地点', '走访人数', '户数', '发放资料(份)', '金额', '备注'],
  ['3月5日', '江峰、王霞美', '东山村', '12人', '5', '20', '1.5', ''], // row 4
  [null, null, null, null, null, null, null, null], // row 5: blank
  [45000, '李明，张丽', '西岭村', 8, 3, null, 0.25, '雨天改期'], // row 6
  ['小计', null, null, 20, 8, 20, 1.75, null], // row 7
  ['2023.4.1', '陈国强', '南溪村', '五十', '4', '/', '—', ''], // row 8: bad number, kept
  ['2023-02-30', '赵建军', '北坪村', 6, 2, 10, null, null], // row 9: bad date, kept
  ['', '', '', '', '', '', '', ''], // row 10: blank strings
  ['合计', null, null, 26, 14, 30, 1.75, null], // row 11
  ['填表人:张丽  审核人:李明  填报日期:2024年1月5日', null, null, null, null, null, null, null], // row 12
  ['注:走访人数按人次统计。', null, null, null, null, null, null, null], // row 13
  ['2023-05-01', '孙秀英', '石桥村', 9, 9, 9, 9, null], // row 14: below the footer, never data
];

describe('readSheet: a titled ledger with 单位:万元, subtotals, totals and footers', () => {
  const t = table(sheet('1月', VISITS), '走访台账.xlsx');

  it('finds the header under the title rows', () => {
    expect(t.headerStart).toBe(3);
    expect(t.headers).toEqual(['日期', '委员', '地点', '走访人数', '户数', '发放资料(份)', '金额', '备注']);
    expect(t.roles.map((r) => (r.kind === 'measure' ? `${r.measure}×${r.scale}` : r.kind))).toEqual([
      'date',
      'members',
      'place',
      'people×1',
      'households×1',
      'items×1',
      'amount×10000',
      'note',
    ]);
  });

  it('imports exactly the data rows', () => {
    expect(t.records.map((r) => r.source.row)).toEqual([4, 6, 8, 9]);
  });

  it.each<[number, SkipReason]>([
    [1, 'title'],
    [2, 'unit'],
    [3, 'header'],
    [5, 'blank'],
    [7, 'subtotal'],
    [10, 'blank'],
    [11, 'total'],
    [12, 'footer'],
    [13, 'footer'],
    [14, 'footer'],
  ])('skips row %d as %s', (row, reason) => {
    expect(reasonOf(t, row)).toBe(reason);
  });

  it('accounts for every row once: imported or skipped', () => {
    const rows = [...t.records.map((r) => r.source.row), ...t.skipped.map((s) => s.row)].sort(
      (a, b) => a - b,
    );
    expect(rows).toEqual(Array.from({ length: VISITS.length }, (_, i) => i + 1));
  });

  it.each<[number, Partial<NewRecord>]>([
    [
      4,
      {
        date: '2023-03-05',
        members: ['江峰', '王霞美'],
        place: '东山村',
        values: { people: 12, households: 5, items: 20, amount: 15000 },
      },
    ],
    [
      6,
      {
        date: '2023-03-15',
        members: ['李明', '张丽'],
        note: '雨天改期',
        values: { people: 8, households: 3, amount: 2500 },
      },
    ],
    [8, { date: '2023-04-01', members: ['陈国强'], values: { households: 4 } }],
    [9, { date: '', members: ['赵建军'], values: { people: 6, households: 2, items: 10 } }],
  ])('row %d is read as %j', (row, expected) => {
    expect(recordAt(t, row)).toMatchObject(expected);
  });

  it('takes the category from the title, the 填报单位 and the source of every record', () => {
    expect(t.category).toBe('走访');
    for (const r of t.records) {
      expect(r.category).toBe('走访');
      expect(r.unit).toBe('青山镇政协联络办');
      expect(r.source).toEqual({ file: '走访台账.xlsx', sheet: '1月', row: r.source.row });
    }
  });

  it('warns about the bad number and the bad date, nothing else', () => {
    expect(t.warnings).toEqual([
      { kind: 'bad-number', row: 8, column: '走访人数', text: '五十' },
      { kind: 'bad-date', row: 9, text: '2023-02-30' },
    ]);
  });

  it('counts an estimate (约50) as its number, with a warning to check it', () => {
    const est = table(
      sheet('走访', [
        ['日期', '委员', '人数'],
        ['2023-03-05', '江峰', '约50'],
      ]),
    );
    expect(est.records[0]?.values.people).toBe(50);
    expect(est.warnings).toEqual([{ kind: 'approximate', row: 2, column: '人数', text: '约50' }]);
  });

  it('totals exclude the 小计 and 合计 rows', () => {
    const people = t.records.reduce((n, r) => n + (r.values.people ?? 0), 0);
    const amount = t.records.reduce((n, r) => n + (r.values.amount ?? 0), 0);
    expect(people).toBe(26);
    expect(amount).toBe(17500);
  });
});

describe('readSheet: subtotal and total labels', () => {
  const header: RawCell[] = ['日期', '委员', '地点', '人数', '金额(元)'];
  const data: RawCell[] = ['2023-03-05', '江峰', '东山村', 10, 100];

  it.each<[string, RawCell[], SkipReason]>([
    ['小计 in A', ['小计', null, null, 10, 100], 'subtotal'],
    ['小 计 in A', ['小 计', null, null, 10, 100], 'subtotal'],
    ['小计: in A', ['小计:', null, null, 10, 100], 'subtotal'],
    ['一月小计 in B', [null, '一月小计', null, 10, 100], 'subtotal'],
    ['3月小计 in A', ['3月小计', null, null, 10, 100], 'subtotal'],
    ['东山村小计 in C', [null, null, '东山村小计', 10, 100], 'subtotal'],
    ['合计 in A', ['合计', null, null, 10, 100], 'total'],
    ['合  计 in A', ['合  计', null, null, 10, 100], 'total'],
    ['总计 in B', [null, '总计', null, 10, 100], 'total'],
    ['全年合计 in A', ['全年合计', null, null, 10, 100], 'total'],
    ['本月合计 in A', ['本月合计', null, null, 10, 100], 'total'],
    ['一季度合计 in A', ['一季度合计', null, null, 10, 100], 'total'],
    ['累计 in A', ['累计', null, null, 10, 100], 'total'],
  ])('%s → %s', (_name, row, reason) => {
    const t = table(sheet('走访', [header, data, row, data]));
    expect(reasonOf(t, 3)).toBe(reason);
    expect(t.records.map((r) => r.source.row)).toEqual([2, 4]);
  });

  it('does not take a subject that merely mentions 合计 for a total row', () => {
    const t = table(
      sheet('走访', [
        ['日期', '委员', '地点', '事项', '人数'],
        ['2023-03-05', '江峰', '东山村', '合计发放慰问金情况核对', 10],
      ]),
    );
    expect(t.records).toHaveLength(1);
  });
});

describe('readSheet: hidden rows, empty rows and group labels', () => {
  it('skips hidden rows', () => {
    const t = table(
      sheet(
        '走访',
        [
          ['日期', '委员', '人数'],
          ['2023-03-05', '江峰', 10],
          ['2023-03-06', '王霞美', 20],
          ['2023-03-07', '李明', 30],
        ],
        [2],
      ),
    );
    expect(reasonOf(t, 3)).toBe('hidden');
    expect(t.records.map((r) => r.values.people)).toEqual([10, 30]);
  });

  it.each<[string, RawCell[], SkipReason]>([
    // One text and nothing else labels the rows below it (一、走访群众), it is not an event.
    ['a category alone', [null, '走访', null, null], 'group'],
    ['a group label in the category column', [null, '一、走访群众', null, null], 'group'],
    ['a category and a note only', [null, '培训', null, null, '待补录'], 'empty-values'],
  ])('skips a row with %s', (_name, row, reason) => {
    const t = table(
      sheet('台账', [['日期', '类别', '委员', '人数', '备注'], row, ['2023-03-05', '走访', '江峰', 10, '']]),
    );
    expect(reasonOf(t, 2)).toBe(reason);
    expect(t.records.map((r) => r.source.row)).toEqual([3]);
  });
});

describe('readSheet: cell values', () => {
  it('warns about #REF! error cells and keeps the row without the value', () => {
    const t = table(
      sheet('走访', [
        ['日期', '委员', '人数', '户数'],
        ['2023-03-05', '江峰', { error: '#REF!' }, 4],
      ]),
    );
    expect(t.warnings).toContainEqual({ kind: 'error-cell', row: 2, column: '人数', text: '#REF!' });
    expect(t.records).toHaveLength(1);
    expect(t.records[0]?.values).toEqual({ households: 4 });
  });

  it('refuses a figure that only overflows once scaled to 元, with a warning, never Infinity', () => {
    const t = table(
      sheet('资金', [
        ['日期', '委员', '金额（万元）'],
        ['2023-03-05', '江峰', 1.8e305],
        ['2023-03-06', '江峰', '9e305'],
        ['2023-03-07', '江峰', 2],
      ]),
    );
    expect(t.records.map((r) => r.values.amount)).toEqual([undefined, undefined, 20000]);
    expect(t.warnings.filter((w) => w.kind === 'bad-number')).toHaveLength(2);
  });

  it('warns about text that is not a number and keeps the row', () => {
    const t = table(
      sheet('走访', [
        ['日期', '委员', '人数'],
        ['2023-03-05', '江峰', 'abc'],
      ]),
    );
    expect(t.warnings).toEqual([{ kind: 'bad-number', row: 2, column: '人数', text: 'abc' }]);
    expect(t.records[0]?.values).toEqual({});
    expect(t.records[0]?.members).toEqual(['江峰']);
  });

  it.each<[string, string[]]>([
    ['江峰、王霞美', ['江峰', '王霞美']],
    ['江峰，王霞美', ['江峰', '王霞美']],
    ['江峰,王霞美', ['江峰', '王霞美']],
    ['王霞美等3人', ['王霞美']],
  ])('splits members %j', (cell, members) => {
    const t = table(
      sheet('走访', [
        ['日期', '委员', '人数'],
        ['2023-03-05', cell, 1],
      ]),
    );
    expect(t.records[0]?.members).toEqual(members);
  });

  it.each<[RawCell, string]>([
    [45000, '2023-03-15'],
    [{ date: '2023-03-05' }, '2023-03-05'],
    ['2023/3/5', '2023-03-05'],
    ['2023年3月', '2023-03'],
    ['一季度', '2023-01'],
    ['3月5日', '2023-03-05'],
  ])('reads the date cell %j as %s (year from the file name)', (cell, iso) => {
    const t = table(
      sheet('走访', [
        ['日期', '委员'],
        [cell, '江峰'],
      ]),
      '2023年走访台账.xlsx',
    );
    expect(t.records[0]?.date).toBe(iso);
    expect(t.warnings).toEqual([]);
  });

  it('does not read a bare number outside the serial range as a date', () => {
    const t = table(
      sheet('走访', [
        ['日期', '委员'],
        [2023, '江峰'],
      ]),
    );
    expect(t.records[0]?.date).toBe('');
    expect(t.warnings).toEqual([{ kind: 'bad-date', row: 2, text: '2023' }]);
  });

  it.each<[string, string | null, RawCell, number, boolean]>([
    ['金额(万元)', null, 12.5, 125000, false],
    ['金额(万元)', null, '12.35', 123500, false],
    ['金额(元)', null, 153200.5, 153200.5, false],
    ['金额(元)', null, '3.5万元', 35000, false],
    ['金额(元)', null, '12.5万', 125000, false],
    ['金额', '单位:元', '1.2万', 12000, false],
    ['金额', '单位:万元', 1.5, 15000, false],
    ['金额', '单位：万元', '0.07', 700, false],
    ['金额', '单位:元', 1500, 1500, false],
    ['金额', '单位:万元', '1200元', 1200, false],
    ['金额', null, 1500, 1500, true],
  ])('%s with unit row %s: %j → %d 元 (assumed-yuan warning: %s)', (header, unitRow, cell, yuan, warned) => {
    const rows: RawCell[][] = [
      ...(unitRow ? [[null, unitRow] as RawCell[]] : []),
      ['日期', '地点', header],
      ['2023-03-05', '东山村', cell],
    ];
    const t = table(sheet('资金', rows));
    expect(t.records[0]?.values.amount).toBe(yuan);
    expect(t.warnings.some((w) => w.kind === 'assumed-yuan')).toBe(warned);
  });

  it('takes the category column, canonical, falling back to the sheet name when blank', () => {
    const t = table(
      sheet('走访', [
        ['日期', '类别', '委员'],
        ['2023-03-05', '走访群众', '江峰'],
        ['2023-03-06', '建议案', '王霞美'],
        ['2023-03-07', '清理垃圾', '李明'],
        ['2023-03-08', '', '张丽'],
      ]),
    );
    expect(t.categorySource).toBe('column');
    expect(t.records.map((r) => r.category)).toEqual(['走访', '提案', '清理垃圾', '走访']);
  });

  it('reads statuses and satisfaction of proposals', () => {
    const t = table(
      sheet('提案', [
        ['提交日期', '提案人', '案由', '办理状态', '满意度'],
        ['2023-03-05', '江峰', '关于加快村组道路硬化的建议', '已办结', '基本满意'],
        ['2023-03-06', '王霞美', '关于增设路灯的建议', '未办结', ''],
      ]),
    );
    expect(t.records.map((r) => [r.status, r.satisfaction, r.subject])).toEqual([
      ['已办结', '基本满意', '关于加快村组道路硬化的建议'],
      ['已立案', '', '关于增设路灯的建议'],
    ]);
  });
});

describe('readSheet: category without a column', () => {
  const rows: RawCell[][] = [
    ['日期', '委员', '人数'],
    ['2023-03-05', '江峰', 10],
  ];
  it.each<[string, string, string, TablePreview['categorySource']]>([
    ['走访', '台账.xlsx', '走访', 'sheet'],
    ['培训记录', '2023年台账.xlsx', '培训', 'sheet'],
    ['Sheet1', '2023年培训台账.xlsx', '培训', 'file'],
    ['Sheet1', '一事一议资金.csv', '资金', 'file'],
    ['Sheet1', '提案办理情况统计表.xls', '提案', 'file'],
    ['Sheet1', '台账.xlsx', '', 'none'],
  ])('sheet %j of %j → %j from %s', (sheetName, fileName, category, source) => {
    const t = table(sheet(sheetName, rows), fileName);
    expect(t.category).toBe(category);
    expect(t.categorySource).toBe(source);
    expect(t.records[0]?.category).toBe(category);
    expect(t.warnings.some((w) => w.kind === 'no-category')).toBe(source === 'none');
  });
});

describe('readSheet: refusals', () => {
  it.each<[string, RawCell[][], 'empty' | 'no-header']>([
    ['no rows', [], 'empty'],
    ['blank cells only', [[null, ''], ['  ']], 'empty'],
    ['prose only', [['填表说明'], ['请按月填报本表。']], 'no-header'],
  ])('%s → %s', (_name, rows, reason) => {
    expect(readSheet(sheet('Sheet2', rows), 'x.xlsx')).toEqual({ ok: false, reason });
  });

  it('warns about a second column with the same role and ignores it', () => {
    const t = table(
      sheet('走访', [
        ['日期', '委员', '人数', '人次'],
        ['2023-03-05', '江峰', 10, 99],
      ]),
    );
    expect(t.warnings).toContainEqual({ kind: 'duplicate-role', column: '人次' });
    expect(t.records[0]?.values).toEqual({ people: 10 });
  });
});

describe('previewWorkbook / headerSignature / skipSummary', () => {
  it('reports hidden sheets as tables not imported by default, and passes over empty and notes sheets', () => {
    const good = sheet('走访', [
      ['日期', '委员', '人数'],
      ['2023-03-05', '江峰', 10],
    ]);
    const preview = previewWorkbook(
      {
        fileName: '台账.xlsx',
        sheets: [
          good,
          { ...good, name: '旧表', hidden: true },
          sheet('Sheet2', []),
          sheet('填表说明', [['请按月填报']]),
        ],
      },
      'hash-1',
    );
    expect(preview.tables.map((t) => [t.sheet, t.hiddenSheet])).toEqual([
      ['走访', false],
      ['旧表', true],
    ]);
    expect(preview.skippedSheets).toEqual([
      { sheet: 'Sheet2', reason: 'empty' },
      { sheet: '填表说明', reason: 'notes' },
    ]);
    expect(preview.contentHash).toBe('hash-1');
  });

  it('signs headers without their blanks', () => {
    expect(headerSignature(['日期', '', '委员', '人数'])).toBe('日期|委员|人数');
  });

  it('counts skipped rows per reason in first-seen order', () => {
    const t = table(sheet('1月', VISITS));
    expect(skipSummary(t.skipped)).toEqual([
      ['title', 1],
      ['unit', 1],
      ['header', 1],
      ['blank', 2],
      ['subtotal', 1],
      ['total', 1],
      ['footer', 3],
    ]);
  });
});
