/**
 * The order of the grid's rows, kept while the clerk works. A full query (filter, search, sort) runs
 * when the criteria change; when only the records change (an edit, a paste, a delete, an undo) the
 * rows keep their places, as in Excel: an edited row does not jump away from under the cursor, a
 * deleted row brought back by undo returns to its place, new rows are added at the end.
 */
export class StableOrder<T> {
  private order: string[] = [];
  private seen = new Set<string>();
  private criteria: string | null = null;
  private pinned = new Set<string>();
  /** Each key's index in `order` (one of them, where a key is there twice). */
  private position: Map<string, number> | null = null;
  /** The records of the last call, and where each of them went: its index in `order`, or -1. */
  private last: readonly T[] | null = null;
  private slots: Int32Array | null = null;

  constructor(private readonly keyOf: (r: T) => string) {}

  /**
   * Rows added by the clerk: shown at the end even when they do not match the criteria (yet). A row
   * whose record arrived before the pin, and was left out, is taken in at the next call.
   */
  pin(keys: Iterable<string>): void {
    for (const k of keys) {
      this.pinned.add(k);
      const placed = this.position ? this.position.has(k) : this.order.includes(k);
      if (this.seen.has(k) && !placed) {
        this.seen.delete(k);
        this.last = null;
      }
    }
  }

  /**
   * The rows for `criteria` over `records`. `query` runs the full query (filtered and sorted);
   * `matching` tells which of some new records the criteria admit (their order does not matter).
   */
  rows(
    criteria: string,
    records: readonly T[],
    query: () => T[],
    matching: (fresh: T[]) => ReadonlySet<T>,
  ): T[] {
    if (criteria !== this.criteria) {
      const sorted = query();
      this.criteria = criteria;
      this.order = sorted.map(this.keyOf);
      const keys = records.map(this.keyOf);
      this.seen = new Set(keys);
      this.pinned = new Set();
      const position = new Map<string, number>();
      this.order.forEach((k, i) => position.set(k, i));
      this.position = position;
      // Where each record goes, for the next call to find by the record alone (see placedAgain).
      const slots = new Int32Array(records.length);
      keys.forEach((k, i) => (slots[i] = position.get(k) ?? -1));
      this.last = records;
      this.slots = slots;
      return sorted;
    }
    return this.placedAgain(records) ?? this.placeAll(records, matching);
  }

  /**
   * The rows when the records are those of the last call with some entries replaced (an edit, a
   * paste, an undo): a record that is the same object at the same index goes where it went, found
   * without making its key, so an edit among 100,000 records costs a comparison of references each.
   * Records are never changed in place (an edit makes a new object), so the same object has the same
   * key. Null when that does not hold, or a record is new: placeAll then looks at every record.
   */
  private placedAgain(records: readonly T[]): T[] | null {
    const { last, slots, position } = this;
    const n = records.length;
    if (!last || !slots || !position || last.length !== n || position.size !== this.order.length) return null;
    const placed = new Array<T | undefined>(this.order.length);
    for (let i = 0; i < n; i++) {
      const r = records[i] as T;
      let slot: number;
      if (r === last[i]) slot = slots[i] as number;
      else {
        const k = this.keyOf(r);
        const p = position.get(k);
        if (p !== undefined) slot = p;
        else if (this.seen.has(k)) slot = -1;
        // A new record: placeAll takes it in. The slots written so far are as placeAll would have them.
        else return null;
        slots[i] = slot;
      }
      if (slot >= 0) placed[slot] = r;
    }
    this.last = records;
    const out: T[] = [];
    for (const r of placed) if (r !== undefined) out.push(r);
    return out;
  }

  /**
   * The rows, each record put in its place of the order by its key, new ones at the end. Where two
   * records share a key the later one takes the place, as a map of them by key would have it.
   */
  private placeAll(records: readonly T[], matching: (fresh: T[]) => ReadonlySet<T>): T[] {
    const position = (this.position ??= new Map(this.order.map((k, i) => [k, i])));
    const placed = new Array<T | undefined>(this.order.length);
    const slots = new Int32Array(records.length);
    const fresh: T[] = [];
    const freshAt: number[] = [];
    records.forEach((r, index) => {
      const k = this.keyOf(r);
      const i = position.get(k);
      slots[index] = i ?? -1;
      if (i !== undefined) placed[i] = r;
      // Every key of the order has been seen: only a key without a place can be new.
      else if (!this.seen.has(k)) {
        fresh.push(r);
        freshAt.push(index);
      }
    });
    const out: T[] = [];
    if (position.size === this.order.length) {
      for (const r of placed) if (r !== undefined) out.push(r);
    } else {
      // A key in the order twice (records that shared one): its record shows at each place.
      for (const k of this.order) {
        const r = placed[position.get(k) as number];
        if (r !== undefined) out.push(r);
      }
    }
    if (fresh.length) {
      const admitted = matching(fresh);
      for (const r of fresh) {
        const k = this.keyOf(r);
        this.seen.add(k);
        if (this.pinned.has(k) || admitted.has(r)) {
          if (!position.has(k)) position.set(k, this.order.length);
          this.order.push(k);
          out.push(r);
        }
      }
      // The new records now have their places (or none) like the others.
      freshAt.forEach((index) => (slots[index] = position.get(this.keyOf(records[index] as T)) ?? -1));
    }
    this.last = records;
    this.slots = slots;
    return out;
  }
}
