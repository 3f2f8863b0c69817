/** Reads and writes of ledger data. Every write that touches several rows is one transaction. */
import Dexie from 'dexie';
import type { ImportBatch, LedgerRecord, NewRecord, SavedMapping } from '../core/schema';
import type { LedgerDatabase } from './database';

export class DuplicateImportError extends Error {
  constructor(readonly existing: ImportBatch) {
    super(`content already imported as batch ${existing.id ?? '?'}`);
    this.name = 'DuplicateImportError';
  }
}

export interface BatchToAdd {
  batch: Omit<ImportBatch, 'id'>;
  records: readonly NewRecord[];
}

/**
 * Store batches and all their records in ONE transaction: either every record is there with its
 * batch, or nothing is (a full disk or a closed tab midway leaves no half import behind). Content
 * already imported is refused inside the same transaction, so two tabs cannot both add it.
 */
export async function addBatches(
  db: LedgerDatabase,
  items: readonly BatchToAdd[],
  mappings: readonly SavedMapping[] = [],
): Promise<number[]> {
  return db.transaction('rw', db.batches, db.records, db.mappings, async () => {
    if (mappings.length > 0) await db.mappings.bulkPut(mappings.slice());
    const ids: number[] = [];
    for (const { batch, records } of items) {
      if (batch.contentHash) {
        const existing = await db.batches.where('contentHash').equals(batch.contentHash).first();
        if (existing) throw new DuplicateImportError(existing);
      }
      const batchId = (await db.batches.add(batch as ImportBatch)) as number;
      const rows: LedgerRecord[] = records.map((r, i) => ({ ...r, batchId, rowNo: i + 1 }));
      await db.records.bulkAdd(rows);
      ids.push(batchId);
    }
    return ids;
  });
}

export async function addBatch(
  db: LedgerDatabase,
  batch: Omit<ImportBatch, 'id'>,
  records: readonly NewRecord[],
): Promise<number> {
  const [id] = await addBatches(db, [{ batch, records }]);
  return id as number;
}

/** Undo imports: each batch's records are one key range, so this is a range delete per batch. */
export async function removeBatches(db: LedgerDatabase, batchIds: readonly number[]): Promise<number> {
  return db.transaction('rw', db.batches, db.records, async () => {
    let removed = 0;
    for (const batchId of batchIds) {
      removed += await db.records
        .where('[batchId+rowNo]')
        .between([batchId, Dexie.minKey], [batchId, Dexie.maxKey], true, true)
        .delete();
      await db.batches.delete(batchId);
    }
    return removed;
  });
}

export async function removeBatch(db: LedgerDatabase, batchId: number): Promise<number> {
  return removeBatches(db, [batchId]);
}

export async function findBatchByHash(
  db: LedgerDatabase,
  contentHash: string,
): Promise<ImportBatch | undefined> {
  return db.batches.where('contentHash').equals(contentHash).first();
}

export async function listBatches(db: LedgerDatabase): Promise<ImportBatch[]> {
  return db.batches.orderBy('id').toArray();
}

export async function allRecords(db: LedgerDatabase): Promise<LedgerRecord[]> {
  return db.records.toArray();
}

export const DEMO_HASH = 'demo';

/** Load the 示例 data once; a second click does nothing rather than doubling it. */
export async function addDemo(
  db: LedgerDatabase,
  records: readonly NewRecord[],
  now: Date,
): Promise<number | null> {
  const existing = await findBatchByHash(db, DEMO_HASH);
  if (existing) return null;
  try {
    return await addBatch(
      db,
      {
        fileName: '示例数据',
        contentHash: DEMO_HASH,
        sheets: [...new Set(records.map((r) => r.source.sheet))],
        mappingSignature: '',
        importedAt: now.toISOString(),
        imported: records.length,
        skipped: 0,
        demo: true,
      },
      records,
    );
  } catch (e) {
    if (e instanceof DuplicateImportError) return null;
    throw e;
  }
}

/** Remove every demo batch in one transaction. */
export async function removeDemo(db: LedgerDatabase): Promise<number> {
  return db.transaction('rw', db.batches, db.records, async () => {
    const ids = (await db.batches.filter((b) => b.demo).primaryKeys()) as number[];
    return removeBatches(db, ids);
  });
}

export async function listMappings(db: LedgerDatabase): Promise<SavedMapping[]> {
  return db.mappings.toArray();
}

export async function getSetting<T>(db: LedgerDatabase, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

export async function putSetting(db: LedgerDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
