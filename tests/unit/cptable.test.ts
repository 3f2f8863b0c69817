import * as XLSX from '@e965/xlsx';
import * as cpexcelModule from '@e965/xlsx/dist/cpexcel.full.mjs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { cptable } from '../../src/adapters/cptable';
import { readFile } from '../../src/adapters/sheetjs';

const { decode, encode } = cptable.utils;
const gbk = (s: string) => Array.from(iconv.encode(s, 'gbk'));
const binaryString = (bytes: readonly number[]) => String.fromCharCode(...bytes);

// sheetjs.ts installed our shim on import; a test that swaps in the full table puts ours back.
// SheetJS's full codepage table, the reference; its .d.ts omits the `utils` the module exports.
const cpexcel = cpexcelModule as unknown as {
  utils: { decode(cp: number, data: number[]): string; encode(cp: number, s: string): Uint8Array };
};

afterEach(() => XLSX.set_cptable(cptable));

describe('cptable shim: decode', () => {
  it('decodes GBK (936) from a number[], Uint8Array, Buffer and binary string alike', () => {
    const bytes = gbk('活动台账：王喆（镇文化站）');
    for (const data of [bytes, new Uint8Array(bytes), Buffer.from(bytes), binaryString(bytes)]) {
      expect(decode(936, data)).toBe('活动台账：王喆（镇文化站）');
    }
  });

  it('decodes GB18030 four-byte sequences under 936', () => {
    expect(decode(936, Array.from(iconv.encode('𠀀', 'gb18030')))).toBe('𠀀');
  });

  it.each<[number, string, string]>([
    [950, 'big5', '臺灣省政府'],
    [932, 'shift_jis', '東京都'],
    [949, 'euc-kr', '서울시'],
    [1251, 'windows-1251', 'Москва'],
    [1250, 'windows-1250', 'Łódź'],
    [874, 'windows-874', 'กรุงเทพ'],
    [10000, 'macintosh', 'café'],
  ])('decodes codepage %i (%s)', (cp, enc, text) => {
    expect(decode(cp, Array.from(iconv.encode(text, enc)))).toBe(text);
  });

  it('decodes UTF-16 and UTF-8, dropping a BOM and an odd trailing byte as cpexcel does', () => {
    const le = Array.from(Buffer.from('台账', 'utf16le'));
    expect(decode(1200, le)).toBe('台账');
    expect(decode(1200, [0xff, 0xfe, ...le])).toBe('台账');
    expect(decode(1200, [...le, 0x00])).toBe('台账');
    expect(decode(1201, Array.from(Buffer.from('台账', 'utf16le').swap16()))).toBe('台账');
    expect(decode(65001, Array.from(Buffer.from('台账', 'utf8')))).toBe('台账');
    expect(decode(65001, [0xef, 0xbb, 0xbf, ...Buffer.from('台账', 'utf8')])).toBe('台账');
  });

  it('decodes 28591 as true Latin-1, unlike windows-1252', () => {
    expect(decode(28591, [0x80, 0x9f, 0xe9])).toBe('\u0080\u009fé');
    expect(decode(1252, [0x80, 0xe9])).toBe('€é');
  });

  it('decodes every byte of windows-1252 as the full cpexcel table does (Node 20 TextDecoder does not)', () => {
    for (let b = 0; b < 256; b++) {
      // 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned: cpexcel gives U+FFFD, WHATWG (and we) the C1 control.
      if ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)) continue;
      const full = cpexcel.utils.decode(1252, [b]);
      expect(decode(1252, [b]), `byte ${b.toString(16)}`).toBe(full);
    }
    expect(decode(1252, [0x93, 0x80, 0x94])).toBe('“€”');
  });

  it('falls back to Latin-1 for codepages TextDecoder lacks (437, 850, unknown)', () => {
    for (const cp of [437, 850, 12345]) expect(decode(cp, [0x41, 0xe9, 0x80])).toBe('Aé\u0080');
  });

  it('serves SheetJS single-character reads: decode(cp, [lo, hi])[0] and decode(ansi, [x])[0]', () => {
    expect(decode(1252, [0x41, 0x00])[0]).toBe('A');
    expect(decode(1252, [0x80])[0]).toBe('€');
    expect(decode(936, [0x41, 0x00])[0]).toBe('A');
    expect(decode(936, gbk('中'))[0]).toBe('中');
  });

  it("accepts SheetJS's 'str' mode argument", () => {
    expect(decode(1200, Buffer.from('台账', 'utf16le'), 'str')).toBe('台账');
  });
});

describe('cptable shim: encode', () => {
  it('encodes 1200, 65001 and 28591 as number[] by default, a binary string with str', () => {
    expect(encode(1200, 'A台')).toEqual([0x41, 0x00, 0xf0, 0x53]);
    expect(encode(1200, 'A台', 'str')).toBe('A\u0000\u00f0S');
    expect(encode(65001, '台')).toEqual([0xe5, 0x8f, 0xb0]);
    expect(encode(28591, '\u00e9\u0080')).toEqual([0xe9, 0x80]);
    expect(encode(65001, '台', 'buf')).toBeInstanceOf(Uint8Array);
  });

  it('round-trips a binary string through 28591 (SheetJS does this for text with a codepage)', () => {
    const bytes = gbk('台账');
    expect(decode(936, encode(28591, binaryString(bytes)) as number[])).toBe('台账');
  });

  it('refuses to encode other codepages', () => {
    expect(() => encode(936, '台账')).toThrow(/encode not supported/);
    expect(() => encode(1252, 'abc')).toThrow(/encode not supported/);
  });
});

describe('cptable shim against the full cpexcel table', () => {
  const samples = [
    '“€ 1,234”',
    '日期',
    '政协委员履职台账（2023年）',
    '合计',
    '王喆、张犇',
    '镇文化站；培训45人次',
    'ABC 123.45',
  ];
  it.each([936, 950, 932, 949, 1252, 1251, 874, 10000])('agrees on text encoded by cpexcel in %i', (cp) => {
    for (const s of samples) {
      let bytes: number[];
      try {
        bytes = Array.from(cpexcel.utils.encode(cp, s));
      } catch {
        continue;
      }
      const full = cpexcel.utils.decode(cp, bytes);
      if (full !== s) continue; // not representable in this codepage
      // Known difference: Windows cp949 has € at A2E6, WHATWG's euc-kr index does not (gives U+FFFD).
      if (cp === 949 && s.includes('€')) continue;
      expect(decode(cp, bytes)).toBe(full);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// A BIFF5 (Excel 5/95) workbook in GBK, written by hand: SheetJS writes BIFF5 strings as ASCII only.

function record(type: number, body: number[]): number[] {
  return [type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body];
}
const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
const f64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(n);
  return Array.from(b);
};

type Cell = string | number;

/** A BIFF5 workbook stream: globals (BOF, CODEPAGE, BOUNDSHEET per sheet, EOF), then each sheet. */
function biff5Book(
  codepage: number,
  sheets: { name: string; rows: Cell[][] }[],
  enc: (s: string) => number[],
): Uint8Array {
  const sheetStreams = sheets.map(({ rows }) => {
    const cells: number[] = [];
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'number')
          cells.push(...record(0x0203, [...u16(r), ...u16(c), ...u16(0), ...f64(v)]));
        else {
          const bytes = enc(v);
          cells.push(...record(0x0204, [...u16(r), ...u16(c), ...u16(0), ...u16(bytes.length), ...bytes]));
        }
      }),
    );
    const cols = Math.max(...rows.map((r) => r.length));
    return [
      ...record(0x0809, [...u16(0x0500), ...u16(0x0010), ...u16(0), ...u16(0)]),
      ...record(0x0200, [...u16(0), ...u16(rows.length), ...u16(0), ...u16(cols), ...u16(0)]),
      ...cells,
      ...record(0x000a, []),
    ];
  });
  const names = sheets.map((s) => enc(s.name));
  const globalsLength = 12 + 6 + names.reduce((n, name) => n + 4 + 7 + name.length, 0) + 4; // BOF + CODEPAGE + BOUNDSHEETs + EOF
  const globals = [
    ...record(0x0809, [...u16(0x0500), ...u16(0x0005), ...u16(0), ...u16(0)]),
    ...record(0x0042, u16(codepage)),
  ];
  let pos = globalsLength;
  names.forEach((name, i) => {
    globals.push(...record(0x0085, [...u32(pos), 0, 0, name.length, ...name]));
    pos += sheetStreams[i]?.length ?? 0;
  });
  globals.push(...record(0x000a, []));
  expect(globals.length).toBe(globalsLength);
  return new Uint8Array([...globals, ...sheetStreams.flat()]);
}

/** A BIFF2 worksheet (Excel 2.x): a bare record stream, no OLE container, no sheet name. */
function biff2Sheet(codepage: number, rows: Cell[][], enc: (s: string) => number[]): Uint8Array {
  const out = [
    ...record(0x0009, [...u16(0x0002), ...u16(0x0010)]),
    ...record(0x0042, u16(codepage)),
    ...record(0x0000, [
      ...u16(0),
      ...u16(rows.length),
      ...u16(0),
      ...u16(Math.max(...rows.map((r) => r.length))),
    ]),
  ];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const head = [...u16(r), ...u16(c), 0, 0, 0];
      if (typeof v === 'number') out.push(...record(0x0003, [...head, ...f64(v)]));
      else {
        const bytes = enc(v);
        out.push(...record(0x0004, [...head, bytes.length, ...bytes]));
      }
    }),
  );
  out.push(...record(0x000a, []));
  return new Uint8Array(out);
}

function inOle(streamName: string, stream: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, streamName, Buffer.from(stream));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

const LEDGER: Cell[][] = [
  ['2023年委员活动台账'],
  ['日期', '类别', '委员', '地点', '事项', '人次'],
  ['2023年3月5日', '培训', '王喆', '镇文化站', '就业扶贫培训', 45],
  ['2023年4月12日', '视察', '张犇', '县医院', '医疗服务视察', 12],
  ['2023年5月20日', '调研', '李娜', '城关镇', '老旧小区改造调研', 8],
];

function cellsOf(wb: XLSX.WorkBook, sheet: string): unknown[][] {
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true });
}

describe('a GBK BIFF5 workbook read through the shim', () => {
  const file = inOle('Book', biff5Book(936, [{ name: '活动台账', rows: LEDGER }], gbk));

  it('decodes Chinese sheet names and cells exactly as the full cpexcel table does', () => {
    const ours = XLSX.read(file, { type: 'array' });
    expect(ours.SheetNames).toEqual(['活动台账']);
    expect(cellsOf(ours, '活动台账')).toEqual(LEDGER);
    XLSX.set_cptable(cpexcel);
    const full = XLSX.read(file, { type: 'array' });
    XLSX.set_cptable(cptable);
    expect(full.SheetNames).toEqual(ours.SheetNames);
    expect(cellsOf(full, '活动台账')).toEqual(cellsOf(ours, '活动台账'));
  });

  it('is imported by readFile under its Chinese sheet name', () => {
    const reading = readFile('活动台账-95.xls', file);
    if (!reading.ok) throw new Error(`refused: ${reading.reason} ${reading.detail ?? ''}`);
    expect(reading.value.tables.map((t) => t.sheet)).toEqual(['活动台账']);
    expect(reading.value.tables[0]?.records.length).toBe(3);
  });

  it('decodes Big5 the same way when the CODEPAGE record says 950', () => {
    const big5 = (s: string) => Array.from(iconv.encode(s, 'big5'));
    const rows: Cell[][] = [
      ['日期', '類別', '委員'],
      ['2023年3月5日', '培訓', '王大明'],
    ];
    const wb = XLSX.read(inOle('Book', biff5Book(950, [{ name: '活動台賬', rows }], big5)), {
      type: 'array',
    });
    expect(wb.SheetNames).toEqual(['活動台賬']);
    expect(cellsOf(wb, '活動台賬')).toEqual(rows);
  });
});

describe('a GBK BIFF2 worksheet read through the shim', () => {
  const file = biff2Sheet(936, LEDGER, gbk);

  it('decodes Chinese cells exactly as the full cpexcel table does', () => {
    const ours = XLSX.read(file, { type: 'array' });
    const first = ours.SheetNames[0] ?? '';
    expect(cellsOf(ours, first)).toEqual(LEDGER);
    XLSX.set_cptable(cpexcel);
    const full = XLSX.read(file, { type: 'array' });
    XLSX.set_cptable(cptable);
    expect(cellsOf(full, full.SheetNames[0] ?? '')).toEqual(cellsOf(ours, first));
  });

  it('is imported by readFile', () => {
    const reading = readFile('活动台账-excel2.xls', file);
    if (!reading.ok) throw new Error(`refused: ${reading.reason} ${reading.detail ?? ''}`);
    expect(reading.value.tables).toHaveLength(1);
    expect(reading.value.tables[0]?.records.length).toBe(3);
  });
});

describe('text and markup through the shim', () => {
  it('reads an HTML table saved as .xls with Chinese text (SheetJS decodes it as UTF-8)', () => {
    const html =
      '<html><body><table><tr><td>日期</td><td>委员</td></tr><tr><td>2023-03-05</td><td>王喆</td></tr></table></body></html>';
    const wb = XLSX.read(new TextEncoder().encode(html), { type: 'array' });
    const first = wb.SheetNames[0] ?? '';
    expect(cellsOf(wb, first)[0]).toEqual(['日期', '委员']);
    expect(cellsOf(wb, first)[1]?.[1]).toBe('王喆');
  });

  it('reads a UTF-16LE text file (SheetJS decodes 1200 with mode str)', () => {
    const text = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('日期\t委员\r\n2023-03-05\t王喆\r\n', 'utf16le'),
    ]);
    const wb = XLSX.read(new Uint8Array(text), { type: 'array' });
    const first = wb.SheetNames[0] ?? '';
    expect(cellsOf(wb, first)[0]).toEqual(['日期', '委员']);
  });
});
