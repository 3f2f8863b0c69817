/**
 * A codepage table for SheetJS (`XLSX.set_cptable`) built on the browser's own `TextDecoder`, instead of
 * the 470 KB `cpexcel` tables. SheetJS needs one to read strings of BIFF2–BIFF5 .xls files (Excel 5/95,
 * and what old Chinese software still writes) in the file's codepage, such as 936 (GBK) for Chinese.
 *
 * Only decoding matters to us: we never write legacy formats. `encode` covers the few codepages SheetJS
 * encodes on a read path (28591 to round-trip a binary string, 1200, 65001) and throws for the rest.
 *
 * SheetJS passes `data` as a number[], a Uint8Array or Buffer (slices of the file), or a "binary
 * string" whose char codes are bytes; it reads single characters with `decode(cp, [lo, hi])[0]`.
 */

type Bytes = Uint8Array | readonly number[] | string;

/** Windows codepage → WHATWG encoding label. Codepages missing here decode as Latin-1. */
const LABELS: Readonly<Record<number, string>> = {
  874: 'windows-874',
  866: 'ibm866',
  932: 'shift_jis',
  // GB18030 is the superset of GBK (cp936) that Chinese Windows and WPS really write.
  936: 'gb18030',
  949: 'euc-kr',
  950: 'big5',
  1200: 'utf-16le',
  1201: 'utf-16be',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  10000: 'macintosh',
  65001: 'utf-8',
};

/**
 * windows-1252 is Latin-1 but for 0x80–0x9F (WHATWG index). Decoded by hand: Node ≥ 20.18.3 routes the
 * 'windows-1252' label through its Latin-1 fast path (nodejs/node#60888), so € would come out as U+0080
 * in Node tests while browsers get it right.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

const decoders = new Map<string, TextDecoder | null>();

/** One decoder per label, kept: SheetJS may decode one character at a time. Null if unsupported. */
function decoderFor(cp: number): TextDecoder | null {
  const label = LABELS[cp];
  if (label === undefined) return null;
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = null; // a runtime without this encoding: Latin-1 rather than a crash
    }
    decoders.set(label, d);
  }
  return d;
}

function toBytes(data: Bytes): Uint8Array {
  if (typeof data === 'string') {
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = data.charCodeAt(i) & 0xff;
    return out;
  }
  // Buffer is a Uint8Array; a plain array (or SheetJS's array-backed blob) is copied.
  return data instanceof Uint8Array ? data : Uint8Array.from(data, (b) => b & 0xff);
}

/** True Latin-1 (ISO-8859-1): byte n is U+00n. WHATWG's 'latin1' label is windows-1252, so not that. */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}

function windows1252(bytes: Uint8Array): string {
  return latin1(bytes).replace(/[\u0080-\u009f]/g, (c) =>
    String.fromCharCode(CP1252_80_9F[c.charCodeAt(0) - 0x80] ?? 0),
  );
}

function decode(cp: number | string, data: Bytes, _mode?: string): string {
  const n = Number(cp);
  let bytes = toBytes(data);
  // UTF-16 has no half characters: SheetJS slices a string's NUL terminator in half (`len - 1`), and
  // cpexcel drops that odd byte where TextDecoder would add a U+FFFD.
  if ((n === 1200 || n === 1201) && bytes.length % 2 === 1) bytes = bytes.subarray(0, bytes.length - 1);
  if (n === 1252) return windows1252(bytes);
  const d = decoderFor(n);
  return d ? d.decode(bytes) : latin1(bytes);
}

type EncodeMode = 'str' | 'arr' | 'buf';

function encode(
  cp: number | string,
  str: string | readonly string[],
  mode?: EncodeMode | string,
): number[] | Uint8Array | string {
  const text = typeof str === 'string' ? str : str.join('');
  const n = Number(cp);
  let bytes: Uint8Array;
  if (n === 65001) bytes = new TextEncoder().encode(text);
  else if (n === 1200) {
    bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      bytes[2 * i] = c & 0xff;
      bytes[2 * i + 1] = c >> 8;
    }
  } else if (n === 28591) {
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  } else {
    throw new Error(`encode not supported for codepage ${String(cp)}`);
  }
  if (mode === 'str') return latin1(bytes);
  if (mode === 'buf') return bytes;
  return Array.from(bytes);
}

function hascp(cp: number): boolean {
  return cp === 28591 || cp === 1252 || LABELS[cp] !== undefined;
}

/** Pass to `XLSX.set_cptable`. */
export const cptable = { version: 'textdecoder', utils: { decode, encode, hascp } };
