import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/adapters/sheetjs';
import type { FileRefusal } from '../../src/core/import/reasons';

/**
 * Files the importer must refuse with the right reason, built here: SheetJS cannot encrypt, so the
 * password-protected files are OLE containers with the streams Excel writes, and the broken ones are
 * real workbooks cut short.
 */

const CFB = XLSX.CFB as {
  utils: {
    cfb_new(opts?: { fileType?: string }): unknown;
    cfb_add(c: unknown, name: string, content: Buffer): void;
  };
  read(data: Uint8Array, opts: { type: 'array' }): { FullPaths: string[] };
  find(c: unknown, path: string): { content: ArrayLike<number> } | null;
  write(c: unknown, opts: { type: 'buffer'; fileType?: string }): Buffer;
};

const LEDGER = [
  ['日期', '类别', '委员', '地点', '事项', '人次'],
  ['2023-03-05', '培训', '王喆', '镇文化站', '就业扶贫培训', 45],
  ['2023-04-12', '视察', '张犇', '县医院', '医疗服务视察', 12],
];

function workbook(bookType: XLSX.BookType): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(LEDGER), '活动台账');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
}

function ole(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, bytes] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, Buffer.from(bytes));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }));
}

function zip(entries: Record<string, string>): Uint8Array {
  const z = CFB.utils.cfb_new({ fileType: 'zip' });
  for (const [name, text] of Object.entries(entries)) CFB.utils.cfb_add(z, name, Buffer.from(text, 'utf8'));
  return new Uint8Array(CFB.write(z, { type: 'buffer', fileType: 'zip' }));
}

/** EncryptionInfo as Excel 2010+ writes it for agile encryption: version 4.4, flags 0x40, then XML. */
function agileEncryptionInfo(): Uint8Array {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    '</encryption>';
  return new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...Buffer.from(xml, 'utf8')]);
}

/** A BIFF8 .xls whose Workbook stream has a FILEPASS record right after its BOF, as Excel writes it. */
function xlsWithFilePass(filePass: number[]): Uint8Array {
  const container = CFB.read(workbook('xls'), { type: 'array' });
  const stream = Uint8Array.from(CFB.find(container, '/Workbook')?.content ?? []);
  const bofEnd = 4 + ((stream[2] ?? 0) | ((stream[3] ?? 0) << 8));
  const record = [0x2f, 0x00, filePass.length & 0xff, filePass.length >> 8, ...filePass];
  return ole({
    Workbook: new Uint8Array([...stream.subarray(0, bofEnd), ...record, ...stream.subarray(bofEnd)]),
  });
}

function reasonOf(name: string, bytes: Uint8Array): FileRefusal | 'ok' {
  const reading = readFile(name, bytes);
  return reading.ok ? 'ok' : reading.reason;
}

describe('the inputs themselves', () => {
  it('a ledger written by SheetJS is imported, as .xlsx and as .xls', () => {
    expect(reasonOf('台账.xlsx', workbook('xlsx'))).toBe('ok');
    expect(reasonOf('台账.xls', workbook('xls'))).toBe('ok');
  });
});

describe('encrypted', () => {
  it('a password-protected .xlsx (agile: OLE with EncryptionInfo and EncryptedPackage)', () => {
    const file = ole({
      EncryptionInfo: agileEncryptionInfo(),
      EncryptedPackage: new Uint8Array(4096).fill(0x5a),
    });
    expect(reasonOf('台账.xlsx', file)).toBe('encrypted');
  });

  it('a password-protected .xlsx with standard encryption (version 3.2)', () => {
    const info = new Uint8Array(64);
    info.set([3, 0, 2, 0, 0x24, 0, 0, 0]);
    const file = ole({ EncryptionInfo: info, EncryptedPackage: new Uint8Array(4096).fill(0x5a) });
    expect(reasonOf('台账.xlsx', file)).toBe('encrypted');
  });

  it('an OLE container with only an EncryptedPackage stream', () => {
    expect(reasonOf('台账.xlsx', ole({ EncryptedPackage: new Uint8Array(4096).fill(1) }))).toBe('encrypted');
  });

  it('an encrypted .xls: FILEPASS with RC4 CryptoAPI', () => {
    // wEncryptionType 1, then RC4 CryptoAPI header version 2.2 (what Excel 2003–2016 write)
    const filePass = [1, 0, 2, 0, 2, 0, ...new Array<number>(48).fill(0)];
    expect(reasonOf('台账.xls', xlsWithFilePass(filePass))).toBe('encrypted');
  });

  it('an encrypted .xls: FILEPASS with XOR obfuscation', () => {
    expect(reasonOf('台账.xls', xlsWithFilePass([0, 0, 0x34, 0x12, 0x78, 0x56]))).toBe('encrypted');
  });
});

describe('unreadable', () => {
  const xlsx = workbook('xlsx');
  it.each([0.95, 0.75, 0.5, 0.25, 0.05])('an .xlsx cut to %f of its length', (fraction) => {
    expect(reasonOf('台账.xlsx', xlsx.subarray(0, Math.floor(xlsx.length * fraction)))).toBe('unreadable');
  });

  it('an .xlsx cut after its first 4 bytes', () => {
    expect(reasonOf('台账.xlsx', xlsx.subarray(0, 4))).toBe('unreadable');
  });

  const xls = workbook('xls');
  it.each([0.75, 0.5, 0.25])('an .xls cut to %f of its length', (fraction) => {
    expect(reasonOf('台账.xls', xls.subarray(0, Math.floor(xls.length * fraction)))).toBe('unreadable');
  });

  it('an .xlsx whose workbook part is missing', () => {
    const file = zip({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
      'xl/styles.xml': '<?xml version="1.0"?><styleSheet/>',
    });
    expect(reasonOf('台账.xlsx', file)).toBe('unreadable');
  });

  it('an .xlsx whose workbook lists no sheets (SheetJS would return an empty workbook)', () => {
    const file = zip({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      'xl/workbook.xml':
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets></sheets></workbook>',
    });
    expect(XLSX.read(file, { type: 'array' }).SheetNames).toEqual([]);
    expect(reasonOf('台账.xlsx', file)).toBe('unreadable');
  });
});

describe('not-spreadsheet', () => {
  const contentTypes = (part: string, type: string) =>
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Override PartName="${part}" ContentType="${type}"/></Types>`;

  it('a .docx', () => {
    const file = zip({
      '[Content_Types].xml': contentTypes(
        '/word/document.xml',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      ),
      'word/document.xml':
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>台账</w:t></w:r></w:p></w:body></w:document>',
    });
    expect(reasonOf('台账.docx', file)).toBe('not-spreadsheet');
  });

  it('a .pptx', () => {
    const file = zip({
      '[Content_Types].xml': contentTypes(
        '/ppt/presentation.xml',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      ),
      'ppt/presentation.xml':
        '<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    });
    expect(reasonOf('汇报.pptx', file)).toBe('not-spreadsheet');
  });

  it('an OpenDocument text (.odt)', () => {
    const file = zip({
      mimetype: 'application/vnd.oasis.opendocument.text',
      'META-INF/manifest.xml':
        '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
      'content.xml':
        '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:text/></office:body></office:document-content>',
    });
    expect(reasonOf('总结.odt', file)).toBe('not-spreadsheet');
  });

  it('a Word 97 .doc (OLE without a Workbook stream)', () => {
    expect(reasonOf('总结.doc', ole({ WordDocument: new Uint8Array(512).fill(0x20) }))).toBe(
      'not-spreadsheet',
    );
  });

  it('a PDF, even one whose first bytes are plain text', () => {
    const pdf =
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
      'trailer << /Root 1 0 R >>\n%%EOF\n';
    expect(reasonOf('台账.pdf', new TextEncoder().encode(pdf))).toBe('not-spreadsheet');
  });

  it('a PNG', () => {
    const png = [
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
    ];
    expect(reasonOf('截图.png', new Uint8Array(png))).toBe('not-spreadsheet');
  });

  it('a JPEG named .xls', () => {
    expect(
      reasonOf('台账.xls', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])),
    ).toBe('not-spreadsheet');
  });
});
