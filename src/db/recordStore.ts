/**
 * Records are stored in blocks: one IndexedDB row holds up to BLOCK_SIZE records of one batch.
 *
 * Why: IndexedDB pays a fixed cost per stored row (a key, a LevelDB entry, an index update), and at
 * a county's 100,000 records that cost was the whole import. Measured in Chromium on the session's
 * machine, writing 100,000 records one row each took 5.2 s and reading them back 1.1 s; the same
 * records in blocks of 500 took 0.24 s to write and 0.22 s to read (docs/performance.md).
 *
 * A record is still addressed by its `[batchId, rowNo]`: its block is `[batchId, blockOf(rowNo)]`, so
 * undoing an import stays one key-range delete, and editing one cell rewrites one block of 500.
 *
 * Every function here runs inside the caller's Dexie transaction (which must include `blocks`) and
 * notes what it changed on that transaction; the database tells its listeners once the transaction
 * has committed (see `noteRecordChange`), so the page applies exactly what was stored, in memory,
 * instead of reading 100,000 records again after each edit.
 */
import Dexie from 'dexie';
import type { RecordKey } from '../core/grid/commands';
import type { LedgerRecord } from '../core/schema';
import type { Tx } from './tx';

/** Records per stored block: large enough that per-row costs vanish, small enough that an edit is quick. */
export const BLOCK_SIZE = 500;

/** A block as stored: its records as one JSON text, in rowNo order. */
export interface RecordBlock {
  batchId: number;
  /** `blockOf(rowNo)` of every record in it. */
  block: number;
  /** How many records `json` holds, and the last one's rowNo: counted without parsing. */
  count: number;
  lastRowNo: number;
  /**
   * JSON, not the records as objects: IndexedDB's structured clone walks every object of every
   * record (five per record), JSON.stringify/parse are native and faster. Measured in Chromium with
   * 100,000 records: writing 447 ms as objects, 192 ms as JSON; reading 414 ms and 253 ms. Records
   * are plain data (backups are JSON too), so nothing is lost.
   */
  json: string;
}

/** A block read for changing: its records as objects, in rowNo order. */
interface OpenBlock {
  batchId: number;
  block: number;
  records: LedgerRecord[];
}

function seal(b: OpenBlock): RecordBlock {
  const last = b.records[b.records.length - 1];
  return {
    batchId: b.batchId,
    block: b.block,
    count: b.records.length,
    lastRowNo: last?.rowNo ?? 0,
    json: JSON.stringify(b.records),
  };
}

function unseal(b: RecordBlock): OpenBlock {
  return { batchId: b.batchId, block: b.block, records: JSON.parse(b.json) as LedgerRecord[] };
}

export type BlockKey = [number, number];

/** What a committed transaction did to the records, for whoever keeps them in memory. */
export type RecordChange =
  /** Added or replaced, whole. */
  | { kind: 'put'; records: LedgerRecord[] }
  | { kind: 'remove'; keys: RecordKey[] }
  /** Every record of these batches removed (undo of an import). */
  | { kind: 'remove-batches'; batchIds: number[] }
  /** Everything replaced or cleared (restore, clear all), or changed in another tab: read it all again. */
  | { kind: 'reset' };

export interface RecordChanges {
  changes: RecordChange[];
  /** How many records were added, changed or removed: the backup reminder counts them. */
  count: number;
}

export function blockOf(rowNo: number): number {
  return Math.floor((rowNo - 1) / BLOCK_SIZE);
}

function blockKeyOf(batchId: number, rowNo: number): BlockKey {
  return [batchId, blockOf(rowNo)];
}

const blockId = (k: BlockKey): string => `${k[0]}:${k[1]}`;

/**
 * Records grouped into blocks, in key order. Two records with the same key are refused: stored one
 * row each, the second would have failed with a ConstraintError, and a block must not hide it.
 */
export function toBlocks(records: readonly LedgerRecord[]): RecordBlock[] {
  return openBlocks(records).map(seal);
}

function openBlocks(records: readonly LedgerRecord[]): OpenBlock[] {
  const byBlock = new Map<string, OpenBlock>();
  // Records come in runs of one block (an import is in row order): the map is asked only when the
  // block changes, not with a new key text for each of 100,000 records.
  let b: OpenBlock | undefined;
  for (const r of records) {
    const block = blockOf(r.rowNo);
    if (!b || b.batchId !== r.batchId || b.block !== block) {
      const id = blockId([r.batchId, block]);
      b = byBlock.get(id);
      if (!b) {
        b = { batchId: r.batchId, block, records: [] };
        byBlock.set(id, b);
      }
    }
    b.records.push(r);
  }
  const blocks = [...byBlock.values()];
  for (const b of blocks) {
    b.records.sort((x, y) => x.rowNo - y.rowNo);
    for (let i = 1; i < b.records.length; i++)
      if (b.records[i]?.rowNo === b.records[i - 1]?.rowNo)
        throw new Dexie.ConstraintError(`record [${b.batchId},${b.records[i]?.rowNo}] given twice`);
  }
  return blocks.sort((x, y) => x.batchId - y.batchId || x.block - y.block);
}

function flatten(blocks: readonly RecordBlock[]): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  for (const b of blocks) for (const r of JSON.parse(b.json) as LedgerRecord[]) out.push(r);
  return out;
}

function batchRange(tx: Tx, batchId: number) {
  return tx.blocks
    .where('[batchId+block]')
    .between([batchId, Dexie.minKey], [batchId, Dexie.maxKey], true, true);
}

/** The blocks holding these keys, read in one request, by block id. */
async function blocksFor(tx: Tx, keys: readonly RecordKey[]): Promise<Map<string, OpenBlock>> {
  const wanted = new Map<string, BlockKey>();
  for (const [batchId, rowNo] of keys) {
    const k = blockKeyOf(batchId, rowNo);
    wanted.set(blockId(k), k);
  }
  const found = await tx.blocks.bulkGet([...wanted.values()]);
  const out = new Map<string, OpenBlock>();
  for (const b of found) if (b) out.set(blockId([b.batchId, b.block]), unseal(b));
  return out;
}

function findIn(block: OpenBlock | undefined, rowNo: number): number {
  if (!block) return -1;
  let lo = 0;
  let hi = block.records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = block.records[mid]?.rowNo ?? 0;
    if (r === rowNo) return mid;
    if (r < rowNo) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Every stored record, in key order. */
export async function readAllRecords(tx: Tx): Promise<LedgerRecord[]> {
  return flatten(await tx.blocks.toArray());
}

/**
 * Every stored record as one JSON array text, joined from the blocks' texts without parsing them
 * (for a backup), and how many there are.
 */
export async function readAllRecordsJson(tx: Tx): Promise<{ json: string; count: number }> {
  const parts: string[] = [];
  let count = 0;
  for (const b of await tx.blocks.toArray()) {
    if (b.count === 0) continue;
    parts.push(b.json.slice(1, -1));
    count += b.count;
  }
  return { json: `[${parts.join(',')}]`, count };
}

/** Every stored block, unparsed: reading the texts is quick, parsing them is the work. */
export async function readAllBlocks(tx: Tx): Promise<RecordBlock[]> {
  return tx.blocks.toArray();
}

/**
 * The records of blocks, parsed a few blocks at a time with a pause between (outside any
 * transaction): 100,000 records parse in about 250 ms, which in one piece would freeze the page.
 */
export async function parseBlocks(
  blocks: readonly RecordBlock[],
  pause: () => Promise<void>,
): Promise<LedgerRecord[]> {
  const out: LedgerRecord[] = [];
  let since = 0;
  for (const b of blocks) {
    for (const r of JSON.parse(b.json) as LedgerRecord[]) out.push(r);
    since += b.count;
    if (since >= WRITE_CHUNK * BLOCK_SIZE) {
      since = 0;
      await pause();
    }
  }
  return out;
}

/**
 * Blocks are written this many at a time: each write's success comes back as a task of its own,
 * so the page can paint and answer a click between them, and the transaction stays open because
 * the next write is asked for before it could commit.
 */
const WRITE_CHUNK = 16;

async function writeBlocks(tx: Tx, blocks: readonly OpenBlock[]): Promise<void> {
  for (let i = 0; i < blocks.length; i += WRITE_CHUNK)
    await tx.blocks.bulkPut(blocks.slice(i, i + WRITE_CHUNK).map(seal));
}

/**
 * Store records of a new batch. A key already stored fails the transaction, as an add does.
 * `newBatch`: the records are all of a batch created in this transaction, which has no blocks yet:
 * one count asks that, instead of reading back every block they go into (200 at an import of
 * 100,000 records).
 */
export async function addRecords(
  tx: Tx,
  records: readonly LedgerRecord[],
  { newBatch = false } = {},
): Promise<void> {
  if (records.length === 0) return;
  const blocks = openBlocks(records);
  const batchId = blocks[0]?.batchId ?? 0;
  const fresh =
    newBatch && blocks.every((b) => b.batchId === batchId) && (await batchRange(tx, batchId).count()) === 0;
  const stored = fresh ? [] : await tx.blocks.bulkGet(blocks.map((b): BlockKey => [b.batchId, b.block]));
  // A block that exists already (rows added to a 手工录入 batch) takes the new records in.
  const merged = blocks.map((b, i): OpenBlock => {
    const was = stored[i];
    if (!was) return b;
    const old = unseal(was);
    const rows = [...old.records];
    for (const r of b.records) {
      if (findIn(old, r.rowNo) >= 0)
        throw new Dexie.ConstraintError(`record [${r.batchId},${r.rowNo}] exists already`);
      rows.push(r);
    }
    rows.sort((x, y) => x.rowNo - y.rowNo);
    return { ...b, records: rows };
  });
  await writeBlocks(tx, merged);
  noteRecordChange(tx, { kind: 'put', records: records.slice() }, records.length);
}

/** Add or replace records, whole. */
export async function putRecords(tx: Tx, records: readonly LedgerRecord[]): Promise<void> {
  if (records.length === 0) return;
  const blocks = await blocksFor(
    tx,
    records.map((r): RecordKey => [r.batchId, r.rowNo]),
  );
  const touched = new Map<string, OpenBlock>();
  for (const r of records) {
    const id = blockId(blockKeyOf(r.batchId, r.rowNo));
    let b = touched.get(id);
    if (!b) {
      const old = blocks.get(id);
      b = old
        ? { ...old, records: old.records.slice() }
        : { batchId: r.batchId, block: blockOf(r.rowNo), records: [] };
      touched.set(id, b);
    }
    const i = findIn(b, r.rowNo);
    if (i >= 0) b.records[i] = r;
    else {
      b.records.push(r);
      b.records.sort((x, y) => x.rowNo - y.rowNo);
    }
  }
  await writeBlocks(tx, [...touched.values()]);
  noteRecordChange(tx, { kind: 'put', records: records.slice() }, records.length);
}

/**
 * Change stored records: `change` gets each record found (and its key's place in `keys`) and gives
 * it back changed. Each block is read once and written once, in the one transaction. Returns the
 * records as changed; keys not stored are passed over.
 */
export async function changeRecords(
  tx: Tx,
  keys: readonly RecordKey[],
  change: (r: LedgerRecord, i: number) => LedgerRecord,
): Promise<LedgerRecord[]> {
  if (keys.length === 0) return [];
  // Blocks read here are this call's own copies (parsed from their text): changed in place.
  const blocks = await blocksFor(tx, keys);
  const touched = new Map<string, OpenBlock>();
  const changed: LedgerRecord[] = [];
  keys.forEach(([batchId, rowNo], i) => {
    const id = blockId(blockKeyOf(batchId, rowNo));
    const b = blocks.get(id);
    const at = findIn(b, rowNo);
    if (!b || at < 0) return;
    const next = change(b.records[at] as LedgerRecord, i);
    b.records[at] = next;
    touched.set(id, b);
    changed.push(next);
  });
  await writeBlocks(tx, [...touched.values()]);
  if (changed.length) noteRecordChange(tx, { kind: 'put', records: changed }, changed.length);
  return changed;
}

/** Remove the records with these keys; returns those that were there, as they were. */
export async function removeRecords(tx: Tx, keys: readonly RecordKey[]): Promise<LedgerRecord[]> {
  if (keys.length === 0) return [];
  const blocks = await blocksFor(tx, keys);
  const removed: LedgerRecord[] = [];
  const touched = new Map<string, OpenBlock>();
  for (const [batchId, rowNo] of keys) {
    const id = blockId(blockKeyOf(batchId, rowNo));
    let b = touched.get(id);
    if (!b) {
      const old = blocks.get(id);
      if (!old) continue;
      b = { ...old, records: old.records.slice() };
      touched.set(id, b);
    }
    const i = findIn(b, rowNo);
    if (i < 0) continue;
    removed.push(...b.records.splice(i, 1));
  }
  const kept = [...touched.values()];
  const empty = kept.filter((b) => b.records.length === 0).map((b): BlockKey => [b.batchId, b.block]);
  if (empty.length) await tx.blocks.bulkDelete(empty);
  const nonEmpty = kept.filter((b) => b.records.length > 0);
  if (nonEmpty.length) await tx.blocks.bulkPut(nonEmpty.map(seal));
  if (removed.length)
    noteRecordChange(
      tx,
      { kind: 'remove', keys: removed.map((r): RecordKey => [r.batchId, r.rowNo]) },
      removed.length,
    );
  return removed;
}

/** Remove every record of a batch: one key-range delete. Returns how many there were. */
export async function removeBatchRecords(tx: Tx, batchId: number): Promise<number> {
  const n = await countBatchRecords(tx, batchId);
  await batchRange(tx, batchId).delete();
  noteRecordChange(tx, { kind: 'remove-batches', batchIds: [batchId] }, n);
  return n;
}

/** How many records a batch holds. */
export async function countBatchRecords(tx: Tx, batchId: number): Promise<number> {
  let n = 0;
  await batchRange(tx, batchId).each((b) => {
    n += b.count;
  });
  return n;
}

/** The highest rowNo stored in a batch, 0 when it holds none. */
export async function lastRowNo(tx: Tx, batchId: number): Promise<number> {
  const last = await batchRange(tx, batchId).last();
  return last?.lastRowNo ?? 0;
}

/** How many records are stored. */
export async function countRecords(tx: Tx): Promise<number> {
  let n = 0;
  await tx.blocks.each((b) => {
    n += b.count;
  });
  return n;
}

/** Remove every record. */
export async function clearRecords(tx: Tx): Promise<void> {
  const n = await countRecords(tx);
  await tx.blocks.clear();
  noteRecordChange(tx, { kind: 'reset' }, n);
}

/** Replace every record (a restore): the old ones are cleared in the same transaction first. */
export async function replaceRecords(tx: Tx, records: readonly LedgerRecord[]): Promise<void> {
  const blocks = openBlocks(records);
  for (let i = 0; i < blocks.length; i += WRITE_CHUNK)
    await tx.blocks.bulkAdd(blocks.slice(i, i + WRITE_CHUNK).map(seal));
  noteRecordChange(tx, { kind: 'reset' }, records.length);
}

const pendingByTransaction = new WeakMap<object, RecordChanges>();

/**
 * Note a change on the running transaction; the database hears of it once, when that transaction
 * commits. A transaction that aborts (a full disk) tells nobody: nothing changed.
 *
 * Heard through Dexie's own `complete` event of the outermost transaction, which fires before the
 * awaited `db.transaction(…)` resumes its caller: a listener added to the IndexedDB transaction
 * comes after Dexie's, and the caller then ran before the page's records held the change.
 */
function noteRecordChange(tx: Tx, change: RecordChange, count: number): void {
  let root = tx.trans;
  while (root.parent) root = root.parent;
  let pending = pendingByTransaction.get(root);
  if (!pending) {
    const fresh: RecordChanges = { changes: [], count: 0 };
    pending = fresh;
    pendingByTransaction.set(root, fresh);
    root.on('complete', () => tx.db.announceRecordChanges(fresh));
  }
  pending.changes.push(change);
  pending.count += count;
}
