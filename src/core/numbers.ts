/**
 * Numbers as ledgers write them, and sums that stay exact.
 *
 * Floating point cannot hold 0.1 exactly, so 0.1 + 0.2 ≠ 0.3 and a column of 万元 figures summed
 * naively drifts in the last digit. A statistics paragraph that says 453.67万元 when the ledger says
 * 453.68 is wrong, so every total here is summed as integers at the finest decimal scale seen.
 */

const MAX_DECIMALS = 6;

/** Number of decimals needed to write `v` exactly (capped at 6, the precision ledgers never exceed). */
export function decimalsOf(v: number): number {
  let scaled = v;
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    if (Math.abs(scaled - Math.round(scaled)) < 1e-7 * Math.max(1, Math.abs(scaled) / 1e9)) return k;
    scaled = v * 10 ** (k + 1);
  }
  return MAX_DECIMALS;
}

/** An exact running sum of decimal numbers. */
export class ExactSum {
  private units = 0;
  private decimals = 0;

  add(v: number): void {
    // Whole numbers (events, 人次, 户, most 元) need no scale: the sum of 100,000 records of them
    // should not run decimalsOf's loop 100,000 times. The same result as the general path below.
    if (Number.isInteger(v)) {
      this.units += this.decimals === 0 ? v : Math.round(v * 10 ** this.decimals);
      return;
    }
    if (!Number.isFinite(v)) return;
    const d = decimalsOf(v);
    if (d > this.decimals) {
      this.units *= 10 ** (d - this.decimals);
      this.decimals = d;
    }
    this.units += Math.round(v * 10 ** this.decimals);
  }

  get value(): number {
    // Division by a power of ten of an exact integer yields the closest double, which prints as the
    // decimal the clerk expects (4536800 / 1e6 → 4.5368).
    return this.decimals === 0 ? this.units : this.units / 10 ** this.decimals;
  }
}

export function sumExact(values: Iterable<number>): number {
  const s = new ExactSum();
  for (const v of values) s.add(v);
  return s.value;
}

/** Round to `decimals` places, half away from zero, without the 1.005 → 1.00 float trap. */
export function roundTo(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(v) * f).toPrecision(15));
  return (Math.sign(v) * Math.round(scaled)) / f;
}

/** 元 → 万元, exact (the stored amount is in 元, rounded to the fen). */
export function yuanToWan(yuan: number): number {
  const fen = Math.round(yuan * 100);
  return fen / 1e6;
}

/** 万元 → 元, rounded to the fen. */
export function wanToYuan(wan: number): number {
  return Math.round(roundTo(wan * 10000, 2) * 100) / 100;
}

const FULLWIDTH = /[０-９．，－＋]/g;

/** Full-width digits and punctuation (６００, １２．５) as typed with a Chinese IME, to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export type ParsedQuantity =
  | {
      ok: true;
      value: number;
      /** A unit written in the cell, e.g. 万元, 元, 人. */
      unit: string;
      /** The clerk wrote an estimate (约50, 600多, 50左右): kept as the number, flagged for checking. */
      approximate: boolean;
    }
  | { ok: true; value: null; unit: ''; approximate: false }
  | { ok: false; reason: 'not-a-number' };

/** Placeholders that mean "nothing" in a ledger cell. */
const EMPTY_MARKS = new Set([
  '',
  '/',
  '／',
  '-',
  '—',
  '——',
  '－',
  '–',
  '无',
  '暂无',
  '空',
  'N/A',
  'n/a',
  '#N/A',
]);
const NOTHING: ParsedQuantity = { ok: true, value: null, unit: '', approximate: false };
const APPROX_BEFORE = /^(?:约|大约|近|逾|超过|超|达|共|计|合计)/;
const APPROX_AFTER = /(?:多|余|左右|以上|上下)/;

/**
 * A quantity cell as clerks type it: `600`, `600人`, `12.5万元`, `1,250,000.00`, `６００`, `约50`.
 * Blank and placeholder cells (`/`, `—`) are "no value", not zero and not an error.
 */
export function parseQuantity(raw: string | number | null | undefined): ParsedQuantity {
  if (raw === null || raw === undefined) return NOTHING;
  if (typeof raw === 'number') {
    return Number.isFinite(raw)
      ? { ok: true, value: raw, unit: '', approximate: false }
      : { ok: false, reason: 'not-a-number' };
  }
  let s = toHalfWidth(raw)
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/^="?(.*?)"?$/, '$1');
  if (EMPTY_MARKS.has(s)) return NOTHING;
  let approximate = false;
  const before = APPROX_BEFORE.exec(s);
  if (before) {
    approximate = !/^(?:共|计|合计|达)/.test(before[0]);
    s = s.slice(before[0].length);
  }
  const m = /^([+-]?)[¥￥$]?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?([\u4e00-\u9fa5]{0,4})$/.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return { ok: false, reason: 'not-a-number' };
  const digits = `${m[2] ?? '0'}${m[3] ?? ''}`.replace(/,/g, '');
  const value = Number(`${m[1] ?? ''}${digits}`);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  let unit = m[4] ?? '';
  if (APPROX_AFTER.test(unit)) {
    approximate = true;
    unit = unit.replace(APPROX_AFTER, '');
  }
  return { ok: true, value, unit, approximate };
}
