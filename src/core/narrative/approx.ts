/**
 * 概数: figures written as officials write them, exact (623) or rounded down with 多/余
 * (600多, 620余). The suffix says "more than the base", so it is added only when the true value is
 * larger than the base: exactly 300 is written 300, never 300多.
 */
import { roundTo, yuanToWan } from '../numbers';

/** 精确 exact; 多: round DOWN to one significant digit (623 → 600多, 1046 → 1000多); 余: round DOWN to two significant digits (283 → 280余, 623 → 620余). */
export type Precision = 'exact' | 'duo' | 'yu';

export interface Figure {
  /** The figure as written, without its counter: `600多`, `453.68`. */
  text: string;
  /** The number the text shows (the rounded-down base for 多/余). */
  base: number;
  suffix: '' | '多' | '余';
}

const SUFFIX = { duo: '多', yu: '余' } as const;
const SIGNIFICANT = { duo: 1, yu: 2 } as const;
/** Below these a count stays exact: 2 significant digits of 45 is 45 itself, 1 of 9 is 9. */
const COUNT_THRESHOLD = { duo: 10, yu: 100 } as const;
/** 万元 values below 10 stay exact (two decimals): 3.2万元, not 3多万元. */
const MONEY_THRESHOLD = 10;

/** An integer in plain digits, even past 1e21 where String() switches to exponent notation. */
function integerText(v: number): string {
  return Math.abs(v) < 1e21 ? String(v) : BigInt(v).toString();
}

/**
 * A number with at most two decimals and no trailing zeros. A non-zero value that would show as 0
 * (300元 = 0.03万元 is fine, 20元 = 0.002万元 is not) keeps up to four, then six decimals: a figure
 * of 0 says nothing happened.
 */
function decimalNumber(v: number): number {
  if (Number.isInteger(v)) return v;
  for (const d of [2, 4, 6]) {
    const r = roundTo(v, d);
    if (r !== 0) return r;
  }
  return roundTo(v, 6);
}

function exactFigure(v: number): Figure {
  if (!Number.isFinite(v)) return { text: String(v), base: v, suffix: '' };
  const shown = decimalNumber(v);
  // -0 would print as "0" anyway; normalise it so base compares cleanly.
  const base = shown === 0 ? 0 : shown;
  return { text: Number.isInteger(base) ? integerText(base) : String(base), base, suffix: '' };
}

/** `n` (a non-negative integer) rounded down to `digits` significant digits: 623 → 600 (1), 620 (2). */
function floorSignificant(n: number, digits: number): number {
  let magnitude = 1;
  while (magnitude * 10 <= n) magnitude *= 10;
  const unit = Math.max(1, magnitude / 10 ** (digits - 1));
  return Math.floor(n / unit) * unit;
}

function roundedDown(value: number, precision: 'duo' | 'yu'): Figure {
  const base = floorSignificant(Math.floor(value), SIGNIFICANT[precision]);
  const suffix = base < value ? SUFFIX[precision] : '';
  return { text: `${integerText(base)}${suffix}`, base, suffix };
}

/**
 * A count written exact, with 多 (one significant digit) or with 余 (two significant digits).
 * Negative, non-finite and small values (below 10 for 多, below 100 for 余) stay exact.
 */
export function approximate(value: number, precision: Precision): Figure {
  if (precision === 'exact' || !Number.isFinite(value) || value < 0) return exactFigure(value);
  if (value < COUNT_THRESHOLD[precision]) return exactFigure(value);
  return roundedDown(value, precision);
}

/**
 * An amount in 元 written in 万元 (the text has no counter: the caller appends 万元). Exact: at most
 * two decimals, rounded half up (453.675 → 453.68); 多/余 round the 万元 value down when it is at
 * least 10 (453.68 → 400多, 450余) and otherwise stay exact.
 */
export function moneyFigure(yuan: number, precision: Precision): Figure {
  if (!Number.isFinite(yuan)) return exactFigure(yuan);
  const wan = yuanToWan(yuan);
  if (precision === 'exact' || wan < MONEY_THRESHOLD) return exactFigure(wan);
  return roundedDown(wan, precision);
}
