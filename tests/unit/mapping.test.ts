/**
 * The clerk's corrections (TableOptions) and saved mappings: a role chosen by hand, a header band
 * moved, a category chosen for the table, and last year's mapping applied to this year's ledger.
 */
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../src/core/import/table';
import type { RawCell, RawSheet, TableOptions, TablePreview } from '../../src/core/import/types';
import { headerSignature, optionsFromMapping, previewWorkbook } from '../../src/core/import/workbook';
import type { ColumnRole, SavedMapping } from '../../src/core/schema';

function sheet(name: string, rows: RawCell[][]): RawSheet {
  return { name, hidden: false, rows, hiddenRows: [], merges: [] };
}

function table(s: RawSheet, options: TableOptions = {}, fileName = '台账.xlsx'): TablePreview {
  const reading = readSheet(s, fileName, options);
  if (!reading.ok) throw new Error(`sheet ${s.name} not read: ${reading.reason}`);
  return reading.table;
}

const VISITS = sheet('走访', [
  ['2023年XX镇政协委员走访群众台账', null, null, null],
  ['日期', '委员', '人数', '资料'],
  ['2023-03-05', '江峰', 12, 20],
  ['2023-03-06', '王霞美', 8, 10],
]);

describe('options.roles', () => {
  it('overrides the dictionary for a column, and the records follow', () => {
    const auto = table(VISITS);
    expect(auto.mappingSource).toBe('auto');
    expect(auto.roles[2]).toEqual({ kind: 'measure', measure: 'people', scale: 1 });
    expect(auto.records[0]?.values).toEqual({ people: 12, items: 20 });

    const roles: ColumnRole[] = [
      { kind: 'date' },
      { kind: 'members' },
      { kind: 'measure', measure: 'households', scale: 1 },
      { kind: 'measure', measure: 'items', scale: 1 },
    ];
    const t = table(VISITS, { roles });
    expect(t.mappingSource).toBe('user');
    expect(t.roles).toEqual(roles);
    expect(t.confidence).toEqual([1, 1, 1, 1]);
    expect(t.records.map((r) => r.values)).toEqual([
      { households: 12, items: 20 },
      { households: 8, items: 10 },
    ]);
  });

  it('leaves the columns after a shorter list to the dictionary', () => {
    const t = table(VISITS, { roles: [{ kind: 'date' }, { kind: 'place' }] });
    expect(t.mappingSource).toBe('user');
    expect(t.roles.map((r) => r.kind)).toEqual(['date', 'place', 'measure', 'measure']);
    expect(t.records.map((r) => [r.place, r.members])).toEqual([
      ['江峰', []],
      ['王霞美', []],
    ]);
  });

  it('ignores a column the clerk sets to ignore', () => {
    const t = table(VISITS, {
      roles: [
        { kind: 'date' },
        { kind: 'members' },
        { kind: 'ignore' },
        { kind: 'measure', measure: 'items', scale: 1 },
      ],
    });
    expect(t.records.map((r) => r.values)).toEqual([{ items: 20 }, { items: 10 }]);
  });

  it('reads money in 万元 when the clerk says so', () => {
    const t = table(VISITS, {
      roles: [
        { kind: 'date' },
        { kind: 'members' },
        { kind: 'ignore' },
        { kind: 'measure', measure: 'amount', scale: 10000 },
      ],
    });
    expect(t.records.map((r) => r.values)).toEqual([{ amount: 200000 }, { amount: 100000 }]);
  });

  it('changes the shape when the roles chosen make months across', () => {
    const s = sheet('Sheet1', [
      ['2023年统计表', null, null, null, null],
      ['项目', '单位', '一', '二', '三'],
      ['走访群众', '人次', 10, 20, 30],
    ]);
    const t = table(s, {
      roles: [
        { kind: 'item' },
        { kind: 'itemUnit' },
        { kind: 'month', month: 1 },
        { kind: 'month', month: 2 },
        { kind: 'month', month: 3 },
      ],
    });
    expect(t.shape).toBe('wide');
    expect(t.records.map((r) => [r.date, r.category, r.values])).toEqual([
      ['2023-01', '走访', { people: 10 }],
      ['2023-02', '走访', { people: 20 }],
      ['2023-03', '走访', { people: 30 }],
    ]);
  });

  it('changes the shape to stats when the clerk gives measures two categories', () => {
    const s = sheet('Sheet1', [
      ['2023年统计表', null, null],
      ['村', '人次', '期数'],
      ['东山村', 30, 2],
    ]);
    const t = table(s, {
      roles: [
        { kind: 'place' },
        { kind: 'measure', measure: 'people', scale: 1, category: '走访' },
        { kind: 'measure', measure: 'count', scale: 1, category: '培训' },
      ],
    });
    expect(t.shape).toBe('stats');
    expect(t.records.map((r) => [r.category, r.place, r.values, r.tally])).toEqual([
      ['走访', '东山村', { people: 30 }, true],
      ['培训', '东山村', { count: 2 }, true],
    ]);
  });
});

describe('options.headerStart / headerEnd', () => {
  // The first row looks like a header (an old header row left above the real one).
  const s = sheet('走访', [
    ['日期', '委员', '人数', '户数'],
    ['走访日期', '走访委员', '走访人次', '走访户数'],
    ['2023-03-05', '江峰', 12, 5],
    ['2023-03-06', '王霞美', 8, 3],
  ]);

  it('moves the header down one row', () => {
    const auto = table(s);
    expect([auto.headerStart, auto.headerEnd]).toEqual([1, 1]);

    const t = table(s, { headerStart: 2, headerEnd: 2 });
    expect([t.headerStart, t.headerEnd]).toEqual([2, 2]);
    expect(t.headers).toEqual(['走访日期', '走访委员', '走访人次', '走访户数']);
    expect(t.records.map((r) => r.source.row)).toEqual([3, 4]);
    expect(t.records.map((r) => [r.date, r.members, r.values])).toEqual([
      ['2023-03-05', ['江峰'], { people: 12, households: 5 }],
      ['2023-03-06', ['王霞美'], { people: 8, households: 3 }],
    ]);
    expect(t.skipped.find((x) => x.row === 1)?.reason).toBe('title');
    expect(t.skipped.find((x) => x.row === 2)?.reason).toBe('header');
    expect(t.warnings).toEqual([]);
  });

  it('takes a one-row band from headerStart alone', () => {
    const t = table(s, { headerStart: 2 });
    expect([t.headerStart, t.headerEnd]).toEqual([2, 2]);
  });

  it('joins two rows into one band', () => {
    const t = table(s, { headerStart: 1, headerEnd: 2 });
    expect([t.headerStart, t.headerEnd]).toEqual([1, 2]);
    expect(t.headers).toEqual(['日期·走访日期', '委员·走访委员', '人数·走访人次', '户数·走访户数']);
    expect(t.records.map((r) => r.source.row)).toEqual([3, 4]);
  });

  it('never makes a band end above its start or run past four rows', () => {
    const t = table(s, { headerStart: 2, headerEnd: 1 });
    expect([t.headerStart, t.headerEnd]).toEqual([2, 2]);
    const long = sheet('走访', [
      ...Array.from({ length: 6 }, (): RawCell[] => ['日期', '委员']),
      ['2023-03-05', '江峰'],
    ]);
    const u = table(long, { headerStart: 1, headerEnd: 6 });
    expect([u.headerStart, u.headerEnd]).toEqual([1, 4]);
  });
});

describe('options.category', () => {
  const s = sheet('Sheet1', [
    ['日期', '委员', '人数'],
    ['2023-03-05', '江峰', 12],
  ]);

  it('is needed when nothing names the category', () => {
    const t = table(s);
    expect(t.category).toBe('');
    expect(t.categorySource).toBe('none');
    expect(t.records[0]?.category).toBe('');
    expect(t.warnings).toContainEqual({ kind: 'no-category' });
  });

  it('fills the records without a category', () => {
    const t = table(s, { category: '走访' });
    expect(t.category).toBe('走访');
    expect(t.categorySource).toBe('user');
    expect(t.records.map((r) => r.category)).toEqual(['走访']);
    expect(t.warnings).not.toContainEqual({ kind: 'no-category' });
  });

  it('wins over the title, and leaves a 类别 column to name its own rows', () => {
    const t = table(
      sheet('走访', [
        ['2023年走访台账', null, null, null],
        ['日期', '类别', '委员', '人数'],
        ['2023-03-05', '培训', '江峰', 30],
        ['2023-03-06', '', '王霞美', 8],
      ]),
      { category: '调研' },
    );
    expect(t.categorySource).toBe('user');
    expect(t.records.map((r) => r.category)).toEqual(['培训', '调研']);
  });
});

describe('previewWorkbook with saved mappings', () => {
  const auto = table(VISITS);
  const roles: ColumnRole[] = [
    { kind: 'date' },
    { kind: 'members' },
    { kind: 'measure', measure: 'households', scale: 1 },
    { kind: 'ignore' },
  ];
  const mapping = (signature: string, r: ColumnRole[] = roles): SavedMapping => ({
    signature,
    headers: auto.headers,
    roles: r,
    category: '调研',
    headerStart: auto.headerStart,
    headerEnd: auto.headerEnd,
    updatedAt: '2024-01-05T00:00:00.000Z',
  });
  const wb = { fileName: '2023年台账.xlsx', sheets: [VISITS] };

  it('signs the table by its headers', () => {
    expect(auto.signature).toBe('日期|委员|人数|资料');
    expect(auto.signature).toBe(headerSignature(auto.headers));
  });

  it('applies a mapping whose signature matches', () => {
    const p = previewWorkbook(wb, 'h', [mapping('别的|表头'), mapping(auto.signature)]);
    const t = p.tables[0];
    expect(t?.mappingSource).toBe('saved');
    expect(t?.roles).toEqual(roles);
    expect(t?.records.map((r) => r.values)).toEqual([{ households: 12 }, { households: 8 }]);
    // The saved category is the clerk's: it wins over the 走访 of the title.
    expect(t?.category).toBe('调研');
    expect(t?.categorySource).toBe('user');
  });

  it('reads the table by itself when no signature matches', () => {
    const p = previewWorkbook(wb, 'h', [mapping('日期|委员|人数|户数')]);
    const t = p.tables[0];
    expect(t?.mappingSource).toBe('auto');
    expect(t?.roles).toEqual(auto.roles);
    expect(t?.category).toBe('走访');
  });

  it('does not apply a mapping with a different number of columns', () => {
    const p = previewWorkbook(wb, 'h', [mapping(auto.signature, roles.slice(0, 3))]);
    expect(p.tables[0]?.mappingSource).toBe('auto');
  });

  it('turns a mapping into the options it stands for', () => {
    expect(optionsFromMapping(mapping('x'))).toEqual({
      headerStart: auto.headerStart,
      headerEnd: auto.headerEnd,
      roles,
      category: '调研',
    });
  });
});
