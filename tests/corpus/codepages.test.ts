import * as XLSX from '@e965/xlsx';
import * as cpexcelModule from '@e965/xlsx/dist/cpexcel.full.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { cptable } from '../../src/adapters/cptable';
import '../../src/adapters/sheetjs'; // installs the shim, as the worker does
import { sniffKind } from '../../src/core/import/sniff';
import { SKIP, corpusBytes, files, missingMessage, present } from './corpus';

/**
 * The TextDecoder codepage shim against SheetJS's full cpexcel table, on every corpus file SheetJS reads
 * itself (OLE, BIFF and zip containers): same sheet names, same cells. Text files (CSV, TSV, HTML)
 * never reach the table: sniff.ts decodes them before SheetJS sees them.
 */

const CJK = /[\u4e00-\u9fff]/;

function contents(bytes: Uint8Array): { names: string[]; cells: unknown[][][]; props: unknown } {
  const wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true });
  return {
    names: wb.SheetNames,
    // Document properties (title, author) are stored in the file's ANSI codepage, 936 on Chinese Windows.
    props: wb.Props,
    cells: wb.SheetNames.map((n) => {
      const ws = wb.Sheets[n];
      return ws ? XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null }) : [];
    }),
  };
}

// SheetJS's full codepage table, the reference; its .d.ts omits the `utils` the module exports.
const cpexcel = cpexcelModule as unknown as {
  utils: { decode(cp: number, data: number[]): string; encode(cp: number, s: string): Uint8Array };
};

afterEach(() => XLSX.set_cptable(cptable));

describe('codepage shim on the corpus', () => {
  if (SKIP) {
    it.skip('SKIPPED because SKIP_CORPUS=1', () => {});
    return;
  }
  if (!present) {
    it('is present', () => {
      throw new Error(missingMessage);
    });
    return;
  }

  const binary = files.filter((f) => ['ole', 'biff', 'zip'].includes(sniffKind(corpusBytes(f))));

  it.each(binary)('%s reads the same as with the full cpexcel table', (file) => {
    const bytes = corpusBytes(file);
    const ours = contents(bytes);
    XLSX.set_cptable(cpexcel);
    const full = contents(bytes);
    XLSX.set_cptable(cptable);
    expect(ours.names).toEqual(full.names);
    expect(ours.cells).toEqual(full.cells);
    expect(ours.props).toEqual(full.props);
    // A Chinese file still reads as Chinese, with no replacement characters.
    const text = JSON.stringify(ours);
    if (CJK.test(JSON.stringify(full))) expect(text).toMatch(CJK);
    expect(text).not.toContain('\ufffd');
  });
});
