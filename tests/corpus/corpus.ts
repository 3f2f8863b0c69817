import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the real-spreadsheet corpus lives (see ../shared/corpus/README.md). The files are not ours and
 * never copied into the repository, so the folder is found at run time; its absence is a failure, not
 * a silent pass, unless SKIP_CORPUS=1 says so on purpose.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = path.resolve(ROOT, process.env.CORPUS_DIR ?? path.join('..', 'shared', 'corpus'));
export const SKIP = process.env.SKIP_CORPUS === '1';
export const present = fs.existsSync(CORPUS_DIR) && fs.statSync(CORPUS_DIR).isDirectory();

// README.md describes the corpus; every other file is a spreadsheet (or pretends to be one).
export const files: string[] = present
  ? fs
      .readdirSync(CORPUS_DIR)
      .filter((f) => f !== 'README.md' && fs.statSync(path.join(CORPUS_DIR, f)).isFile())
      .sort()
  : [];

export function corpusBytes(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, file)));
}

export const missingMessage = `Corpus folder not found: looked in ${CORPUS_DIR}. Set CORPUS_DIR to its path, or SKIP_CORPUS=1 to skip.`;
