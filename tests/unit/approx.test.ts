import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { approximate, moneyFigure, type Figure, type Precision } from '../../src/core/narrative/approx';
import { yuanToWan } from '../../src/core/numbers';

function significantDigits(n: number): number {
  return String(n).replace(/0+$/, '').length;
}

/** A number of the form d × 10^k (多) or dd × 10^k (余): the base of itself. */
function isRoundBase(v: number, digits: number): boolean {
  return v === 0 || significantDigits(v) <= digits;
}

describe('approximate', () => {
  it.each<[number, Precision, string, number, Figure['suffix']]>([
    // exact
    [623, 'exact', '623', 623, ''],
    [283, 'exact', '283', 283, ''],
    [1046, 'exact', '1046', 1046, ''],
    [300, 'exact', '300', 300, ''],
    [1000, 'exact', '1000', 1000, ''],
    [99, 'exact', '99', 99, ''],
    [9, 'exact', '9', 9, ''],
    [0, 'exact', '0', 0, ''],
    [12.5, 'exact', '12.5', 12.5, ''],
    [12.345, 'exact', '12.35', 12.35, ''],
    [1.005, 'exact', '1.01', 1.01, ''],
    [12.3, 'exact', '12.3', 12.3, ''],
    [12.999, 'exact', '13', 13, ''],
    [0.004, 'exact', '0.004', 0.004, ''],
    [1e21, 'exact', '1000000000000000000000', 1e21, ''],
    // 多: one significant digit, rounded down
    [623, 'duo', '600多', 600, '多'],
    [283, 'duo', '200多', 200, '多'],
    [1046, 'duo', '1000多', 1000, '多'],
    [300, 'duo', '300', 300, ''],
    [1000, 'duo', '1000', 1000, ''],
    [99, 'duo', '90多', 90, '多'],
    [19, 'duo', '10多', 10, '多'],
    [10, 'duo', '10', 10, ''],
    [9, 'duo', '9', 9, ''],
    [9.5, 'duo', '9.5', 9.5, ''],
    [0, 'duo', '0', 0, ''],
    [12.5, 'duo', '10多', 10, '多'],
    [20.5, 'duo', '20多', 20, '多'],
    [999999999, 'duo', '900000000多', 900000000, '多'],
    // 余: two significant digits, rounded down
    [623, 'yu', '620余', 620, '余'],
    [283, 'yu', '280余', 280, '余'],
    [1046, 'yu', '1000余', 1000, '余'],
    [300, 'yu', '300', 300, ''],
    [1000, 'yu', '1000', 1000, ''],
    [101, 'yu', '100余', 100, '余'],
    [100, 'yu', '100', 100, ''],
    [110, 'yu', '110', 110, ''],
    [99, 'yu', '99', 99, ''],
    [45, 'yu', '45', 45, ''],
    [9, 'yu', '9', 9, ''],
    [0, 'yu', '0', 0, ''],
    [12.5, 'yu', '12.5', 12.5, ''],
    [150.5, 'yu', '150余', 150, '余'],
    [12345, 'yu', '12000余', 12000, '余'],
    // negative and non-finite values are written exact
    [-623, 'duo', '-623', -623, ''],
    [-623, 'yu', '-623', -623, ''],
    [-12.5, 'duo', '-12.5', -12.5, ''],
    [Number.NaN, 'duo', 'NaN', Number.NaN, ''],
    [Infinity, 'yu', 'Infinity', Infinity, ''],
  ])('approximate(%d, %s) → %s', (v, p, text, base, suffix) => {
    expect(approximate(v, p)).toEqual({ text, base, suffix });
  });

  it('renders with the counter after the text', () => {
    expect(`${approximate(623, 'duo').text}人次`).toBe('600多人次');
    expect(`${moneyFigure(4536800, 'yu').text}万元`).toBe('450余万元');
  });
});

describe('moneyFigure', () => {
  it.each<[number, Precision, string, number, Figure['suffix']]>([
    [4536800, 'exact', '453.68', 453.68, ''],
    [4536750, 'exact', '453.68', 453.68, ''], // 453.675 half up
    [4536749, 'exact', '453.67', 453.67, ''],
    [12345678.9, 'exact', '1234.57', 1234.57, ''],
    [300, 'exact', '0.03', 0.03, ''],
    [20, 'exact', '0.002', 0.002, ''],
    [1, 'exact', '0.0001', 0.0001, ''],
    [0.5, 'exact', '0.0001', 0.0001, ''], // 0.00005 half up
    [0.01, 'exact', '0.000001', 0.000001, ''],
    [0, 'exact', '0', 0, ''],
    [100000, 'exact', '10', 10, ''],
    [4536800, 'duo', '400多', 400, '多'],
    [4536800, 'yu', '450余', 450, '余'],
    [100000, 'yu', '10', 10, ''],
    [100000, 'duo', '10', 10, ''],
    [100001, 'yu', '10余', 10, '余'],
    [453000, 'yu', '45余', 45, '余'],
    [453000, 'duo', '40多', 40, '多'],
    [450000, 'yu', '45', 45, ''],
    [12340000, 'yu', '1200余', 1200, '余'], // never 1234余万元
    [45300, 'duo', '4.53', 4.53, ''],
    [45300, 'yu', '4.53', 4.53, ''],
    [99999, 'duo', '10', 10, ''], // 9.9999万元 → two decimals
    [300, 'yu', '0.03', 0.03, ''],
    [-4536800, 'exact', '-453.68', -453.68, ''],
    [-4536800, 'duo', '-453.68', -453.68, ''],
    [Number.NaN, 'yu', 'NaN', Number.NaN, ''],
  ])('moneyFigure(%d元, %s) → %s万元', (yuan, p, text, base, suffix) => {
    expect(moneyFigure(yuan, p)).toEqual({ text, base, suffix });
  });
});

describe('approximate: properties', () => {
  const value = fc.integer({ min: 0, max: 1e9 });
  const precision = fc.constantFrom<'duo' | 'yu'>('duo', 'yu');
  const digitsOf = { duo: 1, yu: 2 } as const;
  const thresholdOf = { duo: 10, yu: 100 } as const;

  it('the base never exceeds the value', () => {
    fc.assert(fc.property(value, precision, (v, p) => approximate(v, p).base <= v));
  });

  it('a suffix is written iff the base is below the value', () => {
    fc.assert(
      fc.property(value, precision, (v, p) => {
        const f = approximate(v, p);
        expect(f.suffix !== '').toBe(f.base < v);
        expect(f.text).toBe(`${f.base}${f.suffix}`);
      }),
    );
  });

  it('the base has at most 1 (多) / 2 (余) significant digits above the threshold', () => {
    fc.assert(
      fc.property(value, precision, (v, p) => {
        const f = approximate(v, p);
        if (v >= thresholdOf[p]) expect(significantDigits(f.base)).toBeLessThanOrEqual(digitsOf[p]);
        else expect(f).toEqual({ text: String(v), base: v, suffix: '' });
      }),
    );
  });

  it('a round value is written without a suffix', () => {
    const round = fc
      .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 7 }), precision)
      .filter(([m, , p]) => significantDigits(m) <= digitsOf[p])
      .map(([m, k, p]) => [m * 10 ** k, p] as const);
    fc.assert(
      fc.property(round, ([v, p]) => {
        expect(isRoundBase(v, digitsOf[p])).toBe(true);
        const f = approximate(v, p);
        expect(f.suffix).toBe('');
        expect(f.text).toBe(String(v));
        expect(f.text.endsWith('多') || f.text.endsWith('余')).toBe(false);
      }),
    );
  });

  it('the 万元 base never exceeds the 万元 value', () => {
    const yuan = fc.oneof(
      fc.integer({ min: 0, max: 1e11 }),
      fc.integer({ min: 0, max: 1e11 }).map((fen) => fen / 100),
    );
    fc.assert(
      fc.property(yuan, precision, (y, p) => {
        const f = moneyFigure(y, p);
        const wan = yuanToWan(y);
        if (wan >= 10) {
          expect(f.base).toBeLessThanOrEqual(wan);
          expect(f.suffix !== '').toBe(f.base < wan);
          expect(significantDigits(f.base)).toBeLessThanOrEqual(digitsOf[p]);
        }
      }),
    );
  });
});
