/**
 * The columns of the ledger grid: for each field of a record (or measure), how its cell reads,
 * sorts, and takes typed or pasted text. Validation returns data, never throws: the grid shows the
 * reason at the cell and stores nothing.
 */
import { canonicalCategory } from '../categories';
import { parseDateText, yearOf } from '../dates';
import { parseSatisfaction, parseStatus, splitMembers } from '../import/values';
import { parseQuantity, wanToYuan, yuanToWan } from '../numbers';
import type { LedgerRecord, MeasureKey, RecordSource } from '../schema';

export type FieldKey =
  | 'date'
  | 'category'
  | 'members'
  | 'place'
  | 'subject'
  | 'status'
  | 'satisfaction'
  | 'unit'
  | 'note'
  | 'source';
/** A column's key is the record field or the measure key it shows; the UI puts it in `data-field`. */
export type ColumnKey = FieldKey | MeasureKey;

export type ColumnKind = 'date' | 'text' | 'number' | 'source';

/** Why a cell refused the text typed or pasted into it; the UI turns each into a Chinese message. */
export type CellErrorCode =
  | 'not-a-number'
  | 'negative'
  | 'not-integer'
  | 'bad-unit'
  | 'bad-date'
  | 'empty-category'
  | 'too-long'
  | 'bad-status'
  | 'bad-satisfaction'
  | 'read-only';

export type Parsed<V> = { ok: true; value: V } | { ok: false; code: CellErrorCode };
export type Written = { ok: true; record: LedgerRecord } | { ok: false; code: CellErrorCode };

export interface ParseContext {
  /** The year for dates typed without one (`3月5日`): the record's own year, else the period's. */
  year?: number;
}

export interface GridColumn {
  key: ColumnKey;
  kind: ColumnKind;
  readOnly: boolean;
  /** A record cannot be without it (its category): clearing a range leaves it alone. */
  required: boolean;
  /** The value as shown and sorted: numbers in their display unit (money in 万元), null when blank. */
  get(r: LedgerRecord): string | number | null;
  /** The text of the cell for the editor, the clipboard and the search: exact, no grouping. */
  format(r: LedgerRecord): string;
  /** Validate text for this column. */
  parse(text: string, ctx: ParseContext): Parsed<unknown>;
  /** The record with the cell set to text, or why not. */
  write(r: LedgerRecord, text: string, ctx: ParseContext): Written;
}

interface ColumnDef<V> {
  key: ColumnKey;
  kind: ColumnKind;
  readOnly?: boolean;
  required?: boolean;
  get(r: LedgerRecord): V;
  set(r: LedgerRecord, v: V): LedgerRecord;
  parse(text: string, ctx: ParseContext): Parsed<V>;
  format(v: V): string;
  sortValue(v: V): string | number | null;
}

function column<V>(def: ColumnDef<V>): GridColumn {
  return {
    key: def.key,
    kind: def.kind,
    readOnly: def.readOnly ?? false,
    required: def.required ?? false,
    get: (r) => def.sortValue(def.get(r)),
    format: (r) => def.format(def.get(r)),
    parse: (text, ctx) => def.parse(text, ctx),
    write: (r, text, ctx) => {
      if (def.readOnly) return { ok: false, code: 'read-only' };
      const p = def.parse(text, ctx);
      return p.ok ? { ok: true, record: def.set(r, p.value) } : p;
    },
  };
}

const MAX_TEXT = 2000;
const MAX_CATEGORY = 20;

/** A free-text field; line breaks pasted from a cell of Excel are kept, the ends trimmed. */
function textColumn(key: 'place' | 'subject' | 'note' | 'unit'): GridColumn {
  return column<string>({
    key,
    kind: 'text',
    get: (r) => r[key],
    set: (r, v) => ({ ...r, [key]: v }),
    parse: (text) => {
      const v = text.trim();
      return v.length > MAX_TEXT ? { ok: false, code: 'too-long' } : { ok: true, value: v };
    },
    format: (v) => v,
    sortValue: (v) => v || null,
  });
}

const dateColumn = column<string>({
  key: 'date',
  kind: 'date',
  get: (r) => r.date,
  set: (r, v) => ({ ...r, date: v }),
  parse: (text, ctx) => {
    if (text.trim() === '') return { ok: true, value: '' };
    const iso = parseDateText(text, ctx.year);
    return iso === null ? { ok: false, code: 'bad-date' } : { ok: true, value: iso };
  },
  format: (v) => v,
  sortValue: (v) => v || null,
});

const categoryColumn = column<string>({
  key: 'category',
  kind: 'text',
  required: true,
  get: (r) => r.category,
  set: (r, v) => ({ ...r, category: v }),
  parse: (text) => {
    // Categories are open-ended (a ledger may count 植树), but 走访群众 is 走访.
    const v = canonicalCategory(text);
    if (v === '') return { ok: false, code: 'empty-category' };
    return v.length > MAX_CATEGORY ? { ok: false, code: 'too-long' } : { ok: true, value: v };
  },
  format: (v) => v,
  sortValue: (v) => v || null,
});

const membersColumn = column<string[]>({
  key: 'members',
  kind: 'text',
  get: (r) => r.members,
  set: (r, v) => ({ ...r, members: v }),
  parse: (text) => {
    const v = splitMembers(text);
    return v.join('、').length > MAX_TEXT ? { ok: false, code: 'too-long' } : { ok: true, value: v };
  },
  format: (v) => v.join('、'),
  sortValue: (v) => (v.length ? v.join('、') : null),
});

const statusColumn = column<LedgerRecord['status']>({
  key: 'status',
  kind: 'text',
  get: (r) => r.status,
  set: (r, v) => ({ ...r, status: v }),
  parse: (text) => {
    if (text.trim() === '') return { ok: true, value: '' };
    const v = parseStatus(text);
    return v === '' ? { ok: false, code: 'bad-status' } : { ok: true, value: v };
  },
  format: (v) => v,
  sortValue: (v) => v || null,
});

const satisfactionColumn = column<LedgerRecord['satisfaction']>({
  key: 'satisfaction',
  kind: 'text',
  get: (r) => r.satisfaction,
  set: (r, v) => ({ ...r, satisfaction: v }),
  parse: (text) => {
    if (text.trim() === '') return { ok: true, value: '' };
    const v = parseSatisfaction(text);
    return v === '' ? { ok: false, code: 'bad-satisfaction' } : { ok: true, value: v };
  },
  format: (v) => v,
  sortValue: (v) => v || null,
});

function sourceColumn(sourceText: (s: RecordSource) => string): GridColumn {
  return column<RecordSource>({
    key: 'source',
    kind: 'source',
    readOnly: true,
    get: (r) => r.source,
    set: (r) => r,
    parse: () => ({ ok: false, code: 'read-only' }),
    format: sourceText,
    sortValue: (s) => `${s.file}\u0000${s.sheet}\u0000${String(s.row).padStart(9, '0')}`,
  });
}

/** Units a clerk may write after a number in a measure's cell (`600人次`, `12户`). */
const UNITS: Record<string, readonly string[]> = {
  count: ['次', '期', '件', '项', '条', '场', '个', '篇'],
  people: ['人', '人次', '名', '位'],
  households: ['户'],
  items: ['份', '件', '条', '本', '册', '张', '篇'],
};
const COUNTED = new Set<string>(['count', 'people', 'households', 'items']);

/**
 * Parse a measure's cell. Money is typed and shown in 万元 (as the totals show it) and stored in 元;
 * `5000元` typed into it is taken as 元. Blank means "no value", which is not zero.
 */
export function parseMeasure(key: MeasureKey, text: string): Parsed<number | null> {
  const q = parseQuantity(text);
  if (!q.ok) return { ok: false, code: 'not-a-number' };
  if (q.value === null) return { ok: true, value: null };
  let value = q.value;
  if (key === 'amount') {
    if (q.unit === '元') value = yuanToWan(value);
    else if (q.unit !== '' && q.unit !== '万元' && q.unit !== '万') return { ok: false, code: 'bad-unit' };
  } else if (q.unit !== '') {
    const allowed = key.startsWith('custom:') ? [key.slice('custom:'.length)] : (UNITS[key] ?? []);
    if (!allowed.includes(q.unit)) return { ok: false, code: 'bad-unit' };
  }
  if (value < 0) return { ok: false, code: 'negative' };
  if (COUNTED.has(key) && !Number.isInteger(value)) return { ok: false, code: 'not-integer' };
  return { ok: true, value };
}

function measureColumn(key: MeasureKey): GridColumn {
  const toShown = (v: number) => (key === 'amount' ? yuanToWan(v) : v);
  const toStored = (v: number) => (key === 'amount' ? wanToYuan(v) : v);
  return column<number | null>({
    key,
    kind: 'number',
    get: (r) => {
      const v = r.values[key];
      return v === undefined ? null : toShown(v);
    },
    set: (r, v) => {
      const values = { ...r.values };
      if (v === null) delete values[key];
      else values[key] = toStored(v);
      return { ...r, values };
    },
    parse: (text) => parseMeasure(key, text),
    format: (v) => (v === null ? '' : String(v)),
    sortValue: (v) => v,
  });
}

export interface ColumnOptions {
  /** Measures in use, in display order. */
  measures: readonly MeasureKey[];
  /** Show 满意度 and 填报单位 only where a ledger has them. */
  satisfaction: boolean;
  unit: boolean;
  /** How the source reads (`走访台账.xlsx · 走访台账 · 第 5 行`): the words belong to the UI. */
  sourceText: (s: RecordSource) => string;
}

/** The grid's columns in order: date first (frozen), the fields, every measure, then status, note, source. */
export function gridColumns(o: ColumnOptions): GridColumn[] {
  return [
    dateColumn,
    categoryColumn,
    membersColumn,
    textColumn('place'),
    textColumn('subject'),
    ...o.measures.map(measureColumn),
    statusColumn,
    ...(o.satisfaction ? [satisfactionColumn] : []),
    ...(o.unit ? [textColumn('unit')] : []),
    textColumn('note'),
    sourceColumn(o.sourceText),
  ];
}

/** The year a date typed without one belongs to: the record's own, else the period's. */
export function contextYear(
  r: Pick<LedgerRecord, 'date'> | undefined,
  fallback?: number,
): number | undefined {
  const y = r?.date ? yearOf(r.date) : null;
  return y ?? fallback;
}

/** Measures any record carries, built-in ones in the totals' order, then custom ones as first seen. */
export function measuresInUse(
  records: readonly Pick<LedgerRecord, 'values'>[],
  order: readonly MeasureKey[],
): MeasureKey[] {
  const seen = new Set<MeasureKey>();
  for (const r of records)
    for (const k in r.values) if (r.values[k as MeasureKey] !== undefined) seen.add(k as MeasureKey);
  const builtin = order.filter((k) => seen.has(k));
  const custom = [...seen].filter((k) => !order.includes(k)).sort();
  return [...builtin, ...custom];
}
