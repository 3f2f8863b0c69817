import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { LedgerRecord, NewRecord } from '../../src/core/schema';
import { LedgerDatabase } from '../../src/db/database';
import { addRecords, BLOCK_SIZE, toBlocks, type RecordChanges } from '../../src/db/recordStore';
import { tablesOf } from '../../src/db/tx';
import {
  addBatch,
  addManualRecords,
  allRecords,
  applyRecordWrite,
  deleteRecords,
  recordCount,
  removeBatch,
  updateRecords,
} from '../../src/db/repository';
import { applyChange, RecordIndex, touchesDimensions } from '../../src/state/recordsInMemory';
import { freshDatabases } from '../helpers/database';
import { importBatch as batch } from '../helpers/records';

const freshDb = freshDatabases('test-blocks');

function rec(i: number): NewRecord {
  return {
    date: `2023-${String((i % 12) + 1).padStart(2, '0')}-05`,
    category: i % 3 === 0 ? '培训' : '走访',
    members: ['江峰'],
    place: '青山村',
    subject: `事项${i}`,
    status: '',
    satisfaction: '',
    values: { people: i },
    note: '',
    unit: '',
    source: { file: 'a.xlsx', sheet: 'Sheet1', row: i + 2 },
  };
}

const many = (count: number) => Array.from({ length: count }, (_, i) => rec(i));

/** Every change set this tab's database announced, as it announced them. */
function heard(db: LedgerDatabase): RecordChanges[] {
  const sets: RecordChanges[] = [];
  db.onRecordChangeSets((set, other) => {
    if (!other) sets.push(set);
  });
  return sets;
}

describe('records stored in blocks', () => {
  it('stores a batch over several blocks and reads it back in row order', async () => {
    const db = freshDb();
    const id = await addBatch(db, batch('a', 1234), many(1234));
    expect(await db.blocks.count()).toBe(Math.ceil(1234 / BLOCK_SIZE));
    const rows = await allRecords(db);
    expect(rows.map((r) => r.rowNo)).toEqual(Array.from({ length: 1234 }, (_, i) => i + 1));
    expect(rows.every((r) => r.batchId === id)).toBe(true);
    expect(rows[700]?.subject).toBe('事项700');
  });

  it("adds a new batch's records without reading its blocks, and still refuses a key stored already", async () => {
    const db = freshDb();
    const id = await addBatch(db, batch('a', 1200), many(1200));
    expect(await db.blocks.count()).toBe(3);
    // Told "new batch" for a batch that has blocks: they are read, and a key in them fails the write.
    const again = many(2).map((r, i) => ({ ...r, batchId: id, rowNo: i + 1 }));
    await expect(
      db.transaction('rw', db.blocks, (trans) => addRecords(tablesOf(trans), again, { newBatch: true })),
    ).rejects.toThrow(/exists already/);
    // New keys of that batch go into its blocks, beside the records there.
    const more = many(2).map((r, i) => ({ ...r, batchId: id, rowNo: 1201 + i }));
    await db.transaction('rw', db.blocks, (trans) => addRecords(tablesOf(trans), more, { newBatch: true }));
    expect(await recordCount(db)).toBe(1202);
    expect(await db.blocks.count()).toBe(3);
  });

  it('edits, deletes and puts back records in any block without touching their neighbours', async () => {
    const db = freshDb();
    const id = await addBatch(db, batch('a', 1200), many(1200));
    await updateRecords(db, [
      { key: [id, 1], patch: { fields: { place: '柳塘村' }, values: {} } },
      { key: [id, 501], patch: { fields: {}, values: { people: 9999 } } },
      { key: [id, 1200], patch: { fields: { subject: '改过' }, values: {} } },
    ]);
    const deleted = await deleteRecords(db, [
      [id, 2],
      [id, 1001],
      [id, 5000],
    ]);
    expect(deleted.map((r) => r.rowNo)).toEqual([2, 1001]);
    const rows = await allRecords(db);
    expect(rows).toHaveLength(1198);
    const at = (rowNo: number) => rows.find((r) => r.rowNo === rowNo);
    expect(at(1)?.place).toBe('柳塘村');
    expect(at(501)?.values).toEqual({ people: 9999 });
    expect(at(1200)?.subject).toBe('改过');
    expect(at(3)?.subject).toBe('事项2');
    await applyRecordWrite(db, { patches: [], put: deleted, remove: [] });
    expect((await allRecords(db)).map((r) => r.rowNo)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
  });

  it('drops a block when its last record is deleted, and undoes a batch as one range', async () => {
    const db = freshDb();
    const a = await addBatch(db, batch('a', 501), many(501));
    const b = await addBatch(db, batch('b', 3), many(3));
    await deleteRecords(db, [[a, 501]]);
    expect(await db.blocks.count()).toBe(2);
    expect(await removeBatch(db, a)).toBe(500);
    expect((await allRecords(db)).map((r) => r.batchId)).toEqual([b, b, b]);
  });

  it('adds grid rows to a 手工录入 batch across a block boundary', async () => {
    const db = freshDb();
    const first = await addManualRecords(db, null, many(499));
    const more = await addManualRecords(db, first.batchId, many(3));
    expect(more.records.map((r) => r.rowNo)).toEqual([500, 501, 502]);
    expect(await recordCount(db)).toBe(502);
  });

  it('refuses two records with one key, as a row per record did', () => {
    const r = { ...rec(1), batchId: 1, rowNo: 7 } as LedgerRecord;
    expect(() => toBlocks([r, { ...r }])).toThrow(Dexie.ConstraintError);
  });

  it('announces each committed write once, with what it changed and how many records', async () => {
    const db = freshDb();
    const sets = heard(db);
    const id = await addBatch(db, batch('a', 3), many(3));
    await updateRecords(db, [{ key: [id, 2], patch: { fields: { place: '柳塘村' }, values: {} } }]);
    await deleteRecords(db, [[id, 3]]);
    await removeBatch(db, id);
    expect(sets.map((s) => [s.changes.map((c) => c.kind), s.count])).toEqual([
      [['put'], 3],
      [['put'], 1],
      [['remove'], 1],
      [['remove-batches'], 2],
    ]);
  });

  it('announces nothing for a write that was rolled back', async () => {
    const db = freshDb();
    await addBatch(db, batch('a', 1), many(1));
    const sets = heard(db);
    await expect(addBatch(db, batch('a', 1), many(1))).rejects.toThrow();
    expect(sets).toEqual([]);
    expect(await recordCount(db)).toBe(1);
  });
});

describe('the page copy of the records', () => {
  const stored = (batchId: number, count: number, from = 1): LedgerRecord[] =>
    Array.from({ length: count }, (_, i) => ({ ...rec(i), batchId, rowNo: from + i }));

  it('follows every committed write exactly as a fresh read would', async () => {
    const db = freshDb();
    let copy: LedgerRecord[] = [];
    const index = new RecordIndex();
    db.onRecordChangeSets((set) => {
      for (const c of set.changes) copy = applyChange(copy, c, index) ?? copy;
    });
    const a = await addBatch(db, batch('a', 600), many(600));
    const manual = await addManualRecords(db, null, many(2));
    const b = await addBatch(db, batch('b', 5), many(5));
    // Rows added to the older 手工录入 batch take their place before batch b.
    await addManualRecords(db, manual.batchId, many(2));
    await updateRecords(db, [{ key: [a, 550], patch: { fields: { place: '石桥村' }, values: {} } }]);
    await deleteRecords(db, [
      [a, 1],
      [b, 5],
    ]);
    await removeBatch(db, b);
    expect(copy).toEqual(await allRecords(db));
  });

  it('asks for a fresh read after a restore, a clear or another tab', () => {
    expect(applyChange(stored(1, 2), { kind: 'reset' }, new RecordIndex())).toBeNull();
  });

  it('replaces a record in place and keeps the others as they were', () => {
    const before = stored(1, 4);
    const index = new RecordIndex();
    const changed = { ...(before[2] as LedgerRecord), place: '白沙村' };
    const after = applyChange(before, { kind: 'put', records: [changed] }, index);
    expect(after?.[2]).toBe(changed);
    expect(after?.[0]).toBe(before[0]);
    expect(before[2]?.place).toBe('青山村');
    // The index carried over: a second edit of the new array finds its place too.
    const again = { ...changed, place: '枫林村' };
    expect(applyChange(after ?? [], { kind: 'put', records: [again] }, index)?.[2]).toBe(again);
  });

  it('tells an edited figure, which changes no filter choice and no year, from an edited place or date', () => {
    const before = stored(1, 3);
    const index = new RecordIndex();
    const put = (r: LedgerRecord) => ({ kind: 'put' as const, records: [r] });
    const base = before[1] as LedgerRecord;
    expect(touchesDimensions(before, put({ ...base, values: { people: 99 }, note: '补' }), index)).toBe(
      false,
    );
    expect(touchesDimensions(before, put({ ...base, members: [...base.members] }), index)).toBe(false);
    expect(touchesDimensions(before, put({ ...base, place: '白沙村' }), index)).toBe(true);
    expect(touchesDimensions(before, put({ ...base, date: '2022-01-01' }), index)).toBe(true);
    expect(touchesDimensions(before, put({ ...base, members: ['王霞美'] }), index)).toBe(true);
    expect(touchesDimensions(before, put({ ...base, rowNo: 99 }), index)).toBe(true);
    expect(touchesDimensions(before, { kind: 'remove', keys: [[1, 1]] }, index)).toBe(true);
  });
});
