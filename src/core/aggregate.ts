/**
 * Totals from records: the one place numbers are added up, so that the totals table, the charts and
 * the paragraph can never disagree.
 */
import { compareCategories, isProposalCategory } from './categories';
import { ExactSum, yuanToWan } from './numbers';
import { periodIncludes, type Period } from './period';
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
  return records.filter((r) => periodIncludes(period, r.date));
}

/**
 * Totals per category. A record with no `count` value counts as one event: a ledger row is one visit,
 * one training, one proposal, unless a 期数/次数 column says otherwise.
 */
export function totalsByCategory(records: readonly RecordLike[]): CategoryTotals[] {
  const acc = new Map<
    string,
    { records: number; sums: Map<MeasureKey, ExactSum>; proposal: ProposalCounts | null }
  >();
  for (const r of records) {
    let a = acc.get(r.category);
    if (!a) {
      a = {
        records: 0,
        sums: new Map(),
        proposal: isProposalCategory(r.category) ? { accepted: 0, answered: 0, done: 0, satisfied: 0 } : null,
      };
      acc.set(r.category, a);
    }
    a.records++;
    const values = r.values;
    if (values.count === undefined && !r.tally) sumOf(a.sums, 'count').add(1);
    for (const key in values) {
      const v = values[key as MeasureKey];
      if (v !== undefined) sumOf(a.sums, key as MeasureKey).add(v);
    }
    if (a.proposal) {
      if (r.status === '已立案' || r.status === '已答复' || r.status === '已办结') a.proposal.accepted++;
      const answered = r.status === '已答复' || r.status === '已办结';
      if (answered) a.proposal.answered++;
      if (r.status === '已办结') a.proposal.done++;
      if (answered && (r.satisfaction === '满意' || r.satisfaction === '基本满意')) a.proposal.satisfied++;
    }
  }
  return [...acc.entries()]
    .sort(([a], [b]) => compareCategories(a, b))
    .map(([category, a]) => ({
      category,
      records: a.records,
      measures: Object.fromEntries([...a.sums].map(([k, s]) => [k, s.value])) as Partial<
        Record<MeasureKey, number>
      >,
      proposal: a.proposal,
    }));
}

function sumOf(sums: Map<MeasureKey, ExactSum>, key: MeasureKey): ExactSum {
  let s = sums.get(key);
  if (!s) {
    s = new ExactSum();
    sums.set(key, s);
  }
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

/**
 * Events per category per month (index 0 = January) of one year, for the monthly chart. Records
 * without `values` (callers that only know dates) count one each.
 */
export function monthlyCounts(
  records: readonly (Pick<LedgerRecord, 'date' | 'category'> &
    Partial<Pick<LedgerRecord, 'values' | 'tally'>>)[],
  year: number,
): { category: string; months: number[] }[] {
  const byCat = new Map<string, number[]>();
  const prefix = `${year}-`;
  for (const r of records) {
    if (!r.date.startsWith(prefix) || r.date.length < 7) continue;
    const m = Number(r.date.slice(5, 7));
    let months = byCat.get(r.category);
    if (!months) {
      months = new Array<number>(12).fill(0);
      byCat.set(r.category, months);
    }
    months[m - 1] = (months[m - 1] ?? 0) + (r.values ? eventCount({ values: r.values, tally: r.tally }) : 1);
  }
  return [...byCat.entries()]
    .sort(([a], [b]) => compareCategories(a, b))
    .map(([category, months]) => ({ category, months }));
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
  const counts = new Map<string, number>();
  let best: string | null = null;
  let n = 0;
  for (const r of records) {
    if (!r.unit) continue;
    const c = (counts.get(r.unit) ?? 0) + 1;
    counts.set(r.unit, c);
    if (c > n) [best, n] = [r.unit, c];
  }
  return best;
}
