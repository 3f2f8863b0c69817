/**
 * Records packed in columns for the trip from the reading worker to the page.
 *
 * Why: as objects, 100,000 records are half a million objects and a million strings to copy. The
 * page spent about 250 ms unpacking them from their structured clone, the longest step of an import
 * after SheetJS's parse. Packed, each distinct text travels once (a ledger names a few dozen members,
 * places, categories and dates), the numbers go in typed arrays that are moved rather than copied,
 * and the page rebuilds the objects in one quick loop. The rebuilt records also share their texts,
 * which keeps the page's memory smaller.
 */
import type { MeasureKey, MeasureValues, NewRecord, ProposalStatus, Satisfaction } from '../schema';

/** The text fields of a record, in the order the importer writes them. */
const TEXT_FIELDS = [
  'date',
  'category',
  'place',
  'subject',
  'status',
  'satisfaction',
  'note',
  'unit',
  'file',
  'sheet',
] as const;
const F = TEXT_FIELDS.length;

/**
 * Every field of a record, each packed below: a field added to NewRecord fails to compile here until
 * it is packed too (a field left out would be lost on the way to the page without a sound).
 */
export const PACKED_FIELDS = {
  date: true,
  category: true,
  members: true,
  place: true,
  subject: true,
  status: true,
  satisfaction: true,
  values: true,
  note: true,
  unit: true,
  source: true,
  tally: true,
} satisfies Record<keyof NewRecord, true>;

export interface PackedRecords {
  count: number;
  /** Every distinct text, once. */
  texts: string[];
  /** Per record, per text field (TEXT_FIELDS order), an index into `texts`. */
  fields: Uint32Array;
  /** Per record, how many members; their texts' indexes follow in `members`, record after record. */
  memberCounts: Uint32Array;
  members: Uint32Array;
  /** The measure keys used; per record, how many figures, then each one's key (index) and value. */
  measures: MeasureKey[];
  valueCounts: Uint8Array;
  valueKeys: Uint16Array;
  values: Float64Array;
  /** Per record, its source row. */
  rows: Float64Array;
  /** Per record: 0 no `tally`, 1 true, 2 false. */
  tally: Uint8Array;
}

export function packRecords(records: readonly NewRecord[]): PackedRecords {
  const n = records.length;
  const texts: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string): number => {
    let k = index.get(s);
    if (k === undefined) {
      k = texts.length;
      texts.push(s);
      index.set(s, k);
    }
    return k;
  };
  const measures: MeasureKey[] = [];
  const measureAt = new Map<string, number>();
  let memberTotal = 0;
  let valueTotal = 0;
  for (const r of records) {
    memberTotal += r.members.length;
    for (const key in r.values) {
      // A key without a figure is no figure: JSON, as the records are stored, leaves it out too.
      if (r.values[key as MeasureKey] === undefined) continue;
      valueTotal++;
      if (!measureAt.has(key)) {
        measureAt.set(key, measures.length);
        measures.push(key as MeasureKey);
      }
    }
  }
  const fields = new Uint32Array(n * F);
  const memberCounts = new Uint32Array(n);
  const members = new Uint32Array(memberTotal);
  const valueCounts = new Uint8Array(n);
  const valueKeys = new Uint16Array(valueTotal);
  const values = new Float64Array(valueTotal);
  const rows = new Float64Array(n);
  const tally = new Uint8Array(n);
  let m = 0;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i] as NewRecord;
    const f = i * F;
    fields[f] = id(r.date);
    fields[f + 1] = id(r.category);
    fields[f + 2] = id(r.place);
    fields[f + 3] = id(r.subject);
    fields[f + 4] = id(r.status);
    fields[f + 5] = id(r.satisfaction);
    fields[f + 6] = id(r.note);
    fields[f + 7] = id(r.unit);
    fields[f + 8] = id(r.source.file);
    fields[f + 9] = id(r.source.sheet);
    memberCounts[i] = r.members.length;
    for (const name of r.members) members[m++] = id(name);
    // Each record's figures in its own order: stored as JSON, the same record is the same text.
    let count = 0;
    for (const key in r.values) {
      const figure = r.values[key as MeasureKey];
      if (figure === undefined) continue;
      valueKeys[v] = measureAt.get(key) as number;
      values[v++] = figure;
      count++;
    }
    valueCounts[i] = count;
    rows[i] = r.source.row;
    if (r.tally !== undefined) tally[i] = r.tally ? 1 : 2;
  }
  return {
    count: n,
    texts,
    fields,
    memberCounts,
    members,
    measures,
    valueCounts,
    valueKeys,
    values,
    rows,
    tally,
  };
}

/** What postMessage may move instead of copying. */
export function packedBuffers(p: PackedRecords): ArrayBuffer[] {
  return [p.fields, p.memberCounts, p.members, p.valueCounts, p.valueKeys, p.values, p.rows, p.tally].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

export function unpackRecords(p: PackedRecords): NewRecord[] {
  const { texts: t, fields, memberCounts, measures, valueCounts, valueKeys, values, rows, tally } = p;
  const out = new Array<NewRecord>(p.count);
  let m = 0;
  let v = 0;
  for (let i = 0; i < p.count; i++) {
    const f = i * F;
    const count = memberCounts[i] ?? 0;
    const names = new Array<string>(count);
    for (let k = 0; k < count; k++) names[k] = t[p.members[m++] as number] as string;
    const vals: MeasureValues = {};
    const figures = valueCounts[i] ?? 0;
    for (let k = 0; k < figures; k++, v++)
      vals[measures[valueKeys[v] as number] as MeasureKey] = values[v] as number;
    const rec: NewRecord = {
      date: t[fields[f] as number] as string,
      category: t[fields[f + 1] as number] as string,
      members: names,
      place: t[fields[f + 2] as number] as string,
      subject: t[fields[f + 3] as number] as string,
      status: t[fields[f + 4] as number] as ProposalStatus | '',
      satisfaction: t[fields[f + 5] as number] as Satisfaction | '',
      values: vals,
      note: t[fields[f + 6] as number] as string,
      unit: t[fields[f + 7] as number] as string,
      source: {
        file: t[fields[f + 8] as number] as string,
        sheet: t[fields[f + 9] as number] as string,
        row: rows[i] as number,
      },
    };
    const tl = tally[i];
    if (tl) rec.tally = tl === 1;
    out[i] = rec;
  }
  return out;
}
