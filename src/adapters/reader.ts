/** The page's side of the parsing worker: one worker, requests matched to answers by id. */
import type { FileReading } from '../core/import/reasons';
import type { FilePreview } from '../core/import/types';
import type { ReadRequest, ReadResponse } from './read.protocol';
import ReadWorker from './read.worker?worker&inline';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (r: FileReading<FilePreview>) => void>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new ReadWorker();
  w.onmessage = (e: MessageEvent<ReadResponse>) => {
    const resolve = pending.get(e.data.id);
    pending.delete(e.data.id);
    resolve?.(e.data.result);
  };
  w.onerror = (e) => {
    // A worker that dies (out of memory on a huge sheet) fails every request in flight, clearly.
    for (const resolve of pending.values()) resolve({ ok: false, reason: 'unreadable', detail: e.message });
    pending.clear();
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

/** Read a file in the worker; the buffer is transferred, not copied. */
export async function readLedgerFile(file: File): Promise<FileReading<FilePreview>> {
  const buffer = await file.arrayBuffer();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    const request: ReadRequest = { id, fileName: file.name, buffer };
    getWorker().postMessage(request, [buffer]);
  });
}
