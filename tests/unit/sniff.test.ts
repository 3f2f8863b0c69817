import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, isLockFileName, sniffKind, type FileKind } from '../../src/core/import/sniff';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
const withBom = (b: Uint8Array, bom: number[]) => new Uint8Array([...bom, ...b]);

const GBK_CSV = '日期,类别,委员,地点,事项,期数,人次\r\n2023年3月5日,培训,王喆,镇文化站,就业扶贫培训,2,45\r\n';

describe('sniffKind', () => {
  it.each<[string, Uint8Array, FileKind]>([
    ['empty', new Uint8Array(0), 'empty'],
    ['a zip (xlsx, ods)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00), 'zip'],
    ['an OLE2 container (xls, et)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'ole'],
    ['a BIFF4 worksheet', bytes(0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00), 'biff'],
    ['binary with NULs', bytes(0x01, 0x00, 0x7f, 0x00, 0x00, 0x03, 0xff, 0x00, 0x10, 0x00), 'binary'],
    [
      'an HTML table saved as .xls',
      utf8('  <html><body><table><tr><td>日期</td></tr></table></body></html>'),
      'markup',
    ],
    ['an XML spreadsheet', utf8('<?xml version="1.0"?><Workbook></Workbook>'), 'markup'],
    ['text that starts with <', utf8('<备注>,日期\n1,2\n'), 'text'],
    ['UTF-8 CSV', utf8('日期,委员\n2023-03-05,江峰\n'), 'text'],
    ['UTF-8 CSV with BOM', withBom(utf8('日期,委员\n'), [0xef, 0xbb, 0xbf]), 'text'],
    ['GBK CSV', gbk(GBK_CSV), 'text'],
    [
      'UTF-16LE text',
      withBom(new Uint8Array(Buffer.from('日期\t委员\r\n', 'utf16le')), [0xff, 0xfe]),
      'text',
    ],
  ])('%s → %s', (_name, b, kind) => {
    expect(sniffKind(b)).toBe(kind);
  });
});

describe('decodeText', () => {
  it('decodes a GBK ledger (including 喆, which GB2312 lacks)', () => {
    const b = gbk(GBK_CSV);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b)).toThrow();
    expect(decodeText(b)).toBe(GBK_CSV);
  });

  it('decodes GB18030 text written by WPS', () => {
    const s = '走访台账,𠀀,€\n';
    expect(decodeText(new Uint8Array(iconv.encode(s, 'gb18030')))).toBe(s);
  });

  it.each<[string, Uint8Array, string]>([
    ['UTF-8 without BOM', utf8('日期,委员\n'), '日期,委员\n'],
    ['UTF-8 with BOM (stripped)', withBom(utf8('日期,委员\n'), [0xef, 0xbb, 0xbf]), '日期,委员\n'],
    [
      'UTF-16LE with BOM',
      withBom(new Uint8Array(Buffer.from('日期,委员', 'utf16le')), [0xff, 0xfe]),
      '日期,委员',
    ],
    [
      'UTF-16BE with BOM',
      withBom(new Uint8Array(Buffer.from('日期', 'utf16le').swap16()), [0xfe, 0xff]),
      '日期',
    ],
    ['plain ASCII', utf8('a,b\n1,2\n'), 'a,b\n1,2\n'],
  ])('%s', (_name, b, text) => {
    const decoded = decodeText(b);
    expect(decoded).toBe(text);
    expect(decoded.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('isLockFileName', () => {
  it.each<[string, boolean]>([
    ['~$台账.xlsx', true],
    ['C:\\Users\\clerk\\Desktop\\~$台账.xlsx', true],
    ['台账/~$走访.xls', true],
    ['台账.xlsx', false],
    ['台账~$.xlsx', false],
    ['~台账.xlsx', false],
  ])('%j → %s', (name, lock) => {
    expect(isLockFileName(name)).toBe(lock);
  });
});
