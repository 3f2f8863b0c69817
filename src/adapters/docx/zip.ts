/**
 * A minimal ZIP writer for OOXML packages: STORE method only (the XML parts are small and PNGs are
 * already compressed), UTF-8 names (general purpose bit 11), a fixed DOS timestamp (1980-01-01 00:00)
 * so the same files always give the same bytes. No ZIP64: at most 65 535 entries and 4 GiB in all.
 * Pure TypeScript: runs in the browser and in Node tests.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, the one ZIP and PNG use). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const UTF8_FLAG = 0x0800;
const VERSION = 20; // 2.0: the version every reader accepts

export function zipStore(files: ZipEntry[]): Uint8Array {
  if (files.length > 0xffff) throw new RangeError('zipStore: more than 65 535 entries needs ZIP64');
  const enc = new TextEncoder();
  const names = files.map((f) => enc.encode(f.name));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.name)) throw new Error(`zipStore: duplicate entry ${f.name}`);
    seen.add(f.name);
  }

  let localSize = 0;
  let centralSize = 0;
  for (let i = 0; i < files.length; i++) {
    const nameLen = (names[i] as Uint8Array).length;
    localSize += 30 + nameLen + (files[i] as ZipEntry).data.length;
    centralSize += 46 + nameLen;
  }
  const total = localSize + centralSize + 22;
  if (total > 0xffffffff) throw new RangeError('zipStore: archives over 4 GiB need ZIP64');

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number): void => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number): void => {
    view.setUint32(at, v, true);
    at += 4;
  };
  const bytes = (b: Uint8Array): void => {
    out.set(b, at);
    at += b.length;
  };

  const offsets: number[] = [];
  const crcs: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const data = (files[i] as ZipEntry).data;
    const name = names[i] as Uint8Array;
    const crc = crc32(data);
    offsets.push(at);
    crcs.push(crc);
    u32(0x04034b50); // local file header signature
    u16(VERSION);
    u16(UTF8_FLAG);
    u16(0); // method: STORE
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(crc);
    u32(data.length); // compressed size
    u32(data.length); // uncompressed size
    u16(name.length);
    u16(0); // extra field length
    bytes(name);
    bytes(data);
  }

  const centralStart = at; // === localSize
  for (let i = 0; i < files.length; i++) {
    const data = (files[i] as ZipEntry).data;
    const name = names[i] as Uint8Array;
    u32(0x02014b50); // central directory header signature
    u16(VERSION); // version made by (MS-DOS attributes)
    u16(VERSION); // version needed to extract
    u16(UTF8_FLAG);
    u16(0);
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(crcs[i] as number);
    u32(data.length);
    u32(data.length);
    u16(name.length);
    u16(0); // extra field length
    u16(0); // comment length
    u16(0); // disk number start
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i] as number);
    bytes(name);
  }

  u32(0x06054b50); // end of central directory signature
  u16(0); // this disk
  u16(0); // disk with the central directory
  u16(files.length);
  u16(files.length);
  u32(centralSize);
  u32(centralStart);
  u16(0); // comment length
  return out;
}
