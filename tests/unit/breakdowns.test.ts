import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalsByCategory } from '../../src/core/aggregate';
import {
  categoryShares,
  eventsPerMember,
  eventsPerPlace,
  fundsBy,
  fundsGroupedByPlace,
  preferredFundsGrouping,
  proposalHandling,
  quarterlyCounts,
  yearOverYear,
  type Ranking,
} from '../../src/core/breakdowns';
import type { MeasureValues, NewRecord } from '../../src/core/schema';
import { rec as base } from '../helpers/records';

type Rec = NewRecord;

/** A record of a category with these fields: the shared builder, figures given among the fields. */
const rec = (category: string, extra: Partial<Rec> = {}): Rec => base(category, extra.values, extra);

const by = (members: string[], values: MeasureValues = {}) => rec('走访', { members, values });
const at = (place: string, values: MeasureValues = {}) => rec('走访', { place, values });

describe('quarterlyCounts', () => {
  it.each<[string, Rec[], { category: string; quarters: number[] }[]]>([
    ['nothing', [], []],
    [
      'months fall into their quarter, month-only dates included',
      [
        rec('走访', { date: '2023-01-05' }),
        rec('走访', { date: '2023-03' }),
        rec('走访', { date: '2023-04-01' }),
        rec('走访', { date: '2023-12-31' }),
      ],
      [{ category: '走访', quarters: [2, 1, 0, 1] }],
    ],
    [
      'other years, undated and year-only records are left out',
      [
        rec('走访', { date: '2022-02-01' }),
        rec('走访', { date: '' }),
        rec('走访', { date: '2023' }),
        rec('走访', { date: '2023-07-01' }),
      ],
      [{ category: '走访', quarters: [0, 0, 1, 0] }],
    ],
    [
      'a 期数 column counts its value; a statistics figure without one counts nothing',
      [
        rec('培训', { date: '2023-05-01', values: { count: 3 } }),
        rec('培训', { date: '2023-05-02' }),
        rec('走访', { date: '2023-05-03', values: { people: 40 }, tally: true }),
      ],
      [
        { category: '走访', quarters: [0, 0, 0, 0] },
        { category: '培训', quarters: [0, 4, 0, 0] },
      ],
    ],
    [
      'categories in display order',
      [rec('公益', { date: '2023-10-01' }), rec('清理垃圾', { date: '2023-10-01' }), rec('走访')],
      [
        { category: '走访', quarters: [1, 0, 0, 0] },
        { category: '公益', quarters: [0, 0, 0, 1] },
        { category: '清理垃圾', quarters: [0, 0, 0, 1] },
      ],
    ],
  ])('%s', (_name, records, want) => {
    expect(quarterlyCounts(records, 2023)).toEqual(want);
  });
});

describe('eventsPerMember', () => {
  it.each<[string, Rec[], number, Ranking]>([
    ['no records', [], 15, { ranked: [], others: null }],
    ['records without members', [by([]), by([''])], 15, { ranked: [], others: null }],
    [
      'a record of several members counts for each, most active first, ties by name',
      [by(['江峰', '王霞美']), by(['王霞美']), by(['陈国强']), by(['江峰', '江峰'])],
      15,
      {
        ranked: [
          { name: '江峰', value: 2 },
          { name: '王霞美', value: 2 },
          { name: '陈国强', value: 1 },
        ],
        others: null,
      },
    ],
    [
      'a 次数 column counts its value',
      [by(['江峰'], { count: 4 }), by(['王霞美'])],
      15,
      {
        ranked: [
          { name: '江峰', value: 4 },
          { name: '王霞美', value: 1 },
        ],
        others: null,
      },
    ],
    [
      'beyond the limit the rest are summed as 其他',
      [by(['甲', '乙']), by(['甲', '乙']), by(['甲']), by(['丙']), by(['丁']), by(['戊'])],
      2,
      {
        ranked: [
          { name: '甲', value: 3 },
          { name: '乙', value: 2 },
        ],
        others: { names: 3, value: 3 },
      },
    ],
    [
      'exactly the limit needs no 其他',
      [by(['甲']), by(['乙'])],
      2,
      {
        ranked: [
          { name: '甲', value: 1 },
          { name: '乙', value: 1 },
        ],
        others: null,
      },
    ],
  ])('%s', (_name, records, limit, want) => {
    expect(eventsPerMember(records, limit)).toEqual(want);
  });

  it('ranks 15 and sums the rest by default', () => {
    const records = Array.from({ length: 18 }, (_, i) =>
      by([`委员${String(i).padStart(2, '0')}`], { count: 20 - i }),
    );
    const r = eventsPerMember(records);
    expect(r.ranked).toHaveLength(15);
    expect(r.ranked[0]).toEqual({ name: '委员00', value: 20 });
    expect(r.ranked[14]).toEqual({ name: '委员14', value: 6 });
    expect(r.others).toEqual({ names: 3, value: 5 + 4 + 3 });
  });
});

describe('eventsPerPlace', () => {
  it.each<[string, Rec[], Ranking]>([
    ['no records', [], { ranked: [], others: null }],
    [
      'events per place, most first; no place is ranked under an empty name',
      [at('青山村'), at('柳塘村', { count: 2 }), at('青山村'), at(' 青山村 '), at('')],
      {
        ranked: [
          { name: '青山村', value: 3 },
          { name: '柳塘村', value: 2 },
          { name: '', value: 1 },
        ],
        others: null,
      },
    ],
  ])('%s', (_name, records, want) => {
    expect(eventsPerPlace(records)).toEqual(want);
  });
});

describe('categoryShares', () => {
  it.each<[string, Rec[], { category: string; value: number; percent: number }[]]>([
    ['no records', [], []],
    [
      'events per category and their percent with one decimal',
      [rec('走访'), rec('走访'), rec('培训', { values: { count: 0 } }), rec('提案')],
      [
        { category: '走访', value: 2, percent: 66.7 },
        { category: '提案', value: 1, percent: 33.3 },
      ],
    ],
    [
      'a 期数 column counts its value',
      [rec('培训', { values: { count: 3 } }), rec('走访')],
      [
        { category: '走访', value: 1, percent: 25 },
        { category: '培训', value: 3, percent: 75 },
      ],
    ],
  ])('%s', (_name, records, want) => {
    expect(categoryShares(totalsByCategory(records))).toEqual(want);
  });
});

describe('proposalHandling', () => {
  const p = (status: Rec['status'], satisfaction: Rec['satisfaction'] = '') =>
    rec('提案', { status, satisfaction });
  it.each<[string, Rec[], ReturnType<typeof proposalHandling>]>([
    ['no proposals', [rec('走访')], null],
    [
      'each stage counts the proposals that reached it',
      [p('已提交'), p('已立案'), p('已答复', '基本满意'), p('已办结', '满意'), p('已办结', '不满意'), p('')],
      { submitted: 6, accepted: 4, answered: 3, done: 2, satisfied: 2 },
    ],
    [
      'summed over every proposal category (建议案 is one), with its 件数',
      [rec('建议案', { status: '已办结', values: { count: 2 } }), p('已答复')],
      { submitted: 3, accepted: 2, answered: 2, done: 1, satisfied: 0 },
    ],
  ])('%s', (_name, records, want) => {
    expect(proposalHandling(totalsByCategory(records))).toEqual(want);
  });
});

describe('fundsBy', () => {
  const f = (subject: string, place: string, amount: number | undefined, category = '资金') =>
    rec(category, { subject, place, values: amount === undefined ? {} : { amount } });
  const records = [
    f('青山村巷道硬化', '青山村', 350000),
    f('柳塘村饮水工程', '柳塘村', 123456.78),
    f('青山村路灯安装', '青山村', 80000.1),
    f('捐资助学', '青山村', 5000, '公益'),
    f('未填金额的项目', '石桥村', undefined),
    f('一事一议', '', 0.2),
  ];
  it.each<[string, 'subject' | 'place', number, ReturnType<typeof fundsBy>]>([
    [
      'per place in 万元, exact; other categories and blank amounts are left out',
      'place',
      10,
      {
        ranked: [
          { name: '青山村', value: 43.00001 },
          { name: '柳塘村', value: 12.345678 },
          { name: '', value: 0.00002 },
        ],
        others: null,
        total: 55.345708,
      },
    ],
    [
      'per project, top 2 and the rest as 其他',
      'subject',
      2,
      {
        ranked: [
          { name: '青山村巷道硬化', value: 35 },
          { name: '柳塘村饮水工程', value: 12.345678 },
        ],
        others: { names: 2, value: 8.00003 },
        total: 55.345708,
      },
    ],
  ])('%s', (_name, grouping, limit, want) => {
    expect(fundsBy(records, grouping, limit)).toEqual(want);
  });

  it('has nothing without funds records', () => {
    expect(fundsBy([rec('走访')], 'place')).toEqual({ ranked: [], others: null, total: 0 });
  });

  it.each<[string, Rec[], 'subject' | 'place']>([
    ['two places: per village', records, 'place'],
    ['one place: per project', [f('甲项目', '青山村', 1), f('乙项目', '青山村', 2)], 'subject'],
    ['no places: per project', [f('甲项目', '', 1), f('乙项目', ' ', 2)], 'subject'],
    [
      'places of other categories do not count',
      [f('甲', '青山村', 1), f('乙', '柳塘村', 1, '公益')],
      'subject',
    ],
  ])('preferredFundsGrouping: %s', (_name, rs, want) => {
    expect(preferredFundsGrouping(rs)).toBe(want);
  });
});

describe('yearOverYear', () => {
  const visits = (people: number) => rec('走访', { values: { people } });
  const fund = (amount: number) => rec('资金', { values: { amount } });
  it.each<[string, Rec[], Rec[], ReturnType<typeof yearOverYear>]>([
    ['nothing either year', [], [], []],
    [
      'each category in its main measure: 走访 in 人次, 资金 in 万元, others in events',
      [visits(30), visits(36), fund(150000), rec('培训'), rec('培训')],
      [visits(60), fund(100000), fund(20000), rec('培训')],
      [
        { category: '走访', measure: 'people', unit: '人次', current: 66, previous: 60, change: 10 },
        { category: '培训', measure: 'count', unit: '期', current: 2, previous: 1, change: 100 },
        { category: '资金', measure: 'amount', unit: '万元', current: 15, previous: 12, change: 25 },
      ],
    ],
    [
      'a category of one year only counts 0 in the other; no 同比 without a base',
      [rec('提案')],
      [rec('调研'), rec('调研')],
      [
        { category: '提案', measure: 'count', unit: '件', current: 1, previous: 0, change: null },
        { category: '调研', measure: 'count', unit: '次', current: 0, previous: 2, change: -100 },
      ],
    ],
  ])('%s', (_name, now, before, want) => {
    expect(yearOverYear(totalsByCategory(now), totalsByCategory(before))).toEqual(want);
  });
});

describe('fundsGroupedByPlace', () => {
  it('tells what preferredFundsGrouping chooses, without adding anything up', () => {
    const record = fc.record({
      category: fc.constantFrom('资金', '走访', '一事一议'),
      place: fc.constantFrom('', ' ', '青山村', '柳塘村', ' 青山村 '),
      amount: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (list) => {
        const records = list.map(({ category, place, amount }) =>
          rec(category, { place, values: amount === undefined ? {} : { amount } }),
        );
        expect(fundsGroupedByPlace(records)).toBe(preferredFundsGrouping(records) === 'place');
      }),
      { numRuns: 500 },
    );
  });
});
