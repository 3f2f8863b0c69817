import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/adapters/sheetjs';
import type { FileRefusal } from '../../src/core/import/reasons';

/**
 * Real spreadsheets nobody on the team wrote (see ../shared/corpus/README.md). They are not ours and
 * never copied into the repository, so the folder is found at run time; its absence is a failure, not
 * a silent pass, unless SKIP_CORPUS=1 says so on purpose.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS_DIR = path.resolve(ROOT, process.env.CORPUS_DIR ?? path.join('..', 'shared', 'corpus'));
const SKIP = process.env.SKIP_CORPUS === '1';

const REFUSALS: readonly FileRefusal[] = [
  'empty',
  'lock-file',
  'encrypted',
  'not-spreadsheet',
  'unreadable',
  'no-table',
  'duplicate',
];

const present = fs.existsSync(CORPUS_DIR) && fs.statSync(CORPUS_DIR).isDirectory();
// README.md describes the corpus; every other file is a spreadsheet (or pretends to be one).
const files = present
  ? fs
      .readdirSync(CORPUS_DIR)
      .filter((f) => f !== 'README.md' && fs.statSync(path.join(CORPUS_DIR, f)).isFile())
      .sort()
  : [];

describe('real-spreadsheet corpus', () => {
  if (SKIP) {
    console.warn(`Corpus tests SKIPPED (SKIP_CORPUS=1); corpus folder would be ${CORPUS_DIR}`);
    it.skip(`SKIPPED because SKIP_CORPUS=1 (corpus folder: ${CORPUS_DIR})`, () => {});
    return;
  }

  it(`is present at ${CORPUS_DIR} (set CORPUS_DIR, or SKIP_CORPUS=1 to skip on purpose)`, () => {
    if (!present) {
      throw new Error(
        `Corpus folder not found: looked in ${CORPUS_DIR}. Set CORPUS_DIR to its path, or SKIP_CORPUS=1 to skip.`,
      );
    }
    expect(files.length, `no spreadsheets in ${CORPUS_DIR}`).toBeGreaterThan(0);
  });

  it.each(files)(
    '%s is read or refused with a reason, never thrown',
    (file) => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, file)));
      const started = Date.now();
      const reading = readFile(file, bytes);
      expect(Date.now() - started, 'reading took too long').toBeLessThan(15_000);
      if (reading.ok) {
        expect(reading.value.tables.length).toBeGreaterThan(0);
        expect(reading.value.fileName).toBe(file);
        for (const t of reading.value.tables) {
          expect(t.headerRow).toBeGreaterThan(0);
          expect(t.roles).toHaveLength(t.headers.length);
          for (const r of t.records) {
            expect(r.source.row).toBeGreaterThan(t.headerRow);
            for (const v of Object.values(r.values)) expect(Number.isFinite(v)).toBe(true);
          }
        }
      } else {
        expect(REFUSALS).toContain(reading.reason);
      }
    },
    30_000,
  );
});
