import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/core/demo';
import type { LedgerRecord, NewRecord } from '../../src/core/schema';
import {
  addBatch,
  addBatches,
  addDemo,
  recordCount,
  allRecords,
  DuplicateImportError,
  getSetting,
  listBatches,
  putSetting,
  removeBatch,
  removeDemo,
  updateRecords,
} from '../../src/db/repository';
import { SCHEMA_VERSIONS } from '../../src/db/schema';
import { freshDatabases } from '../helpers/database';
import { importBatch as batch } from '../helpers/records';

const freshDb = freshDatabases('test-ledger');

function rec(category: string, people: number, row: number): NewRecord {
  return {
    date: '2023-03-05',
    category,
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

describe('ledger database', () => {
  it('stores a batch and its records with [batchId+rowNo] keys and sources', async () => {
    const db = freshDb();
    const id = await addBatch(db, batch('h1', 3), [rec('走访', 3, 2), rec('走访', 5, 3), rec('培训', 40, 4)]);
    const rows = await allRecords(db);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => [r.batchId, r.rowNo])).toEqual([
      [id, 1],
      [id, 2],
      [id, 3],
    ]);
    expect(rows[2]?.source).toEqual({ file: 'a.xlsx', sheet: 'Sheet1', row: 4 });
    expect((await listBatches(db))[0]?.imported).toBe(3);
  });

  it('refuses the same content twice and leaves the store unchanged', async () => {
    const db = freshDb();
    await addBatch(db, batch('same', 1), [rec('走访', 1, 2)]);
    await expect(addBatch(db, batch('same', 1), [rec('走访', 1, 2)])).rejects.toBeInstanceOf(
      DuplicateImportError,
    );
    expect(await recordCount(db)).toBe(1);
    expect(await db.batches.count()).toBe(1);
  });

  it('writes several files in one transaction: a failure in the last leaves nothing of the first', async () => {
    const db = freshDb();
    await addBatch(db, batch('old', 1), [rec('走访', 1, 2)]);
    await expect(
      addBatches(db, [
        { batch: batch('new', 2), records: [rec('走访', 1, 2), rec('走访', 2, 3)] },
        { batch: batch('old', 1), records: [rec('走访', 1, 2)] },
      ]),
    ).rejects.toBeInstanceOf(DuplicateImportError);
    expect(await recordCount(db)).toBe(1);
    expect((await listBatches(db)).map((b) => b.contentHash)).toEqual(['old']);
  });

  it('undoes one batch as a range delete without touching the others', async () => {
    const db = freshDb();
    const a = await addBatch(db, batch('a', 2), [rec('走访', 1, 2), rec('走访', 2, 3)]);
    const b = await addBatch(db, batch('b', 1), [rec('培训', 30, 2)]);
    expect(await removeBatch(db, a)).toBe(2);
    const rows = await allRecords(db);
    expect(rows.map((r) => r.batchId)).toEqual([b]);
    expect((await listBatches(db)).map((x) => x.id)).toEqual([b]);
  });

  it('loads the demo once and removes it in one step, keeping imported data', async () => {
    const db = freshDb();
    await addBatch(db, batch('real', 1), [rec('走访', 7, 2)]);
    const demo = buildDemo();
    const id = await addDemo(db, demo, new Date('2024-01-05T00:00:00Z'));
    expect(id).not.toBeNull();
    expect(await addDemo(db, demo, new Date())).toBeNull();
    expect(await recordCount(db)).toBe(demo.length + 1);
    expect((await listBatches(db)).filter((b) => b.demo)).toHaveLength(1);
    expect(await removeDemo(db)).toBe(demo.length);
    const rows = await allRecords(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.values.people).toBe(7);
  });

  it('keeps settings', async () => {
    const db = freshDb();
    expect(await getSetting(db, 'x')).toBeUndefined();
    await putSetting(db, 'x', { a: 1 });
    expect(await getSetting(db, 'x')).toEqual({ a: 1 });
  });

  it('reopens a database written under every earlier schema version with all records intact', async () => {
    const name = `test-ledger-migrate-${Date.now()}`;
    // Version 1 stored one row per record: written here as that code wrote it, over several blocks.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[0]?.stores ?? {});
    const demo = buildDemo();
    const stored: LedgerRecord[] = [];
    for (const batchId of [1, 2])
      for (let i = 0; i < 700; i++)
        stored.push({
          ...(demo[i % demo.length] as NewRecord),
          batchId,
          rowNo: i + 1 + (batchId === 2 ? 5 : 0),
        });
    await v1.table('batches').bulkAdd([batch('a', 700), batch('b', 700)]);
    await v1.table('records').bulkAdd(stored);
    await v1.table('settings').put({ key: 'report', value: { orientation: 'landscape' } });
    v1.close();

    const current = freshDb(name);
    expect(await allRecords(current)).toEqual(stored);
    expect((await listBatches(current)).map((b) => b.contentHash)).toEqual(['a', 'b']);
    expect(await getSetting(current, 'report')).toEqual({ orientation: 'landscape' });
    // Edits and undoing an import work on the migrated blocks.
    await updateRecords(current, [{ key: [2, 6], patch: { fields: { place: '新地点' }, values: {} } }]);
    expect((await allRecords(current)).find((r) => r.batchId === 2 && r.rowNo === 6)?.place).toBe('新地点');
    expect(await removeBatch(current, 1)).toBe(700);
    expect(await recordCount(current)).toBe(700);
  });
});
