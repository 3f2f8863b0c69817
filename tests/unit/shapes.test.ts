/**
 * The messy ledger shapes of shared/domain.md (tests/fixtures/messy/, made by scripts/make-fixtures.mjs):
 * every fixture must import to exactly the totals in tests/fixtures/expected.json. Title, unit, header,
 * 栏次, 小计/合计, footer, hidden rows and hidden sheets must not count; tally tables (months across, one
 * row per village) carry only the figures they state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/adapters/sheetjs';
import { displayValue, totalsByCategory } from '../../src/core/aggregate';
import type { FilePreview, TablePreview } from '../../src/core/import/types';
import type { NewRecord } from '../../src/core/schema';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

type Totals = Record<string, number>;
interface ExpectedFile {
  /** Data rows (event shapes only). */
  records?: number;
  /** A statistics table: no records, no implicit count. */
  tally?: boolean;
  byYear: Record<string, Record<string, Totals>>;
  expectWarnings?: string[];
  note?: string;
}

const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<
  string,
  ExpectedFile
>;
const messy = Object.keys(expected).filter((file) => file.startsWith('messy/'));

/** Warnings about a ledger's own total rows: raised only where the fixture expects them. */
const TOTAL_WARNINGS = ['total-mismatch', 'error-total'];

const previews = new Map<string, FilePreview>();
function preview(file: string): FilePreview {
  let p = previews.get(file);
  if (!p) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, ...file.split('/'))));
    const reading = readFile(path.basename(file), bytes);
    if (!reading.ok) throw new Error(`${file} refused: ${reading.reason} ${reading.detail ?? ''}`);
    p = reading.value;
    previews.set(file, p);
  }
  return p;
}

/** Tables a default import takes: a hidden sheet is shown to the clerk but not imported. */
function importedTables(p: FilePreview): TablePreview[] {
  return p.tables.filter((t) => !(t as { hiddenSheet?: boolean }).hiddenSheet);
}

function recordsOf(p: FilePreview): NewRecord[] {
  return importedTables(p).flatMap((t) =>
    t.records.map((r) => ({ ...r, category: r.category || t.category })),
  );
}

function warningKinds(p: FilePreview): string[] {
  return p.tables.flatMap((t) => t.warnings.map((w) => (w as { kind: string }).kind));
}

/** '2023-03-05', '2023-03' and '2023' all belong to 2023; '' to no year. */
const yearOf = (r: NewRecord) => (/^\d{4}/.test(r.date) ? r.date.slice(0, 4) : '');

/**
 * Totals in the shape of expected.json: `records` and `count` only where expected lists them (a tally
 * has neither, an event shape both); any other measure where expected lists it or where it is not
 * zero, so a stray measure fails too.
 */
function actualTotals(records: NewRecord[], expectedCats: Record<string, Totals>) {
  const out: Record<string, Totals> = {};
  for (const t of totalsByCategory(records)) {
    const full: Totals = {
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
      Object.entries(full).filter(([k, v]) => k in listed || (k !== 'records' && k !== 'count' && v !== 0)),
    );
  }
  return out;
}

describe('the messy fixtures are listed', () => {
  it('expected.json has the messy/ shapes', () => {
    expect(messy.length).toBeGreaterThanOrEqual(12);
  });
});

describe.each(messy)('shape %s', (file) => {
  const exp = expected[file] as ExpectedFile;

  it('is read into at least one table', () => {
    expect(importedTables(preview(file)).length).toBeGreaterThan(0);
  });

  it('gives every record a year, and only the expected years', () => {
    const records = recordsOf(preview(file));
    expect(records.filter((r) => yearOf(r) === '').map((r) => r.source)).toEqual([]);
    expect([...new Set(records.map(yearOf))].sort()).toEqual(Object.keys(exp.byYear).sort());
  });

  if (exp.records !== undefined) {
    it('reads every data row once, and nothing else', () => {
      const records = recordsOf(preview(file));
      expect(records).toHaveLength(exp.records as number);
      const keys = records.map((r) => `${r.source.sheet}#${r.source.row}`);
      expect(new Set(keys).size).toBe(records.length);
    });
  }

  it.each(Object.keys(exp.byYear))('matches expected.json exactly for %s', (year) => {
    const inYear = recordsOf(preview(file)).filter((r) => yearOf(r) === year);
    const cats = exp.byYear[year] ?? {};
    expect(actualTotals(inYear, cats)).toEqual(cats);
  });

  it('raises the expected warnings, and no total warning it should not', () => {
    const kinds = warningKinds(preview(file));
    const want = exp.expectWarnings ?? [];
    for (const kind of want) expect(kinds, `warning ${kind}`).toContain(kind);
    for (const kind of TOTAL_WARNINGS) {
      if (!want.includes(kind)) expect(kinds, `warning ${kind}`).not.toContain(kind);
    }
  });
});
