/**
 * The stored ledger as the UI sees it: records and batches kept current from IndexedDB (also when
 * another tab changes them), the shared period filter, and the totals every view shows.
 */
import { liveQuery, type Subscription } from 'dexie';
import { untrack } from 'svelte';
import { categoryChoices, filterChoices, type LedgerFilter } from '../core/filters';
import { defaultPeriod, periodKey, previousPeriod, yearsWithData, type Period } from '../core/period';
import type { ImportBatch, LedgerRecord } from '../core/schema';
import type { LedgerDatabase } from '../db/database';
import type { RecordChanges } from '../db/recordStore';
import { allRecords } from '../db/repository';
import { FigureMemo } from './figureMemo';
import type { RecordLookup } from './gridEdits.svelte';
import {
  applyChange,
  keyNumberOf,
  RecordIndex,
  ReplacementLog,
  replacedFigures,
  touchesDimensions,
} from './recordsInMemory';

export class LedgerState {
  records = $state.raw<LedgerRecord[]>([]);
  batches = $state.raw<ImportBatch[]>([]);
  /** False until the first read from IndexedDB answered: no "empty" flash before data arrives. */
  loaded = $state(false);
  /** What the clerk picked; null follows the default (the latest year with data). */
  chosenPeriod = $state<Period | null>(null);

  /** One category, member, place or reporting unit to look at ('' = all). */
  category = $state('');
  member = $state('');
  place = $state('');
  unit = $state('');

  /**
   * Bumped when the records' dates, categories, members, places or units may have changed: the years
   * and the filters' choices are read again only then, not when a figure was edited.
   */
  private dimensions = $state(0);
  private byDimensions<T>(read: (records: LedgerRecord[]) => T): T {
    void this.dimensions;
    return untrack(() => read(this.records));
  }

  years = $derived(this.byDimensions((rs) => yearsWithData(rs.map((r) => r.date))));
  period = $derived(this.resolvePeriod(this.chosenPeriod, this.years));
  filter = $derived<LedgerFilter>({
    period: this.period,
    category: this.category,
    member: this.member,
    place: this.place,
    unit: this.unit,
  });
  /**
   * Edits that only replaced records' figures since; what is derived below from an earlier array of
   * records is brought up to date through it (an edited figure at 100,000 records), not made afresh.
   */
  private readonly replacements = new ReplacementLog();
  private readonly figures = new FigureMemo(this.replacements);

  filtered = $derived(this.figures.filtered(this.records, this.filter));
  totals = $derived(this.figures.totals(this.records, this.filter, this.filtered));
  /** Totals of the same period a year earlier, for 同比; null when that year has no data. */
  previousTotals = $derived.by(() => {
    const prev = previousPeriod(this.period);
    if (!prev || !('year' in prev) || !this.years.includes(prev.year)) return null;
    return this.figures.previous(this.records, this.filter, prev, this.filtered);
  });
  /**
   * The stored records by key (`batchId:rowNo`), answered from the index kept across edits: a map
   * of 100,000 keys made for each edit cost 15 ms.
   */
  lookup = $derived.by((): RecordLookup => {
    const records = this.records;
    const find = (key: string): LedgerRecord | undefined => {
      const at = this.index.for(records).get(keyNumberOf(key));
      return at === undefined ? undefined : records[at];
    };
    return { get: find, has: (key) => find(key) !== undefined };
  });
  categories = $derived(this.byDimensions(categoryChoices));
  members = $derived(this.byDimensions((rs) => filterChoices(rs, 'members')));
  places = $derived(this.byDimensions((rs) => filterChoices(rs, 'place')));
  units = $derived(this.byDimensions((rs) => filterChoices(rs, 'unit')));
  hasDemo = $derived(this.batches.some((b) => b.demo));
  isEmpty = $derived(this.loaded && this.records.length === 0);

  private subscriptions: Subscription[] = [];
  private detach: (() => void) | null = null;
  private db: LedgerDatabase | null = null;
  private onError: (e: unknown) => void = () => {};
  /** A read of every record is running; `stale` asks for another when it ends. */
  private reading = false;
  private stale = false;

  start(db: LedgerDatabase, onError: (e: unknown) => void): void {
    this.db = db;
    this.onError = onError;
    let batchesLoaded = false;
    // Records are read once, then kept current from what each write committed: reading 100,000
    // records again after every edit (a live query) cost a second each time. Another tab's writes,
    // a restore or a clear read everything again.
    this.detach = db.onRecordChangeSets((set) => this.apply(set));
    void this.readAll().then(() => {
      if (batchesLoaded) this.loaded = true;
    });
    this.subscriptions.push(
      liveQuery(() => db.batches.orderBy('id').toArray()).subscribe({
        next: (rows) => {
          this.batches = rows;
          batchesLoaded = true;
          if (this.recordsRead) this.loaded = true;
        },
        error: onError,
      }),
    );
  }

  stop(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions = [];
    this.detach?.();
    this.detach = null;
    this.db = null;
  }

  private recordsRead = false;

  private async readAll(): Promise<void> {
    const db = this.db;
    if (!db) return;
    if (this.reading) {
      this.stale = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.stale = false;
        const rows = await allRecords(db);
        if (!this.stale) {
          this.replacements.clear();
          this.records = rows;
          this.index.reset(rows);
          this.dimensions++;
        }
      } while (this.stale && this.db === db);
      this.recordsRead = true;
    } catch (e) {
      this.onError(e);
    } finally {
      this.reading = false;
    }
  }

  private readonly index = new RecordIndex();

  /** Apply what a committed write changed, in memory; anything else is read again. */
  private apply(set: RecordChanges): void {
    if (this.reading) {
      // The read under way may or may not hold this change: read again when it ends.
      this.stale = true;
      return;
    }
    let next: LedgerRecord[] | null = this.records;
    let dimensions = false;
    for (const change of set.changes) {
      const before: LedgerRecord[] = next;
      dimensions ||= touchesDimensions(before, change, this.index);
      const pairs = replacedFigures(before, change, this.index);
      next = applyChange(before, change, this.index);
      if (!next) break;
      if (pairs) this.replacements.add(before, next, pairs);
      else this.replacements.clear();
    }
    if (!next) {
      this.replacements.clear();
      void this.readAll();
      return;
    }
    this.records = next;
    if (dimensions) this.dimensions++;
  }

  /**
   * Work out now, in this task, part of what every view reads: the totals and last year's, or the
   * filters' choices. After an import of 100,000 records each part and then the view that shows
   * them get a task of their own: all together they held the page for over 100 ms.
   */
  prepare(part: 'totals' | 'choices'): void {
    if (part === 'totals') {
      void this.totals;
      void this.previousTotals;
    } else {
      void this.categories;
      void this.members;
      void this.places;
      void this.units;
    }
  }

  /**
   * What replaced records of `from` (an earlier `records`) on the way to the records now, when
   * only edited figures did (see ReplacementLog); null when anything else changed.
   */
  replacedSince(from: readonly LedgerRecord[]): ReadonlyMap<LedgerRecord, LedgerRecord> | null {
    return this.replacements.between(from, this.records);
  }

  choosePeriod(p: Period | null): void {
    this.chosenPeriod = p;
  }

  /** A chosen year that no longer has data (its import was undone) falls back to the default. */
  private resolvePeriod(chosen: Period | null, years: number[]): Period {
    if (!chosen) return defaultPeriod(years);
    if (chosen.kind === 'all' || chosen.kind === 'range' || years.includes(chosen.year)) return chosen;
    return defaultPeriod(years);
  }

  clearFilters(): void {
    this.category = '';
    this.member = '';
    this.place = '';
    this.unit = '';
  }

  get periodKey(): string {
    return periodKey(this.period);
  }

  /** The period and filters as one string, to key what was made for them (an edited paragraph). */
  get filterKey(): string {
    const parts = [periodKey(this.period), this.member, this.place, this.unit];
    // Without a category the key stays what it was before there was a category filter (stored edits).
    if (this.category) parts.push(this.category);
    return parts.join('|');
  }
}

export const ledger = new LedgerState();
