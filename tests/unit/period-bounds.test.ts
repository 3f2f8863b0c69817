import { describe, expect, it } from 'vitest';
import { periodBounds, type Period } from '../../src/core/period';

describe('periodBounds', () => {
  it.each<[string, Period, number[], { from: string; to: string } | null]>([
    ['a year', { kind: 'year', year: 2023 }, [2023], { from: '2023-01-01', to: '2023-12-31' }],
    ['a half', { kind: 'half', year: 2023, half: 2 }, [], { from: '2023-07-01', to: '2023-12-31' }],
    ['a quarter', { kind: 'quarter', year: 2023, quarter: 1 }, [], { from: '2023-01-01', to: '2023-03-31' }],
    [
      'a leap February',
      { kind: 'month', year: 2024, month: 2 },
      [],
      { from: '2024-02-01', to: '2024-02-29' },
    ],
    [
      '全部 spans the years with data',
      { kind: 'all' },
      [2023, 2021, 2022],
      { from: '2021-01-01', to: '2023-12-31' },
    ],
    ['全部 without data', { kind: 'all' }, [], null],
    [
      'a range is its own',
      { kind: 'range', from: '2023-03-05', to: '2023-04-01' },
      [],
      { from: '2023-03-05', to: '2023-04-01' },
    ],
  ])('%s', (_name, period, years, want) => {
    expect(periodBounds(period, years)).toEqual(want);
  });
});
