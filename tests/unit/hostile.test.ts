import 'fake-indexeddb/auto';
import * as XLSX from '@e965/xlsx';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from '../../src/adapters/sheetjs';
import { totalsByCategory } from '../../src/core/aggregate';
import { readBackup } from '../../src/core/backup';
import { IMPORT_LIMITS } from '../../src/core/import/reasons';
import { suggestRole } from '../../src/core/import/synonyms';
import type { FilePreview, ImportWarning, TablePreview } from '../../src/core/import/types';
import { categoryClause } from '../../src/core/narrative/template';
import type { NewRecord } from '../../src/core/schema';
import { LedgerDatabase } from '../../src/db/database';
import { addBatch, addBatches, allRecords, listBatches } from '../../src/db/repository';
import { t } from '../../src/i18n/zh-CN';
import { errorMessage } from '../../src/lib/errors';

/**
 * Hostile cell contents: names that reach Object.prototype, markup and script, texts of a hundred
 * thousand characters, error values; and a disk that fills up in the middle of an import.
 */

function xlsx(rows: unknown[][], edit?: (ws: XLSX.WorkSheet) => void): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  edit?.(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '活动台账');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

function preview(name: string, bytes: Uint8Array): FilePreview {
  const reading = readFile(name, bytes);
  if (!reading.ok) throw new Error(`${name} refused: ${reading.reason}`);
  return reading.value;
}

function onlyTable(p: FilePreview): TablePreview {
  expect(p.tables).toHaveLength(1);
  return p.tables[0] as TablePreview;
}

const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

describe('names that reach Object.prototype', () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  afterEach(() => {
    // Nothing was added to (or replaced on) Object.prototype.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).count).toBeUndefined();
    expect(({} as Record<string, unknown>).people).toBeUndefined();
  });

  it('as headers, as categories and as cell values: read, totalled, nothing polluted', () => {
    const rows = [
      [
        '日期',
        '类别',
        '__proto__',
        'constructor',
        'prototype',
        '人次',
        '人数(constructor)',
        '数量(__proto__)',
      ],
      ...PROTO_NAMES.map((name, i) => [
        `2023-03-0${i + 1}`,
        name,
        name,
        '{"polluted": true}',
        name,
        i + 1,
        2,
        3,
      ]),
      ['2023-04-01', '走访', '__proto__', 'constructor', 'prototype', 10, 1, 1],
    ];
    const table = onlyTable(preview('__proto__.xlsx', xlsx(rows)));
    expect(table.headers.slice(2, 5)).toEqual(['__proto__', 'constructor', 'prototype']);
    // 人数(constructor) is no unit the dictionary knows: never a role without a measure.
    for (const role of table.roles) {
      if (role.kind === 'measure') expect(typeof role.measure).toBe('string');
    }
    expect(table.records).toHaveLength(PROTO_NAMES.length + 1);
    for (const r of table.records) {
      expect(Object.getPrototypeOf(r.values)).toBe(Object.prototype);
      for (const key of Object.keys(r.values))
        expect(key).toMatch(/^(count|people|households|items|amount|custom:.+)$/);
      for (const name of PROTO_NAMES)
        expect(Object.prototype.hasOwnProperty.call(r.values, name)).toBe(false);
    }
    // The categories are the names as written, each counted once.
    const cats = new Set(table.records.map((r) => r.category));
    for (const name of PROTO_NAMES) expect(cats.has(name)).toBe(true);

    const totals = totalsByCategory(table.records);
    const byName = new Map(totals.map((x) => [x.category, x]));
    for (const [i, name] of PROTO_NAMES.entries()) {
      const row = byName.get(name);
      expect(row?.records).toBe(1);
      expect(row?.measures.people).toBe(i + 1);
      expect(Object.getPrototypeOf(row?.measures)).toBe(Object.prototype);
    }
    expect(byName.get('走访')?.measures.people).toBe(10);
  });

  it('a unit of (constructor) or (__proto__) in a header is not found in the unit table', () => {
    for (const header of ['人数(constructor)', '金额(__proto__)', '(toString)', '数量(hasOwnProperty)']) {
      const s = suggestRole(header);
      if (s.role.kind === 'measure') {
        expect(typeof s.role.measure).toBe('string');
        expect(typeof s.role.scale).toBe('number');
      }
    }
  });

  it('a category named constructor gets a clause of its own in the narrative, not a function', () => {
    for (const name of PROTO_NAMES) {
      const clause = categoryClause(name);
      expect(typeof clause).toBe('string');
      expect(clause).toContain(name);
    }
  });

  it('as keys of a backup file', () => {
    const text =
      '{"format":"taizhang-kanban-backup","version":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    readBackup(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('markup and script in cells', () => {
  const HOSTILE = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(document.cookie)</script>',
    '"><svg onload=alert(1)>',
    '{{constructor.constructor("alert(1)")()}}',
    'javascript:alert(1)',
  ];

  it('stay the exact text in records, sample and headers (.xlsx)', () => {
    const rows = [
      ['日期', '类别', '地点', '事项', '人次', '<b>备注</b>'],
      ...HOSTILE.map((text, i) => [`2023-05-0${i + 1}`, '走访', text, text, i + 1, text]),
    ];
    const table = onlyTable(preview('脚本.xlsx', xlsx(rows)));
    expect(table.headers[5]).toBe('<b>备注</b>');
    expect(table.records.map((r) => r.subject)).toEqual(HOSTILE);
    expect(table.records.map((r) => r.place)).toEqual(HOSTILE);
    expect(table.sample.flat()).toEqual(expect.arrayContaining(HOSTILE));
  });

  it('an HTML table saved as .xls: escaped markup in a cell is read as its text', () => {
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const html =
      '<html><head><meta charset="utf-8"></head><body><table>' +
      '<tr><td>日期</td><td>类别</td><td>事项</td><td>人次</td></tr>' +
      HOSTILE.map(
        (text, i) =>
          `<tr><td>2023-05-0${i + 1}</td><td>走访</td><td>${escape(text)}</td><td>${i + 1}</td></tr>`,
      ).join('') +
      '</table></body></html>';
    const table = onlyTable(preview('脚本.xls', new TextEncoder().encode(html)));
    expect(table.records.map((r) => r.subject)).toEqual(HOSTILE);
  });
});

describe('overlong strings', () => {
  const LONG = '很长的事项说明'.repeat(15_000).slice(0, 100_000);

  // Excel and SheetJS write at most 32,767 characters to a cell; a CSV (or a crafted file) has no limit.
  const csv = (rows: string[][]) =>
    new TextEncoder().encode(`\ufeff${rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`);

  it(`a 100,000-character cell is cut to ${IMPORT_LIMITS.textLength} characters, with a warning`, () => {
    const rows = [
      ['日期', '类别', '事项', '人次'],
      ['2023-03-05', '培训', LONG, '45'],
      ['2023-03-06', '培训', '短的事项', '5'],
    ];
    const table = onlyTable(preview('长文本.csv', csv(rows)));
    const [first, second] = table.records as [NewRecord, NewRecord];
    expect(first.subject).toHaveLength(IMPORT_LIMITS.textLength);
    expect(first.subject.endsWith('…')).toBe(true);
    expect(LONG.startsWith(first.subject.slice(0, -1))).toBe(true);
    expect(second.subject).toBe('短的事项');
    expect(table.warnings).toContainEqual<ImportWarning>({
      kind: 'long-text',
      row: 2,
      column: '事项',
      length: 100_000,
    });
    expect(Math.max(...table.sample.flat().map((s) => s.length))).toBeLessThanOrEqual(
      IMPORT_LIMITS.textLength,
    );
    const words = table.warnings.map((w) => t.warning(w)).join('\n');
    expect(words).toContain('第 2 行“事项”的文字过长（100,000字），只保留了前 2,000 字');
  });

  it('a cut never leaves half a surrogate pair', () => {
    const emoji = 'a' + '😀'.repeat(60_000);
    const table = onlyTable(
      preview(
        '长文本.csv',
        csv([
          ['日期', '事项', '人次'],
          ['2023-03-05', emoji, '1'],
        ]),
      ),
    );
    const subject = table.records[0]?.subject ?? '';
    expect(subject.length).toBeLessThanOrEqual(IMPORT_LIMITS.textLength);
    expect(subject).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('a 32,767-character cell of an .xlsx (the most Excel holds) is cut the same way', () => {
    const text = LONG.slice(0, 32_767);
    const table = onlyTable(
      preview(
        '长文本.xlsx',
        xlsx([
          ['日期', '事项', '人次'],
          ['2023-03-05', text, 1],
        ]),
      ),
    );
    expect(table.records[0]?.subject).toHaveLength(IMPORT_LIMITS.textLength);
    expect(table.warnings).toContainEqual({ kind: 'long-text', row: 2, column: '事项', length: 32_767 });
  });

  it('a long header or title is cut too (headers are shown and saved with the mapping)', () => {
    const title = `${'标题'.repeat(5_000)}2023年培训台账`;
    const table = onlyTable(
      preview('长标题.xlsx', xlsx([[title], ['日期', '事项', '人次'], ['2023-03-05', '培训', 3]])),
    );
    expect(table.records).toHaveLength(1);
    expect(table.warnings.some((w) => w.kind === 'long-text' && w.row === 1 && w.column === '')).toBe(true);
  });
});

describe('formula error cells', () => {
  it('#REF! and #DIV/0! in figures give warnings and no numbers; the rest is counted', () => {
    const bytes = xlsx(
      [
        ['日期', '类别', '事项', '人次', '户数'],
        ['2023-03-05', '走访', '走访群众', 0, 4],
        ['2023-03-06', '走访', '走访群众', 12, 0],
        ['2023-03-07', '走访', '', 5, 1],
      ],
      (ws) => {
        ws.D2 = { t: 'e', v: 0x17, w: '#REF!', f: 'Sheet2!#REF!' };
        ws.E3 = { t: 'e', v: 0x07, w: '#DIV/0!', f: '1/0' };
        ws.C4 = { t: 'e', v: 0x2a, w: '#N/A', f: 'VLOOKUP(1,A:A,2,0)' };
      },
    );
    const table = onlyTable(preview('错误值.xlsx', bytes));
    const errors = table.warnings.filter((w) => w.kind === 'error-cell');
    expect(errors).toEqual([
      { kind: 'error-cell', row: 2, column: '人次', text: '#REF!' },
      { kind: 'error-cell', row: 3, column: '户数', text: '#DIV/0!' },
      { kind: 'error-cell', row: 4, column: '事项', text: '#N/A' },
    ]);
    const [a, b, c] = table.records as [NewRecord, NewRecord, NewRecord];
    expect(a.values).toEqual({ households: 4 });
    expect(b.values).toEqual({ people: 12 });
    expect(c.subject).toBe('');
    for (const r of table.records)
      for (const v of Object.values(r.values)) expect(Number.isFinite(v)).toBe(true);
    const totals = totalsByCategory(table.records);
    expect(totals[0]?.measures).toMatchObject({ people: 17, households: 5 });
    expect(t.warning(errors[0] as ImportWarning)).toBe('第 2 行“人次”是错误值 #REF!，已留空');
  });
});

describe('a full disk', () => {
  const opened: LedgerDatabase[] = [];
  const realAdd = IDBObjectStore.prototype.add;
  const realPut = IDBObjectStore.prototype.put;

  afterEach(async () => {
    IDBObjectStore.prototype.add = realAdd;
    IDBObjectStore.prototype.put = realPut;
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });

  function rec(row: number): NewRecord {
    return {
      date: '2023-03-05',
      category: '走访',
      members: ['江峰'],
      place: '青山村',
      subject: `走访群众${row}`,
      status: '',
      satisfaction: '',
      values: { people: row },
      note: '',
      unit: '',
      source: { file: '台账.xlsx', sheet: '走访', row },
    };
  }

  const batch = (hash: string) => ({
    fileName: `${hash}.xlsx`,
    contentHash: hash,
    sheets: ['走访'],
    mappingSignature: '',
    importedAt: '2024-01-01T00:00:00.000Z',
    imported: 0,
    skipped: 0,
    demo: false,
  });

  it('QuotaExceededError midway through the records: nothing of that import is stored, and the clerk reads why', async () => {
    const db = new LedgerDatabase(`test-quota-${Date.now()}`);
    opened.push(db);
    await addBatch(db, batch('first'), [rec(1), rec(2), rec(3)]);
    const before = await allRecords(db);

    // The disk fills up after the first block (500 records) of the next import has been written.
    let written = 0;
    const full = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'blocks' && ++written > 1) {
        throw new DOMException(
          'The current transaction exceeded its quota limitations.',
          'QuotaExceededError',
        );
      }
      return realAdd.apply(this, args);
    };
    IDBObjectStore.prototype.add = full;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'blocks' && ++written > 1) {
        throw new DOMException(
          'The current transaction exceeded its quota limitations.',
          'QuotaExceededError',
        );
      }
      return realPut.apply(this, args);
    };

    const many = Array.from({ length: 2000 }, (_, i) => rec(i + 1));
    const failure = await addBatches(db, [{ batch: batch('second'), records: many }]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).not.toBeNull();
    expect(errorMessage(failure)).toBe(t.errors.quota);
    expect(t.errors.quota).toContain('磁盘空间不足');

    IDBObjectStore.prototype.add = realAdd;
    IDBObjectStore.prototype.put = realPut;
    // Rolled back: the first import exactly as it was, no batch and no record of the second.
    expect(await allRecords(db)).toEqual(before);
    expect((await listBatches(db)).map((b) => b.contentHash)).toEqual(['first']);
    expect(totalsByCategory(await allRecords(db))[0]?.measures.people).toBe(6);
  });
});
