import * as XLSX from '@e965/xlsx';
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFile, readWorkbook } from '../../src/adapters/sheetjs';
import { clipMerges } from '../../src/core/import/limits';
import { IMPORT_LIMITS, type FileRefusal } from '../../src/core/import/reasons';
import { checkZip, inflatedSize } from '../../src/core/import/zip';
import { t } from '../../src/i18n/zh-CN';
import {
  deflatedZeros,
  LEDGER,
  patchSheet,
  xlsClaiming,
  xlsx,
  xlsxWithSheet,
  zipOf,
} from '../helpers/hostileFiles';

/**
 * Files built to take a reader's memory or time: decompression bombs, sheets claiming a million rows
 * or 16,384 columns, lines of thousands of fields. Each is refused as too-large, in seconds.
 */

/** Read a file, timed: the verdict and the milliseconds it took. */
function timed(name: string, bytes: Uint8Array): { reason: FileRefusal | 'ok'; ms: number } {
  const t0 = performance.now();
  const reading = readFile(name, bytes);
  return { reason: reading.ok ? 'ok' : reading.reason, ms: performance.now() - t0 };
}

/** Everything a test may wait for one refusal. */
const FAST_MS = 3000;

describe('the deflate counter', () => {
  const text = new TextEncoder().encode(
    Array.from(
      { length: 4000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7}</v></c></row>`,
    ).join(''),
  );
  const noise = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7919 + (i >> 3) * 31) & 0xff);

  it.each([
    ['default', constants.Z_DEFAULT_STRATEGY],
    ['fixed Huffman', constants.Z_FIXED],
    ['Huffman only', constants.Z_HUFFMAN_ONLY],
    ['run lengths', constants.Z_RLE],
  ])('counts exactly what zlib inflates (%s)', (_name, strategy) => {
    for (const data of [new Uint8Array(0), text, noise, new Uint8Array(100_000)]) {
      for (const level of [0, 1, 9]) {
        const stream = deflateRawSync(data, { level, strategy });
        expect(inflatedSize(stream, 0, Number.MAX_SAFE_INTEGER)).toBe(data.length);
      }
    }
  });

  it('a stream cut short is malformed (null), never a size', () => {
    const stream = deflateRawSync(text);
    for (const fraction of [0.9, 0.5, 0.1]) {
      expect(inflatedSize(stream.subarray(0, Math.floor(stream.length * fraction)), 0, 1e12)).toBeNull();
    }
  });

  it('stops counting past the limit', () => {
    const stream = deflateRawSync(new Uint8Array(1_000_000));
    expect(inflatedSize(stream, 0, 1000)).toBeGreaterThan(1000);
    expect(inflatedSize(stream, 0, 1000)).toBeLessThan(2000);
  });
});

describe('decompression bombs', () => {
  it('a real .xlsx passes the zip check with its true sizes', () => {
    const bytes = xlsx(XLSX.utils.aoa_to_sheet(LEDGER));
    const verdict = checkZip(bytes);
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(verdict.inflated).toBeGreaterThan(bytes.length);
    expect(timed('台账.xlsx', bytes).reason).toBe('ok');
  });

  it('the zip builder itself writes a readable .xlsx (stored parts, honest sizes)', () => {
    const sheet = new TextEncoder().encode(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>人次</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>2023-03-05</t></is></c><c r="B2"><v>45</v></c></row>' +
        '</sheetData></worksheet>',
    );
    const deflated = deflateRawSync(sheet);
    const stored = xlsxWithSheet({ data: sheet, method: 0, usz: sheet.length });
    const streamed = xlsxWithSheet({ data: deflated, method: 8, usz: sheet.length, localUsz: 0, flags: 8 });
    expect(readWorkbook('台账.xlsx', stored).ok).toBe(true);
    expect(readWorkbook('台账.xlsx', streamed).ok).toBe(true);
  });

  it('a sheet part that declares 500 MB is refused before anything is inflated', async () => {
    const data = await deflatedZeros(8 * 1024 * 1024);
    const bytes = xlsxWithSheet({ data, method: 8, usz: 500 * 1024 * 1024 });
    const { reason, ms } = timed('炸弹.xlsx', bytes);
    expect(reason).toBe('too-large');
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('a part of 450 MB of zeros that declares 1 KB (a lie) is counted, not trusted', async () => {
    const data = await deflatedZeros(450 * 1024 * 1024);
    expect(data.length).toBeLessThan(1024 * 1024);
    const bytes = xlsxWithSheet({ data, method: 8, usz: 1024 });
    const { reason, ms } = timed('炸弹.xlsx', bytes);
    expect(reason).toBe('too-large');
    expect(ms).toBeLessThan(FAST_MS);
  }, 30_000);

  it('a streamed part (sizes 0 in its local header) that inflates 300 MB from 300 KB', async () => {
    const data = await deflatedZeros(300 * 1024 * 1024);
    const bytes = xlsxWithSheet({ data, method: 8, usz: 300 * 1024 * 1024, localUsz: 0, flags: 8 });
    const { reason, ms } = timed('炸弹.xlsx', bytes);
    expect(reason).toBe('too-large');
    expect(ms).toBeLessThan(FAST_MS);
  }, 30_000);

  it('one stream listed 2,000 times in the central directory (overlapping entries)', async () => {
    const data = await deflatedZeros(1024 * 1024);
    const bytes = zipOf([{ name: 'xl/worksheets/sheet1.xml', data, method: 8, usz: 1024 * 1024 }], 2000);
    const { reason, ms } = timed('炸弹.xlsx', bytes);
    expect(reason).toBe('too-large');
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('a part declaring 4 GB (0xFFFFFFFF without zip64 sizes)', () => {
    const data = deflateRawSync(Buffer.from('<worksheet/>'));
    const bytes = xlsxWithSheet({ data, method: 8, usz: 0xffffffff });
    expect(timed('炸弹.xlsx', bytes).reason).toBe('too-large');
  });

  it('a zip cut short is still unreadable, not too large', () => {
    const bytes = xlsx(XLSX.utils.aoa_to_sheet(LEDGER));
    expect(timed('台账.xlsx', bytes.subarray(0, bytes.length >> 1)).reason).toBe('unreadable');
  });
});

describe('sheets claiming millions of rows or 16,384 columns', () => {
  it('a sheet whose range is A1:XFD1048576 with three cells is refused, quickly', () => {
    const ws = XLSX.utils.aoa_to_sheet([['日期', '人次'], ['2023-03-05']]);
    const bytes = patchSheet(xlsx(ws), (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
    );
    const { reason, ms } = timed('台账.xlsx', bytes);
    expect(reason).toBe('too-large');
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('a sheet with a cell in row 1,048,576 is refused, not read a million rows deep', () => {
    const ws = XLSX.utils.aoa_to_sheet(LEDGER);
    const bytes = patchSheet(xlsx(ws), (xml) =>
      xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:F1048576"/>')
        .replace('</sheetData>', '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>'),
    );
    const { reason, ms } = timed('台账.xlsx', bytes);
    expect(reason).toBe('too-large');
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('an .xls (BIFF8) claiming all 65,536 rows and 256 columns is read by its three cells', () => {
    const ws = XLSX.utils.aoa_to_sheet([['日期', '人次'], ['2023-03-05']]);
    const t0 = performance.now();
    const reading = readWorkbook('台账.xls', xlsClaiming(ws, 65536, 256));
    expect(performance.now() - t0).toBeLessThan(FAST_MS);
    expect(reading.ok).toBe(true);
    if (reading.ok)
      expect(Math.max(...reading.value.sheets[0]!.rows.map((r) => r.length))).toBeLessThanOrEqual(2);
  });

  it('a sheet claiming 16,384 columns over ten rows is read by the cells it has', () => {
    const bytes = patchSheet(xlsx(XLSX.utils.aoa_to_sheet(LEDGER)), (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD10"/>'),
    );
    const t0 = performance.now();
    const reading = readWorkbook('台账.xlsx', bytes);
    expect(performance.now() - t0).toBeLessThan(FAST_MS);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    const rows = reading.value.sheets[0]!.rows;
    expect(Math.max(...rows.map((r) => r.length))).toBe(6);
    expect(readFile('台账.xlsx', bytes).ok).toBe(true);
  });

  it('a styled empty cell in column XFD on every row makes no 16,384-wide rows', () => {
    const bytes = patchSheet(xlsx(XLSX.utils.aoa_to_sheet(LEDGER)), (xml) =>
      xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD3"/>')
        .replace(
          /<\/row>/g,
          (_m, offset: number) => `<c r="XFD${xml.slice(0, offset).split('<row').length - 1}" s="0"/></row>`,
        ),
    );
    // The empty cells are in the file: SheetJS makes each row 16,384 long.
    const raw = XLSX.read(bytes, { type: 'array', dense: true, sheetStubs: true }).Sheets['活动台账'];
    expect(raw?.['!data']?.[0]?.length).toBe(16384);
    const t0 = performance.now();
    const reading = readWorkbook('台账.xlsx', bytes);
    expect(performance.now() - t0).toBeLessThan(FAST_MS);
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(Math.max(...reading.value.sheets[0]!.rows.map((r) => r.length))).toBe(6);
  });

  it('a value in column XFD refuses the sheet (more than 1,000 columns)', () => {
    const bytes = patchSheet(xlsx(XLSX.utils.aoa_to_sheet(LEDGER)), (xml) =>
      xml.replace('</row>', '<c r="XFD1"><v>1</v></c></row>'),
    );
    expect(timed('台账.xlsx', bytes).reason).toBe('too-large');
  });

  it(`${IMPORT_LIMITS.columns} columns are read, ${IMPORT_LIMITS.columns + 1} are refused`, () => {
    const wide = (n: number) => [
      Array.from({ length: n }, (_, c) => (c === 0 ? '日期' : c === 1 ? '人次' : `列${c + 1}`)),
      Array.from({ length: n }, (_, c) => (c === 0 ? '2023-03-05' : c)),
    ];
    expect(timed('宽.xlsx', xlsx(XLSX.utils.aoa_to_sheet(wide(IMPORT_LIMITS.columns)))).reason).toBe('ok');
    expect(timed('宽.xlsx', xlsx(XLSX.utils.aoa_to_sheet(wide(IMPORT_LIMITS.columns + 1)))).reason).toBe(
      'too-large',
    );
  });

  it('a CSV of 300,001 lines is refused; the cut never reads the rest', () => {
    const lines = [
      '日期,人次',
      ...Array.from({ length: IMPORT_LIMITS.rows }, (_, i) => `2023-03-05,${i % 9}`),
    ];
    const { reason, ms } = timed('台账.csv', new TextEncoder().encode(lines.join('\n')));
    expect(reason).toBe('too-large');
    expect(ms).toBeLessThan(FAST_MS * 2);
  });

  it('a CSV line of 16,384 fields is refused before SheetJS splits it', () => {
    const line = Array.from({ length: 16384 }, (_, i) => String(i)).join(',');
    const { reason, ms } = timed('台账.csv', new TextEncoder().encode(`日期,人次\n${line}\n`));
    expect(reason).toBe('too-large');
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('commas inside quotes are text, not fields', () => {
    const note = `"${','.repeat(5000)}"`;
    const csv = `日期,人次,备注\n2023-03-05,3,${note}\n`;
    expect(timed('台账.csv', new TextEncoder().encode(csv)).reason).toBe('ok');
  });
});

describe('merged ranges', () => {
  it('are cut to the sheet and duplicates dropped', () => {
    const m = { s: { r: 0, c: 0 }, e: { r: 1_048_575, c: 16_383 } };
    expect(clipMerges([m, m, m], 10, 6)).toEqual([{ s: { r: 0, c: 0 }, e: { r: 9, c: 5 } }]);
  });

  it('a thousand merges over the same rows (they overlap) refuse the sheet', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ...LEDGER,
      ...Array.from({ length: 500 }, () => ['2023-05-01', '培训', '王喆', '镇文化站', '培训', 3]),
    ]);
    ws['!merges'] = Array.from({ length: 1000 }, (_, i) => ({
      s: { r: 1, c: i % 6 },
      e: { r: 400 + (i % 50), c: i % 6 },
    }));
    const { reason, ms } = timed('台账.xlsx', xlsx(ws));
    expect(reason).toBe('too-large');
    expect(ms).toBeLessThan(FAST_MS);
  });
});

describe('the words', () => {
  it('too-large has a Chinese message naming the limits', () => {
    expect(t.refusal['too-large']).toContain('30万行');
    expect(t.refusal['too-large']).toContain('1000列');
    expect(t.refusal['too-large']).toContain('拆分');
  });
});
