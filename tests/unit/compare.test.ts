import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { countChange, percentText, rateChange } from '../../src/core/narrative/compare';

describe('percentText', () => {
  it.each<[number, number, string | null]>([
    [71.42857, 100, '71.4'],
    [10, 14, '71.4'],
    [5, 7, '71.4'],
    [2, 3, '66.7'],
    [1, 1, '100'],
    [1, 3, '33.3'],
    [0, 5, '0'],
    [1, 8, '12.5'],
    [1, 2, '50'],
    [3, 2, '150'],
    [1, 200000, '0'],
    [0, 0, null],
    [5, 0, null],
    [Number.NaN, 5, null],
  ])('percentText(%d, %d) → %s', (n, d, expected) => {
    expect(percentText(n, d)).toBe(expected);
  });
});

describe('countChange', () => {
  it.each<[number, number | undefined, string | null]>([
    [90, 80, '同比增长12.5%'],
    [968, 1000, '同比下降3.2%'],
    [100, 100, '与上年持平'],
    [300, 100, '同比增长200%'],
    [0, 100, '同比下降100%'],
    [25, 100, '同比下降75%'],
    [10, 3, '同比增长233.3%'],
    [100001, 100000, '与上年持平'], // +0.001% rounds to 0.0
    [5, 0, null],
    [0, 0, null],
    [5, undefined, null],
    [5, -2, null],
  ])('countChange(%d, %s) → %s', (current, previous, expected) => {
    expect(countChange(current, previous)).toBe(expected);
  });

  it('never uses 倍, and a decrease always says 下降', () => {
    const count = fc.integer({ min: 0, max: 1e7 });
    fc.assert(
      fc.property(count, fc.integer({ min: 1, max: 1e7 }), (current, previous) => {
        const s = countChange(current, previous);
        expect(s).not.toBeNull();
        expect(s).not.toContain('倍');
        expect(s).not.toContain('-');
        if (s?.startsWith('同比下降')) expect(current).toBeLessThan(previous);
        if (s?.startsWith('同比增长')) expect(current).toBeGreaterThan(previous);
      }),
    );
  });
});

describe('rateChange', () => {
  it.each<[number, number | undefined, string | null]>([
    [71.4, 69.1, '提高2.3个百分点'],
    [80, 81.5, '下降1.5个百分点'],
    [71.4, 71.4, '与上年持平'],
    [100, 50, '提高50个百分点'],
    [71.44, 69.06, '提高2.3个百分点'], // the rates as printed: 71.4 − 69.1
    [71.42857, 71.41, '与上年持平'],
    [0, 12.5, '下降12.5个百分点'],
    [71.4, undefined, null],
    [71.4, Number.NaN, null],
  ])('rateChange(%d, %s) → %s', (current, previous, expected) => {
    expect(rateChange(current, previous)).toBe(expected);
  });

  it('is written in 百分点, never in % or 倍', () => {
    const pct = fc.integer({ min: 0, max: 1000 }).map((n) => n / 10);
    fc.assert(
      fc.property(pct, pct, (c, p) => {
        const s = rateChange(c, p) ?? '';
        expect(s).not.toContain('%');
        expect(s).not.toContain('倍');
        expect(s === '与上年持平' || s.endsWith('个百分点')).toBe(true);
      }),
    );
  });
});
