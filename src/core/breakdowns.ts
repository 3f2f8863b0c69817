/**
 * The figures behind the dashboard's charts, cut other ways than the totals table: by quarter, by
 * member, by place, proposal handling, funds per project or village, and against last year. Events are
 * counted by the one rule of totalsByCategory (eventCount), so a chart never disagrees with the table.
 */
import { eventCount, monthlyCounts, type CategoryTotals } from './aggregate';
import { categoryInfo, compareCategories } from './categories';
import { headlines, yearOnYear } from './headline';
import { ExactSum, roundTo, yuanToWan } from './numbers';
import type { LedgerRecord, MeasureKey } from './schema';

/** A ranking: the leading names, and what the rest add up to (shown as 其他) when there are more. */
export interface Ranking {
  ranked: { name: string; value: number }[];
  /** The names beyond the limit, summed; null when every name is ranked. */
  others: { names: number; value: number } | null;
}

/** Events per category per quarter (index 0 = 一季度) of one year: the monthly counts, summed. */
export function quarterlyCounts(
  records: readonly Pick<LedgerRecord, 'date' | 'category' | 'values' | 'tally'>[],
  year: number,
): { category: string; quarters: number[] }[] {
  return monthlyCounts(records, year).map(({ category, months }) => ({
    category,
    quarters: [0, 1, 2, 3].map((q) => months.slice(q * 3, q * 3 + 3).reduce((a, b) => a + b, 0)),
  }));
}

/**
 * Events per member, most active first (ties by name). A record of several members (江峰、王霞美)
 * counts for each of them: it is a 履职 of every one.
 */
export function eventsPerMember(
  records: readonly Pick<LedgerRecord, 'members' | 'values' | 'tally'>[],
  limit = 15,
): Ranking {
  const counts = new Map<string, ExactSum>();
  for (const r of records) {
    const n = eventCount(r);
    for (const m of new Set(r.members)) if (m) sumOf(counts, m).add(n);
  }
  return rank(counts, limit);
}

/** Events per place (村、社区、联络办), most first; records without a place are ranked under ''. */
export function eventsPerPlace(
  records: readonly Pick<LedgerRecord, 'place' | 'values' | 'tally'>[],
  limit = 15,
): Ranking {
  const counts = new Map<string, ExactSum>();
  for (const r of records) sumOf(counts, r.place.trim()).add(eventCount(r));
  return rank(counts, limit);
}

/** The events of each category and its share of all events, in percent with one decimal. */
export function categoryShares(
  totals: readonly CategoryTotals[],
): { category: string; value: number; percent: number }[] {
  const rows = totals
    .map((t) => ({ category: t.category, value: t.measures.count ?? t.records }))
    .filter((r) => r.value > 0);
  const all = rows.reduce((a, r) => a + r.value, 0);
  return rows.map((r) => ({ ...r, percent: roundTo((r.value / all) * 100, 1) }));
}

/** Proposal handling over every proposal category: the stages a proposal passes, and 满意. */
export interface ProposalHandling {
  /** 提交: every proposal, whatever its status (its 件数 when a column gives one). */
  submitted: number;
  accepted: number;
  answered: number;
  done: number;
  satisfied: number;
}

/** Null when the totals hold no proposal category. */
export function proposalHandling(totals: readonly CategoryTotals[]): ProposalHandling | null {
  let out: ProposalHandling | null = null;
  for (const t of totals) {
    if (!t.proposal) continue;
    out ??= { submitted: 0, accepted: 0, answered: 0, done: 0, satisfied: 0 };
    out.submitted += t.measures.count ?? t.records;
    out.accepted += t.proposal.accepted;
    out.answered += t.proposal.answered;
    out.done += t.proposal.done;
    out.satisfied += t.proposal.satisfied;
  }
  return out;
}

export type FundsGrouping = 'subject' | 'place';

type FundsRecord = Pick<LedgerRecord, 'category' | 'subject' | 'place' | 'values'>;

function isFunds(r: FundsRecord): boolean {
  return categoryInfo(r.category).kind === 'funds' && r.values.amount !== undefined;
}

/**
 * Money of the funds categories (资金, 一事一议…) per project (事项) or per place, largest first, in
 * 万元 (exact: summed in 元, converted once). `total` is the sum over all of them.
 */
export function fundsBy(
  records: readonly FundsRecord[],
  by: FundsGrouping,
  limit = 10,
): Ranking & { total: number } {
  const sums = new Map<string, ExactSum>();
  const total = new ExactSum();
  for (const r of records) {
    if (!isFunds(r)) continue;
    const amount = r.values.amount ?? 0;
    sumOf(sums, r[by].trim()).add(amount);
    total.add(amount);
  }
  const yuan = rank(sums, limit);
  return {
    ranked: yuan.ranked.map((x) => ({ name: x.name, value: yuanToWan(x.value) })),
    others: yuan.others && { names: yuan.others.names, value: yuanToWan(yuan.others.value) },
    total: yuanToWan(total.value),
  };
}

/**
 * Per village when the funds records name at least two places (how a township shares its money out),
 * else per project.
 */
export function preferredFundsGrouping(records: readonly FundsRecord[]): FundsGrouping {
  const places = new Set<string>();
  for (const r of records) if (isFunds(r) && r.place.trim()) places.add(r.place.trim());
  return places.size >= 2 ? 'place' : 'subject';
}

/** One category this year against the same period last year, in its main measure (display units). */
export interface YearOverYearRow {
  category: string;
  measure: MeasureKey;
  unit: string;
  current: number;
  previous: number;
  /** 同比 in percent with one decimal; null without a base (last year 0). */
  change: number | null;
}

/**
 * Every category of either year, in display order, compared in the measure of its card (走访 in 人次,
 * 资金 in 万元, the others in events); a category missing in one year counts 0 there.
 */
export function yearOverYear(
  current: readonly CategoryTotals[],
  previous: readonly CategoryTotals[],
): YearOverYearRow[] {
  const names = new Set([...current, ...previous].map((t) => t.category));
  return [...names].sort(compareCategories).map((category) => {
    const now = current.find((t) => t.category === category);
    const before = previous.find((t) => t.category === category);
    const main = headlines((now ?? before) as CategoryTotals).main;
    const cur = now ? measureValue(now, main.measure) : 0;
    const prev = before ? measureValue(before, main.measure) : 0;
    return {
      category,
      measure: main.measure,
      unit: main.unit,
      current: cur,
      previous: prev,
      change: yearOnYear(cur, prev),
    };
  });
}

/** A measure of some totals in display units (万元 for money); events fall back to the record count. */
function measureValue(t: CategoryTotals, measure: MeasureKey): number {
  if (measure === 'count') return t.measures.count ?? t.records;
  if (measure === 'amount') return yuanToWan(t.measures.amount ?? 0);
  return t.measures[measure] ?? 0;
}

function sumOf(sums: Map<string, ExactSum>, key: string): ExactSum {
  let s = sums.get(key);
  if (!s) {
    s = new ExactSum();
    sums.set(key, s);
  }
  return s;
}

function rank(sums: Map<string, ExactSum>, limit: number): Ranking {
  const all = [...sums]
    .map(([name, s]) => ({ name, value: s.value }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN'));
  if (all.length <= limit) return { ranked: all, others: null };
  const rest = all.slice(limit);
  const value = new ExactSum();
  for (const r of rest) value.add(r.value);
  return { ranked: all.slice(0, limit), others: { names: rest.length, value: value.value } };
}
