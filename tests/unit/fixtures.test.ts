import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../src/core/import/table';
import type { FilePreview } from '../../src/core/import/types';
import { displayValue, filterRecords, totalsByCategory } from '../../src/core/aggregate';
import type { NewRecord } from '../../src/core/schema';
import { readFile } from '../../src/adapters/sheetjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Per category, as scripts/make-fixtures.mjs writes it (see tests/fixtures/README.md). */
type ExpectedTotals = Record<string, number>;
interface ExpectedFile {
  records: number;
  byYear: Record<string, Record<string, ExpectedTotals>>;
}

const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<
  string,
  ExpectedFile
>;

function preview(file: string): FilePreview {
  const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, ...file.split('/'))));
  const reading = readFile(path.basename(file), bytes);
  if (!reading.ok) throw new Error(`${file} refused: ${reading.reason} ${reading.detail ?? ''}`);
  return reading.value;
}

function recordsOf(p: FilePreview): NewRecord[] {
  return p.tables.flatMap((t) => t.records.map((r) => ({ ...r, category: r.category || t.category })));
}

/**
 * Totals in the shape of expected.json: records and count always, other measures when the expected
 * file lists them or when they are not zero (so an extra measure, e.g. a stray amount, fails).
 */
function actualTotals(records: NewRecord[], expectedCats: Record<string, ExpectedTotals>) {
  const out: Record<string, ExpectedTotals> = {};
  for (const t of totalsByCategory(records)) {
    const full: ExpectedTotals = {
      records: t.records,
      count: t.measures.count ?? 0,
      people: t.measures.people ?? 0,
      households: t.measures.households ?? 0,
      items: t.measures.items ?? 0,
      amountWan: displayValue('amount', t.measures.amount ?? 0),
      answered: t.proposal?.answered ?? 0,
      done: t.proposal?.done ?? 0,
      satisfied: t.proposal?.satisfied ?? 0,
    };
    const listed = expectedCats[t.category] ?? {};
    out[t.category] = Object.fromEntries(
      Object.entries(full).filter(([k, v]) => k === 'records' || k === 'count' || v !== 0 || k in listed),
    );
  }
  return out;
}

// The clean one-header-row ledgers; the messy shapes have their own rules in shapes.test.ts.
describe.each(Object.keys(expected).filter((k) => k.startsWith('clean/')))('fixture %s', (file) => {
  const exp = expected[file] as ExpectedFile;
  const p = preview(file);
  const records = recordsOf(p);

  it('reads every data row once, with a category and a date', () => {
    expect(records).toHaveLength(exp.records);
    for (const r of records) {
      expect(r.category, `row ${r.source.row}`).not.toBe('');
      expect(r.date, `row ${r.source.row}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const years = new Set(records.map((r) => r.date.slice(0, 4)));
    expect([...years].sort()).toEqual(Object.keys(exp.byYear).sort());
  });

  it('imports without warnings', () => {
    expect(p.tables.flatMap((t) => t.warnings)).toEqual([]);
  });

  it.each(Object.keys(exp.byYear))('matches expected.json exactly for %s', (year) => {
    const inYear = filterRecords(records, { kind: 'year', year: Number(year) });
    const cats = exp.byYear[year] ?? {};
    expect(actualTotals(inYear, cats)).toEqual(cats);
  });

  it('traces every record to its file, sheet and a unique row', () => {
    const keys = records.map((r) => `${r.source.sheet}#${r.source.row}`);
    expect(new Set(keys).size).toBe(records.length);
    for (const r of records) expect(r.source.file).toBe(path.basename(file));
  });
});

describe('fixture details the totals alone would not show', () => {
  it('keeps the quoted "江峰,王霞美" of 走访台账.csv as two members', () => {
    const records = recordsOf(preview('clean/走访台账.csv'));
    const pairs = records.filter((r) => r.members.length === 2);
    expect(pairs.length).toBeGreaterThan(0);
    expect(records.some((r) => r.members.join('|') === '江峰|王霞美')).toBe(true);
    for (const r of records) for (const m of r.members) expect(m).not.toMatch(/[,、，"]/);
  });

  it('decodes 喆 in the GBK fixture', () => {
    const records = recordsOf(preview('clean/培训台账-GBK.csv'));
    expect(records.some((r) => r.members.includes('王喆'))).toBe(true);
  });

  it('reads the same 金额(元) values from text cells as from the xlsx number cells', () => {
    const p = preview('clean/资金台账.xlsx');
    const t = p.tables[0];
    expect(t).toBeDefined();
    expect(t?.records.every((r) => r.values.amount !== undefined)).toBe(true);
    const rows = [
      ['日期', '地点', '金额(元)'],
      ...(t?.records ?? []).map((r) => [r.date, r.place, String(r.values.amount)]),
    ];
    const again = readSheet(
      { name: '资金', hidden: false, rows, hiddenRows: [], merges: [] },
      '资金台账.xlsx',
    );
    expect(again.ok && again.table.records.map((r) => r.values.amount)).toEqual(
      t?.records.map((r) => r.values.amount),
    );
  });
});
