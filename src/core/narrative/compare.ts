/**
 * Rates and year-on-year changes as summaries write them: a rate in percent with one decimal
 * (办结率71.4%), a change of a count in percent (同比增长12.5%), a change of a rate in 百分点
 * (提高2.3个百分点). 倍 is never used: a decrease in 倍 is wrong, and an increase is written in % too.
 */
import { roundTo } from '../numbers';

/** One decimal, a trailing .0 dropped, never "-0". */
function oneDecimal(v: number): string {
  const r = roundTo(v, 1);
  return String(r === 0 ? 0 : r);
}

/** A percentage with one decimal, dropping a trailing .0 ('71.4', '100'); null when there is no denominator. */
export function percentText(numerator: number, denominator: number): string | null {
  if (denominator === 0) return null;
  const pct = (numerator / denominator) * 100;
  return Number.isFinite(pct) ? oneDecimal(pct) : null;
}

/**
 * Change of a count against last year: '同比增长12.5%', '同比下降3.2%', '与上年持平'. Null without a
 * usable previous figure (undefined, 0, negative or not finite): growth from nothing has no percent.
 * A change that rounds to 0.0% is written 与上年持平.
 */
export function countChange(current: number, previous: number | undefined): string | null {
  if (previous === undefined || !Number.isFinite(previous) || previous <= 0) return null;
  if (!Number.isFinite(current)) return null;
  const pct = roundTo(((current - previous) / previous) * 100, 1);
  if (pct === 0) return '与上年持平';
  return pct > 0 ? `同比增长${oneDecimal(pct)}%` : `同比下降${oneDecimal(-pct)}%`;
}

/**
 * Change of a rate (both in percent, e.g. 71.4 and 69.1): '提高2.3个百分点', '下降1.5个百分点',
 * '与上年持平'. The difference is taken between the rates as printed (one decimal), so a reader who
 * subtracts the two printed rates gets the printed difference. Null without a previous rate.
 */
export function rateChange(currentPct: number, previousPct: number | undefined): string | null {
  if (previousPct === undefined || !Number.isFinite(previousPct) || !Number.isFinite(currentPct)) return null;
  const diff = roundTo(roundTo(currentPct, 1) - roundTo(previousPct, 1), 1);
  if (diff === 0) return '与上年持平';
  return diff > 0 ? `提高${oneDecimal(diff)}个百分点` : `下降${oneDecimal(-diff)}个百分点`;
}
