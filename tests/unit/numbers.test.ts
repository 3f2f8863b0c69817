import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import {
  decimalsOf,
  ExactSum,
  parseQuantity,
  roundTo,
  sumExact,
  toHalfWidth,
  wanToYuan,
  yuanToWan,
  type ParsedQuantity,
} from '../../src/core/numbers';

/** A small deterministic generator, so the 120-amount ledger below is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

describe('decimalsOf', () => {
  it.each<[number, number]>([
    [0, 0],
    [600, 0],
    [0.1, 1],
    [0.25, 2],
    [153200.5, 1],
    [15.32005, 5],
    [0.000001, 6],
    [123456789.12, 2],
    [-3.75, 2],
  ])('decimalsOf(%d) = %d', (v, d) => {
    expect(decimalsOf(v)).toBe(d);
  });
});

describe('sumExact / ExactSum', () => {
  it.each<[number[], number]>([
    [[0.1, 0.2], 0.3],
    [[0.1, 0.2, 0.3], 0.6],
    [[1.1, 2.2, 3.3], 6.6],
    [[0.07, 0.07, 0.07], 0.21],
    [[453.67, 0.01], 453.68],
    [[12, 3.5, 0.25], 15.75],
    [[0.000001, 0.000002], 0.000003],
    [[-0.1, 0.3], 0.2],
    [[153200.5, 86000, 23456.78, 0.01], 262657.29],
    [[], 0],
  ])('sumExact(%j) = %d', (values, expected) => {
    expect(sumExact(values)).toBe(expected);
  });

  it('ignores NaN and infinities rather than poisoning the total', () => {
    expect(sumExact([1, Number.NaN, Number.POSITIVE_INFINITY, 2.5])).toBe(3.5);
  });

  it('keeps a running sum exact while the scale grows (1 → 0.5 → 0.25 → 0.125)', () => {
    const s = new ExactSum();
    const seen: number[] = [];
    for (const v of [1, 0.5, 0.25, 0.125]) {
      s.add(v);
      seen.push(s.value);
    }
    expect(seen).toEqual([1, 1.5, 1.75, 1.875]);
  });

  it('sums 120 amounts with fen exactly (a naive float sum drifts)', () => {
    const next = lcg(20230101);
    const fens = Array.from({ length: 120 }, () => 1 + (next() % 100_000));
    const amounts = fens.map((f) => f / 100);
    const exact = fens.reduce((a, b) => a + b, 0) / 100;
    expect(sumExact(amounts)).toBe(exact);
    // The test would be toothless if plain addition happened to be right too.
    expect(amounts.reduce((a, b) => a + b, 0)).not.toBe(exact);
  });

  it('property: a sum of fen amounts equals the integer sum of fen / 100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { maxLength: 200 }),
        (fens) => {
          const expected = fens.reduce((a, b) => a + b, 0) / 100;
          expect(sumExact(fens.map((f) => f / 100))).toBe(expected);
        },
      ),
    );
  });

  it('property: a sum of 万元 figures with up to 6 decimals stays exact', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000_000_000 }), { maxLength: 200 }), (micro) => {
        const expected = micro.reduce((a, b) => a + b, 0) / 1e6;
        expect(sumExact(micro.map((m) => m / 1e6))).toBe(expected);
      }),
    );
  });
});

describe('roundTo (half away from zero)', () => {
  it.each<[number, number, number]>([
    [1.005, 2, 1.01],
    [1.015, 2, 1.02],
    [2.675, 2, 2.68],
    [453.675, 2, 453.68],
    [1.004, 2, 1],
    [12.3449, 2, 12.34],
    [0.5, 0, 1],
    [1.5, 0, 2],
    [2.5, 0, 3],
    [-1.5, 0, -2],
    [-2.5, 0, -3],
    [-1.005, 2, -1.01],
    [71.42857142857143, 1, 71.4],
    [66.66666666666667, 1, 66.7],
    [0.05, 1, 0.1],
    [123499.99999999999, 2, 123500],
    [600, 2, 600],
  ])('roundTo(%d, %d) = %d', (v, d, expected) => {
    expect(roundTo(v, d)).toBe(expected);
  });
});

describe('yuanToWan / wanToYuan', () => {
  it.each<[number, number]>([
    [0, 0],
    [10000, 1],
    [1234.5, 0.12345],
    [153200.5, 15.32005],
    [0.01, 0.000001],
    [4536800, 453.68],
    [5963700, 596.37],
    [0.1 + 0.2, 0.00003],
  ])('yuanToWan(%d) = %d', (yuan, wan) => {
    expect(yuanToWan(yuan)).toBe(wan);
  });

  it.each<[number, number]>([
    [0, 0],
    [1, 10000],
    [12.5, 125000],
    [453.68, 4536800],
    [0.000001, 0.01],
    [1.23456789, 12345.68],
    [0.1 + 0.2, 3000],
    [596.37, 5963700],
  ])('wanToYuan(%d) = %d', (wan, yuan) => {
    expect(wanToYuan(wan)).toBe(yuan);
  });

  it('property: 元 → 万元 → 元 gives back the amount to the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        expect(wanToYuan(yuanToWan(fen / 100))).toBe(fen / 100);
      }),
    );
  });
});

describe('toHalfWidth', () => {
  it.each([
    ['６００', '600'],
    ['１２．５', '12.5'],
    ['１，２００', '1,200'],
    ['－３', '-3'],
    ['600人', '600人'],
  ])('%s → %s', (raw, expected) => {
    expect(toHalfWidth(raw)).toBe(expected);
  });
});

describe('parseQuantity', () => {
  const num = (value: number, unit = '', approximate = false): ParsedQuantity => ({
    ok: true,
    value,
    unit,
    approximate,
  });
  const none: ParsedQuantity = { ok: true, value: null, unit: '', approximate: false };
  const nan: ParsedQuantity = { ok: false, reason: 'not-a-number' };

  it.each<[string | number | null | undefined, ParsedQuantity]>([
    ['600', num(600)],
    ['600人', num(600, '人')],
    ['600人次', num(600, '人次')],
    ['12.5万元', num(12.5, '万元')],
    ['1,250,000.00', num(1250000)],
    ['６００', num(600)],
    ['１２．５万元', num(12.5, '万元')],
    [' 600 ', num(600)],
    ['\u3000600\u00a0', num(600)],
    ['￥1,200.50', num(1200.5)],
    ['¥28.16', num(28.16)],
    ['-3', num(-3)],
    ['.5', num(0.5)],
    ['0', num(0)],
    [600, num(600)],
    [0.25, num(0.25)],
    ['', none],
    ['   ', none],
    ['/', none],
    ['／', none],
    ['-', none],
    ['—', none],
    ['——', none],
    ['无', none],
    [null, none],
    [undefined, none],
    // Estimates are numbers the clerk meant, kept and flagged (the preview warns about them).
    ['约50', num(50, '', true)],
    ['600多人', num(600, '人', true)],
    ['50左右', num(50, '', true)],
    ['共12人', num(12, '人')],
    ['="0012"', num(12)],
    ['abc', nan],
    ['1,25', nan],
    ['12,5000', nan],
    ['1.2.3', nan],
    ['1e5', nan],
    ['.', nan],
    ['万元', nan],
    ['#REF!', nan],
    [Number.NaN, nan],
    [Number.POSITIVE_INFINITY, nan],
  ])('parseQuantity(%j)', (raw, expected) => {
    expect(parseQuantity(raw)).toEqual(expected);
  });
});
