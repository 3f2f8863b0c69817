/**
 * The page's side of writing Excel files: each file gets its own SheetJS worker (the same inline
 * worker that reads ledgers, so SheetJS is bundled once), which is terminated when the file is done.
 */
import type { PivotSheet } from '../core/pivot';
import type { LedgerRecord } from '../core/schema';
import type { ReadResponse, WriteRequest } from './read.protocol';
import SheetWorker from './read.worker?worker&inline';

/** A write request without its id (each worker answers one request). */
type WriteBody = WriteRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function write(body: WriteBody): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new SheetWorker();
    const done = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<ReadResponse>) => {
      done();
      if (e.data.type === 'bytes') resolve(e.data.bytes);
      else reject(new Error(e.data.type === 'error' ? e.data.detail : `unexpected ${e.data.type}`));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      reject(new Error(e.message || 'worker error'));
    };
    worker.postMessage({ ...body, id: 1 } as WriteRequest);
  });
}

/** The records as .xlsx: a 汇总 sheet and the 台账记录 sheet the importer reads back. */
export function exportLedgerXlsx(
  records: readonly LedgerRecord[],
  title: string,
  periodLabel: string,
): Promise<Uint8Array> {
  return write({ type: 'export-ledger', records: records.slice(), title, periodLabel });
}

/** A blank ledger template of one category (or 综合) for `year`. */
export function ledgerTemplateXlsx(category: string, year: number): Promise<Uint8Array> {
  return write({ type: 'template', category, year });
}

/** The pivot (汇总表) as .xlsx: title, unit line, category › measure headers, rows and 合计. */
export function pivotXlsx(sheet: PivotSheet): Promise<Uint8Array> {
  return write({ type: 'export-pivot', sheet });
}
