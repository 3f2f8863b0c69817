/**
 * Column plans (src/core/import/columns.ts): the role of every column and the shape of the table.
 */
import { describe, expect, it } from 'vitest';
import { measureOfUnit, planColumns } from '../../src/core/import/columns';
import type { ImportWarning } from '../../src/core/import/types';
import type { ColumnRole } from '../../src/core/schema';

function plan(headers: string[], moneyScale: number | null = null) {
  const warnings: ImportWarning[] = [];
  const p = planColumns(headers, moneyScale, warnings);
  return { ...p, warnings };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

describe('planColumns: an event ledger', () => {
  it('reads 日期 | 委员 | 人数 | 户数 as one event per row', () => {
    const p = plan(['日期', '委员', '人数', '户数']);
    expect(p.shape).toBe('rows');
    expect(p.roles).toEqual<ColumnRole[]>([
      { kind: 'date' },
      { kind: 'members' },
      { kind: 'measure', measure: 'people', scale: 1 },
      { kind: 'measure', measure: 'households', scale: 1 },
    ]);
    expect(p.confidence).toEqual([1, 1, 1, 1]);
    expect(p.warnings).toEqual([]);
  });

  it('ignores 序号 and blank headers', () => {
    const p = plan(['序号', '日期', '', '委员']);
    expect(p.roles[0]).toEqual({ kind: 'ignore' });
    expect(p.roles[2]).toEqual({ kind: 'ignore' });
    expect(p.confidence[2]).toBe(0);
  });

  it('drops the category word of an event ledger column (走访人数 is a hint, not a split)', () => {
    const p = plan(['日期', '委员', '走访人数', '走访户数']);
    expect(p.shape).toBe('rows');
    expect(p.roles[2]).toEqual({ kind: 'measure', measure: 'people', scale: 1 });
    expect(p.roles[3]).toEqual({ kind: 'measure', measure: 'households', scale: 1 });
  });

  it('keeps an event ledger with a 类别 column as rows even when measures name categories', () => {
    const p = plan(['日期', '类别', '走访·人次', '培训·期数']);
    expect(p.shape).toBe('rows');
  });
});

describe('planColumns: money', () => {
  it('applies 单位：万元 from above the header to a unitless 金额 column', () => {
    const p = plan(['日期', '项目名称', '金额'], 10000);
    expect(p.roles[2]).toEqual({ kind: 'measure', measure: 'amount', scale: 10000 });
    expect(p.warnings).toEqual([]);
  });

  it('applies 单位：元 as well', () => {
    const p = plan(['日期', '项目名称', '金额'], 1);
    expect(p.roles[2]).toEqual({ kind: 'measure', measure: 'amount', scale: 1 });
    expect(p.warnings).toEqual([]);
  });

  it('assumes 元 for a unitless 金额 column without a unit line, and says so', () => {
    const p = plan(['日期', '项目名称', '金额']);
    expect(p.roles[2]).toEqual({ kind: 'measure', measure: 'amount', scale: 1 });
    expect(p.warnings).toEqual([{ kind: 'assumed-yuan', column: '金额' }]);
  });

  it('lets the unit in a header win over the unit line', () => {
    const p = plan(['日期', '金额(元)'], 10000);
    expect(p.roles[1]).toEqual({ kind: 'measure', measure: 'amount', scale: 1 });
    const q = plan(['日期', '金额(万元)'], 1);
    expect(q.roles[1]).toEqual({ kind: 'measure', measure: 'amount', scale: 10000 });
    expect(q.warnings).toEqual([]);
  });
});

describe('planColumns: duplicate roles', () => {
  it('keeps the first of two people columns and warns about the second', () => {
    const p = plan(['日期', '委员', '人数', '人次']);
    expect(p.roles[2]).toEqual({ kind: 'measure', measure: 'people', scale: 1 });
    expect(p.roles[3]).toEqual({ kind: 'ignore' });
    expect(p.warnings).toEqual([{ kind: 'duplicate-role', column: '人次' }]);
  });

  it('keeps the first of two date columns', () => {
    const p = plan(['日期', '活动日期', '委员']);
    expect(p.roles.map((r) => r.kind)).toEqual(['date', 'ignore', 'members']);
    expect(p.warnings).toEqual([{ kind: 'duplicate-role', column: '活动日期' }]);
  });

  it('does not count the same measure of two categories twice in a statistics table', () => {
    const p = plan(['村', '走访·人次', '培训·人次']);
    expect(p.shape).toBe('stats');
    expect(p.warnings).toEqual([]);
  });
});

describe('planColumns: months across', () => {
  it('reads 项目 | 单位 | 1月 … 12月 | 全年合计 as a wide table', () => {
    const p = plan(['项目', '单位', ...MONTHS, '全年合计']);
    expect(p.shape).toBe('wide');
    expect(p.roles).toEqual<ColumnRole[]>([
      { kind: 'item' },
      { kind: 'itemUnit' },
      ...MONTHS.map((_, i): ColumnRole => ({ kind: 'month', month: i + 1 })),
      { kind: 'rowTotal' },
    ]);
  });

  it('reads quarters across as months 1, 4, 7 and 10, flagged as quarters', () => {
    const p = plan(['项目', '单位', '一季度', '二季度', '三季度', '四季度', '合计']);
    expect(p.shape).toBe('wide');
    expect(p.roles).toEqual<ColumnRole[]>([
      { kind: 'item' },
      { kind: 'itemUnit' },
      { kind: 'month', month: 1, quarter: true },
      { kind: 'month', month: 4, quarter: true },
      { kind: 'month', month: 7, quarter: true },
      { kind: 'month', month: 10, quarter: true },
      { kind: 'rowTotal' },
    ]);
  });

  it('takes the first named column left of the months as the item when none is called 项目', () => {
    const p = plan(['序号', '类目', '计量单位', '1月', '2月', '3月', '备注']);
    expect(p.shape).toBe('wide');
    expect(p.roles.map((r) => r.kind)).toEqual([
      'ignore',
      'item',
      'itemUnit',
      'month',
      'month',
      'month',
      'ignore',
    ]);
    expect(p.confidence[1]).toBeLessThan(1);
  });

  it('reads flattened month headers (2023年·1月) by their leaf', () => {
    const p = plan(['项目', '2023年·1月', '2023年·2月', '2023年·3月']);
    expect(p.shape).toBe('wide');
    expect(p.roles.slice(1)).toEqual([
      { kind: 'month', month: 1 },
      { kind: 'month', month: 2 },
      { kind: 'month', month: 3 },
    ]);
  });

  it('needs three month columns: two are not a wide table', () => {
    expect(plan(['项目', '1月', '2月']).shape).not.toBe('wide');
  });
});

describe('planColumns: a statistics table of several categories', () => {
  const p = plan([
    '村(社区)',
    '走访·人次',
    '走访·户数',
    '培训·期数',
    '培训·人次',
    '提案(件)',
    '一事一议资金(万元)',
  ]);

  it('is a stats table', () => {
    expect(p.shape).toBe('stats');
    expect(p.warnings).toEqual([]);
  });

  it('gives each measure its category and the money its scale', () => {
    expect(p.roles).toEqual<ColumnRole[]>([
      { kind: 'place' },
      { kind: 'measure', measure: 'people', scale: 1, category: '走访' },
      { kind: 'measure', measure: 'households', scale: 1, category: '走访' },
      { kind: 'measure', measure: 'count', scale: 1, category: '培训' },
      { kind: 'measure', measure: 'people', scale: 1, category: '培训' },
      { kind: 'measure', measure: 'count', scale: 1, category: '提案' },
      { kind: 'measure', measure: 'amount', scale: 10000, category: '资金' },
    ]);
  });
});

describe('measureOfUnit', () => {
  it.each<[string, ReturnType<typeof measureOfUnit>]>([
    ['人次', { measure: 'people', scale: 1 }],
    ['人', { measure: 'people', scale: 1 }],
    ['名', { measure: 'people', scale: 1 }],
    ['户', { measure: 'households', scale: 1 }],
    ['户次', { measure: 'households', scale: 1 }],
    ['份', { measure: 'items', scale: 1 }],
    ['册', { measure: 'items', scale: 1 }],
    ['期', { measure: 'count', scale: 1 }],
    ['次', { measure: 'count', scale: 1 }],
    ['场次', { measure: 'count', scale: 1 }],
    ['件', { measure: 'count', scale: 1 }],
    ['条', { measure: 'count', scale: 1 }],
    ['万元', { measure: 'amount', scale: 10000 }],
    ['元', { measure: 'amount', scale: 1 }],
    ['亿元', { measure: 'amount', scale: 100_000_000 }],
    ['（万元）', { measure: 'amount', scale: 10000 }],
    [' 人 次 ', { measure: 'people', scale: 1 }],
    ['吨', { measure: 'custom:吨', scale: 1 }],
    ['间', { measure: 'custom:间', scale: 1 }],
    ['', null],
    ['  ', null],
    ['kg', null],
    ['12', null],
  ])('%j → %j', (unit, expected) => {
    expect(measureOfUnit(unit)).toEqual(expected);
  });
});
