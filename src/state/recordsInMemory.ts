/**
 * The page's copy of the stored records, kept current from the changes each committed write reports
 * (recordStore.ts), so an edited cell costs a copy of an array, not a read of 100,000 records.
 */
import { sameShape } from '../core/aggregate';
import type { LedgerRecord } from '../core/schema';
import type { RecordChange } from '../db/recordStore';

/** One number per record key; exact while batch ids stay under 9 million. */
function keyNumber(batchId: number, rowNo: number): number {
  return batchId * 1e9 + rowNo;
}

const keyOf = (r: LedgerRecord): number => keyNumber(r.batchId, r.rowNo);

/** The number of a key written `batchId:rowNo` (keyString); NaN for anything else. */
export function keyNumberOf(key: string): number {
  const i = key.indexOf(':');
  return i < 0 ? NaN : keyNumber(Number(key.slice(0, i)), Number(key.slice(i + 1)));
}

/** Where each record of one array is: built once per array, carried over when an edit keeps the order. */
export class RecordIndex {
  private of: readonly LedgerRecord[] | null = null;
  private readonly at = new Map<number, number>();

  reset(records: readonly LedgerRecord[]): void {
    this.at.clear();
    records.forEach((r, i) => this.at.set(keyOf(r), i));
    this.of = records;
  }

  /** The index for `records`, built if it was made for another array. */
  for(records: readonly LedgerRecord[]): Map<number, number> {
    if (this.of !== records) this.reset(records);
    return this.at;
  }

  /** `records` is `of` with `added` at its end, or with entries replaced in place. */
  moved(records: readonly LedgerRecord[], added: readonly LedgerRecord[], from: number): void {
    added.forEach((r, i) => this.at.set(keyOf(r), from + i));
    this.of = records;
  }
}

const sameMembers = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((m, i) => m === b[i]);

const sameDimensions = (a: LedgerRecord, b: LedgerRecord): boolean =>
  a.date === b.date &&
  a.category === b.category &&
  a.place === b.place &&
  a.unit === b.unit &&
  sameMembers(a.members, b.members);

/**
 * Whether a change may alter what the filters offer and which years have data: records added or
 * removed, or a date, category, member, place or unit edited. An edited figure changes none of them,
 * and at 100,000 records reading those choices again is work worth saving on every keystroke.
 */
export function touchesDimensions(
  records: readonly LedgerRecord[],
  change: RecordChange,
  index: RecordIndex,
): boolean {
  if (change.kind !== 'put') return true;
  const at = index.for(records);
  return change.records.some((r) => {
    const i = at.get(keyOf(r));
    const old = i === undefined ? undefined : records[i];
    return !old || !sameDimensions(old, r);
  });
}

/**
 * The records a change replaces, each with its replacement, when every one only had its figures,
 * status, subject or note edited (same dimensions, same measures); null for any other change. Such
 * an edit moves no record in or out of any filter, so totals can follow it by taking the old record
 * back and adding the new one.
 */
export function replacedFigures(
  records: readonly LedgerRecord[],
  change: RecordChange,
  index: RecordIndex,
): [LedgerRecord, LedgerRecord][] | null {
  if (change.kind !== 'put') return null;
  const at = index.for(records);
  const pairs: [LedgerRecord, LedgerRecord][] = [];
  for (const r of change.records) {
    const i = at.get(keyOf(r));
    const old = i === undefined ? undefined : records[i];
    if (!old || !sameDimensions(old, r) || !sameShape(old, r)) return null;
    pairs.push([old, r]);
  }
  return pairs;
}

/**
 * The recent edits that only replaced records (see `replacedFigures`), step by step, so that what
 * was derived from an earlier array of records can be brought up to date instead of made afresh.
 */
export class ReplacementLog {
  private steps: {
    from: readonly LedgerRecord[];
    to: readonly LedgerRecord[];
    pairs: [LedgerRecord, LedgerRecord][];
  }[] = [];

  clear(): void {
    this.steps = [];
  }

  add(
    from: readonly LedgerRecord[],
    to: readonly LedgerRecord[],
    pairs: [LedgerRecord, LedgerRecord][],
  ): void {
    const last = this.steps[this.steps.length - 1];
    if (last && last.to !== from) this.steps = [];
    this.steps.push({ from, to, pairs });
    // A long session of edits keeps the recent ones: anything derived further back is made afresh.
    if (this.steps.length > 64) this.steps.shift();
  }

  /**
   * Each record of `from` that was replaced on the way to `to`, with what replaced it last; null
   * when `to` was not reached from `from` by replacements alone.
   */
  between(
    from: readonly LedgerRecord[],
    to: readonly LedgerRecord[],
  ): Map<LedgerRecord, LedgerRecord> | null {
    if (from === to) return new Map();
    const first = this.steps.findIndex((s) => s.from === from);
    if (first < 0 || this.steps[this.steps.length - 1]?.to !== to) return null;
    const latest = new Map<LedgerRecord, LedgerRecord>();
    const origin = new Map<LedgerRecord, LedgerRecord>();
    for (const step of this.steps.slice(first))
      for (const [old, next] of step.pairs) {
        const o = origin.get(old) ?? old;
        origin.delete(old);
        origin.set(next, o);
        latest.set(o, next);
      }
    return latest;
  }
}

function inKeyOrder(records: readonly LedgerRecord[]): boolean {
  for (let i = 1; i < records.length; i++)
    if (keyOf(records[i - 1] as LedgerRecord) >= keyOf(records[i] as LedgerRecord)) return false;
  return true;
}

/**
 * `records` with one committed change applied, in key order (batch, then row) as a fresh read would
 * give them; null when only a fresh read can tell (a restore, a clear, another tab's write).
 */
export function applyChange(
  records: readonly LedgerRecord[],
  change: RecordChange,
  index: RecordIndex,
): LedgerRecord[] | null {
  switch (change.kind) {
    case 'reset':
      return null;
    case 'remove-batches': {
      const gone = new Set(change.batchIds);
      const next = records.filter((r) => !gone.has(r.batchId));
      index.reset(next);
      return next;
    }
    case 'remove': {
      const gone = new Set(change.keys.map(([b, r]) => keyNumber(b, r)));
      const next = records.filter((r) => !gone.has(keyOf(r)));
      index.reset(next);
      return next;
    }
    case 'put': {
      const at = index.for(records);
      const next = records.slice();
      const added: LedgerRecord[] = [];
      const seen = new Map<number, number>();
      for (const r of change.records) {
        const k = keyOf(r);
        const i = at.get(k) ?? seen.get(k);
        if (i !== undefined) {
          if (i < next.length) next[i] = r;
          else added[i - next.length] = r;
        } else {
          seen.set(k, next.length + added.length);
          added.push(r);
        }
      }
      if (added.length === 0) {
        index.moved(next, [], 0);
        return next;
      }
      const last = next[next.length - 1];
      if (inKeyOrder(added) && (!last || keyOf(last) < keyOf(added[0] as LedgerRecord))) {
        // An import: a new batch, after every stored one.
        const from = next.length;
        for (const r of added) next.push(r);
        index.moved(next, added, from);
        return next;
      }
      // Rows added to an older 手工录入 batch belong among the others.
      for (const r of added) next.push(r);
      next.sort((a, b) => keyOf(a) - keyOf(b));
      index.reset(next);
      return next;
    }
  }
}
