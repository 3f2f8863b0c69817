import { describe, expect, it } from 'vitest';
import {
  applyFilter,
  categoryChoices,
  filterChoices,
  matchesFilter,
  type LedgerFilter,
} from '../../src/core/filters';
import type { Period } from '../../src/core/period';
import type { NewRecord } from '../../src/core/schema';
import { rec } from '../helpers/records';

const RECORDS: NewRecord[] = [
  rec(
    '走访',
    {},
    { subject: 'a', date: '2023-03-05', members: ['江峰', '王霞美'], place: '青山村', unit: '青山镇' },
  ),
  rec('走访', {}, { subject: 'b', date: '2023-07-12', members: ['江峰'], place: '河东村', unit: '青山镇' }),
  rec('培训', {}, { subject: 'c', date: '2023-11', members: ['王霞美'], place: '青山村', unit: '青山镇' }),
  rec('提案', {}, { subject: 'd', date: '2022-12-30', members: ['李明'], place: '', unit: '白水镇' }),
  rec('会议', {}, { subject: 'e', date: '2023', members: [], place: '河东村', unit: '' }),
  rec('学习', {}, { subject: 'f', date: '', members: ['江峰'], place: '青山村', unit: '青山镇' }),
];

const ALL: Period = { kind: 'all' };
const filter = (f: Partial<LedgerFilter>): LedgerFilter => ({
  period: ALL,
  category: '',
  member: '',
  place: '',
  unit: '',
  ...f,
});
const subjects = (f: Partial<LedgerFilter>) => applyFilter(RECORDS, filter(f)).map((r) => r.subject);

describe('applyFilter', () => {
  it.each<[string, Partial<LedgerFilter>, string[]]>([
    ['nothing', {}, ['a', 'b', 'c', 'd', 'e', 'f']],
    [
      'year 2023 (a year-only date counts, an undated record does not)',
      { period: { kind: 'year', year: 2023 } },
      ['a', 'b', 'c', 'e'],
    ],
    ['year 2022', { period: { kind: 'year', year: 2022 } }, ['d']],
    ['first half', { period: { kind: 'half', year: 2023, half: 1 } }, ['a']],
    ['second half (a month-only date counts)', { period: { kind: 'half', year: 2023, half: 2 } }, ['b', 'c']],
    ['Q3', { period: { kind: 'quarter', year: 2023, quarter: 3 } }, ['b']],
    ['November', { period: { kind: 'month', year: 2023, month: 11 } }, ['c']],
    // A range keeps a record whose date overlaps it, so a year-only date of that year is kept.
    ['a range', { period: { kind: 'range', from: '2023-03-01', to: '2023-07-31' } }, ['a', 'b', 'e']],
    ['a member named with another', { member: '王霞美' }, ['a', 'c']],
    ['a member', { member: '江峰' }, ['a', 'b', 'f']],
    ['a member with no records', { member: '张丽' }, []],
    ['a place', { place: '河东村' }, ['b', 'e']],
    ['a unit', { unit: '白水镇' }, ['d']],
    ['member and place', { member: '江峰', place: '青山村' }, ['a', 'f']],
    ['a category', { category: '走访' }, ['a', 'b']],
    ['a category with no records', { category: '资金' }, []],
    ['category and member', { category: '走访', member: '王霞美' }, ['a']],
    [
      'category and a custom range',
      { category: '培训', period: { kind: 'range', from: '2023-11-01', to: '2023-11-30' } },
      ['c'],
    ],
    [
      'period, member, place and unit',
      { period: { kind: 'year', year: 2023 }, member: '江峰', place: '青山村', unit: '青山镇' },
      ['a'],
    ],
  ])('%s', (_name, f, expected) => {
    expect(subjects(f)).toEqual(expected);
  });

  it('returns a copy, never the array it was given', () => {
    const out = applyFilter(RECORDS, filter({}));
    expect(out).toEqual(RECORDS);
    expect(out).not.toBe(RECORDS);
  });

  it('agrees with matchesFilter', () => {
    const f = filter({ period: { kind: 'year', year: 2023 }, member: '江峰' });
    expect(applyFilter(RECORDS, f)).toEqual(RECORDS.filter((r) => matchesFilter(r, f)));
  });
});

describe('filterChoices', () => {
  it('lists members most frequent first, each once, without blanks', () => {
    expect(filterChoices(RECORDS, 'members')).toEqual(['江峰', '王霞美', '李明']);
  });

  it('lists places most frequent first, without the blank place', () => {
    expect(filterChoices(RECORDS, 'place')).toEqual(['青山村', '河东村']);
  });

  it('lists units most frequent first', () => {
    expect(filterChoices(RECORDS, 'unit')).toEqual(['青山镇', '白水镇']);
  });

  it('orders ties by name (pinyin), stably', () => {
    const records = ['张丽', '李明', '王霞美', '江峰'].map((m) => rec('走访', {}, { members: [m] }));
    const order = filterChoices(records, 'members');
    expect(order).toEqual(filterChoices([...records].reverse(), 'members'));
    expect(order).toEqual([...order].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(order).toHaveLength(4);
  });

  it('gives nothing for no records', () => {
    expect(filterChoices([], 'members')).toEqual([]);
  });
});

describe('categoryChoices', () => {
  it.each<[string, string[], string[]]>([
    ['nothing', [], []],
    [
      'known categories in their usual order, each once',
      ['学习', '走访', '提案', '走访'],
      ['走访', '提案', '学习'],
    ],
    [
      'other categories after the known ones, by name',
      ['清理垃圾', '会议', '拆除违建'],
      ['会议', '拆除违建', '清理垃圾'],
    ],
  ])('%s', (_name, categories, want) => {
    expect(categoryChoices(categories.map((c) => rec(c)))).toEqual(want);
  });
});
