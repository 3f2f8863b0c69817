/**
 * Hostile files built for tests: zips written byte by byte (a part may declare any size and hold any
 * stream), .xlsx files whose sheet XML claims ranges SheetJS's writer would walk for ever, and an
 * .xls whose DIMENSIONS record claims every row. Shared by the unit and the end-to-end tests.
 */
import * as XLSX from '@e965/xlsx';
import { createDeflateRaw } from 'node:zlib';

interface Container {
  FullPaths: string[];
  FileIndex: { name: string; type: number; content?: ArrayLike<number> }[];
}
const CFB = XLSX.CFB as {
  read(data: Uint8Array, opts: { type: 'array' }): Container;
  find(c: Container, path: string): { content: ArrayLike<number> } | null;
  write(c: Container, opts: { type: 'buffer'; fileType?: string; compression?: boolean }): Buffer;
  utils: { cfb_add(c: Container, name: string, content: Buffer): void };
};

export const LEDGER = [
  ['日期', '类别', '委员', '地点', '事项', '人次'],
  ['2023-03-05', '培训', '王喆', '镇文化站', '就业扶贫培训', 45],
  ['2023-04-12', '视察', '张犇', '县医院', '医疗服务视察', 12],
];

export function xlsx(ws: XLSX.WorkSheet, bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '活动台账');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer);
}

/**
 * An .xlsx with its sheet's XML changed: SheetJS's writer walks the whole range of a sheet, so a claim
 * of A1:XFD1048576 is written into the XML of a small sheet instead.
 */
export function patchSheet(bytes: Uint8Array, patch: (xml: string) => string): Uint8Array {
  const zip = CFB.read(bytes, { type: 'array' });
  const path = '/xl/worksheets/sheet1.xml';
  const xml = Buffer.from(Uint8Array.from(CFB.find(zip, path)?.content ?? [])).toString('utf8');
  const patched = patch(xml);
  if (patched === xml) throw new Error('the patch changed nothing');
  CFB.utils.cfb_add(zip, path, Buffer.from(patched, 'utf8'));
  return new Uint8Array(CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }));
}

/** A BIFF8 .xls whose sheet's DIMENSIONS record claims rows rows and cols columns. */
export function xlsClaiming(ws: XLSX.WorkSheet, rows: number, cols: number): Uint8Array {
  const ole = CFB.read(xlsx(ws, 'biff8'), { type: 'array' });
  const stream = Buffer.from(Uint8Array.from(CFB.find(ole, '/Workbook')?.content ?? []));
  let patched = 0;
  for (let p = 0; p + 4 <= stream.length;) {
    const type = stream.readUInt16LE(p);
    const size = stream.readUInt16LE(p + 2);
    if (type === 0x0200 && size === 14) {
      stream.writeUInt32LE(rows, p + 8);
      stream.writeUInt16LE(cols, p + 14);
      patched++;
    }
    p += 4 + size;
  }
  if (patched !== 1) throw new Error(`${patched} DIMENSIONS records`);
  CFB.utils.cfb_add(ole, '/Workbook', stream);
  return new Uint8Array(CFB.write(ole, { type: 'buffer' }));
}

// --- Zips written byte by byte, so that a part can declare any size and hold any stream. ---

export interface Part {
  name: string;
  /** The stored bytes: raw deflate for method 8. */
  data: Uint8Array;
  method: 0 | 8;
  /** Sizes written in the central directory and the local header (a streamed part writes 0 locally). */
  usz: number;
  localUsz?: number;
  flags?: number;
}

export function zipOf(parts: readonly Part[], repeat = 1): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (size: number) => Buffer.alloc(size);
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = header(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags ?? 0, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.flags ? 0 : p.data.length, 18);
    local.writeUInt32LE(p.localUsz ?? p.usz, 22);
    local.writeUInt16LE(name.length, 26);
    const localOffset = offset;
    chunks.push(local, name, p.data);
    offset += 30 + name.length + p.data.length;
    if (p.flags) {
      const descriptor = header(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(p.data.length, 8);
      descriptor.writeUInt32LE(p.usz, 12);
      chunks.push(descriptor);
      offset += 16;
    }
    for (let i = 0; i < repeat; i++) {
      const cd = header(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(p.flags ?? 0, 8);
      cd.writeUInt16LE(p.method, 10);
      cd.writeUInt32LE(p.data.length, 20);
      cd.writeUInt32LE(p.usz, 24);
      const entryName = repeat > 1 ? Buffer.from(`${p.name}.${i}`, 'utf8') : name;
      cd.writeUInt16LE(entryName.length, 28);
      cd.writeUInt32LE(localOffset, 42);
      central.push(cd, entryName);
    }
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = header(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length * repeat, 8);
  end.writeUInt16LE(parts.length * repeat, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/** The parts of a real .xlsx, stored, with its sheet replaced. */
export function xlsxWithSheet(sheet: Omit<Part, 'name'>): Uint8Array {
  const container = CFB.read(xlsx(XLSX.utils.aoa_to_sheet(LEDGER)), { type: 'array' });
  const parts: Part[] = [];
  container.FullPaths.forEach((path, i) => {
    const entry = container.FileIndex[i];
    if (!entry || entry.type !== 2 || path.endsWith('/')) return;
    const name = path.replace(/^[^/]*\//, '');
    if (name === 'xl/worksheets/sheet1.xml') parts.push({ name, ...sheet });
    else {
      const data = Uint8Array.from(entry.content ?? []);
      parts.push({ name, data, method: 0, usz: data.length });
    }
  });
  return zipOf(parts);
}

/** `size` zero bytes, deflated as zlib streams them (a megabyte at a time: never all in memory). */
export async function deflatedZeros(size: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const mb = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += mb.length) {
    const chunk = mb.subarray(0, Math.min(mb.length, size - written));
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return new Uint8Array(Buffer.concat(out));
}
