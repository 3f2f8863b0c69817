import { describe, expect, it } from 'vitest';
import {
  customMeasures,
  displayValue,
  filterRecords,
  monthlyCounts,
  mostCommonUnit,
  totalsByCategory,
  type CategoryTotals,
} from '../../src/core/aggregate';
import type { LedgerRecord, MeasureValues, ProposalStatus, Satisfaction } from '../../src/core/schema';

type Rec = Pick<LedgerRecord, 'date' | 'category' | 'values' | 'status' | 'satisfaction'>;

function rec(category: string, values: MeasureValues = {}, extra: Partial<Rec> = {}): Rec {
  return { date: '2023-03-05', category, values, status: '', satisfaction: '', ...extra };
}

function proposal(status: ProposalStatus | '', satisfaction: Satisfaction | '' = ''): Rec {
  return rec('提案', {}, { status, satisfaction });
}

function totalsOf(records: Rec[], category: string): CategoryTotals {
  const t = totalsByCategory(records).find((x) => x.category === category);
  if (!t) throw new Error(`no totals for ${category}`);
  return t;
}

describe('totalsByCategory: counts', () => {
  it.each<[string, MeasureValues[], number]>([
    ['one event per row without a count', [{}, {}, {}], 3],
    ['a 期数 column adds its value', [{ count: 2 }, { count: 3 }], 5],
    ['a blank 期数 cell still counts the row once', [{ count: 2 }, {}, { count: 3 }], 6],
    ['an explicit 0 is respected', [{ count: 0 }, { count: 0 }], 0],
    ['measures other than count do not change the count', [{ people: 40 }, { households: 3 }], 2],
  ])('%s', (_name, values, count) => {
    const t = totalsOf(
      values.map((v) => rec('培训', v)),
      '培训',
    );
    expect(t.records).toBe(values.length);
    expect(t.measures.count).toBe(count);
  });

  it('sums each measure and leaves out measures no record carries', () => {
    const t = totalsOf(
      [rec('走访', { people: 12, households: 5 }), rec('走访', { people: 8 }), rec('走访', { items: 20 })],
      '走访',
    );
    expect(t.measures).toEqual({ count: 3, people: 20, households: 5, items: 20 });
    expect(t.measures.amount).toBeUndefined();
    expect(t.proposal).toBeNull();
  });

  it('sums custom measures like the built-in ones', () => {
    const t = totalsOf(
      [rec('清理垃圾', { 'custom:吨': 1.2 }), rec('清理垃圾', { 'custom:吨': 0.1 })],
      '清理垃圾',
    );
    expect(t.measures['custom:吨']).toBe(1.3);
  });
});

describe('totalsByCategory: amounts are exact', () => {
  it.each<[number[], number]>([
    [[0.1, 0.2], 0.3],
    [[153200.5, 86000, 23456.78, 0.01], 262657.29],
    [[125000, 2500.5, 0.07, 0.07, 0.07], 127500.71],
  ])('amounts %j → %d 元', (amounts, total) => {
    const t = totalsOf(
      amounts.map((a) => rec('资金', { amount: a })),
      '资金',
    );
    expect(t.measures.amount).toBe(total);
  });

  it('sums 120 fen amounts exactly', () => {
    const fens = Array.from({ length: 120 }, (_, i) => ((i * 7919 + 13) % 99_991) + 1);
    const t = totalsOf(
      fens.map((f) => rec('资金', { amount: f / 100 })),
      '资金',
    );
    expect(t.measures.amount).toBe(fens.reduce((a, b) => a + b, 0) / 100);
  });
});

describe('totalsByCategory: proposals', () => {
  it.each<[string, Rec[], { accepted: number; answered: number; done: number; satisfied: number }]>([
    [
      '已提交 and 已立案 are not answered',
      [proposal('已提交'), proposal('已立案')],
      { accepted: 1, answered: 0, done: 0, satisfied: 0 },
    ],
    [
      '已答复 counts as answered, not done',
      [proposal('已答复')],
      { accepted: 1, answered: 1, done: 0, satisfied: 0 },
    ],
    [
      '已办结 counts as answered and done',
      [proposal('已办结')],
      { accepted: 1, answered: 1, done: 1, satisfied: 0 },
    ],
    [
      '满意 and 基本满意 count as satisfied, 不满意 does not',
      [proposal('已办结', '满意'), proposal('已办结', '基本满意'), proposal('已答复', '不满意')],
      { accepted: 3, answered: 3, done: 2, satisfied: 2 },
    ],
    [
      'a blank status counts nowhere',
      [proposal(''), proposal('', '')],
      { accepted: 0, answered: 0, done: 0, satisfied: 0 },
    ],
    [
      'a mix as in the fixture ledger',
      [
        ...Array.from({ length: 3 }, () => proposal('已提交')),
        ...Array.from({ length: 4 }, () => proposal('已立案')),
        proposal('已答复', '满意'),
        proposal('已答复', '基本满意'),
        proposal('已答复', '不满意'),
        proposal('已答复'),
        ...Array.from({ length: 7 }, () => proposal('已办结', '满意')),
        ...Array.from({ length: 3 }, () => proposal('已办结', '基本满意')),
        proposal('已办结', '不满意'),
      ],
      { accepted: 19, answered: 15, done: 11, satisfied: 12 },
    ],
  ])('%s', (_name, records, counts) => {
    const t = totalsOf(records, '提案');
    expect(t.proposal).toEqual(counts);
    expect(t.records).toBe(records.length);
    expect(t.measures.count).toBe(records.length);
  });

  it('gives an alias of 提案 (建议案) proposal counts, and no other category any', () => {
    const totals = totalsByCategory([
      proposal('已办结'),
      rec('建议案', {}, { status: '已答复' }),
      rec('走访'),
    ]);
    expect(totals.find((t) => t.category === '建议案')?.proposal).toEqual({
      accepted: 1,
      answered: 1,
      done: 0,
      satisfied: 0,
    });
    expect(totals.find((t) => t.category === '走访')?.proposal).toBeNull();
  });
});

describe('totalsByCategory: order', () => {
  it('puts known categories in their usual order, then others by name', () => {
    const order = totalsByCategory(
      ['清理垃圾', '提案', '危房改造', '走访', '公益', '培训'].map((c) => rec(c)),
    ).map((t) => t.category);
    expect(order.slice(0, 4)).toEqual(['走访', '培训', '提案', '公益']);
    expect(order.slice(4).sort()).toEqual(['危房改造', '清理垃圾'].sort());
    expect(order).toHaveLength(6);
  });
});

describe('filterRecords', () => {
  const records = [
    rec('走访', {}, { date: '2023-03-05' }),
    rec('走访', {}, { date: '2023-03' }),
    rec('走访', {}, { date: '2022-12-31' }),
    rec('走访', {}, { date: '' }),
  ];
  it.each<[string, Parameters<typeof filterRecords>[1], number]>([
    ['all', { kind: 'all' }, 4],
    ['2023', { kind: 'year', year: 2023 }, 2],
    ['2022', { kind: 'year', year: 2022 }, 1],
    ['March 2023', { kind: 'month', year: 2023, month: 3 }, 2],
  ])('%s keeps %#', (_name, period, n) => {
    expect(filterRecords(records, period)).toHaveLength(n);
  });
});

describe('displayValue', () => {
  it.each<[Parameters<typeof displayValue>[0], number, number]>([
    ['amount', 4536800, 453.68],
    ['amount', 153200.5, 15.32005],
    ['people', 600, 600],
    ['count', 3, 3],
  ])('%s %d → %d', (measure, total, shown) => {
    expect(displayValue(measure, total)).toBe(shown);
  });
});

describe('monthlyCounts', () => {
  it('counts rows per month of the year, month-only dates included', () => {
    const records = [
      { date: '2023-01-05', category: '走访' },
      { date: '2023-01', category: '走访' },
      { date: '2023-12-31', category: '走访' },
      { date: '2023-03-05', category: '提案' },
      { date: '2022-01-01', category: '走访' },
      { date: '', category: '走访' },
      { date: '2023', category: '走访' },
    ];
    expect(monthlyCounts(records, 2023)).toEqual([
      { category: '走访', months: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] },
      { category: '提案', months: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    ]);
    expect(monthlyCounts(records, 2021)).toEqual([]);
  });
});

describe('customMeasures', () => {
  it('lists custom measures in first-seen order (categories in display order), once each', () => {
    const totals = totalsByCategory([
      rec('清理垃圾', { 'custom:吨': 2, people: 5 }),
      rec('清理垃圾', { 'custom:间': 1 }),
      rec('走访', { people: 5, 'custom:棵': 30 }),
      rec('清理垃圾', { 'custom:吨': 1 }),
    ]);
    expect(customMeasures(totals)).toEqual(['custom:棵', 'custom:吨', 'custom:间']);
    expect(customMeasures(totalsByCategory([rec('走访', { people: 1, amount: 3 })]))).toEqual([]);
  });
});

describe('mostCommonUnit', () => {
  it.each<[string[], string | null]>([
    [['青山镇政协联络办', '', '青山镇政协联络办', '白水镇政协工委'], '青山镇政协联络办'],
    [['', '甲', '乙', '乙'], '乙'],
    [['甲', '乙'], '甲'],
    [['', ''], null],
    [[], null],
  ])('%j → %s', (units, best) => {
    expect(mostCommonUnit(units.map((unit) => ({ unit })))).toBe(best);
  });
});
