import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commandWrite, invertCommand, type GridCommand } from '../../src/core/grid/commands';
import type { NewRecord } from '../../src/core/schema';
import { LedgerDatabase } from '../../src/db/database';
import {
  addBatch,
  addManualRecords,
  allRecords,
  applyRecordWrite,
  deleteRecords,
  listBatches,
  MANUAL_FILE,
  removeBatch,
  restoreRecords,
  updateRecords,
} from '../../src/db/repository';
import { freshDatabases } from '../helpers/database';

const freshDb = freshDatabases('test-edit');

function rec(people: number, row: number): NewRecord {
  return {
    date: '2023-03-05',
    category: '走访',
    members: ['江峰'],
    place: '青山村',
    subject: '走访',
    status: '',
    satisfaction: '',
    values: { people },
    note: '',
    unit: '',
    source: { file: 'a.xlsx', sheet: 'Sheet1', row },
  };
}

const now = new Date('2024-01-02T03:04:05Z');

async function imported(db: LedgerDatabase): Promise<number> {
  return addBatch(
    db,
    {
      fileName: 'a.xlsx',
      contentHash: 'h1',
      sheets: ['Sheet1'],
      mappingSignature: '',
      importedAt: now.toISOString(),
      imported: 3,
      skipped: 0,
      demo: false,
    },
    [rec(10, 2), rec(20, 3), rec(30, 4)],
  );
}

describe('editing records', () => {
  it('updates only the patched fields of the stored record', async () => {
    const db = freshDb();
    const id = await imported(db);
    // Another tab changed the subject meanwhile; our patch of people must not put it back.
    await updateRecords(db, [{ key: [id, 1], patch: { fields: { subject: '别处改的' }, values: {} } }]);
    const changed = await updateRecords(db, [
      { key: [id, 1], patch: { fields: {}, values: { people: 11 } } },
      { key: [id, 2], patch: { fields: { place: '柳塘村' }, values: { people: null } } },
      { key: [id, 99], patch: { fields: { place: 'x' }, values: {} } },
    ]);
    expect(changed).toBe(2);
    const rows = await allRecords(db);
    expect(rows.map((r) => [r.subject, r.place, r.values])).toEqual([
      ['别处改的', '青山村', { people: 11 }],
      ['走访', '柳塘村', {}],
      ['走访', '青山村', { people: 30 }],
    ]);
    expect(rows).toHaveLength(3);
  });

  it('adds rows to one 手工录入 batch per session, made on first use, with their source', async () => {
    const db = freshDb();
    await imported(db);
    const first = await addManualRecords(db, null, [rec(1, 0), rec(2, 0)], [], now);
    const second = await addManualRecords(db, first.batchId, [rec(3, 0)], [], now);
    expect(second.batchId).toBe(first.batchId);
    expect(second.records.map((r) => [r.rowNo, r.source])).toEqual([
      [3, { file: MANUAL_FILE, sheet: '', row: 3 }],
    ]);
    const batches = await listBatches(db);
    expect(batches.map((b) => [b.fileName, b.imported])).toEqual([
      ['a.xlsx', 3],
      [MANUAL_FILE, 3],
    ]);
    // Undone on the 数据 page meanwhile: the next row starts a new batch.
    await removeBatch(db, first.batchId);
    const third = await addManualRecords(db, first.batchId, [rec(4, 0)], [], now);
    expect(third.batchId).not.toBe(first.batchId);
    expect(third.records[0]?.rowNo).toBe(1);
  });

  it('deletes records, returns them, and restores them as they were', async () => {
    const db = freshDb();
    const id = await imported(db);
    const before = await allRecords(db);
    const deleted = await deleteRecords(db, [
      [id, 1],
      [id, 3],
      [id, 42],
    ]);
    expect(deleted.map((r) => r.rowNo)).toEqual([1, 3]);
    expect((await allRecords(db)).map((r) => r.rowNo)).toEqual([2]);
    await restoreRecords(db, deleted);
    expect(await allRecords(db)).toEqual(before);
  });

  it('does not bring back rows of an import undone since', async () => {
    const db = freshDb();
    const id = await imported(db);
    const deleted = await deleteRecords(db, [[id, 1]]);
    await removeBatch(db, id);
    expect(await restoreRecords(db, deleted)).toBe(0);
    expect(await allRecords(db)).toEqual([]);
  });

  it('undoes and redoes a paste that changed cells and added rows, each in one write', async () => {
    const db = freshDb();
    const id = await imported(db);
    const before = await allRecords(db);
    const [r1] = before;
    if (!r1) throw new Error('no record');
    const added = await addManualRecords(db, null, [rec(5, 0)], [], now);
    const change = { before: r1, after: { ...r1, place: 'P1', values: { people: 99 } } };
    await updateRecords(db, commandWrite({ changes: [change], added: [], deleted: [] }).patches);
    const command: GridCommand = { changes: [change], added: added.records, deleted: [] };
    const after = await allRecords(db);

    await applyRecordWrite(db, commandWrite(invertCommand(command)));
    expect(await allRecords(db)).toEqual(before);
    expect((await listBatches(db)).find((b) => b.fileName === MANUAL_FILE)?.imported).toBe(0);

    await applyRecordWrite(db, commandWrite(command));
    expect(await allRecords(db)).toEqual(after);
    expect((await allRecords(db)).find((r) => r.batchId === id && r.rowNo === 1)?.place).toBe('P1');
  });
});
