/**
 * The filtered records, their totals and last year's totals, remembered between edits: when the
 * records changed only by edited figures (ReplacementLog) under the same filter, the filtered list
 * swaps the edited records in and the totals take them back and add them again. At 100,000 records
 * that is the difference between a recount of everything and a handful of additions per keystroke.
 * Plain TypeScript, so that tests can see which path was taken (`recounts`).
 */
import { totalsByCategory, TotalsBuilder, type CategoryTotals } from '../core/aggregate';
import { applyFilter, matchesFilter, type LedgerFilter } from '../core/filters';
import { monthsCovered, type Period } from '../core/period';
import type { LedgerRecord } from '../core/schema';
import type { ReplacementLog } from './recordsInMemory';

type Records = readonly LedgerRecord[];

export class FigureMemo {
  /** How many times each figure was made afresh rather than brought up to date. */
  readonly recounts = { filtered: 0, totals: 0, previous: 0 };

  private filteredMemo: { records: Records; filter: LedgerFilter; out: LedgerRecord[] } | null = null;
  private totalsMemo: {
    records: Records;
    filter: LedgerFilter;
    builder: TotalsBuilder;
    out: CategoryTotals[];
  } | null = null;
  private previousMemo: { records: Records; filter: LedgerFilter; out: CategoryTotals[] | null } | null =
    null;

  constructor(private readonly log: ReplacementLog) {}

  /** What replaced records of `from` on the way to `to`, if nothing else changed and the filter is the same. */
  private swaps(
    memo: { records: Records; filter: LedgerFilter } | null,
    records: Records,
    filter: LedgerFilter,
  ): Map<LedgerRecord, LedgerRecord> | null {
    return memo && memo.filter === filter ? this.log.between(memo.records, records) : null;
  }

  filtered(records: Records, filter: LedgerFilter): LedgerRecord[] {
    const m = this.filteredMemo;
    const swaps = this.swaps(m, records, filter);
    let out: LedgerRecord[];
    // Replaced records keep their place in the filter: only their dimensions could move them.
    if (m && swaps) out = substitute(m.out, swaps);
    else {
      this.recounts.filtered++;
      out = applyFilter(records, filter);
    }
    this.filteredMemo = { records, filter, out };
    return out;
  }

  /** Totals of `filtered` (the records of `records` that `filter` lets through). */
  totals(records: Records, filter: LedgerFilter, filtered: Records): CategoryTotals[] {
    const m = this.totalsMemo;
    const swaps = this.swaps(m, records, filter);
    if (m && swaps) {
      const inFilter = filterTest(filter);
      for (const [old, next] of swaps)
        if (inFilter(old)) {
          m.builder.remove(old);
          m.builder.add(next);
        }
      const out = swaps.size === 0 ? m.out : m.builder.totals();
      this.totalsMemo = { ...m, records, out };
      return out;
    }
    this.recounts.totals++;
    const builder = new TotalsBuilder();
    for (const r of filtered) builder.add(r);
    const out = builder.totals();
    this.totalsMemo = { records, filter, builder, out };
    return out;
  }

  /**
   * Totals of `filter` moved to `period` (a year earlier), or null when that period is covered by
   * under three quarters of the months `filtered` covers: last year only partly imported is no base
   * for 同比, it would read as a growth of hundreds of per cent.
   */
  previous(
    records: Records,
    filter: LedgerFilter,
    period: Period,
    filtered: Records,
  ): CategoryTotals[] | null {
    const before = { ...filter, period };
    const m = this.previousMemo;
    const swaps = this.swaps(m, records, filter);
    // Edits of this year's figures leave last year's totals as they were.
    if (m && swaps && ![...swaps.keys()].some(filterTest(before))) {
      this.previousMemo = { ...m, records };
      return m.out;
    }
    this.recounts.previous++;
    const beforeRecords = applyFilter(records, before);
    const now = monthsCovered(filtered.map((r) => r.date));
    const out =
      monthsCovered(beforeRecords.map((r) => r.date)) < Math.ceil(now * 0.75)
        ? null
        : totalsByCategory(beforeRecords);
    this.previousMemo = { records, filter, out };
    return out;
  }
}

/** `list` with replaced records swapped for their replacements; the same array when none is in it. */
function substitute(list: LedgerRecord[], swaps: ReadonlyMap<LedgerRecord, LedgerRecord>): LedgerRecord[] {
  if (swaps.size === 0) return list;
  let out: LedgerRecord[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const next = swaps.get(list[i] as LedgerRecord);
    if (next) {
      out ??= list.slice();
      out[i] = next;
    }
  }
  return out ?? list;
}

/** Whether one record passes a filter: the same test applyFilter makes. */
function filterTest(filter: LedgerFilter): (r: LedgerRecord) => boolean {
  return (r) => matchesFilter(r, filter);
}
