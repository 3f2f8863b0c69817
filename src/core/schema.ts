/**
 * The data model shared by the importer, the database, the aggregates and the UI.
 * Pure types and constants: no DOM, no Dexie, no SheetJS.
 */

/** The measures every ledger can carry. Custom measures (吨, 间…) use `custom:<name>`. */
export const BUILTIN_MEASURES = ['count', 'people', 'households', 'items', 'amount'] as const;
export type BuiltinMeasureKey = (typeof BUILTIN_MEASURES)[number];
export type CustomMeasureKey = `custom:${string}`;
export type MeasureKey = BuiltinMeasureKey | CustomMeasureKey;

/**
 * Measure values of one record. `amount` is money held in 元 (never 万元), rounded to the fen, so that
 * a sum over any number of records stays exact (see core/numbers `sumExact`).
 */
export type MeasureValues = Partial<Record<MeasureKey, number>>;

/** Proposal handling states, in the order a proposal passes through them. */
export const PROPOSAL_STATUSES = ['已提交', '已立案', '已答复', '已办结'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const SATISFACTION_LEVELS = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** Where a record came from: every figure must trace back to its file, sheet and row. */
export interface RecordSource {
  file: string;
  sheet: string;
  /** 1-based row number as the clerk sees it in Excel/WPS. */
  row: number;
}

/**
 * One event or one line of a ledger, as stored.
 * `date` is ISO `YYYY-MM-DD`, or `YYYY-MM` when only the month is known, `YYYY` when only the year
 * is (a statistics table of a year), or '' when unknown.
 */
export interface LedgerRecord {
  batchId: number;
  /** Position within the batch; with batchId the primary key, so undoing a batch is a range delete. */
  rowNo: number;
  date: string;
  category: string;
  members: string[];
  place: string;
  subject: string;
  status: ProposalStatus | '';
  satisfaction: Satisfaction | '';
  values: MeasureValues;
  note: string;
  /** 填报单位, the reporting unit. */
  unit: string;
  source: RecordSource;
  /**
   * A figure from a statistics table (months across, or one row per village), not one event: it
   * counts no event by itself, so its `count` is only what the table states.
   */
  tally?: boolean;
}

/** A record before it is given its batch: what the importer and the demo generator produce. */
export type NewRecord = Omit<LedgerRecord, 'batchId' | 'rowNo'>;

/** One import (one file, or the demo data), undoable as a whole. */
export interface ImportBatch {
  id?: number;
  fileName: string;
  /** Hash of the file bytes: the same content imported twice is detected, not double-counted. */
  contentHash: string;
  sheets: string[];
  /** Header signature of the mapping used, when a file was imported. */
  mappingSignature: string;
  /** ISO timestamp. */
  importedAt: string;
  imported: number;
  skipped: number;
  /** True for the built-in 示例 data, which is removable in one click. */
  demo: boolean;
}

/** Column roles that carry one field of a record. */
export const FIELD_ROLES = [
  'date',
  'category',
  'members',
  'place',
  'subject',
  'status',
  'satisfaction',
  'note',
  'unit',
] as const;
export type FieldRoleKind = (typeof FIELD_ROLES)[number];

/** What a column of a ledger means. */
export type ColumnRole =
  | { kind: FieldRoleKind }
  | {
      kind: 'measure';
      measure: MeasureKey;
      /** Multiply the cell by this to get the stored unit (元 for amount). */
      scale: number;
      /** The category this column counts, in statistics tables with columns of several categories. */
      category?: string;
    }
  /** Months (or quarters) across: the column holds the values of this month (1–12). */
  | { kind: 'month'; month: number; quarter?: boolean }
  /** Items down: the row label (走访群众) naming the category and measure of a wide table's row. */
  | { kind: 'item' }
  /** The unit of a wide table's row (人次, 户, 万元). */
  | { kind: 'itemUnit' }
  /** A row total column (全年合计) of a wide table: checked against the months, not imported. */
  | { kind: 'rowTotal' }
  | { kind: 'ignore' };

/** A mapping saved per header signature, applied automatically the next time. */
export interface SavedMapping {
  signature: string;
  headers: string[];
  roles: ColumnRole[];
  /** Category for tables without a category column. */
  category: string;
  /** Header rows (1-based, inclusive) as the clerk confirmed them. */
  headerStart: number;
  headerEnd: number;
  updatedAt: string;
}

/** A key/value setting. */
export interface Setting {
  key: string;
  value: unknown;
}
