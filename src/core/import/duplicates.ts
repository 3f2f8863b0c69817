/**
 * Records that say the same thing twice: a visit in both the monthly and the quarterly ledger is
 * one visit. They are flagged for the clerk, not dropped: two identical rows can be two real events.
 */
import type { NewRecord } from '../schema';

export function recordKey(
  r: Pick<NewRecord, 'date' | 'category' | 'members' | 'place' | 'subject' | 'values'>,
): string {
  const values = Object.keys(r.values)
    .sort()
    .map((k) => `${k}=${String(r.values[k as keyof typeof r.values])}`)
    .join(',');
  return [r.date, r.category, [...r.members].sort().join('、'), r.place, r.subject, values].join('|');
}

/** How many of `records` have a twin among `known` (keys of records stored or chosen elsewhere). */
export function countDuplicates(records: readonly NewRecord[], known: ReadonlySet<string>): number {
  let n = 0;
  for (const r of records) if (known.has(recordKey(r))) n++;
  return n;
}

/**
 * For each table, how many of its records equal a stored record or a record of another table
 * (twins within one table are left alone: two identical rows in one ledger are usually two events).
 */
export function duplicatesPerTable(
  tables: readonly (readonly NewRecord[])[],
  stored: Iterable<Pick<NewRecord, 'date' | 'category' | 'members' | 'place' | 'subject' | 'values'>>,
): number[] {
  const storedKeys = new Set<string>();
  for (const r of stored) storedKeys.add(recordKey(r));
  const keysPerTable = tables.map((records) => records.map(recordKey));
  const tablesHaving = new Map<string, Set<number>>();
  keysPerTable.forEach((keys, i) => {
    for (const k of keys) {
      const s = tablesHaving.get(k) ?? new Set<number>();
      s.add(i);
      tablesHaving.set(k, s);
    }
  });
  return keysPerTable.map((keys, i) => {
    let n = 0;
    for (const k of keys) {
      const owners = tablesHaving.get(k);
      if (storedKeys.has(k) || (owners !== undefined && (owners.size > 1 || !owners.has(i)))) n++;
    }
    return n;
  });
}
