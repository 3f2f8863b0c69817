/**
 * The filters every view shares: the period, and optionally one category, member, place or reporting
 * unit.
 */
import { compareCategories } from './categories';
import { periodIncludes, periodTest, type Period } from './period';
import type { LedgerRecord } from './schema';

export interface LedgerFilter {
  period: Period;
  /** One category ('' = all). */
  category: string;
  member: string;
  place: string;
  unit: string;
}

type Filterable = Pick<LedgerRecord, 'date' | 'category' | 'members' | 'place' | 'unit'>;

export function matchesFilter(r: Filterable, f: LedgerFilter): boolean {
  if (f.period.kind !== 'all' && !periodIncludes(f.period, r.date)) return false;
  if (f.category && r.category !== f.category) return false;
  if (f.member && !r.members.includes(f.member)) return false;
  if (f.place && r.place !== f.place) return false;
  if (f.unit && r.unit !== f.unit) return false;
  return true;
}

export function applyFilter<T extends Filterable>(records: readonly T[], f: LedgerFilter): T[] {
  const { category, member, place, unit } = f;
  if (f.period.kind === 'all' && !category && !member && !place && !unit) return records.slice();
  // matchesFilter in one loop, with the period's test made once for all the records.
  const inPeriod = f.period.kind === 'all' ? null : periodTest(f.period);
  const out: T[] = [];
  for (const r of records) {
    if (inPeriod && !inPeriod(r.date)) continue;
    if (category && r.category !== category) continue;
    if (member && !r.members.includes(member)) continue;
    if (place && r.place !== place) continue;
    if (unit && r.unit !== unit) continue;
    out.push(r);
  }
  return out;
}

/** Values of a field, most frequent first, for the filter menus. */
export function filterChoices(
  records: readonly Pick<LedgerRecord, 'members' | 'place' | 'unit'>[],
  field: 'members' | 'place' | 'unit',
): string[] {
  // A counter object per value: one look-up per record instead of a get and a set.
  const counts = new Map<string, { n: number }>();
  const count = (v: string) => {
    if (!v) return;
    const c = counts.get(v);
    if (c) c.n++;
    else counts.set(v, { n: 1 });
  };
  if (field === 'members') {
    for (const r of records) for (const v of r.members) count(v);
  } else {
    for (const r of records) count(r[field]);
  }
  return [...counts].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0], 'zh-CN')).map(([v]) => v);
}

/** The categories of some records, in display order (走访, 培训, 提案…), for the 类别 menu. */
export function categoryChoices(records: readonly Pick<LedgerRecord, 'category'>[]): string[] {
  const seen = new Set<string>();
  // A ledger lists a category in runs: a repeat of the one before needs no look-up in the set.
  let last: string | null = null;
  for (const r of records) {
    const c = r.category;
    if (c === last) continue;
    last = c;
    if (c !== '') seen.add(c);
  }
  return [...seen].sort(compareCategories);
}
