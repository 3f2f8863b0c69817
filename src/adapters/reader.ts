/**
 * The page's side of the parsing workers: one worker per file, so a file can be cancelled (its
 * worker terminated) without disturbing the others, and its parsed workbook stays in that worker
 * for re-reading a sheet with the clerk's corrections.
 */
import type { FileReading, FileRefusal } from '../core/import/reasons';
import { unpackRecords } from '../core/import/recordPack';
import type { FilePreview, TableOptions, TablePreview } from '../core/import/types';
import type { NewRecord, SavedMapping } from '../core/schema';
import type { ReadPhase, ReadRequest, ReadResponse } from './read.protocol';
import ReadWorker from './read.worker?worker&inline';

type Pending = (r: ReadResponse) => void;

/**
 * A worker started ahead, while the clerk is still choosing a file: starting one compiles SheetJS
 * (about a megabyte of script), time that would otherwise come after the choice.
 */
let spare: Worker | null = null;
let spareTimer: ReturnType<typeof setTimeout> | null = null;

/** Have a worker ready for the next file (the import view asks when it opens, and after each take). */
export function prepareReader(): void {
  if (spare || spareTimer || typeof Worker === 'undefined') return;
  // A moment later, so that the view it is prepared for is drawn first.
  spareTimer = setTimeout(() => {
    spareTimer = null;
    spare ??= new ReadWorker();
  }, 50);
}

function takeWorker(): Worker {
  const w = spare ?? new ReadWorker();
  spare = null;
  prepareReader();
  return w;
}

export class LedgerFileReader {
  private worker: Worker | null = takeWorker();
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private onProgress: ((phase: ReadPhase) => void) | null = null;
  /** Records sent ahead of an answer, per request and table (see the protocol's `records`). */
  private ahead = new Map<number, NewRecord[][]>();

  constructor() {
    const w = this.worker;
    if (!w) return;
    w.onmessage = (e: MessageEvent<ReadResponse>) => {
      const msg = e.data;
      if (msg.type === 'progress') {
        this.onProgress?.(msg.phase);
        return;
      }
      if (msg.type === 'records') {
        const tables = this.ahead.get(msg.id) ?? [];
        const list = (tables[msg.table] ??= []);
        for (const r of unpackRecords(msg.packed)) list.push(r);
        this.ahead.set(msg.id, tables);
        return;
      }
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve?.(this.withRecords(msg));
    };
    w.onerror = (e) => {
      // A worker that dies (out of memory on a huge sheet) answers every request in flight, clearly.
      e.preventDefault();
      this.fail(e.message || 'worker error');
    };
  }

  private send(req: ReadRequest, transfer: Transferable[] = []): Promise<ReadResponse> {
    return new Promise((resolve) => {
      if (!this.worker) {
        resolve(req.type === 'read' ? cancelled(req.id) : { type: 'table', id: req.id, table: null });
        return;
      }
      this.pending.set(req.id, resolve);
      this.worker.postMessage(req, transfer);
    });
  }

  /** Read the file in the worker; the bytes are transferred, not copied. */
  async read(
    file: File,
    saved: SavedMapping[],
    onProgress: (phase: ReadPhase) => void,
  ): Promise<FileReading<FilePreview>> {
    this.onProgress = onProgress;
    const buffer = await file.arrayBuffer();
    const id = this.nextId++;
    const res = await this.send({ type: 'read', id, fileName: file.name, buffer, saved }, [buffer]);
    return res.type === 'file' ? res.result : { ok: false, reason: 'unreadable' };
  }

  /** Read one sheet again with corrected header rows, roles or category. */
  async remap(sheetIndex: number, options: TableOptions): Promise<TablePreview | null> {
    const id = this.nextId++;
    const res = await this.send({ type: 'remap', id, sheetIndex, options });
    return res.type === 'table' ? res.table : null;
  }

  /**
   * Read a roster of members (委员名单) from a sheet: the names, or null with the reason the file could
   * not be read (undefined when it was read but holds no names).
   */
  async roster(file: File): Promise<{ names: string[] | null; reason?: FileRefusal }> {
    const buffer = await file.arrayBuffer();
    const id = this.nextId++;
    const res = await this.send({ type: 'roster', id, fileName: file.name, buffer }, [buffer]);
    if (res.type === 'roster') return { names: res.names, ...(res.reason && { reason: res.reason }) };
    return { names: null, reason: 'unreadable' };
  }

  /** The benchmark's floor: how long SheetJS alone takes to read these bytes in this worker. */
  async timeParse(bytes: Uint8Array): Promise<number> {
    const buffer = bytes.slice().buffer;
    const id = this.nextId++;
    const res = await this.send({ type: 'parse-only', id, buffer }, [buffer]);
    return res.type === 'elapsed' ? res.ms : NaN;
  }

  /** Stop reading: the worker is terminated and anything waiting is answered as cancelled. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.fail('cancelled');
  }

  /** An answer with the records sent ahead of it put back into its tables. */
  private withRecords(msg: ReadResponse): ReadResponse {
    const ahead = this.ahead.get(msg.id);
    this.ahead.delete(msg.id);
    if (!ahead) return msg;
    if (msg.type === 'table' && msg.table)
      return { ...msg, table: { ...msg.table, records: ahead[0] ?? [] } };
    if (msg.type === 'file' && msg.result.ok) {
      const tables = msg.result.value.tables.map((tb, i) => ({ ...tb, records: ahead[i] ?? [] }));
      return { ...msg, result: { ok: true, value: { ...msg.result.value, tables } } };
    }
    return msg;
  }

  private fail(detail: string): void {
    this.ahead.clear();
    for (const [id, resolve] of this.pending)
      resolve({ type: 'file', id, result: { ok: false, reason: 'unreadable', detail } });
    this.pending.clear();
  }
}

function cancelled(id: number): ReadResponse {
  return { type: 'file', id, result: { ok: false, reason: 'unreadable', detail: 'cancelled' } };
}
