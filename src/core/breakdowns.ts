/**
 * The figures behind the dashboard's charts, cut other ways than the totals table: by quarter, by
 * member, by place, proposal handling, funds per project or village, and against last year. Events are
 * counted by the one rule of totalsByCategory (eventCount), so a chart never disagrees with the table.
 */
import { MonthlyCounter, eventCount, monthlyCounts, type CategoryTotals } from './aggregate';
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

/** How many names the charts rank before the rest is summed as 其他. */
const MEMBERS_RANKED = 15;
const PLACES_RANKED = 15;
const FUNDS_RANKED = 10;

/** Events per category per quarter (index 0 = 一季度) of one year: the monthly counts, summed. */
export function quarterlyCounts(
  records: readonly Pick<LedgerRecord, 'date' | 'category' | 'values' | 'tally'>[],
  year: number,
): { category: string; quarters: number[] }[] {
  return quartersOf(monthlyCounts(records, year));
}

/** The quarters of monthly counts: for a caller that has the months already (the monthly chart's). */
export function quartersOf(
  monthly: readonly { category: string; months: readonly number[] }[],
): { category: string; quarters: number[] }[] {
  return monthly.map(({ category, months }) => ({
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
  limit = MEMBERS_RANKED,
): Ranking {
  const c = new MemberEvents();
  for (const r of records) c.add(r, eventCount(r));
  return c.ranking(limit);
}

/** Events per place (村、社区、联络办), most first; records without a place are ranked under ''. */
export function eventsPerPlace(
  records: readonly Pick<LedgerRecord, 'place' | 'values' | 'tally'>[],
  limit = PLACES_RANKED,
): Ranking {
  const c = new PlaceEvents();
  for (const r of records) c.add(r, eventCount(r));
  return c.ranking(limit);
}

/** eventsPerMember one record (and its events) at a time. */
class MemberEvents {
  private readonly counts = new Map<string, ExactSum>();

  add(r: Pick<LedgerRecord, 'members'>, events: number): void {
    const members = r.members;
    // Each different non-blank name once, as a Set of them would give, without making one per record.
    for (let i = 0; i < members.length; i++) {
      const m = members[i] as string;
      if (m && members.indexOf(m) === i) sumOf(this.counts, m).add(events);
    }
  }

  ranking(limit: number): Ranking {
    return rank(this.counts, limit);
  }
}

/** eventsPerPlace one record (and its events) at a time. */
class PlaceEvents {
  private readonly counts = new Map<string, ExactSum>();

  add(r: Pick<LedgerRecord, 'place'>, events: number): void {
    sumOf(this.counts, r.place.trim()).add(events);
  }

  ranking(limit: number): Ranking {
    return rank(this.counts, limit);
  }
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
  // The amount first: most records have none, and it is cheaper to look at than the category.
  return r.values.amount !== undefined && categoryInfo(r.category).kind === 'funds';
}

/**
 * Money of the funds categories (资金, 一事一议…) per project (事项) or per place, largest first, in
 * 万元 (exact: summed in 元, converted once). `total` is the sum over all of them.
 */
export function fundsBy(
  records: readonly FundsRecord[],
  by: FundsGrouping,
  limit = FUNDS_RANKED,
): Ranking & { total: number } {
  const f = new FundsSums();
  for (const r of records) f.add(r);
  return f.ranking(by, limit);
}

/**
 * Per village when the funds records name at least two places (how a township shares its money out),
 * else per project.
 */
export function preferredFundsGrouping(records: readonly FundsRecord[]): FundsGrouping {
  return fundsGroupedByPlace(records) ? 'place' : 'subject';
}

/**
 * Whether the funds records name at least two places, without adding anything up: it stops at the
 * second place named. The chart's title needs only this, and the card's title is shown before its
 * figures are made.
 */
export function fundsGroupedByPlace(records: readonly FundsRecord[]): boolean {
  let first: string | null = null;
  for (const r of records) {
    if (!isFunds(r)) continue;
    const place = r.place.trim();
    if (!place) continue;
    if (first === null) first = place;
    else if (place !== first) return true;
  }
  return false;
}

/** The money of the funds records, per project and per place at once, one record at a time. */
class FundsSums {
  private readonly sums: Record<FundsGrouping, Map<string, ExactSum>> = {
    subject: new Map(),
    place: new Map(),
  };
  private readonly total = new ExactSum();
  private readonly places = new Set<string>();

  add(r: FundsRecord): void {
    if (!isFunds(r)) return;
    const amount = r.values.amount ?? 0;
    const place = r.place.trim();
    sumOf(this.sums.subject, r.subject.trim()).add(amount);
    sumOf(this.sums.place, place).add(amount);
    this.total.add(amount);
    if (place) this.places.add(place);
  }

  grouping(): FundsGrouping {
    return this.places.size >= 2 ? 'place' : 'subject';
  }

  ranking(by: FundsGrouping, limit: number): Ranking & { total: number } {
    const yuan = rank(this.sums[by], limit);
    return {
      ranked: yuan.ranked.map((x) => ({ name: x.name, value: yuanToWan(x.value) })),
      others: yuan.others && { names: yuan.others.names, value: yuanToWan(yuan.others.value) },
      total: yuanToWan(this.total.value),
    };
  }
}

/** The figures the dashboard's charts draw from the records, made in one pass over them. */
export interface ChartBreakdowns {
  /** monthlyCounts of the year; null without a year. */
  monthly: { category: string; months: number[] }[] | null;
  /** eventsPerMember, eventsPerPlace. */
  members: Ranking;
  places: Ranking;
  /** preferredFundsGrouping, and fundsBy that grouping. */
  funds: { by: FundsGrouping; ranking: Ranking & { total: number } };
}

/**
 * monthlyCounts, eventsPerMember, eventsPerPlace and the funds ranking, the same figures as each
 * function gives, from one pass over the records instead of five: every pass over 50,000 records
 * costs milliseconds of memory reads alone, before any figure is added.
 */
export function chartBreakdowns(
  records: readonly Pick<
    LedgerRecord,
    'date' | 'category' | 'members' | 'place' | 'subject' | 'values' | 'tally'
  >[],
  year: number | undefined,
): ChartBreakdowns {
  const monthly = year === undefined ? null : new MonthlyCounter(year);
  const members = new MemberEvents();
  const places = new PlaceEvents();
  const funds = new FundsSums();
  for (const r of records) {
    const events = eventCount(r);
    monthly?.add(r);
    members.add(r, events);
    places.add(r, events);
    funds.add(r);
  }
  const by = funds.grouping();
  return {
    monthly: monthly && monthly.counts(),
    members: members.ranking(MEMBERS_RANKED),
    places: places.ranking(PLACES_RANKED),
    funds: { by, ranking: funds.ranking(by, FUNDS_RANKED) },
  };
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
