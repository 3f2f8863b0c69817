/**
 * FigureMemo (src/state/figureMemo.ts): after edited figures the filtered records, totals and last
 * year's totals are brought up to date, not recounted, and equal counting afresh to the last digit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalsByCategory } from '../../src/core/aggregate';
import { applyFilter, type LedgerFilter } from '../../src/core/filters';
import type { LedgerRecord, MeasureKey } from '../../src/core/schema';
import type { RecordChange } from '../../src/db/recordStore';
import { FigureMemo } from '../../src/state/figureMemo';
import { applyChange, RecordIndex, ReplacementLog, replacedFigures } from '../../src/state/recordsInMemory';

function rec(i: number): LedgerRecord {
  return {
    batchId: 1,
    rowNo: i + 1,
    date: `${2022 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-05`,
    category: ['走访', '提案', '资金'][i % 3] ?? '走访',
    members: [['江峰', '王霞美'][i % 2] ?? '江峰'],
    place: ['青山村', '柳塘村'][i % 2] ?? '',
    subject: '',
    status: i % 3 === 1 ? '已答复' : '',
    satisfaction: '',
    values: i % 3 === 2 ? { amount: (i * 37) / 100 } : { people: i % 9 },
    note: '',
    unit: '',
    source: { file: 'a.xlsx', sheet: 'S', row: i + 2 },
  };
}

const filterOf = (year: number, category = ''): LedgerFilter => ({
  period: { kind: 'year', year },
  category,
  member: '',
  place: '',
  unit: '',
});

/** A page's view of the records: changes applied as the ledger state applies them. */
class Page {
  records: LedgerRecord[];
  readonly log = new ReplacementLog();
  readonly memo = new FigureMemo(this.log);
  private readonly index = new RecordIndex();
  constructor(records: LedgerRecord[]) {
    this.records = records;
  }
  apply(change: RecordChange): void {
    const pairs = replacedFigures(this.records, change, this.index);
    const next = applyChange(this.records, change, this.index);
    if (!next) throw new Error('reset');
    if (pairs) this.log.add(this.records, next, pairs);
    else this.log.clear();
    this.records = next;
  }
  /** Everything the dashboard reads, checked against counting afresh. */
  check(filter: LedgerFilter): void {
    const filtered = this.memo.filtered(this.records, filter);
    expect(filtered).toEqual(applyFilter(this.records, filter));
    const totals = this.memo.totals(this.records, filter, filtered);
    const fresh = totalsByCategory(applyFilter(this.records, filter));
    expect(totals).toEqual(fresh);
    expect(totals.map((t) => Object.keys(t.measures))).toEqual(fresh.map((t) => Object.keys(t.measures)));
    const prev = { kind: 'year' as const, year: 2022 };
    const previous = this.memo.previous(this.records, filter, prev, filtered);
    expect(previous).toEqual(totalsByCategory(applyFilter(this.records, { ...filter, period: prev })));
  }
}

const edit = (
  r: LedgerRecord,
  values: Partial<Record<MeasureKey, number>>,
  over: Partial<LedgerRecord> = {},
) => ({
  ...r,
  ...over,
  values,
});

describe('figures brought up to date through edits', () => {
  it('follows edited figures without recounting, and recounts for anything else', () => {
    const page = new Page(Array.from({ length: 60 }, (_, i) => rec(i)));
    const filter = filterOf(2023);
    page.check(filter);
    const counted = { ...page.memo.recounts };

    // This year's figures, a status, several edits before the totals are read again.
    const r = (i: number) => page.records[i] as LedgerRecord;
    page.apply({ kind: 'put', records: [edit(r(1), { people: 40 })] });
    page.apply({
      kind: 'put',
      records: [edit(r(3), r(3).values, { status: '已办结' }), edit(r(5), { amount: 0.1 })],
    });
    page.apply({ kind: 'put', records: [edit(r(1), { people: 41 })] });
    page.check(filter);
    expect(page.memo.recounts).toEqual(counted);

    // Last year's figure: 同比 is counted again, this year's totals are not.
    page.apply({ kind: 'put', records: [edit(r(0), { people: 8 })] });
    page.check(filter);
    expect(page.memo.recounts).toEqual({ ...counted, previous: counted.previous + 1 });

    // A figure where there was none, a date moved, a record gone, another filter: recounted.
    for (const change of [
      { kind: 'put', records: [edit(r(7), { people: 1, items: 2 })] },
      { kind: 'put', records: [edit(r(9), r(9).values, { date: '2022-01-01' })] },
      { kind: 'remove', keys: [[1, 12]] },
    ] as RecordChange[]) {
      const before = page.memo.recounts.totals;
      page.apply(change);
      page.check(filter);
      expect(page.memo.recounts.totals).toBe(before + 1);
    }
    const before = page.memo.recounts.totals;
    page.check(filterOf(2023, '走访'));
    expect(page.memo.recounts.totals).toBe(before + 1);
  });

  it('equals counting afresh after any sequence of edited figures', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat(59),
            figure: fc.oneof(fc.integer({ min: 0, max: 99 }), fc.constantFrom(0.1, 0.2, 0.35, 12.5)),
            status: fc.constantFrom('', '已答复', '已办结'),
          }),
          { maxLength: 12 },
        ),
        fc.boolean(),
        (edits, readBetween) => {
          const page = new Page(Array.from({ length: 60 }, (_, i) => rec(i)));
          const filter = filterOf(2023);
          page.check(filter);
          for (const { at, figure, status } of edits) {
            const old = page.records[at] as LedgerRecord;
            const key = Object.keys(old.values)[0] as MeasureKey;
            page.apply({
              kind: 'put',
              records: [edit(old, { [key]: figure }, { status: status as LedgerRecord['status'] })],
            });
            if (readBetween) page.check(filter);
          }
          page.check(filter);
        },
      ),
      { numRuns: 200 },
    );
  });
});
