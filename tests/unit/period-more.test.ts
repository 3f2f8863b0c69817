import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parsePeriodKey,
  periodIncludes,
  periodKey,
  periodLabel,
  periodsOfYear,
  previousPeriod,
  type Period,
} from '../../src/core/period';

const H1: Period = { kind: 'half', year: 2023, half: 1 };
const H2: Period = { kind: 'half', year: 2023, half: 2 };

describe('periodIncludes: half-years', () => {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);

  it.each(months)('month %i falls in exactly one half', (m) => {
    const mm = String(m).padStart(2, '0');
    for (const iso of [`2023-${mm}-01`, `2023-${mm}-28`, `2023-${mm}`]) {
      expect(periodIncludes(H1, iso)).toBe(m <= 6);
      expect(periodIncludes(H2, iso)).toBe(m >= 7);
    }
  });

  it.each<[Period, string]>([
    [H1, '2023'],
    [H2, '2023'],
    [H1, ''],
    [H1, '2022-03-05'],
    [H2, '2024-07-01'],
    [H1, '2022-12-31'],
    [H2, '2024-01-01'],
  ])('%j does not include %j', (p, iso) => {
    expect(periodIncludes(p, iso)).toBe(false);
  });

  it('includes a year-only date in the year, and in no half, quarter or month of it', () => {
    expect(periodIncludes({ kind: 'year', year: 2023 }, '2023')).toBe(true);
    for (const p of periodsOfYear(2023).slice(1)) expect(periodIncludes(p, '2023')).toBe(false);
  });
});

describe('periodsOfYear', () => {
  const periods = periodsOfYear(2023);

  it('gives the year, two halves, four quarters and twelve months: 19 periods', () => {
    expect(periods).toHaveLength(19);
    expect(periods.map((p) => p.kind)).toEqual([
      'year',
      'half',
      'half',
      ...Array<string>(4).fill('quarter'),
      ...Array<string>(12).fill('month'),
    ]);
  });

  it('gives periods with distinct keys and labels', () => {
    expect(new Set(periods.map(periodKey)).size).toBe(19);
    expect(new Set(periods.map(periodLabel)).size).toBe(19);
  });

  it('labels them as a summary writes them', () => {
    expect(periods.map(periodLabel)).toEqual([
      '2023年',
      '2023年上半年',
      '2023年下半年',
      '2023年第一季度',
      '2023年第二季度',
      '2023年第三季度',
      '2023年第四季度',
      ...Array.from({ length: 12 }, (_, i) => `2023年${i + 1}月`),
    ]);
  });

  it('places every dated day of the year in the year, one half, one quarter and one month', () => {
    for (
      let d = new Date(Date.UTC(2023, 0, 1));
      d.getUTCFullYear() === 2023;
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const iso = d.toISOString().slice(0, 10);
      const hits = periods.filter((p) => periodIncludes(p, iso)).map((p) => p.kind);
      expect(hits).toEqual(['year', 'half', 'quarter', 'month']);
    }
  });
});

describe('periodLabel and previousPeriod for half-years', () => {
  it.each<[Period, string]>([
    [H1, '2023年上半年'],
    [H2, '2023年下半年'],
    [{ kind: 'all' }, '全部'],
    [{ kind: 'range', from: '2023-03-01', to: '2023-06-30' }, '2023-03-01至2023-06-30'],
  ])('%j → %s', (p, label) => {
    expect(periodLabel(p)).toBe(label);
  });

  it('compares a half with the same half a year earlier', () => {
    expect(previousPeriod(H2)).toEqual({ kind: 'half', year: 2022, half: 2 });
  });
});

describe('periodKey / parsePeriodKey', () => {
  const year = fc.integer({ min: 1000, max: 9999 });
  const pad = (n: number) => String(n).padStart(2, '0');
  const isoDate = fc
    .tuple(
      year,
      fc.integer({ min: 1, max: 12 }),
      fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
    )
    .map(([y, m, d]) => (d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`));
  const arbPeriod: fc.Arbitrary<Period> = fc.oneof(
    fc.constant<Period>({ kind: 'all' }),
    year.map((y): Period => ({ kind: 'year', year: y })),
    fc
      .tuple(year, fc.constantFrom<1 | 2>(1, 2))
      .map(([y, half]): Period => ({ kind: 'half', year: y, half })),
    fc
      .tuple(year, fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4))
      .map(([y, quarter]): Period => ({ kind: 'quarter', year: y, quarter })),
    fc
      .tuple(year, fc.integer({ min: 1, max: 12 }))
      .map(([y, month]): Period => ({ kind: 'month', year: y, month })),
    fc.tuple(isoDate, isoDate).map(([from, to]): Period => ({ kind: 'range', from, to })),
  );

  it('round-trips every kind of period (property)', () => {
    fc.assert(
      fc.property(arbPeriod, (p) => {
        expect(parsePeriodKey(periodKey(p))).toEqual(p);
      }),
    );
  });

  it.each(periodsOfYear(2023).map((p) => [periodKey(p), p] as const))('round-trips %s', (key, p) => {
    expect(parsePeriodKey(key)).toEqual(p);
  });

  it.each([
    '',
    'y23',
    'y2023x',
    'h2023-3',
    'h2023-0',
    'q2023-5',
    'q2023-0',
    'm2023-0',
    'm2023-13',
    'r2023-03-01',
    'x2023',
    'ALL',
  ])('rejects %j', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });
});
