import { describe, expect, it } from 'vitest';
import { totalsByCategory } from '../../src/core/aggregate';
import { headlines, yearOnYear, type Headline } from '../../src/core/headline';
import type { LedgerRecord, MeasureValues, ProposalStatus } from '../../src/core/schema';

type Rec = Pick<LedgerRecord, 'date' | 'category' | 'values' | 'status' | 'satisfaction'>;
const rec = (category: string, values: MeasureValues = {}, status: ProposalStatus | '' = ''): Rec => ({
  date: '2023-03-05',
  category,
  values,
  status,
  satisfaction: '',
});

function headlineOf(records: Rec[]): { main: Headline; second: Headline | null } {
  const t = totalsByCategory(records)[0];
  if (!t) throw new Error('no totals');
  return headlines(t);
}

const h = (measure: Headline['measure'], value: number, unit: string, label = ''): Headline => ({
  measure,
  value,
  unit,
  label,
});

describe('headlines', () => {
  it.each<[string, Rec[], Headline, Headline | null]>([
    [
      '走访: people first, then households',
      [rec('走访', { people: 12, households: 5 }), rec('走访', { people: 8, households: 2 })],
      h('people', 20, '人次'),
      h('households', 7, '户', '上户'),
    ],
    [
      '走访 without households: visits second',
      [rec('走访', { people: 12 }), rec('走访', { people: 3 })],
      h('people', 15, '人次'),
      h('count', 2, '次', '走访'),
    ],
    ['走访 with no people: the count', [rec('走访'), rec('走访')], h('count', 2, '次'), null],
    [
      '培训: sessions, then participants',
      [rec('培训', { count: 2, people: 80 }), rec('培训', { people: 40 })],
      h('count', 3, '期'),
      h('people', 120, '人次', '参与'),
    ],
    [
      '资金: money in 万元, then projects',
      [rec('资金', { amount: 4536800 }), rec('资金', { amount: 0.5 })],
      h('amount', 453.68005, '万元'),
      h('count', 2, '项', '项目'),
    ],
    ['资金 without money: the count', [rec('资金')], h('count', 1, '项'), null],
    [
      '提案: proposals, then closed ones',
      [rec('提案', {}, '已办结'), rec('提案', {}, '已答复'), rec('提案', {}, '已办结')],
      h('count', 3, '件'),
      h('count', 2, '件', '已办结'),
    ],
    ['提案 with none closed', [rec('提案', {}, '已答复')], h('count', 1, '件'), null],
    [
      '公益 with money: events, then 万元',
      [rec('公益', { amount: 25000 })],
      h('count', 1, '次'),
      h('amount', 2.5, '万元', '金额'),
    ],
    ['社情民意: 条', [rec('社情民意'), rec('社情民意')], h('count', 2, '条'), null],
  ])('%s', (_name, records, main, second) => {
    expect(headlineOf(records)).toEqual({ main, second });
  });
});

describe('yearOnYear', () => {
  it.each<[number, number | undefined, number | null]>([
    [120, 100, 20],
    [80, 100, -20],
    [100, 100, 0],
    [10, 3, 233.3],
    [1, 3, -66.7],
    [5, 0, null],
    [5, undefined, null],
  ])('yearOnYear(%d, %s) = %s', (current, previous, change) => {
    expect(yearOnYear(current, previous)).toBe(change);
  });
});
