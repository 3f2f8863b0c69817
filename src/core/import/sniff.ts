/**
 * What a file really is, from its first bytes rather than its name: clerks receive .xls files that
 * are tab-separated GBK text or HTML tables, and .csv files saved from WPS in GB18030.
 */

export type FileKind = 'zip' | 'ole' | 'biff' | 'markup' | 'text' | 'binary' | 'empty';

export function sniffKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x50 && b(1) === 0x4b && b(2) === 0x03 && b(3) === 0x04) return 'zip';
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) return 'ole';
  // BIFF2–BIFF4 worksheets start with a BOF record: 0x0009, 0x0209, 0x0409 (Excel 2.x–4.x).
  if (b(0) === 0x09 && (b(1) === 0x00 || b(1) === 0x02 || b(1) === 0x04)) return 'biff';
  if (NOT_SPREADSHEETS.some((magic) => magic.every((m, i) => b(i) === m))) return 'binary';
  const head = decodeText(bytes.subarray(0, 2048)).trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<')) return /<(?:html|table|\?xml|workbook|!doctype)/.test(head) ? 'markup' : 'text';
  return looksLikeText(bytes) ? 'text' : 'binary';
}

/**
 * Files that are surely not ledgers, by their magic numbers: a PDF's first kilobytes can be plain ASCII
 * and pass for text. PDF, PNG, JPEG, GIF, gzip, 7-Zip, RAR.
 */
const NOT_SPREADSHEETS: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // \x89PNG
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x1f, 0x8b],
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // Rar!
];

/** Text has no NUL bytes and few control characters in its first 4 KB (UTF-16 is handled by its BOM). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bomLength(bytes) > 0) return true;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i] ?? 0;
    if (c === 0) return false;
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) control++;
  }
  return control <= n / 100;
}

function bomLength(bytes: Uint8Array): number {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 2;
  return 0;
}

/**
 * Bytes of a text ledger → string. A BOM decides; else strict UTF-8 (which fails on any GBK Chinese
 * text, since GBK's byte pairs are not valid UTF-8 sequences), else GB18030, the superset of GBK that
 * WPS and Excel write on Chinese Windows.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Files the clerk should never have been offered: Office's lock files (`~$台账.xlsx`). */
export function isLockFileName(name: string): boolean {
  return /(^|[\\/])~\$/.test(name);
}
