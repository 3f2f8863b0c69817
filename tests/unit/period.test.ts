import { describe, expect, it } from 'vitest';
import {
  defaultPeriod,
  periodIncludes,
  periodKey,
  periodLabel,
  previousPeriod,
  yearsWithData,
  type Period,
} from '../../src/core/period';

const all: Period = { kind: 'all' };
const y2023: Period = { kind: 'year', year: 2023 };
const q1: Period = { kind: 'quarter', year: 2023, quarter: 1 };
const q2: Period = { kind: 'quarter', year: 2023, quarter: 2 };
const q4: Period = { kind: 'quarter', year: 2023, quarter: 4 };
const march: Period = { kind: 'month', year: 2023, month: 3 };
const december: Period = { kind: 'month', year: 2023, month: 12 };
const spring: Period = { kind: 'range', from: '2023-03-01', to: '2023-06-30' };
const midMonths: Period = { kind: 'range', from: '2023-03-15', to: '2023-04-10' };

describe('periodIncludes', () => {
  it.each<[string, Period, string, boolean]>([
    ['all', all, '2023-03-05', true],
    ['all', all, '2023-03', true],
    ['all', all, '', true],
    ['year', y2023, '2023-01-01', true],
    ['year', y2023, '2023-12-31', true],
    ['year', y2023, '2023-03', true],
    ['year', y2023, '2022-12-31', false],
    ['year', y2023, '2024-01-01', false],
    ['year', y2023, '', false],
    ['Q1', q1, '2023-01-01', true],
    ['Q1', q1, '2023-03-31', true],
    ['Q1', q1, '2023-03', true],
    ['Q1', q1, '2023-04-01', false],
    ['Q1', q1, '2022-02-01', false],
    ['Q1', q1, '', false],
    ['Q2', q2, '2023-04', true],
    ['Q2', q2, '2023-06-30', true],
    ['Q2', q2, '2023-07-01', false],
    ['Q4', q4, '2023-10', true],
    ['Q4', q4, '2023-12-31', true],
    ['Q4', q4, '2023-09-30', false],
    ['month', march, '2023-03-01', true],
    ['month', march, '2023-03-31', true],
    ['month', march, '2023-03', true],
    ['month', march, '2023-04-01', false],
    ['month', march, '2022-03-05', false],
    ['month', march, '', false],
    ['December', december, '2023-12', true],
    ['December', december, '2023-01', false],
    ['range', spring, '2023-03-01', true],
    ['range', spring, '2023-06-30', true],
    ['range', spring, '2023-02-28', false],
    ['range', spring, '2023-07-01', false],
    ['range', spring, '2023-03', true],
    ['range', spring, '2023-06', true],
    ['range', spring, '2023-02', false],
    ['range', spring, '2023-07', false],
    ['range', spring, '', false],
    ['range across months', midMonths, '2023-03-14', false],
    ['range across months', midMonths, '2023-04-10', true],
    ['range across months', midMonths, '2023-04-11', false],
    // A record known only to its month overlaps a range that cuts that month: it is kept.
    ['range across months', midMonths, '2023-03', true],
  ])('%s %j includes %j: %s', (_name, period, iso, expected) => {
    expect(periodIncludes(period, iso)).toBe(expected);
  });
});

describe('yearsWithData / defaultPeriod', () => {
  it('lists years newest first, ignoring undated records', () => {
    expect(yearsWithData(['2022-01-01', '2023-03', '', '2023-05-05', '2021-12'])).toEqual([2023, 2022, 2021]);
    expect(yearsWithData([])).toEqual([]);
  });

  it.each<[number[], Period]>([
    [[2023, 2022], { kind: 'year', year: 2023 }],
    [[2021], { kind: 'year', year: 2021 }],
    [[], { kind: 'all' }],
  ])('defaultPeriod(%j) = %j', (years, period) => {
    expect(defaultPeriod(years)).toEqual(period);
  });
});

describe('previousPeriod', () => {
  it.each<[Period, Period | null]>([
    [y2023, { kind: 'year', year: 2022 }],
    [q2, { kind: 'quarter', year: 2022, quarter: 2 }],
    [march, { kind: 'month', year: 2022, month: 3 }],
    [all, null],
    [spring, null],
  ])('previousPeriod(%j) = %j', (period, prev) => {
    expect(previousPeriod(period)).toEqual(prev);
  });
});

describe('periodLabel / periodKey', () => {
  it.each<[Period, string]>([
    [all, '全部'],
    [y2023, '2023年'],
    [q1, '2023年第一季度'],
    [q2, '2023年第二季度'],
    [{ kind: 'quarter', year: 2023, quarter: 3 }, '2023年第三季度'],
    [q4, '2023年第四季度'],
    [march, '2023年3月'],
    [december, '2023年12月'],
    [spring, '2023-03-01至2023-06-30'],
  ])('periodLabel(%j) = %s', (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });

  it('gives every distinct period a distinct key', () => {
    const periods = [all, y2023, q1, q2, q4, march, december, spring, midMonths];
    const keys = periods.map(periodKey);
    expect(new Set(keys).size).toBe(periods.length);
    expect(periodKey({ kind: 'year', year: 2023 })).toBe(periodKey(y2023));
  });
});
