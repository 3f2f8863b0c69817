/**
 * Totals from records: the one place numbers are added up, so that the totals table, the charts and
 * the paragraph can never disagree.
 */
import { compareCategories, isProposalCategory } from './categories';
import { monthField, yearOf } from './dates';
import { ExactSum, yuanToWan } from './numbers';
import { periodTest, type Period } from './period';
import type { LedgerRecord, MeasureKey } from './schema';

/** Proposal handling counts; only proposal categories have them. */
export interface ProposalCounts {
  /** 已立案, 已答复 or 已办结: accepted for handling (立案). */
  accepted: number;
  /** 已答复 or 已办结 (a closed proposal has been answered). */
  answered: number;
  /** 已办结. */
  done: number;
  /**
   * Answered (已答复 or 已办结) and rated 满意 or 基本满意: the numerator of 满意率, whose denominator
   * is `answered`. A rating on a proposal not yet answered is a slip in the ledger and not counted.
   */
  satisfied: number;
}

export interface CategoryTotals {
  category: string;
  records: number;
  /** Exact totals per measure; `amount` in 元. Measures no record carries are absent. */
  measures: Partial<Record<MeasureKey, number>>;
  proposal: ProposalCounts | null;
}

type RecordLike = Pick<LedgerRecord, 'date' | 'category' | 'values' | 'status' | 'satisfaction' | 'tally'>;

export function filterRecords<T extends Pick<LedgerRecord, 'date'>>(
  records: readonly T[],
  period: Period,
): T[] {
  if (period.kind === 'all') return records.slice();
  const inPeriod = periodTest(period);
  return records.filter((r) => inPeriod(r.date));
}

/**
 * Totals per category. A record with no `count` value counts as one event: a ledger row is one visit,
 * one training, one proposal, unless a 期数/次数 column says otherwise.
 */
export function totalsByCategory(records: readonly RecordLike[]): CategoryTotals[] {
  const b = new TotalsBuilder();
  for (const r of records) b.add(r);
  return b.totals();
}

interface CategoryAcc {
  records: number;
  /**
   * The measures' sums, in the order the measures were first seen (the order of `measures`): a
   * category carries a handful, so a scan of these short arrays beats a map.
   */
  keys: MeasureKey[];
  sums: ExactSum[];
  proposal: ProposalCounts | null;
}

/**
 * totalsByCategory one record at a time, for callers that total several groups in one pass over the
 * records (the pivot's rows). Records added in the same order give the same totals, to the last digit.
 */
export class TotalsBuilder {
  private readonly acc = new Map<string, CategoryAcc>();
  /** Records added. */
  records = 0;

  add(r: RecordLike): void {
    this.count(r, 1);
  }

  /**
   * Take back a record added before. Only for a record replaced by one of the same shape (see
   * `sameShape`): an edited figure or status. Then every measure keeps its place among the others
   * and the totals are to the last digit those of counting afresh (ExactSum adds exact integers).
   */
  remove(r: RecordLike): void {
    this.count(r, -1);
  }

  private count(r: RecordLike, sign: 1 | -1): void {
    this.records += sign;
    let a = this.acc.get(r.category);
    if (!a) {
      a = {
        records: 0,
        keys: [],
        sums: [],
        proposal: isProposalCategory(r.category) ? { accepted: 0, answered: 0, done: 0, satisfied: 0 } : null,
      };
      this.acc.set(r.category, a);
    }
    a.records += sign;
    const values = r.values;
    if (values.count === undefined && !r.tally) sumOf(a, 'count').add(sign);
    for (const key in values) {
      const v = values[key as MeasureKey];
      if (v !== undefined) sumOf(a, key as MeasureKey).add(sign * v);
    }
    const p = a.proposal;
    if (p) {
      const status = r.status;
      if (status === '已立案' || status === '已答复' || status === '已办结') p.accepted += sign;
      const answered = status === '已答复' || status === '已办结';
      if (answered) p.answered += sign;
      if (status === '已办结') p.done += sign;
      if (answered && (r.satisfaction === '满意' || r.satisfaction === '基本满意')) p.satisfied += sign;
    }
  }

  totals(): CategoryTotals[] {
    return [...this.acc.entries()]
      .sort(([a], [b]) => compareCategories(a, b))
      .map(([category, a]) => {
        const measures: Partial<Record<MeasureKey, number>> = {};
        a.keys.forEach((k, i) => {
          measures[k] = (a.sums[i] as ExactSum).value;
        });
        // A copy: the builder may go on counting after its totals were taken.
        return { category, records: a.records, measures, proposal: a.proposal && { ...a.proposal } };
      });
  }
}

/**
 * Whether `b` may replace `a` in a TotalsBuilder by remove(a) and add(b): the same category and
 * statistics-table flag, and figures under the same measures (only their values differ).
 */
export function sameShape(a: RecordLike, b: RecordLike): boolean {
  if (a.category !== b.category || Boolean(a.tally) !== Boolean(b.tally)) return false;
  const ka = Object.keys(a.values).filter((k) => a.values[k as MeasureKey] !== undefined);
  const kb = Object.keys(b.values).filter((k) => b.values[k as MeasureKey] !== undefined);
  return ka.length === kb.length && ka.every((k) => kb.includes(k));
}

function sumOf(a: CategoryAcc, key: MeasureKey): ExactSum {
  const i = a.keys.indexOf(key);
  if (i >= 0) return a.sums[i] as ExactSum;
  const s = new ExactSum();
  a.keys.push(key);
  a.sums.push(s);
  return s;
}

/** The value shown for a measure: money in 万元 (exact), everything else as summed. */
export function displayValue(measure: MeasureKey, total: number): number {
  return measure === 'amount' ? yuanToWan(total) : total;
}

/**
 * The events one record stands for, by the rule of totalsByCategory: its 次数/期数 when a column gives
 * one, else one; a figure of a statistics table counts no event by itself.
 */
export function eventCount(r: Pick<LedgerRecord, 'values' | 'tally'>): number {
  return r.values.count ?? (r.tally ? 0 : 1);
}

type MonthlyRecord = Pick<LedgerRecord, 'date' | 'category'> &
  Partial<Pick<LedgerRecord, 'values' | 'tally'>>;

/**
 * Events per category per month (index 0 = January) of one year, for the monthly chart. Records
 * without `values` (callers that only know dates) count one each.
 */
export function monthlyCounts(
  records: readonly MonthlyRecord[],
  year: number,
): { category: string; months: number[] }[] {
  const c = new MonthlyCounter(year);
  for (const r of records) c.add(r);
  return c.counts();
}

/** monthlyCounts one record at a time, for a pass over the records that makes other figures too. */
export class MonthlyCounter {
  private readonly byCat = new Map<string, number[]>();
  private readonly prefix: string;
  private readonly fourDigits: boolean;

  constructor(private readonly year: number) {
    this.prefix = `${year}-`;
    this.fourDigits = this.prefix.length === 5;
  }

  add(r: MonthlyRecord): void {
    const date = r.date;
    if (date.length < 7) return;
    // `date.startsWith(prefix)` for a four-digit year without a string for each record: the year
    // read in place, then the dash.
    if (
      this.fourDigits
        ? yearOf(date) !== this.year || date.charCodeAt(4) !== 45
        : !date.startsWith(this.prefix)
    )
      return;
    const m = monthField(date);
    let months = this.byCat.get(r.category);
    if (!months) {
      months = new Array<number>(12).fill(0);
      this.byCat.set(r.category, months);
    }
    // eventCount, without an object made for each record to call it with.
    const n = r.values ? (r.values.count ?? (r.tally ? 0 : 1)) : 1;
    months[m - 1] = (months[m - 1] ?? 0) + n;
  }

  counts(): { category: string; months: number[] }[] {
    return [...this.byCat.entries()]
      .sort(([a], [b]) => compareCategories(a, b))
      .map(([category, months]) => ({ category, months }));
  }
}

/** Custom measures (吨, 间…) that any category carries, in first-seen order. */
export function customMeasures(totals: readonly CategoryTotals[]): MeasureKey[] {
  const seen = new Set<MeasureKey>();
  for (const t of totals)
    for (const k of Object.keys(t.measures) as MeasureKey[]) if (k.startsWith('custom:')) seen.add(k);
  return [...seen];
}

/** The reporting unit (填报单位) most records name, or null when none does. */
export function mostCommonUnit(records: readonly Pick<LedgerRecord, 'unit'>[]): string | null {
  // A counter object per unit: one look-up per record instead of a get and a set.
  const counts = new Map<string, { n: number }>();
  let best: string | null = null;
  let n = 0;
  for (const r of records) {
    if (!r.unit) continue;
    let c = counts.get(r.unit);
    if (c) c.n++;
    else counts.set(r.unit, (c = { n: 1 }));
    if (c.n > n) {
      best = r.unit;
      n = c.n;
    }
  }
  return best;
}
