/**
 * The parsing worker: reading a ledger happens here, off the main thread, so the page never freezes
 * on a big file.
 */
import type { ReadRequest, ReadResponse } from './read.protocol';
import { readFile } from './sheetjs';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null;
  postMessage: (m: ReadResponse) => void;
};

scope.onmessage = (e) => {
  const { id, fileName, buffer } = e.data;
  let response: ReadResponse;
  try {
    response = { id, result: readFile(fileName, new Uint8Array(buffer)) };
  } catch (err) {
    // Nothing may escape as an uncaught worker error: the clerk gets a reason, not a silent stall.
    response = {
      id,
      result: { ok: false, reason: 'unreadable', detail: err instanceof Error ? err.message : String(err) },
    };
  }
  scope.postMessage(response);
};
