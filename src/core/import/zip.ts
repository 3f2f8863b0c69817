/**
 * How big a zip (.xlsx, .ods) really is once inflated, found before SheetJS inflates it. SheetJS
 * trusts the sizes a zip declares: it allocates what a part claims (a 4 GB claim is a 4 GB buffer),
 * and a part written as a stream (sizes 0 in its local header, as Go and Java exporters write) grows
 * without bound. A decompression bomb is a few megabytes that inflate to gigabytes.
 *
 * So the central directory is walked (no inflating), the declared sizes are checked, and every
 * deflated part is then decoded without keeping its output: only the lengths of literals and copies
 * are added up, which is a fraction of the work of inflating and needs no memory. Pure: no SheetJS.
 */
import { IMPORT_LIMITS } from './reasons';

export interface ZipEntry {
  name: string;
  /** Compression method of the local header (what SheetJS goes by): 8 deflate, 0 stored. */
  method: number;
  /** Offset of the local header. */
  local: number;
  /** Compressed size, from the central directory. */
  compressed: number;
  /** Bytes a stored part takes, from its local header (what SheetJS copies), within the file. */
  stored: number;
  /** The largest uncompressed size the central directory or the local header declares. */
  declared: number;
  /** Offset of the part's data (after its local header). */
  dataOffset: number;
}

export type ZipVerdict =
  | { ok: true; entries: ZipEntry[]; inflated: number }
  | { ok: false; reason: 'too-large' | 'unreadable'; detail: string };

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) + u16(b, i + 2) * 0x10000) >>> 0;
const MAX32 = 0xffffffff;

/** The zip64 extended sizes of an extra field (id 1): the 64-bit values of fields stored as 0xFFFFFFFF. */
function zip64Sizes(
  b: Uint8Array,
  start: number,
  length: number,
  usz: number,
  csz: number,
): { usz: number; csz: number } {
  let p = start;
  const end = Math.min(start + length, b.length);
  while (p + 4 <= end) {
    const id = u16(b, p);
    const size = u16(b, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const read64 = (): number => {
        const v = u32(b, q) + u32(b, q + 4) * 0x1_0000_0000;
        q += 8;
        return v;
      };
      const out = { usz, csz };
      if (usz === MAX32 && q + 8 <= p + 4 + size) out.usz = read64();
      if (csz === MAX32 && q + 8 <= p + 4 + size) out.csz = read64();
      return out;
    }
    p += 4 + size;
  }
  return { usz, csz };
}

/**
 * The parts of a zip as SheetJS will read them, walked the way its CFB reader walks them (the same
 * end record search, the central directory for offsets, the local header for the method and the
 * sizes), so that what is measured is what SheetJS would inflate. Null when an offset points outside
 * the file (SheetJS could not read it either). Stops at the first encrypted part: SheetJS stops there.
 */
export function zipEntries(b: Uint8Array): ZipEntry[] | null {
  let eocd = b.length - 4;
  while (
    eocd >= 0 &&
    !(b[eocd] === 0x50 && b[eocd + 1] === 0x4b && b[eocd + 2] === 0x05 && b[eocd + 3] === 0x06)
  )
    eocd--;
  const count = u16(b, eocd + 8);
  let p = u32(b, eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p < 0 || p + 46 > b.length) return null;
    let csz = u32(b, p + 20);
    let usz = u32(b, p + 24);
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    const local = u32(b, p + 42);
    let name = '';
    for (let i = 0; i < nameLength; i++) name += String.fromCharCode(b[p + 46 + i] ?? 0);
    ({ usz, csz } = zip64Sizes(b, p + 46 + nameLength, extraLength, usz, csz));
    p += 46 + nameLength + extraLength + commentLength;

    if (local + 30 > b.length) return null;
    const flags = u16(b, local + 6);
    if (flags & 0x2041) break;
    const localNameLength = u16(b, local + 26);
    const localExtraLength = u16(b, local + 28);
    const localSizes = zip64Sizes(
      b,
      local + 30 + localNameLength,
      localExtraLength,
      u32(b, local + 22),
      u32(b, local + 18),
    );
    const dataOffset = local + 30 + localNameLength + localExtraLength;
    if (dataOffset > b.length) return null;
    entries.push({
      name,
      method: u16(b, local + 8),
      local,
      compressed: csz,
      stored: Math.min(localSizes.csz, b.length - dataOffset),
      declared: Math.max(usz, localSizes.usz),
      dataOffset,
    });
  }
  return entries;
}

/**
 * Whether SheetJS may inflate this zip: refuses declared or real sizes beyond IMPORT_LIMITS (a bomb),
 * parts that overlap (one stream listed many times) and absurd numbers of parts.
 */
export function checkZip(b: Uint8Array, limits = IMPORT_LIMITS): ZipVerdict {
  const entries = zipEntries(b);
  if (!entries) return { ok: false, reason: 'unreadable', detail: 'zip offsets outside the file' };
  const refuse = (detail: string): ZipVerdict => ({ ok: false, reason: 'too-large', detail });
  if (entries.length > limits.zipEntries) return refuse(`${entries.length} zip entries`);
  let declared = 0;
  let compressed = 0;
  const locals = new Set<number>();
  for (const e of entries) {
    declared += e.declared;
    compressed += e.compressed;
    // Parts share no bytes in a real zip: one local header listed again and again, or more compressed
    // bytes than the file holds, is the overlapping-entries bomb.
    if (locals.has(e.local)) return refuse(`${e.name} shares its data with another part`);
    locals.add(e.local);
  }
  if (declared > limits.bytes) return refuse(`declares ${declared} bytes uncompressed`);
  if (compressed > b.length) return refuse(`parts overlap (${compressed} > ${b.length})`);
  let inflated = 0;
  for (const e of entries) {
    let size: number;
    if (e.method === 8) {
      const budget = limits.bytes - inflated;
      const measured = inflatedSize(b, e.dataOffset, budget);
      // A stream that cannot be decoded is SheetJS's to refuse (unreadable); count what it declares.
      size = measured ?? e.declared;
      if (size > budget) return refuse(`${e.name} inflates beyond ${limits.bytes} bytes`);
    } else {
      size = e.stored;
    }
    if (size > limits.ratioFloor && size > limits.ratio * Math.max(1, e.compressed)) {
      return refuse(`${e.name} inflates ${size} bytes from ${e.compressed}`);
    }
    inflated += size;
    if (inflated > limits.bytes) return refuse(`inflates beyond ${limits.bytes} bytes`);
  }
  return { ok: true, entries, inflated };
}

// --- A deflate decoder that counts (RFC 1951), in the manner of zlib's puff.c. ---

const LEN_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;

/**
 * A lookup table of a canonical Huffman code: indexed by the next n input bits (LSB first), where n
 * is the longest code length and the table has 2^n entries, each symbol << 4 | code length (0: no such
 * code). Null for an over-subscribed code.
 */
function huffmanTable(lengths: ArrayLike<number>): Int32Array | null {
  const count = new Int32Array(MAX_BITS + 1);
  let longest = 0;
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] ?? 0;
    count[len] = (count[len] ?? 0) + 1;
    if (len > longest) longest = len;
  }
  count[0] = 0;
  const next = new Int32Array(MAX_BITS + 1);
  let code = 0;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = left * 2 - (count[len] ?? 0);
    if (left < 0) return null;
    code = (code + (count[len - 1] ?? 0)) << 1;
    next[len] = code;
  }
  const size = 1 << longest;
  const table = new Int32Array(size);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] ?? 0;
    if (len === 0) continue;
    const c = next[len] ?? 0;
    next[len] = c + 1;
    let rev = 0;
    for (let i = 0; i < len; i++) rev |= ((c >> i) & 1) << (len - 1 - i);
    const entry = (s << 4) | len;
    for (let k = rev; k < size; k += 1 << len) table[k] = entry;
  }
  return table;
}

let fixed: { lit: Int32Array; dist: Int32Array } | null = null;
function fixedTables(): { lit: Int32Array; dist: Int32Array } {
  if (!fixed) {
    const lengths = new Array<number>(288);
    for (let s = 0; s < 288; s++) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
    fixed = {
      lit: huffmanTable(lengths) as Int32Array,
      dist: huffmanTable(new Array<number>(30).fill(5)) as Int32Array,
    };
  }
  return fixed;
}

class Malformed extends Error {}

/**
 * The number of bytes the deflate stream at `start` inflates to, counted without inflating; stops as
 * soon as it passes `limit` (and returns what it counted so far, more than the limit). Null when the
 * stream is malformed or cut off.
 */
export function inflatedSize(b: Uint8Array, start: number, limit: number): number | null {
  let pos = start;
  let buf = 0;
  let cnt = 0;
  /** Zero bits fed in past the end of the input: a stream that consumes them is cut off. */
  let past = 0;
  const fill = (n: number): void => {
    while (cnt < n) {
      if (pos < b.length) buf |= (b[pos++] as number) << cnt;
      else past += 8;
      cnt += 8;
    }
  };
  const bits = (n: number): number => {
    if (n === 0) return 0;
    fill(n);
    const v = buf & ((1 << n) - 1);
    buf >>>= n;
    cnt -= n;
    if (past > cnt) throw new Malformed();
    return v;
  };
  const decode = (table: Int32Array): number => {
    // The table has 2^n entries for codes of at most n bits: its length - 1 masks the next n bits.
    const mask = table.length - 1;
    fill(31 - Math.clz32(table.length));
    const entry = table[buf & mask] ?? 0;
    const len = entry & 15;
    if (len === 0) throw new Malformed();
    buf >>>= len;
    cnt -= len;
    if (past > cnt) throw new Malformed();
    return entry >> 4;
  };

  let out = 0;
  try {
    let last = 0;
    while (!last) {
      last = bits(1);
      const type = bits(2);
      if (type === 0) {
        // Stored: skip to a byte boundary (whole bytes already taken into the buffer go back), then
        // LEN and NLEN, then LEN bytes as they are.
        pos -= Math.max(0, (cnt >> 3) - (past >> 3));
        buf = 0;
        cnt = 0;
        if (past > 0 || pos + 4 > b.length) return null;
        const len = u16(b, pos);
        if ((len ^ u16(b, pos + 2)) !== 0xffff) return null;
        pos += 4 + len;
        if (pos > b.length) return null;
        out += len;
      } else if (type === 1 || type === 2) {
        let lit: Int32Array | null;
        let dist: Int32Array | null;
        if (type === 1) ({ lit, dist } = fixedTables());
        else {
          const nlen = bits(5) + 257;
          const ndist = bits(5) + 1;
          const ncode = bits(4) + 4;
          if (nlen > 286 || ndist > 30) return null;
          const clen = new Array<number>(19).fill(0);
          for (let i = 0; i < ncode; i++) clen[CLEN_ORDER[i] as number] = bits(3);
          const ctable = huffmanTable(clen);
          if (!ctable) return null;
          const lengths = new Array<number>(nlen + ndist).fill(0);
          for (let i = 0; i < nlen + ndist;) {
            const sym = decode(ctable);
            if (sym < 16) lengths[i++] = sym;
            else {
              let repeat: number;
              let value = 0;
              if (sym === 16) {
                if (i === 0) return null;
                value = lengths[i - 1] ?? 0;
                repeat = 3 + bits(2);
              } else if (sym === 17) repeat = 3 + bits(3);
              else repeat = 11 + bits(7);
              if (i + repeat > nlen + ndist) return null;
              while (repeat-- > 0) lengths[i++] = value;
            }
          }
          if ((lengths[256] ?? 0) === 0) return null;
          lit = huffmanTable(lengths.slice(0, nlen));
          dist = huffmanTable(lengths.slice(nlen));
          if (!lit || !dist) return null;
        }
        // The hot loop, with the literal/length decoding written out (most symbols are literals).
        const litMask = lit.length - 1;
        const litBits = 31 - Math.clz32(lit.length);
        const distMask = dist.length - 1;
        const distBits = 31 - Math.clz32(dist.length);
        for (;;) {
          while (cnt < litBits) {
            if (pos < b.length) buf |= (b[pos++] as number) << cnt;
            else past += 8;
            cnt += 8;
          }
          const entry = lit[buf & litMask] as number;
          const len = entry & 15;
          if (len === 0) return null;
          buf >>>= len;
          cnt -= len;
          if (past > cnt) return null;
          const sym = entry >> 4;
          if (sym < 256) out++;
          else if (sym === 256) break;
          else {
            const l = sym - 257;
            if (l >= 29) return null;
            // The length's extra bits, the distance code and its extra bits, written out as
            // bits() and decode() do them: a copy is every other symbol of a sheet's XML.
            const lenExtra = LEN_EXTRA[l] as number;
            let extra = 0;
            if (lenExtra > 0) {
              while (cnt < lenExtra) {
                if (pos < b.length) buf |= (b[pos++] as number) << cnt;
                else past += 8;
                cnt += 8;
              }
              extra = buf & ((1 << lenExtra) - 1);
              buf >>>= lenExtra;
              cnt -= lenExtra;
              if (past > cnt) return null;
            }
            out += (LEN_BASE[l] as number) + extra;
            while (cnt < distBits) {
              if (pos < b.length) buf |= (b[pos++] as number) << cnt;
              else past += 8;
              cnt += 8;
            }
            const dEntry = dist[buf & distMask] as number;
            const dLen = dEntry & 15;
            if (dLen === 0) return null;
            buf >>>= dLen;
            cnt -= dLen;
            if (past > cnt) return null;
            const d = dEntry >> 4;
            if (d >= 30) return null;
            const distExtra = DIST_EXTRA[d] as number;
            if (distExtra > 0) {
              while (cnt < distExtra) {
                if (pos < b.length) buf |= (b[pos++] as number) << cnt;
                else past += 8;
                cnt += 8;
              }
              buf >>>= distExtra;
              cnt -= distExtra;
              if (past > cnt) return null;
            }
            if (out > limit) return out;
          }
        }
      } else return null;
      if (out > limit) return out;
    }
  } catch (e) {
    if (e instanceof Malformed) return null;
    throw e;
  }
  return out;
}
