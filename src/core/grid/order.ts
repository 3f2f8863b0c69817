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

  constructor(private readonly keyOf: (r: T) => string) {}

  /** Rows added by the clerk: shown at the end even when they do not match the criteria (yet). */
  pin(keys: Iterable<string>): void {
    for (const k of keys) this.pinned.add(k);
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
      this.seen = new Set(records.map(this.keyOf));
      this.pinned = new Set();
      return sorted;
    }
    const byKey = new Map(records.map((r) => [this.keyOf(r), r]));
    const out: T[] = [];
    for (const k of this.order) {
      const r = byKey.get(k);
      if (r) out.push(r);
    }
    const fresh = records.filter((r) => !this.seen.has(this.keyOf(r)));
    if (fresh.length) {
      const admitted = matching(fresh);
      for (const r of fresh) {
        const k = this.keyOf(r);
        this.seen.add(k);
        if (this.pinned.has(k) || admitted.has(r)) {
          this.order.push(k);
          out.push(r);
        }
      }
    }
    return out;
  }
}
