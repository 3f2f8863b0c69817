import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalsByCategory, type CategoryTotals } from '../../src/core/aggregate';
import { buildDemo } from '../../src/core/demo';
import {
  columnGroups,
  pivot,
  pivotSheet,
  rowPeriod,
  type Pivot,
  type PivotBy,
  type PivotColumn,
  type PivotMeasure,
} from '../../src/core/pivot';
import type { LedgerRecord, MeasureValues, ProposalStatus, Satisfaction } from '../../src/core/schema';

type Rec = Pick<
  LedgerRecord,
  'date' | 'category' | 'members' | 'place' | 'unit' | 'values' | 'status' | 'satisfaction' | 'tally'
>;

function rec(category: string, extra: Partial<Rec> = {}): Rec {
  return {
    date: '2023-03-05',
    category,
    members: [],
    place: '',
    unit: '',
    values: {},
    status: '',
    satisfaction: '',
    ...extra,
  };
}

/** The pivot as { row key: { 'category·measure': value } }, leaving out empty cells. */
function cells(p: Pivot): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const row of p.rows) {
    const r: Record<string, number> = {};
    p.columns.forEach((c, i) => {
      const v = row.values[i];
      if (v !== null && v !== undefined) r[`${c.category}·${c.measure}`] = v;
    });
    r['合计·records'] = row.records;
    r['合计·events'] = row.events;
    out[row.key] = r;
  }
  return out;
}

function totalsRow(p: Pivot): Record<string, number> {
  const r: Record<string, number> = {};
  p.columns.forEach((c, i) => {
    const v = p.columnTotals[i];
    if (v !== null && v !== undefined) r[`${c.category}·${c.measure}`] = v;
  });
  r['合计·records'] = p.records;
  r['合计·events'] = p.events;
  return r;
}

/** A figure of the totals table, as TotalsTable shows it (次数 falls back to the records). */
function totalsFigure(t: CategoryTotals, measure: PivotMeasure): number | undefined {
  switch (measure) {
    case 'records':
      return t.records;
    case 'count':
      return t.measures.count ?? t.records;
    case 'answered':
    case 'done':
    case 'satisfied':
      return t.proposal?.[measure];
    default:
      return t.measures[measure];
  }
}

describe('pivot: rows, columns and totals', () => {
  it.each<[string, PivotBy, Rec[], Record<string, Record<string, number>>, Record<string, number>]>([
    ['nothing', 'month', [], {}, { '合计·records': 0, '合计·events': 0 }],
    [
      'by month: months in order, a 期数 column adds its value, the records column shows when it differs',
      'month',
      [
        rec('培训', { date: '2023-04-02', values: { count: 2, people: 40 } }),
        rec('走访', { date: '2023-03-05', values: { people: 6, households: 3 } }),
        rec('走访', { date: '2023-03', values: { people: 4 } }),
        rec('培训', { date: '2023-03-09', values: { people: 25 } }),
      ],
      {
        '2023-03': {
          '走访·count': 2,
          '走访·people': 10,
          '走访·households': 3,
          '培训·records': 1,
          '培训·count': 1,
          '培训·people': 25,
          '合计·records': 3,
          '合计·events': 3,
        },
        '2023-04': {
          '培训·records': 1,
          '培训·count': 2,
          '培训·people': 40,
          '合计·records': 1,
          '合计·events': 2,
        },
      },
      {
        '走访·count': 2,
        '走访·people': 10,
        '走访·households': 3,
        '培训·records': 2,
        '培训·count': 3,
        '培训·people': 65,
        '合计·records': 4,
        '合计·events': 5,
      },
    ],
    [
      'by month: undated and year-only records in a row of their own, last',
      'month',
      [rec('会议', { date: '' }), rec('会议', { date: '2023' }), rec('会议', { date: '2023-12-01' })],
      {
        '2023-12': { '会议·count': 1, '合计·records': 1, '合计·events': 1 },
        '': { '会议·count': 2, '合计·records': 2, '合计·events': 2 },
      },
      { '会议·count': 3, '合计·records': 3, '合计·events': 3 },
    ],
    [
      'by quarter: month-only dates fall in their quarter; years kept apart',
      'quarter',
      [
        rec('走访', { date: '2022-12-30' }),
        rec('走访', { date: '2023-03' }),
        rec('走访', { date: '2023-01-15' }),
        rec('走访', { date: '2023-10-01' }),
      ],
      {
        '2022-Q4': { '走访·count': 1, '合计·records': 1, '合计·events': 1 },
        '2023-Q1': { '走访·count': 2, '合计·records': 2, '合计·events': 2 },
        '2023-Q4': { '走访·count': 1, '合计·records': 1, '合计·events': 1 },
      },
      { '走访·count': 4, '合计·records': 4, '合计·events': 4 },
    ],
    [
      'by member: a record of two members counts in both rows, so the totals exceed the events',
      'member',
      [
        rec('走访', { members: ['江峰', '王霞美'], values: { people: 6 } }),
        rec('走访', { members: ['江峰'], values: { people: 4 } }),
        rec('走访', { members: ['江峰', '江峰'], values: { people: 1 } }),
        rec('走访', { members: [], values: { people: 2 } }),
      ],
      {
        江峰: { '走访·count': 3, '走访·people': 11, '合计·records': 3, '合计·events': 3 },
        王霞美: { '走访·count': 1, '走访·people': 6, '合计·records': 1, '合计·events': 1 },
        '': { '走访·count': 1, '走访·people': 2, '合计·records': 1, '合计·events': 1 },
      },
      { '走访·count': 5, '走访·people': 19, '合计·records': 5, '合计·events': 5 },
    ],
    [
      'by place: most events first, ties by name, blank place last (trimmed)',
      'place',
      [
        rec('走访', { place: '柳塘村' }),
        rec('走访', { place: ' 青山村 ' }),
        rec('走访', { place: '青山村' }),
        rec('走访', { place: '' }),
        rec('走访', { place: '白沙村' }),
      ],
      {
        青山村: { '走访·count': 2, '合计·records': 2, '合计·events': 2 },
        白沙村: { '走访·count': 1, '合计·records': 1, '合计·events': 1 },
        柳塘村: { '走访·count': 1, '合计·records': 1, '合计·events': 1 },
        '': { '走访·count': 1, '合计·records': 1, '合计·events': 1 },
      },
      { '走访·count': 5, '合计·records': 5, '合计·events': 5 },
    ],
    [
      'by unit: money summed exactly in 元 (0.1 + 0.2 = 0.3)',
      'unit',
      [
        rec('资金', { unit: '青山镇', values: { amount: 0.1 } }),
        rec('资金', { unit: '青山镇', values: { amount: 0.2 } }),
        rec('资金', { unit: '白水镇', values: { amount: 4536800.55 } }),
      ],
      {
        青山镇: { '资金·count': 2, '资金·amount': 0.3, '合计·records': 2, '合计·events': 2 },
        白水镇: { '资金·count': 1, '资金·amount': 4536800.55, '合计·records': 1, '合计·events': 1 },
      },
      { '资金·count': 3, '资金·amount': 4536800.85, '合计·records': 3, '合计·events': 3 },
    ],
    [
      'proposals: 已答复, 已办结 and 满意 per row',
      'month',
      [
        rec('提案', { date: '2023-03-01', status: '已办结', satisfaction: '满意' }),
        rec('提案', { date: '2023-03-02', status: '已答复', satisfaction: '不满意' }),
        rec('提案', { date: '2023-04-02', status: '已提交' }),
      ],
      {
        '2023-03': {
          '提案·count': 2,
          '提案·answered': 2,
          '提案·done': 1,
          '提案·satisfied': 1,
          '合计·records': 2,
          '合计·events': 2,
        },
        '2023-04': {
          '提案·count': 1,
          '提案·answered': 0,
          '提案·done': 0,
          '提案·satisfied': 0,
          '合计·records': 1,
          '合计·events': 1,
        },
      },
      {
        '提案·count': 3,
        '提案·answered': 2,
        '提案·done': 1,
        '提案·satisfied': 1,
        '合计·records': 3,
        '合计·events': 3,
      },
    ],
    [
      'a statistics figure without a count adds no event where the category has counts elsewhere (记录数 shown)',
      'month',
      [
        rec('走访', { date: '2023-01', values: { people: 40 }, tally: true }),
        rec('走访', { date: '2023-02-03', values: { people: 5 } }),
      ],
      {
        '2023-01': { '走访·records': 1, '走访·people': 40, '合计·records': 1, '合计·events': 0 },
        '2023-02': {
          '走访·records': 1,
          '走访·count': 1,
          '走访·people': 5,
          '合计·records': 1,
          '合计·events': 1,
        },
      },
      { '走访·records': 2, '走访·count': 1, '走访·people': 45, '合计·records': 2, '合计·events': 1 },
    ],
    [
      'custom measures after the built-in ones',
      'category',
      [
        rec('清理垃圾', { values: { 'custom:吨': 1.5, people: 3 } }),
        rec('清理垃圾', { values: { 'custom:吨': 2.25 } }),
      ],
      {
        清理垃圾: {
          '清理垃圾·count': 2,
          '清理垃圾·people': 3,
          '清理垃圾·custom:吨': 3.75,
          '合计·records': 2,
          '合计·events': 2,
        },
      },
      {
        '清理垃圾·count': 2,
        '清理垃圾·people': 3,
        '清理垃圾·custom:吨': 3.75,
        '合计·records': 2,
        '合计·events': 2,
      },
    ],
  ])('%s', (_name, by, records, want, wantTotals) => {
    const p = pivot(records, by);
    expect(cells(p)).toEqual(want);
    expect(p.rows.map((r) => r.key)).toEqual(
      Object.keys(want).sort((a, b) => (a === '' ? 1 : b === '' ? -1 : 0)),
    );
    expect(totalsRow(p)).toEqual(wantTotals);
  });

  it('orders the columns: categories in display order, each with its measures in the table order', () => {
    const p = pivot(
      [
        rec('公益', { values: { amount: 100, people: 2 } }),
        rec('走访', { values: { items: 3, people: 1 } }),
        rec('提案', { status: '已答复' }),
      ],
      'category',
    );
    expect(p.columns.map((c) => `${c.category}·${c.measure}`)).toEqual([
      '走访·count',
      '走访·people',
      '走访·items',
      '提案·count',
      '提案·answered',
      '提案·done',
      '提案·satisfied',
      '公益·count',
      '公益·people',
      '公益·amount',
    ]);
    expect(columnGroups(p.columns)).toEqual([
      { category: '走访', span: 3 },
      { category: '提案', span: 4 },
      { category: '公益', span: 3 },
    ]);
  });
});

describe('pivot by category is the totals table', () => {
  const demo = buildDemo(2023);

  it('equals totalsByCategory exactly, figure by figure, for the demo data', () => {
    const totals = totalsByCategory(demo);
    const p = pivot(demo, 'category');
    expect(p.rows.map((r) => r.key)).toEqual(totals.map((t) => t.category));
    for (const [i, t] of totals.entries()) {
      const row = p.rows[i];
      expect(row?.records).toBe(t.records);
      p.columns.forEach((c, k) => {
        const v = row?.values[k] ?? null;
        if (c.category !== t.category) expect(v).toBeNull();
        else expect(v).toBe(totalsFigure(t, c.measure));
      });
      // Every figure the totals table has is in the pivot.
      for (const m of Object.keys(t.measures)) {
        expect(p.columns.some((c) => c.category === t.category && c.measure === m)).toBe(true);
      }
    }
  });

  it.each<PivotBy>(['category', 'month', 'quarter', 'place', 'unit'])(
    'by %s: the column totals are the totals table (demo, both years)',
    (by) => {
      const totals = totalsByCategory(demo);
      const p = pivot(demo, by);
      p.columns.forEach((c, k) => {
        const t = totals.find((x) => x.category === c.category) as CategoryTotals;
        expect([c.category, c.measure, p.columnTotals[k]]).toEqual([
          c.category,
          c.measure,
          totalsFigure(t, c.measure),
        ]);
      });
      expect(p.records).toBe(demo.length);
    },
  );

  it('by member: the column totals count a shared record once per member', () => {
    const p = pivot(demo, 'member');
    const events = pivot(demo, 'category').events;
    const shares = demo.reduce((n, r) => n + Math.max(1, new Set(r.members).size), 0);
    expect(p.records).toBe(shares);
    expect(p.events).toBeGreaterThan(events);
  });

  const record = fc.record({
    date: fc.constantFrom(
      '',
      '2022',
      '2023',
      '2023-02',
      '2023-02-03',
      '2023-05-09',
      '2023-11-30',
      '2022-12-01',
    ),
    category: fc.constantFrom('走访', '培训', '提案', '资金', '清理垃圾'),
    members: fc.array(fc.constantFrom('江峰', '王霞美', '陈国强', ''), { maxLength: 3 }),
    place: fc.constantFrom('', '青山村', '柳塘村'),
    unit: fc.constantFrom('', '青山镇', '白水镇'),
    values: fc.record(
      {
        count: fc.integer({ min: 0, max: 5 }),
        people: fc.integer({ min: 0, max: 200 }),
        amount: fc.integer({ min: 0, max: 100_000_00 }).map((fen) => fen / 100),
        'custom:吨': fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<MeasureValues>,
    status: fc.constantFrom<ProposalStatus | ''>('', '已提交', '已立案', '已答复', '已办结'),
    satisfaction: fc.constantFrom<Satisfaction | ''>('', '满意', '基本满意', '不满意'),
    tally: fc.boolean(),
  });

  it('for any records: every non-overlapping pivot adds up to the totals table, exactly', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 40 }),
        fc.constantFrom<PivotBy>('category', 'month', 'quarter', 'place', 'unit'),
        (records, by) => {
          const totals = totalsByCategory(records);
          const p = pivot(records, by);
          p.columns.forEach((c, k) => {
            const t = totals.find((x) => x.category === c.category) as CategoryTotals;
            expect(p.columnTotals[k]).toBe(totalsFigure(t, c.measure));
          });
          expect(p.records).toBe(records.length);
          // Each row's 合计 adds up its own cells.
          for (const row of p.rows) {
            const events = p.columns.reduce(
              (n, c, k) => n + (c.measure === 'count' ? (row.values[k] ?? 0) : 0),
              0,
            );
            expect(row.events).toBe(events);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('rowPeriod', () => {
  it.each<[PivotBy, string, ReturnType<typeof rowPeriod>]>([
    ['month', '2023-03', { kind: 'month', year: 2023, month: 3 }],
    ['month', '2023-12', { kind: 'month', year: 2023, month: 12 }],
    ['month', '', null],
    ['quarter', '2023-Q2', { kind: 'quarter', year: 2023, quarter: 2 }],
    ['quarter', '', null],
    ['member', '江峰', null],
  ])('%s %s', (by, key, want) => {
    expect(rowPeriod(by, key)).toEqual(want);
  });
});

describe('pivotSheet', () => {
  it('lays the pivot out with its headers, 合计 and money in 万元', () => {
    const p = pivot(
      [
        rec('走访', { date: '2023-03-05', values: { people: 6 } }),
        rec('资金', { date: '2023-04-01', values: { amount: 125000.5 } }),
        rec('资金', { date: '', values: { amount: 0.5 } }),
      ],
      'month',
    );
    const label = (c: PivotColumn) => `${c.measure}`;
    const sheet = pivotSheet(p, {
      title: '青山镇2023年各类工作汇总表（按月）',
      unitLine: '单位：万元',
      sheetName: '汇总表',
      rowHeader: '月份',
      rowLabel: (k) => k || '未注明月份',
      measureLabel: label,
      total: '合计',
      records: '记录数',
      events: '活动次数',
      note: '注',
    });
    expect(sheet.groups).toEqual([
      { label: '月份', span: 1 },
      { label: '走访', span: 2 },
      { label: '资金', span: 2 },
      { label: '合计', span: 2 },
    ]);
    expect(sheet.header).toEqual(['月份', 'count', 'people', 'count', 'amount', '记录数', '活动次数']);
    expect(sheet.rows).toEqual([
      ['2023-03', 1, 6, null, null, 1, 1],
      ['2023-04', null, null, 1, 12.50005, 1, 1],
      ['未注明月份', null, null, 1, 0.00005, 1, 1],
    ]);
    expect(sheet.totalRow).toEqual(['合计', 1, 6, 2, 12.5001, 3, 3]);
    expect(sheet.moneyColumns).toEqual([4]);
  });
});
