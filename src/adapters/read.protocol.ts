/**
 * Messages between the page and a SheetJS worker: one worker per file being imported, and one per
 * file being written (the Excel export, a blank template), so SheetJS stays inside the worker.
 */
import type { FileReading, FileRefusal } from '../core/import/reasons';
import type { PackedRecords } from '../core/import/recordPack';
import type { FilePreview, TableOptions, TablePreview } from '../core/import/types';
import type { PivotSheet } from '../core/pivot';
import type { LedgerRecord, NewRecord, SavedMapping } from '../core/schema';

export type ReadPhase = 'parse' | 'analyse';

/** Files the worker writes; each is answered with `bytes` or `error`. */
export type WriteRequest =
  /** The ledger as .xlsx: a 汇总 sheet (the totals) and the records with their sources. */
  | {
      type: 'export-ledger';
      id: number;
      records: (LedgerRecord | NewRecord)[];
      /** The reporting unit the titles name (XX镇政协联络办). */
      title: string;
      /** 2023年, 2023年第一季度, 全部. */
      periodLabel: string;
    }
  /** A blank ledger of one category for the clerks to fill in; `year` defaults to next year. */
  | { type: 'template'; id: number; category: string; year?: number }
  /** The pivot (汇总表) as the dashboard shows it, laid out with its titles and totals. */
  | { type: 'export-pivot'; id: number; sheet: PivotSheet };

export type ReadRequest =
  | { type: 'read'; id: number; fileName: string; buffer: ArrayBuffer; saved: SavedMapping[] }
  /** Read one sheet again with the clerk's corrections; the worker keeps the parsed workbook. */
  | { type: 'remap'; id: number; sheetIndex: number; options: TableOptions }
  /** Read a roster of members (委员名单): the names under a 姓名/委员 header, or a ledger's 委员 column. */
  | { type: 'roster'; id: number; fileName: string; buffer: ArrayBuffer }
  /** The benchmark's floor: SheetJS alone reading the bytes, timed inside the worker. */
  | { type: 'parse-only'; id: number; buffer: ArrayBuffer }
  | WriteRequest;

export type ReadResponse =
  | { type: 'progress'; id: number; phase: ReadPhase }
  /**
   * Some records of table `table` of the answer that follows, sent ahead of it in pieces: each piece
   * is unpacked on the page as a task of its own (100,000 records in one message held the page for
   * 180 ms). The answer's tables come with their records left out; the reader puts them back.
   * Packed in columns: quicker to unpack than as many objects (core/import/recordPack.ts).
   */
  | { type: 'records'; id: number; table: number; packed: PackedRecords }
  | { type: 'file'; id: number; result: FileReading<FilePreview> }
  | { type: 'table'; id: number; table: TablePreview | null }
  | { type: 'bytes'; id: number; bytes: Uint8Array }
  /** The names of a roster; null when the file holds none (`reason` when it could not be read). */
  | { type: 'roster'; id: number; names: string[] | null; reason?: FileRefusal }
  | { type: 'elapsed'; id: number; ms: number }
  | { type: 'error'; id: number; detail: string };
