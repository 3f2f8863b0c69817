/**
 * Edits of the grid as data: what a typed cell, a paste, an added or a deleted row changes, so that
 * each can be stored in one transaction and undone in one step.
 */
import { FIELD_ROLES, type LedgerRecord, type MeasureKey, type NewRecord } from '../schema';
import type { CellErrorCode, GridColumn, ParseContext } from './columns';

/** A record's primary key in IndexedDB: [batchId, rowNo]. */
export type RecordKey = [number, number];

export function recordKey(r: Pick<LedgerRecord, 'batchId' | 'rowNo'>): RecordKey {
  return [r.batchId, r.rowNo];
}

/** The key as one string, for maps and sets. */
export function keyString(r: Pick<LedgerRecord, 'batchId' | 'rowNo'>): string {
  return `${r.batchId}:${r.rowNo}`;
}

/**
 * The records by keyString, made again on every change of the records. A Map of 100,000 new key
 * strings costs some 30 ms; this reads each record's two numbers into an array per batch, indexed by
 * row, in a few. It answers `get` and `has` as that Map would (the last record of a key wins);
 * iterating it builds that Map once, since nothing walks it on the way of an edit.
 */
export function indexByKey(records: readonly LedgerRecord[]): ReadonlyMap<string, LedgerRecord> {
  return new RecordIndex(records);
}

/** Row numbers kept in the per-batch arrays; others (never seen in practice) go to a plain map. */
const MAX_ROW_INDEX = 2 ** 30;

class RecordIndex implements ReadonlyMap<string, LedgerRecord> {
  private readonly batches = new Map<number, (LedgerRecord | undefined)[]>();
  private readonly others = new Map<string, LedgerRecord>();
  private readonly records: readonly LedgerRecord[];
  private map: Map<string, LedgerRecord> | null = null;
  readonly size: number;

  constructor(records: readonly LedgerRecord[]) {
    this.records = records.slice();
    let size = 0;
    for (const r of this.records) {
      const b = r.batchId;
      const n = r.rowNo;
      if (Number.isSafeInteger(b) && Number.isInteger(n) && n >= 0 && n < MAX_ROW_INDEX) {
        let rows = this.batches.get(b);
        if (!rows) {
          rows = [];
          this.batches.set(b, rows);
        }
        if (rows[n] === undefined) size++;
        rows[n] = r;
      } else {
        const k = keyString(r);
        if (!this.others.has(k)) size++;
        this.others.set(k, r);
      }
    }
    this.size = size;
  }

  get(key: string): LedgerRecord | undefined {
    const colon = key.indexOf(':');
    if (colon > 0) {
      const r = this.batches.get(Number(key.slice(0, colon)))?.[Number(key.slice(colon + 1))];
      // The numbers of `01:5` or `1:5.0` find the record of `1:5`, whose key they are not.
      if (r && keyString(r) === key) return r;
    }
    return this.others.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  private asMap(): Map<string, LedgerRecord> {
    return (this.map ??= new Map(this.records.map((r) => [keyString(r), r])));
  }

  forEach(
    callback: (value: LedgerRecord, key: string, map: ReadonlyMap<string, LedgerRecord>) => void,
    thisArg?: unknown,
  ): void {
    this.asMap().forEach((v, k) => callback.call(thisArg, v, k, this));
  }

  entries(): MapIterator<[string, LedgerRecord]> {
    return this.asMap().entries();
  }

  keys(): MapIterator<string> {
    return this.asMap().keys();
  }

  values(): MapIterator<LedgerRecord> {
    return this.asMap().values();
  }

  [Symbol.iterator](): MapIterator<[string, LedgerRecord]> {
    return this.asMap()[Symbol.iterator]();
  }
}

/** The fields a patch may set: those a column role carries. */
type PatchableField = (typeof FIELD_ROLES)[number];
const PATCHABLE: readonly PatchableField[] = FIELD_ROLES;

/**
 * The fields an edit changed, and nothing else: written over the record as it is in the database,
 * so an edit never puts back an older copy of the fields it did not touch (another tab's edit, or
 * the previous cell of the same row still on its way to the disk).
 */
export interface RecordPatch {
  fields: Partial<Pick<LedgerRecord, PatchableField>>;
  /** A measure set to a number, or null to blank it. */
  values: Partial<Record<MeasureKey, number | null>>;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function diffRecords(before: LedgerRecord, after: LedgerRecord): RecordPatch {
  const fields: RecordPatch['fields'] = {};
  for (const f of PATCHABLE) {
    if (!sameValue(before[f], after[f])) (fields as Record<string, unknown>)[f] = after[f];
  }
  const values: RecordPatch['values'] = {};
  const keys = new Set([...Object.keys(before.values), ...Object.keys(after.values)] as MeasureKey[]);
  for (const k of keys) {
    const a = before.values[k];
    const b = after.values[k];
    if (a !== b) values[k] = b ?? null;
  }
  return { fields, values };
}

export function isEmptyPatch(p: RecordPatch): boolean {
  return Object.keys(p.fields).length === 0 && Object.keys(p.values).length === 0;
}

export function patchRecord(r: LedgerRecord, p: RecordPatch): LedgerRecord {
  const values = { ...r.values };
  for (const [k, v] of Object.entries(p.values) as [MeasureKey, number | null][]) {
    if (v === null) delete values[k];
    else values[k] = v;
  }
  return { ...r, ...p.fields, values };
}

export interface RecordChange {
  before: LedgerRecord;
  after: LedgerRecord;
}

/** One undoable step: cells changed, rows added, rows deleted. */
export interface GridCommand {
  changes: RecordChange[];
  added: LedgerRecord[];
  deleted: LedgerRecord[];
}

export function invertCommand(c: GridCommand): GridCommand {
  return {
    changes: c.changes.map((ch) => ({ before: ch.after, after: ch.before })),
    added: c.deleted,
    deleted: c.added,
  };
}

/** What the database must do to carry a command out. */
export interface RecordWrite {
  patches: { key: RecordKey; patch: RecordPatch }[];
  put: LedgerRecord[];
  remove: RecordKey[];
}

export function commandWrite(c: GridCommand): RecordWrite {
  return {
    patches: c.changes.map((ch) => ({ key: recordKey(ch.before), patch: diffRecords(ch.before, ch.after) })),
    put: c.added,
    remove: c.deleted.map(recordKey),
  };
}

/** A write applied to records in memory: what the database holds after it (for tests and previews). */
export function applyWrite(records: readonly LedgerRecord[], w: RecordWrite): LedgerRecord[] {
  const byKey = new Map(records.map((r) => [keyString(r), r]));
  for (const k of w.remove) byKey.delete(`${k[0]}:${k[1]}`);
  for (const { key, patch } of w.patches) {
    const s = `${key[0]}:${key[1]}`;
    const r = byKey.get(s);
    if (r) byKey.set(s, patchRecord(r, patch));
  }
  for (const r of w.put) byKey.set(keyString(r), r);
  return [...byKey.values()].sort((a, b) => a.batchId - b.batchId || a.rowNo - b.rowNo);
}

export interface CellProblem {
  /** Row and column in the grid (0-based). */
  row: number;
  col: number;
  code: CellErrorCode;
  text: string;
}

/** A paste (or a typed cell) worked out: existing records changed, new rows to add. */
export interface EditPlan {
  changes: RecordChange[];
  /** Rows below the last record, to be added. */
  newRows: NewRecord[];
  /** Cells written. */
  cells: number;
}

export type PlanResult = { ok: true; plan: EditPlan } | { ok: false; problems: CellProblem[] };

export interface PlanContext {
  /** The year for dates typed without one, given the record (undefined for a new row). */
  parseContext: (r: LedgerRecord | undefined) => ParseContext;
  /** A new row before any cell is written into it (its category taken from where the clerk works). */
  newRow: () => NewRecord;
}

/** The grid's rows: an array, or a lookup by row index (the grid's rows with unsaved edits laid over). */
export type RowSource = readonly LedgerRecord[] | ((row: number) => LedgerRecord | undefined);

function rowOf(rows: RowSource, row: number): LedgerRecord | undefined {
  return typeof rows === 'function' ? rows(row) : rows[row];
}

function draftOf(r: NewRecord): LedgerRecord {
  return { ...r, batchId: 0, rowNo: 0 };
}

function undraft(r: LedgerRecord): NewRecord {
  const { batchId: _b, rowNo: _r, ...rest } = r;
  return rest;
}

/**
 * Write a block of text cells into the grid with its top-left at (row, col). Rows past the last
 * record become new rows; cells past the last column and read-only cells are left out; a block row
 * shorter than the others (text pasted from elsewhere) leaves the cells it lacks as they are.
 * Every cell is validated first: one bad cell writes nothing.
 */
export function planBlock(
  rows: RowSource,
  columns: readonly GridColumn[],
  at: { row: number; col: number },
  block: readonly (readonly (string | undefined)[])[],
  ctx: PlanContext,
): PlanResult {
  const problems: CellProblem[] = [];
  const changes: RecordChange[] = [];
  const newRows: NewRecord[] = [];
  let cells = 0;
  block.forEach((line, i) => {
    const row = at.row + i;
    const existing = rowOf(rows, row);
    // A blank line pasted below the last record adds nothing: an empty record would count as an event.
    if (!existing && line.every((t) => t === undefined || t.trim() === '')) return;
    let rec = existing ?? draftOf(ctx.newRow());
    let wrote = false;
    line.forEach((text, j) => {
      const column = columns[at.col + j];
      if (!column || column.readOnly || text === undefined) return;
      const w = column.write(rec, text, ctx.parseContext(existing ?? rec));
      if (!w.ok) {
        problems.push({ row, col: at.col + j, code: w.code, text });
        return;
      }
      rec = w.record;
      wrote = true;
      cells++;
    });
    if (!wrote) return;
    if (existing) {
      if (!isEmptyPatch(diffRecords(existing, rec))) changes.push({ before: existing, after: rec });
    } else {
      newRows.push(undraft(rec));
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, plan: { changes, newRows, cells } };
}

/**
 * The same text in every cell of a range (a single copied cell pasted over a selection, or the
 * Delete key with ''). Required cells (the category) are skipped when clearing.
 */
export function planFill(
  rows: RowSource,
  columns: readonly GridColumn[],
  range: { top: number; left: number; bottom: number; right: number },
  text: string,
  ctx: PlanContext,
): PlanResult {
  const block: (string | undefined)[][] = [];
  for (let r = range.top; r <= range.bottom && rowOf(rows, r); r++) {
    const line: (string | undefined)[] = [];
    for (let c = range.left; c <= range.right; c++) {
      line.push(text === '' && columns[c]?.required ? undefined : text);
    }
    block.push(line);
  }
  return planBlock(rows, columns, { row: range.top, col: range.left }, block, ctx);
}
