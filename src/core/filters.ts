/**
 * The filters every view shares: the period, and optionally one category, member, place or reporting
 * unit.
 */
import { compareCategories } from './categories';
import { periodIncludes, type Period } from './period';
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
  if (f.period.kind === 'all' && !f.category && !f.member && !f.place && !f.unit) return records.slice();
  return records.filter((r) => matchesFilter(r, f));
}

/** Values of a field, most frequent first, for the filter menus. */
export function filterChoices(
  records: readonly Pick<LedgerRecord, 'members' | 'place' | 'unit'>[],
  field: 'members' | 'place' | 'unit',
): string[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    const values = field === 'members' ? r.members : [r[field]];
    for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([v]) => v);
}

/** The categories of some records, in display order (走访, 培训, 提案…), for the 类别 menu. */
export function categoryChoices(records: readonly Pick<LedgerRecord, 'category'>[]): string[] {
  return [...new Set(records.map((r) => r.category))].filter((c) => c !== '').sort(compareCategories);
}
