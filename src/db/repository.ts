/** Reads and writes of ledger data. Every write that touches several rows is one transaction. */
import { patchRecord, type RecordKey, type RecordPatch, type RecordWrite } from '../core/grid/commands';
import type { ImportBatch, LedgerRecord, NewRecord, SavedMapping } from '../core/schema';
import { isLocalSetting, LOCAL_SETTING_KEYS, type BackupData, type BackupDataText } from '../core/backup';
import { nextTask } from '../lib/nextTask';
import type { LedgerDatabase } from './database';
import { tablesOf, type Tx } from './tx';
import {
  addRecords,
  changeRecords,
  clearRecords,
  countBatchRecords,
  countRecords,
  lastRowNo,
  putRecords,
  parseBlocks,
  readAllBlocks,
  readAllRecordsJson,
  readAllRecords,
  removeBatchRecords,
  removeRecords,
  replaceRecords,
} from './recordStore';

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
  return db.transaction('rw', db.batches, db.blocks, db.mappings, async (trans) => {
    const tx = tablesOf(trans);
    if (mappings.length > 0) await tx.mappings.bulkPut(mappings.slice());
    const ids: number[] = [];
    for (const { batch, records } of items) {
      if (batch.contentHash) {
        const existing = await tx.batches.where('contentHash').equals(batch.contentHash).first();
        if (existing) throw new DuplicateImportError(existing);
      }
      const batchId = (await tx.batches.add(batch as ImportBatch)) as number;
      const rows: LedgerRecord[] = records.map((r, i) => ({ ...r, batchId, rowNo: i + 1 }));
      await addRecords(tx, rows, { newBatch: true });
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
  return db.transaction('rw', db.batches, db.blocks, (trans) => removeBatchesIn(tablesOf(trans), batchIds));
}

async function removeBatchesIn(tx: Tx, batchIds: readonly number[]): Promise<number> {
  let removed = 0;
  for (const batchId of batchIds) {
    removed += await removeBatchRecords(tx, batchId);
    await tx.batches.delete(batchId);
  }
  return removed;
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

/** Every stored record, in key order (batch, then row), read in one transaction. */
export async function allRecords(db: LedgerDatabase): Promise<LedgerRecord[]> {
  const blocks = await db.transaction('r', db.blocks, (trans) => readAllBlocks(tablesOf(trans)));
  return parseBlocks(blocks, nextTask);
}

/** How many records are stored. */
export async function recordCount(db: LedgerDatabase): Promise<number> {
  return db.transaction('r', db.blocks, (trans) => countRecords(tablesOf(trans)));
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
  return db.transaction('rw', db.batches, db.blocks, async (trans) => {
    const tx = tablesOf(trans);
    const ids = (await tx.batches.filter((b) => b.demo).primaryKeys()) as number[];
    return removeBatchesIn(tx, ids);
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

/** Everything stored, for a backup, read in one transaction so it is one consistent moment. */
export async function readEverything(db: LedgerDatabase): Promise<BackupData> {
  return db.transaction('r', db.blocks, db.batches, db.mappings, db.settings, async (trans) => {
    const tx = tablesOf(trans);
    return {
      records: await readAllRecords(tx),
      batches: await tx.batches.toArray(),
      mappings: await tx.mappings.toArray(),
      // This browser's backup status and kept file are not data: see LOCAL_SETTING_KEYS.
      settings: (await tx.settings.toArray()).filter((s) => !isLocalSetting(s.key)),
    };
  });
}

/**
 * Everything stored, for a backup file, with the records as the JSON text of their blocks (see
 * backupText), read in one transaction so it is one consistent moment.
 */
export async function readEverythingText(db: LedgerDatabase): Promise<BackupDataText> {
  return db.transaction('r', db.blocks, db.batches, db.mappings, db.settings, async (trans) => {
    const tx = tablesOf(trans);
    const { json, count } = await readAllRecordsJson(tx);
    return {
      recordsJson: json,
      recordCount: count,
      batches: await tx.batches.toArray(),
      mappings: await tx.mappings.toArray(),
      settings: (await tx.settings.toArray()).filter((s) => !isLocalSetting(s.key)),
    };
  });
}

/** Empty every table but this browser's own settings (backup status, kept file). */
async function clearKeepingLocal(tx: Tx): Promise<void> {
  await clearRecords(tx);
  await tx.batches.clear();
  await tx.mappings.clear();
  await tx.settings.where('key').noneOf(LOCAL_SETTING_KEYS.slice()).delete();
}

/**
 * Replace everything with a backup's contents in ONE transaction: a failure midway (a full disk)
 * rolls back to exactly what was there before. This browser's own settings stay as they are.
 */
export async function replaceEverything(db: LedgerDatabase, data: BackupData): Promise<void> {
  await db.transaction('rw', db.blocks, db.batches, db.mappings, db.settings, async (trans) => {
    const tx = tablesOf(trans);
    await clearKeepingLocal(tx);
    await tx.batches.bulkAdd(data.batches);
    await replaceRecords(tx, data.records);
    await tx.mappings.bulkAdd(data.mappings);
    await tx.settings.bulkAdd(data.settings.filter((s) => !isLocalSetting(s.key)));
  });
}

/** Clear all data (records, batches, mappings, settings) in one transaction. */
export async function clearEverything(db: LedgerDatabase): Promise<void> {
  await db.transaction('rw', db.blocks, db.batches, db.mappings, db.settings, (trans) =>
    clearKeepingLocal(tablesOf(trans)),
  );
}

/**
 * Records typed or pasted into the grid belong to a batch of their own, one per session, so that
 * they too have a source (手工录入 · 第 3 行) and can be undone as a whole on the 数据 page.
 */
export const MANUAL_FILE = '手工录入';
const MANUAL_HASH_PREFIX = 'manual:';

function isManualBatch(b: ImportBatch | undefined): boolean {
  return b !== undefined && b.contentHash.startsWith(MANUAL_HASH_PREFIX);
}

/** Keep a 手工录入 batch's count equal to the records it holds. */
async function recountManual(tx: Tx, batchIds: Iterable<number>): Promise<void> {
  for (const id of new Set(batchIds)) {
    const batch = await tx.batches.get(id);
    if (!isManualBatch(batch)) continue;
    const n = await countBatchRecords(tx, id);
    await tx.batches.update(id, { imported: n });
  }
}

/** Records whose batch still exists: an undo must not bring back rows of an import undone since. */
async function withBatch(tx: Tx, records: readonly LedgerRecord[]): Promise<LedgerRecord[]> {
  const ids = [...new Set(records.map((r) => r.batchId))];
  const batches = await tx.batches.bulkGet(ids);
  const alive = new Set(ids.filter((_, i) => batches[i] !== undefined));
  return records.filter((r) => alive.has(r.batchId));
}

async function patchAll(tx: Tx, patches: RecordWrite['patches']): Promise<number> {
  const changed = await changeRecords(
    tx,
    patches.map((p) => p.key),
    (r, i) => patchRecord(r, (patches[i] as RecordWrite['patches'][number]).patch),
  );
  return changed.length;
}

/**
 * Change fields of records, in one transaction. Each patch is applied to the record as stored now;
 * records deleted meanwhile stay deleted. Returns how many records were changed.
 */
export async function updateRecords(
  db: LedgerDatabase,
  patches: readonly { key: RecordKey; patch: RecordPatch }[],
): Promise<number> {
  return db.transaction('rw', db.blocks, (trans) => patchAll(tablesOf(trans), patches.slice()));
}

/**
 * Add records typed or pasted into the grid to this session's 手工录入 batch (made on first use, or
 * again when it was undone meanwhile), in one transaction with the patches of a paste that also
 * changed cells above. Returns the batch and the stored records.
 */
export async function addManualRecords(
  db: LedgerDatabase,
  batchId: number | null,
  records: readonly NewRecord[],
  patches: RecordWrite['patches'] = [],
  now: Date = new Date(),
): Promise<{ batchId: number; records: LedgerRecord[] }> {
  return db.transaction('rw', db.batches, db.blocks, async (trans) => {
    const tx = tablesOf(trans);
    await patchAll(tx, patches);
    let id = batchId;
    if (id === null || !isManualBatch(await tx.batches.get(id))) {
      const importedAt = now.toISOString();
      id = (await tx.batches.add({
        fileName: MANUAL_FILE,
        contentHash: `${MANUAL_HASH_PREFIX}${importedAt}`,
        sheets: [],
        mappingSignature: '',
        importedAt,
        imported: 0,
        skipped: 0,
        demo: false,
      } as ImportBatch)) as number;
    }
    const first = (await lastRowNo(tx, id)) + 1;
    const batch = id;
    const rows: LedgerRecord[] = records.map((r, i) => ({
      ...r,
      batchId: batch,
      rowNo: first + i,
      source: { file: MANUAL_FILE, sheet: '', row: first + i },
    }));
    await addRecords(tx, rows);
    await recountManual(tx, [batch]);
    return { batchId: batch, records: rows };
  });
}

/** Delete records in one transaction; returns them as they were, for undo. */
export async function deleteRecords(db: LedgerDatabase, keys: readonly RecordKey[]): Promise<LedgerRecord[]> {
  return db.transaction('rw', db.batches, db.blocks, async (trans) => {
    const tx = tablesOf(trans);
    const found = await removeRecords(tx, keys);
    await recountManual(
      tx,
      found.map((r) => r.batchId),
    );
    return found;
  });
}

/** Put deleted records back as they were (undo of a delete), where their batch still exists. */
export async function restoreRecords(db: LedgerDatabase, records: readonly LedgerRecord[]): Promise<number> {
  return applyRecordWrite(db, { patches: [], put: records.slice(), remove: [] });
}

/** Carry out an undo or a redo: patches, records put back, records removed, in one transaction. */
export async function applyRecordWrite(db: LedgerDatabase, w: RecordWrite): Promise<number> {
  return db.transaction('rw', db.batches, db.blocks, async (trans) => {
    const tx = tablesOf(trans);
    if (w.remove.length) await removeRecords(tx, w.remove);
    let n = await patchAll(tx, w.patches);
    const put = await withBatch(tx, w.put);
    if (put.length) await putRecords(tx, put);
    n += put.length + w.remove.length;
    await recountManual(tx, [...put.map((r) => r.batchId), ...w.remove.map((k) => k[0])]);
    return n;
  });
}
