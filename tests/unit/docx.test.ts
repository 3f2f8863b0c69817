import { writeFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildDocx, type DocxBlock } from '../../src/adapters/docx/docx';
import { crc32, zipStore } from '../../src/adapters/docx/zip';

/** Bitwise CRC-32, independent of the table-driven one under test. */
function crcSlow(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

interface ZipRead {
  name: string;
  flags: number;
  method: number;
  crc: number;
  data: Uint8Array;
}

/** A small ZIP reader: end record → central directory → local headers, checking each field agrees. */
function readZip(zip: Uint8Array): ZipRead[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const dec = new TextDecoder('utf-8', { fatal: true });
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  expect(eocd).toBe(zip.length - 22); // no archive comment
  const count = view.getUint16(eocd + 10, true);
  expect(view.getUint16(eocd + 8, true)).toBe(count);
  const cdSize = view.getUint32(eocd + 12, true);
  let at = view.getUint32(eocd + 16, true);
  expect(at + cdSize).toBe(eocd);
  const out: ZipRead[] = [];
  for (let n = 0; n < count; n++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const csize = view.getUint32(at + 20, true);
    const usize = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const nameBytes = zip.subarray(at + 46, at + 46 + nameLen);
    const name = dec.decode(nameBytes);
    at += 46 + nameLen + extraLen + commentLen;

    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint16(local + 6, true)).toBe(flags);
    expect(view.getUint16(local + 8, true)).toBe(method);
    expect(view.getUint16(local + 12, true)).toBe((1 << 5) | 1); // 1980-01-01
    expect(view.getUint32(local + 14, true)).toBe(crc);
    expect(view.getUint32(local + 18, true)).toBe(csize);
    expect(view.getUint32(local + 22, true)).toBe(usize);
    const localNameLen = view.getUint16(local + 26, true);
    const localExtraLen = view.getUint16(local + 28, true);
    expect(zip.subarray(local + 30, local + 30 + localNameLen)).toEqual(nameBytes);
    const start = local + 30 + localNameLen + localExtraLen;
    expect(csize).toBe(usize);
    const data = zip.subarray(start, start + csize);
    expect(crcSlow(data)).toBe(crc);
    out.push({ name, flags, method, crc, data });
  }
  expect(at).toBe(eocd);
  return out;
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A valid RGB PNG written by hand: zlib with stored (uncompressed) deflate blocks. */
function makePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]) {
  const raw = new Uint8Array(height * (1 + width * 3));
  let p = 0;
  for (let y = 0; y < height; y++) {
    raw[p++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      for (const v of pixel(x, y)) raw[p++] = v;
    }
  }
  const zlib: number[] = [0x78, 0x01];
  for (let off = 0; off < raw.length || off === 0; off += 65535) {
    const len = Math.min(65535, raw.length - off);
    const last = off + len >= raw.length ? 1 : 0;
    zlib.push(last, len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff, ...raw.subarray(off, off + len));
  }
  const adler = adler32(raw);
  zlib.push(adler >>> 24, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff);

  const u32 = (v: number) => [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
  const chunk = (type: string, body: number[]) => {
    const typed = [...type].map((c) => c.charCodeAt(0)).concat(body);
    return [...u32(body.length), ...typed, ...u32(crcSlow(new Uint8Array(typed)))];
  };
  const ihdr = [...u32(width), ...u32(height), 8, 2, 0, 0, 0]; // 8-bit RGB
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', zlib),
    ...chunk('IEND', []),
  ]);
}

/** Tags balance and every & starts an entity: enough to catch a broken part without an XML parser. */
function expectWellFormed(name: string, xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), name).toBe(true);
  expect(/&(?!(amp|lt|gt|quot|apos);)/.test(xml), `${name}: bare &`).toBe(false);
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([^\s/>?]+)[^>]*?(\/?)>/g)) {
    const [, close, tag, selfClose] = m;
    if (close) expect(stack.pop(), `${name}: </${tag}>`).toBe(tag);
    else if (!selfClose) stack.push(tag as string);
  }
  expect(stack, name).toEqual([]);
}

const PARAGRAPH = '2023年，全体委员积极履职，开展走访94次，走访群众593人次。';
const png2x2 = makePng(2, 2, (x, y) => [x * 255, y * 255, 128]);

const BLOCKS: DocxBlock[] = [
  { kind: 'title', text: '2023年度委员履职情况报告' },
  { kind: 'paragraph', runs: [{ text: PARAGRAPH }] },
  {
    kind: 'table',
    caption: '单位：次、人次',
    header: ['委员', '走访', '人次', '建议'],
    rows: [
      ['江峰', '12', '80', '3'],
      ['李华', '7', '45', '1'],
    ],
    numeric: [false, true, true, true],
  },
  { kind: 'image', png: png2x2, widthPx: 2, heightPx: 2, caption: '图1 走访次数' },
];

describe('zipStore', () => {
  it('writes a readable archive with CRCs, UTF-8 names and the STORE method', () => {
    const enc = new TextEncoder();
    const files = [
      { name: 'a.txt', data: enc.encode('hello') },
      { name: '目录/台账.xml', data: enc.encode('<x>委员</x>') },
      { name: 'empty', data: new Uint8Array(0) },
    ];
    const read = readZip(zipStore(files));
    expect(read.map((f) => f.name)).toEqual(files.map((f) => f.name));
    for (const [i, f] of read.entries()) {
      expect(f.method).toBe(0);
      expect(f.flags & 0x0800).toBe(0x0800);
      expect(f.data).toEqual(files[i]?.data);
    }
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('writes an empty archive as a bare end record', () => {
    expect(readZip(zipStore([]))).toEqual([]);
  });
});

describe('buildDocx', () => {
  const bytes = buildDocx(BLOCKS, { title: '履职报告', creator: '台账看板' });

  it('packs the OOXML parts in a valid zip, every XML part well-formed', () => {
    const parts = readZip(bytes);
    const names = parts.map((p) => p.name);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names).toEqual(
      expect.arrayContaining([
        '_rels/.rels',
        'docProps/core.xml',
        'docProps/app.xml',
        'word/document.xml',
        'word/_rels/document.xml.rels',
        'word/styles.xml',
        'word/settings.xml',
        'word/footer1.xml',
        'word/media/image1.png',
      ]),
    );
    const dec = new TextDecoder();
    for (const p of parts) if (/\.(xml|rels)$/.test(p.name)) expectWellFormed(p.name, dec.decode(p.data));
    const part = (n: string) => dec.decode(parts.find((p) => p.name === n)?.data);
    expect(part('[Content_Types].xml')).toContain('Extension="png" ContentType="image/png"');
    expect(part('word/styles.xml')).toContain('w:eastAsia="zh-CN"');
    expect(part('word/footer1.xml')).toContain(' PAGE ');
    const doc = part('word/document.xml');
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(doc).toContain('w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"');
    expect(doc).toContain('<w:cantSplit/>');
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('<wp:extent cx="19050" cy="19050"/>'); // 2 px × 9525 EMU
    expect(parts.find((p) => p.name === 'word/media/image1.png')?.data).toEqual(png2x2);
  });

  it('opens in mammoth with the paragraph, the table cells and the image', async () => {
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(html).toContain('2023年度委员履职情况报告');
    expect(html).toContain(PARAGRAPH);
    const tableHtml = /<table>.*<\/table>/s.exec(html)?.[0] ?? '';
    expect(tableHtml.match(/<tr>/g)).toHaveLength(3);
    // tblHeader makes mammoth put the bold header row in <thead>.
    for (const cell of ['委员', '走访', '人次', '建议']) {
      expect(tableHtml).toContain(`<th><p><strong>${cell}</strong></p></th>`);
    }
    for (const cell of ['江峰', '12', '80', '3', '李华', '7', '45', '1']) {
      expect(tableHtml).toContain(`<td><p>${cell}</p></td>`);
    }
    expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/);
    expect(html).toContain('单位：次、人次');
    expect(html).toContain('图1 走访次数');
  });

  it('escapes XML specials and drops characters XML 1.0 forbids', async () => {
    const nasty = `<script>&"'</script> a&amp;b`;
    const doc = buildDocx(
      [
        { kind: 'title', text: nasty },
        { kind: 'paragraph', runs: [{ text: `x\u0001\u0008y\uFFFE\uD800𠮷 ${nasty}`, bold: true }] },
        { kind: 'table', header: [nasty], rows: [[`1 < 2 & 3 > 2`]] },
      ],
      { title: nasty, creator: nasty },
    );
    for (const p of readZip(doc)) {
      if (/\.(xml|rels)$/.test(p.name)) expectWellFormed(p.name, new TextDecoder().decode(p.data));
    }
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(doc) });
    expect(text).toContain(nasty);
    expect(text).toContain(`xy𠮷 ${nasty}`); // a lone surrogate goes, a valid pair stays
    expect(text).toContain('1 < 2 & 3 > 2');
  });

  it('turns tabs and newlines into Word tabs and breaks', async () => {
    const doc = buildDocx([{ kind: 'paragraph', runs: [{ text: '甲\t乙\r\n丙' }] }], { title: 't' });
    const xml = new TextDecoder().decode(readZip(doc).find((p) => p.name === 'word/document.xml')?.data);
    expect(xml).toContain(
      '<w:t xml:space="preserve">甲</w:t><w:tab/><w:t xml:space="preserve">乙</w:t><w:br/>',
    );
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(doc) });
    expect(html).toContain('丙');
  });

  it('scales a wide image to the text width, keeping the aspect ratio', () => {
    const doc = buildDocx([{ kind: 'image', png: png2x2, widthPx: 1600, heightPx: 800 }], { title: 't' });
    const xml = new TextDecoder().decode(readZip(doc).find((p) => p.name === 'word/document.xml')?.data);
    // 8845 twips × 635 EMU = 5 616 575 EMU ≈ 15.6 cm wide, half as tall.
    expect(xml).toContain('<wp:extent cx="5616575" cy="2808288"/>');
  });

  it('gives every image its own part, relationship and id', () => {
    const img = { kind: 'image', png: png2x2, widthPx: 2, heightPx: 2 } as const;
    const parts = readZip(buildDocx([img, img, img], { title: 't' }));
    const dec = new TextDecoder();
    const xml = dec.decode(parts.find((p) => p.name === 'word/document.xml')?.data);
    const relsXml = dec.decode(parts.find((p) => p.name === 'word/_rels/document.xml.rels')?.data);
    const ids = [...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    const embeds = [...xml.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(3);
    expect(new Set(embeds).size).toBe(3);
    for (const e of embeds) expect(relsXml).toContain(`Id="${e}"`);
    expect(parts.filter((p) => p.name.startsWith('word/media/'))).toHaveLength(3);
  });

  it('refuses an image that is not a PNG or has no size', () => {
    expect(() =>
      buildDocx([{ kind: 'image', png: new Uint8Array([1, 2, 3]), widthPx: 1, heightPx: 1 }], { title: 't' }),
    ).toThrow(/PNG/);
    expect(() =>
      buildDocx([{ kind: 'image', png: png2x2, widthPx: 0, heightPx: 1 }], { title: 't' }),
    ).toThrow(RangeError);
  });

  it('is deterministic', () => {
    expect(buildDocx(BLOCKS, { title: '履职报告', creator: '台账看板' })).toEqual(bytes);
    expect(readZip(buildDocx([], { title: '' })).length).toBeGreaterThan(0);
  });

  // DOCX_SAMPLE=/tmp/sample.docx npx vitest run tests/unit/docx.test.ts, then open it in Word/WPS/LibreOffice.
  it.skipIf(!process.env.DOCX_SAMPLE)('writes a sample report for a visual check', () => {
    const chart = makePng(640, 320, (x, y) => {
      const bar = Math.floor(x / 80);
      const top = 300 - (bar + 1) * 30;
      if (x % 80 < 12 || x % 80 > 68 || y < top || y > 300) return [255, 255, 255];
      return bar % 2 === 0 ? [54, 162, 235] : [255, 99, 132];
    });
    const names = ['江峰', '李华', '王芳', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰'];
    const rows = Array.from({ length: 40 }, (_, i) => [
      `${names[i % 10] ?? ''}${i >= 10 ? i : ''}`,
      `第${(i % 5) + 1}界别（经济）`,
      String(3 + ((i * 7) % 20)),
      String(20 + ((i * 37) % 90)),
      ((i * 13.7) % 50).toFixed(2),
    ]);
    const doc = buildDocx(
      [
        { kind: 'title', text: '2023年度政协委员履职情况报告' },
        { kind: 'subtitle', text: '（2023年1月1日—2023年12月31日）' },
        { kind: 'heading', text: '一、总体情况' },
        {
          kind: 'paragraph',
          runs: [
            { text: '总体来看，', bold: true },
            { text: PARAGRAPH.repeat(4) + ' Escaping: <script>&"\' ok.' },
          ],
        },
        { kind: 'heading', text: '二、分项统计' },
        {
          kind: 'table',
          caption: '单位：次、人次、万元',
          header: ['委员', '界别', '走访次数', '走访人次', '金额'],
          rows,
          numeric: [false, false, true, true, true],
        },
        { kind: 'paragraph', runs: [{ text: '各界别委员走访次数分布如下图所示。' }] },
        { kind: 'image', png: chart, widthPx: 640, heightPx: 320, caption: '图1 各界别走访次数' },
        { kind: 'paragraph', runs: [{ text: PARAGRAPH }] },
      ],
      { title: '2023年度政协委员履职情况报告', creator: '台账看板' },
    );
    writeFileSync(process.env.DOCX_SAMPLE as string, doc);
  });
});
