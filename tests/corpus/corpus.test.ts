import { afterAll, describe, expect, it } from 'vitest';
import { readFile } from '../../src/adapters/sheetjs';
import type { FileRefusal } from '../../src/core/import/reasons';
import { CORPUS_DIR, SKIP, corpusBytes, files, missingMessage, present } from './corpus';

/**
 * Every corpus file is read through the worker's adapter: imported with at least one table, or refused
 * with a known reason; never thrown, never slow. A table of what happened is printed at the end.
 */

const REFUSALS: readonly FileRefusal[] = [
  'empty',
  'lock-file',
  'encrypted',
  'not-spreadsheet',
  'unreadable',
  'no-table',
  'duplicate',
];
const LIMIT_MS = 20_000;

interface Row {
  file: string;
  result: string;
  tables: string;
  records: string;
  skippedRows: string;
  skippedSheets: string;
  warnings: string;
  ms: number;
}
const rows: Row[] = [];

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

afterAll(() => {
  if (rows.length === 0) return;
  const head = ['file', 'result', 'tables', 'records', 'skipped rows', 'skipped sheets', 'warnings', 'ms'];
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${[r.file, r.result, r.tables, r.records, r.skippedRows, r.skippedSheets, r.warnings, String(r.ms)]
          .map(cell)
          .join(' | ')} |`,
    ),
  ];
  console.log(`\nCorpus results (${CORPUS_DIR}):\n${lines.join('\n')}\n`);
});

describe('real-spreadsheet corpus', () => {
  if (SKIP) {
    console.warn(`Corpus tests SKIPPED (SKIP_CORPUS=1); corpus folder would be ${CORPUS_DIR}`);
    it.skip(`SKIPPED because SKIP_CORPUS=1 (corpus folder: ${CORPUS_DIR})`, () => {});
    return;
  }

  it(`is present at ${CORPUS_DIR} (set CORPUS_DIR, or SKIP_CORPUS=1 to skip on purpose)`, () => {
    if (!present) throw new Error(missingMessage);
    expect(files.length, `no spreadsheets in ${CORPUS_DIR}`).toBeGreaterThan(0);
  });

  it.each(files)('%s is read or refused with a reason, never thrown, within 20 s', (file) => {
    const bytes = corpusBytes(file);
    const started = Date.now();
    let reading: ReturnType<typeof readFile>;
    try {
      reading = readFile(file, bytes);
    } catch (e) {
      rows.push({
        file,
        result: `THREW ${e instanceof Error ? e.message : String(e)}`,
        tables: '',
        records: '',
        skippedRows: '',
        skippedSheets: '',
        warnings: '',
        ms: Date.now() - started,
      });
      throw e;
    }
    const ms = Date.now() - started;
    if (reading.ok) {
      const { tables, skippedSheets } = reading.value;
      const counts = tables.map((t) => t.records.length);
      const total = counts.reduce((a, b) => a + b, 0);
      rows.push({
        file,
        result: '导入',
        tables: tables.map((t) => t.sheet).join(', '),
        records: counts.length > 1 ? `${total} (${counts.join('+')})` : String(total),
        skippedRows: tables.map((t) => t.skipped.length).join('+'),
        skippedSheets: skippedSheets.map((s) => `${s.sheet}:${s.reason}`).join(', '),
        warnings: tables.map((t) => t.warnings.length).join('+'),
        ms,
      });
    } else {
      rows.push({
        file,
        result: `拒绝 ${reading.reason}${reading.detail ? ` (${reading.detail})` : ''}`,
        tables: '',
        records: '',
        skippedRows: '',
        skippedSheets: '',
        warnings: '',
        ms,
      });
    }
    expect(ms, 'reading took too long').toBeLessThan(LIMIT_MS);
    if (reading.ok) expect(reading.value.tables.length).toBeGreaterThan(0);
    else expect(REFUSALS).toContain(reading.reason);
  });
});
