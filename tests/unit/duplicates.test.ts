/**
 * Possible duplicates (src/core/import/duplicates.ts): the same visit in a monthly and a quarterly
 * ledger is flagged, two identical rows of one ledger are not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDuplicates, duplicatesPerTable, recordKey } from '../../src/core/import/duplicates';
import type { NewRecord } from '../../src/core/schema';

function rec(over: Partial<NewRecord> = {}): NewRecord {
  return {
    date: '2023-03-05',
    category: '走访',
    members: ['江峰', '王霞美'],
    place: '东山村',
    subject: '走访困难群众',
    status: '',
    satisfaction: '',
    values: { people: 12, households: 5 },
    note: '',
    unit: '青山镇政协联络办',
    source: { file: '3月.xlsx', sheet: '3月', row: 4 },
    ...over,
  };
}

describe('recordKey', () => {
  it('ignores the order of the members', () => {
    expect(recordKey(rec({ members: ['王霞美', '江峰'] }))).toBe(recordKey(rec()));
  });

  it('ignores the order of the value keys', () => {
    expect(recordKey(rec({ values: { households: 5, people: 12 } }))).toBe(recordKey(rec()));
  });

  it('ignores where the record came from, its note and its unit', () => {
    expect(
      recordKey(rec({ source: { file: '一季度.xlsx', sheet: '一季度', row: 9 }, note: '雨天', unit: '' })),
    ).toBe(recordKey(rec()));
  });

  it.each<[string, Partial<NewRecord>]>([
    ['date', { date: '2023-03-06' }],
    ['category', { category: '培训' }],
    ['members', { members: ['江峰'] }],
    ['place', { place: '西岭村' }],
    ['subject', { subject: '政策宣讲' }],
    ['a value', { values: { people: 13, households: 5 } }],
    ['a measure', { values: { people: 12, items: 5 } }],
    ['a missing measure', { values: { people: 12 } }],
  ])('tells records apart by %s', (_, over) => {
    expect(recordKey(rec(over))).not.toBe(recordKey(rec()));
  });

  it('does not change the record it keys', () => {
    const r = rec({ members: ['王霞美', '江峰'] });
    recordKey(r);
    expect(r.members).toEqual(['王霞美', '江峰']);
  });
});

describe('countDuplicates', () => {
  it('counts the records whose key is known', () => {
    const known = new Set([recordKey(rec())]);
    expect(
      countDuplicates([rec(), rec({ place: '西岭村' }), rec({ members: ['王霞美', '江峰'] })], known),
    ).toBe(2);
    expect(countDuplicates([rec()], new Set())).toBe(0);
  });
});

describe('duplicatesPerTable', () => {
  const a = rec();
  const b = rec({ date: '2023-03-06', place: '西岭村' });
  const c = rec({ date: '2023-04-01', category: '培训', values: { count: 1, people: 40 } });

  it('does not count twins within one table', () => {
    expect(duplicatesPerTable([[a, rec(), b]], [])).toEqual([0]);
  });

  it('counts twins across tables, in both tables', () => {
    const quarterly = [
      rec({ members: ['王霞美', '江峰'], source: { file: 'q.xlsx', sheet: '一季度', row: 3 } }),
      c,
    ];
    expect(duplicatesPerTable([[a, b], quarterly], [])).toEqual([1, 1]);
  });

  it('counts every copy of a record that another table also has', () => {
    expect(duplicatesPerTable([[a, rec()], [rec()]], [])).toEqual([2, 1]);
  });

  it('counts records already stored', () => {
    expect(duplicatesPerTable([[a, b], [c]], [b, c])).toEqual([1, 1]);
    expect(duplicatesPerTable([[a, rec()]], [a])).toEqual([2]);
  });

  it('counts a record once when it is both stored and in another table', () => {
    expect(duplicatesPerTable([[a], [rec()]], [a])).toEqual([1, 1]);
  });

  it('counts nothing for distinct records', () => {
    expect(duplicatesPerTable([[a], [b], [c]], [])).toEqual([0, 0, 0]);
    expect(duplicatesPerTable([], [a])).toEqual([]);
  });
});

describe('duplicatesPerTable, ruling records out by day and category first', () => {
  /** The plain definition: every record keyed in full. */
  function reference(tables: readonly (readonly NewRecord[])[], stored: readonly NewRecord[]): number[] {
    const storedKeys = new Set(stored.map(recordKey));
    const keys = tables.map((t) => t.map(recordKey));
    return keys.map(
      (ks, i) =>
        ks.filter((k) => storedKeys.has(k) || keys.some((other, j) => j !== i && other.includes(k))).length,
    );
  }

  const small = fc.record({
    date: fc.constantFrom('2023-03-05', '2023-03-06', '2023'),
    category: fc.constantFrom('走访', '培训'),
    members: fc.subarray(['江峰', '王霞美']),
    place: fc.constantFrom('东山村', ''),
    subject: fc.constantFrom('走访', ''),
    values: fc.constantFrom({}, { people: 1 }, { people: 2 }),
  });
  const records = fc.array(
    small.map((r) => rec(r)),
    { maxLength: 12 },
  );

  it('counts exactly what keying every record would', () => {
    fc.assert(
      fc.property(fc.array(records, { maxLength: 4 }), records, (tables, stored) => {
        expect(duplicatesPerTable(tables, stored)).toEqual(reference(tables, stored));
      }),
      { numRuns: 300 },
    );
  });
});
