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

type Keyed = Pick<NewRecord, 'date' | 'category' | 'members' | 'place' | 'subject' | 'values'>;

/** Twins share at least their day and category: a cheap key that rules most records out. */
const coarseKey = (r: Keyed): string => `${r.date}|${r.category}`;

/**
 * For each table, how many of its records equal a stored record or a record of another table
 * (twins within one table are left alone: two identical rows in one ledger are usually two events).
 *
 * The full key (members sorted, figures listed) is built only for records whose day and category
 * also occur elsewhere: a first import of 100,000 rows, or a new year's ledger, builds none.
 */
export function duplicatesPerTable(
  tables: readonly (readonly NewRecord[])[],
  stored: Iterable<Keyed>,
): number[] {
  if (tables.length === 1) return [againstStored(tables[0] ?? [], stored)];
  // Which tables (-1: the stored records) have records of each day and category.
  const owners = new Map<string, Set<number>>();
  const own = (k: string, i: number) => {
    const s = owners.get(k);
    if (s) s.add(i);
    else owners.set(k, new Set([i]));
  };
  tables.forEach((records, i) => {
    for (const r of records) own(coarseKey(r), i);
  });
  const shared = (k: string): boolean => (owners.get(k)?.size ?? 0) > 1;
  const storedKeys = new Set<string>();
  for (const r of stored) {
    const k = coarseKey(r);
    if (!owners.has(k)) continue;
    own(k, -1);
    storedKeys.add(recordKey(r));
  }
  const keysPerTable = tables.map((records) =>
    records.map((r) => (shared(coarseKey(r)) ? recordKey(r) : null)),
  );
  const tablesHaving = new Map<string, Set<number>>();
  keysPerTable.forEach((keys, i) => {
    for (const k of keys) {
      if (k === null) continue;
      const s = tablesHaving.get(k) ?? new Set<number>();
      s.add(i);
      tablesHaving.set(k, s);
    }
  });
  return keysPerTable.map((keys, i) => {
    let n = 0;
    for (const k of keys) {
      if (k === null) continue;
      const owners = tablesHaving.get(k);
      if (storedKeys.has(k) || (owners !== undefined && (owners.size > 1 || !owners.has(i)))) n++;
    }
    return n;
  });
}

/** One table: how many of its records equal a stored one (nothing is keyed when nothing is stored). */
function againstStored(records: readonly NewRecord[], stored: Iterable<Keyed>): number {
  const storedByCoarse = new Map<string, Keyed[]>();
  for (const r of stored) {
    const k = coarseKey(r);
    const list = storedByCoarse.get(k);
    if (list) list.push(r);
    else storedByCoarse.set(k, [r]);
  }
  if (storedByCoarse.size === 0) return 0;
  const keys = new Set<string>();
  const keyed = new Set<string>();
  let n = 0;
  for (const r of records) {
    const k = coarseKey(r);
    const twins = storedByCoarse.get(k);
    if (!twins) continue;
    if (!keyed.has(k)) {
      keyed.add(k);
      for (const t of twins) keys.add(recordKey(t));
    }
    if (keys.has(recordKey(r))) n++;
  }
  return n;
}
