import { describe, expect, it } from 'vitest';
import { StableOrder } from '../../src/core/grid/order';

interface Row {
  id: string;
  v: number;
}
const row = (id: string, v: number): Row => ({ id, v });
const ids = (rows: Row[]) => rows.map((r) => r.id);
const byV = (rows: readonly Row[]) => rows.filter((r) => r.v > 0).sort((a, b) => a.v - b.v);
const admit = (fresh: Row[]) => new Set(fresh.filter((r) => r.v > 0));

describe('StableOrder', () => {
  it('queries afresh when the criteria change, and keeps rows in place when only records change', () => {
    const o = new StableOrder<Row>((r) => r.id);
    let records = [row('a', 3), row('b', 1), row('c', 2), row('z', 0)];
    expect(ids(o.rows('sort', records, () => byV(records), admit))).toEqual(['b', 'c', 'a']);
    // b edited to sort last, and to no longer match: it stays where it was.
    records = [row('a', 3), row('b', 0), row('c', 2), row('z', 0)];
    expect(ids(o.rows('sort', records, () => byV(records), admit))).toEqual(['b', 'c', 'a']);
    // c deleted, then restored: back in its place.
    const without = records.filter((r) => r.id !== 'c');
    expect(ids(o.rows('sort', without, () => byV(without), admit))).toEqual(['b', 'a']);
    expect(ids(o.rows('sort', records, () => byV(records), admit))).toEqual(['b', 'c', 'a']);
    // New records at the end: those that match, and those the clerk added (pinned).
    o.pin(['p']);
    records = [...records, row('n', 1), row('m', 0), row('p', 0)];
    expect(ids(o.rows('sort', records, () => byV(records), admit))).toEqual(['b', 'c', 'a', 'n', 'p']);
    // New criteria: a full query again.
    expect(ids(o.rows('other', records, () => byV(records), admit))).toEqual(['n', 'c', 'a']);
  });

  it('takes in a row the clerk added whose record arrived before it was pinned', () => {
    const o = new StableOrder<Row>((r) => r.id);
    let records = [row('a', 3), row('b', 1)];
    expect(ids(o.rows('sort', records, () => byV(records), admit))).toEqual(['b', 'a']);
    // The stored record of a new, still blank line comes first; it matches nothing.
    records = [...records, row('q', 0)];
    expect(ids(o.rows('sort', records, () => byV(records), admit))).toEqual(['b', 'a']);
    o.pin(['q']);
    expect(ids(o.rows('sort', records, () => byV(records), admit))).toEqual(['b', 'a', 'q']);
    // A key already in place is left where it is.
    o.pin(['b']);
    expect(ids(o.rows('sort', records, () => byV(records), admit))).toEqual(['b', 'a', 'q']);
  });
});
