import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/adapters/sheetjs';
import { PACKED_FIELDS, packRecords, unpackRecords } from '../../src/core/import/recordPack';
import { rec } from '../helpers/records';
import {
  PROPOSAL_STATUSES,
  SATISFACTION_LEVELS,
  type MeasureKey,
  type NewRecord,
} from '../../src/core/schema';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** What postMessage does to the packed records on the way to the page. */
const trip = (records: NewRecord[]) => unpackRecords(structuredClone(packRecords(records)));

const text = fc.oneof(fc.string(), fc.constantFrom('', '青山村', '江峰', '走访"困难户"', '\ud800', '😀'));
const measureKey = fc.constantFrom<MeasureKey>(
  'count',
  'people',
  'households',
  'items',
  'amount',
  'custom:吨',
);
const record: fc.Arbitrary<NewRecord> = fc
  .record(
    {
      date: fc.constantFrom('', '2023', '2023-03', '2023-03-05'),
      category: text,
      members: fc.array(text, { maxLength: 4 }),
      place: text,
      subject: text,
      status: fc.constantFrom('' as const, ...PROPOSAL_STATUSES),
      satisfaction: fc.constantFrom('' as const, ...SATISFACTION_LEVELS),
      values: fc.dictionary(measureKey, fc.double({ noNaN: true }), { noNullPrototype: true }),
      note: text,
      unit: text,
      source: fc.record({ file: text, sheet: text, row: fc.nat() }, { noNullPrototype: true }),
      tally: fc.option(fc.boolean(), { nil: undefined }),
    },
    { noNullPrototype: true },
  )
  .map(({ tally, ...r }) => (tally === undefined ? r : { ...r, tally }));

describe('records packed in columns for the trip from the worker', () => {
  it('arrive exactly as they left, texts, members, figures and the tally mark included', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        expect(trip(records)).toStrictEqual(records);
      }),
    );
  });

  it('arrive as the importer made them from every fixture ledger, field order included', () => {
    const files = ['clean', 'messy'].flatMap((dir) =>
      fs.readdirSync(path.join(FIXTURES, dir)).map((f) => path.join(FIXTURES, dir, f)),
    );
    let seen = 0;
    for (const file of files) {
      const reading = readFile(path.basename(file), new Uint8Array(fs.readFileSync(file)));
      if (!reading.ok) continue;
      for (const table of reading.value.tables) {
        const back = trip(table.records);
        expect(back, file).toStrictEqual(table.records);
        // The same text when stored: the fields in the importer's order.
        expect(JSON.stringify(back), file).toBe(JSON.stringify(table.records));
        seen += table.records.length;
      }
    }
    expect(seen).toBeGreaterThan(500);
  });

  it('share each distinct text among the records instead of copying it per record', () => {
    const records = Array.from({ length: 1000 }, (_, i) =>
      rec(
        '走访',
        { people: i },
        {
          members: ['江峰', '王霞美'],
          place: i % 2 ? '青山村' : '柳塘村',
          subject: `走访事项${i % 10}`,
          source: { file: '台账.xlsx', sheet: 'Sheet1', row: i + 2 },
        },
      ),
    );
    const packed = packRecords(records);
    expect(packed.texts.length).toBeLessThan(25);
    expect(trip(records)).toStrictEqual(records);
  });

  it('leaves out a key without a figure, as the stored JSON does', () => {
    const r = rec('走访', { people: 3, households: undefined });
    const [back] = trip([r]);
    expect(back?.values).toStrictEqual({ people: 3 });
    expect(JSON.stringify(back)).toBe(JSON.stringify(r));
  });

  it('packs every field a record has', () => {
    const full: Required<NewRecord> = {
      ...rec('提案', { count: 1 }, { members: ['江峰'], place: '青山村', note: '备注', unit: '青山镇' }),
      subject: '关于……的建议',
      status: '已办结',
      satisfaction: '满意',
      tally: true,
    };
    expect(Object.keys(PACKED_FIELDS).sort()).toEqual(Object.keys(full).sort());
    expect(trip([full])).toStrictEqual([full]);
  });
});
