/** Messages between the page and a parsing worker (one worker per file being imported). */
import type { FileReading } from '../core/import/reasons';
import type { FilePreview, TableOptions, TablePreview } from '../core/import/types';
import type { SavedMapping } from '../core/schema';

export type ReadPhase = 'parse' | 'analyse';

export type ReadRequest =
  | { type: 'read'; id: number; fileName: string; buffer: ArrayBuffer; saved: SavedMapping[] }
  /** Read one sheet again with the clerk's corrections; the worker keeps the parsed workbook. */
  | { type: 'remap'; id: number; sheetIndex: number; options: TableOptions };

export type ReadResponse =
  | { type: 'progress'; id: number; phase: ReadPhase }
  | { type: 'file'; id: number; result: FileReading<FilePreview> }
  | { type: 'table'; id: number; table: TablePreview | null };
