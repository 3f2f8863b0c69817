/**
 * Whatever a clerk's file holds, the parsers answer with data, never an exception: a throw inside
 * the import or the restore would leave the clerk with a blank screen instead of a Chinese reason.
 * Random input here is shaped like real input (ledger words, dates, numbers, merged titles) so that
 * it reaches deep into the code, not only the first "not a table" test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MEASURES, FIELD_ROLES, type ColumnRole } from '../../src/core/schema';
import { makeBackup, readBackup, serializeBackup, type BackupData } from '../../src/core/backup';
import { parseDateText } from '../../src/core/dates';
import { readSheet } from '../../src/core/import/table';
import type { RawCell, RawSheet, TableOptions } from '../../src/core/import/types';
import { splitMembers } from '../../src/core/import/values';
import { previewWorkbook } from '../../src/core/import/workbook';
import { parseQuantity } from '../../src/core/numbers';

const RUNS = { numRuns: 300 };

/** Words clerks' ledgers are made of: titles, headers, values, totals, footers. */
const WORDS = [
  '2023年',
  '青山镇政协委员履职台账',
  '走访台账',
  '填报单位：',
  '单位：万元',
  '单位：人次',
  '序号',
  '日期',
  '时间',
  '类别',
  '委员',
  '姓名',
  '参加委员',
  '地点',
  '村（社区）',
  '事项',
  '内容',
  '人数',
  '人次',
  '户数',
  '期数',
  '份数',
  '件数',
  '金额',
  '金额（万元）',
  '金额（元）',
  '办理状态',
  '满意度',
  '备注',
  '合计',
  '小计',
  '总计',
  '填表人：',
  '审核人：',
  '示例',
  '栏次',
  '一',
  '二',
  '1月',
  '2月',
  '一季度',
  '全年合计',
  '走访',
  '培训',
  '提案',
  '资金',
  '已办结',
  '满意',
  '基本满意',
  '江峰',
  '王霞美',
  '青山村',
  '约50',
  '300余',
  '12.5万元',
  '#N/A',
  '/',
  '—',
  '无',
  '2023-03-05',
  '2023/3/5',
  '2023年3月5日',
  '3月5日',
  '20230305',
  '去年3月',
  '１２',
  '1,250,000.00',
  ' ',
  '',
  '等3人',
  '、',
  '\u3000',
];

const text = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((ws) => ws.join('')),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const cell: fc.Arbitrary<RawCell> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 3, arbitrary: fc.integer({ min: -10, max: 100_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc
      .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
      .map((d) => ({ date: d.toISOString().slice(0, 10) })),
  },
  { weight: 1, arbitrary: fc.constantFrom({ error: '#REF!' }, { error: '#DIV/0!' }, { error: '#N/A' }) },
);

const HEADERS = [
  '日期',
  '类别',
  '委员',
  '地点',
  '事项',
  '人数',
  '户数',
  '金额（万元）',
  '办理状态',
  '备注',
  '1月',
  '合计',
];

/** A title, a header row of known words, then rows of cells: what most ledgers look like. */
const ledgerRows: fc.Arbitrary<RawCell[][]> = fc
  .tuple(
    fc.constantFrom<RawCell[]>(['2023年走访台账'], ['青山镇政协委员履职台账'], []),
    fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 2, maxLength: 8 }),
    fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 20 }),
  )
  .map(([title, headers, body]) => [title, headers, ...body]);

const sheet: fc.Arbitrary<RawSheet> = fc
  .record({
    name: fc.oneof(fc.constantFrom('Sheet1', '走访', '2023年1月', '汇总', '填表说明', '隐藏'), fc.string()),
    hidden: fc.boolean(),
    rows: fc.oneof(fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 24 }), ledgerRows),
  })
  .chain(({ name, hidden, rows }) => {
    const height = Math.max(1, rows.length);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const index = (n: number) => fc.integer({ min: 0, max: n + 1 });
    const range = fc
      .record({ r1: index(height), r2: index(height), c1: index(width), c2: index(width) })
      .map(({ r1, r2, c1, c2 }) => ({
        s: { r: Math.min(r1, r2), c: Math.min(c1, c2) },
        e: { r: Math.max(r1, r2), c: Math.max(c1, c2) },
      }));
    return fc.record({
      name: fc.constant(name),
      hidden: fc.constant(hidden),
      rows: fc.constant(rows),
      hiddenRows: fc.uniqueArray(index(height), { maxLength: 3 }),
      merges: fc.array(range, { maxLength: 4 }),
    });
  });

const role: fc.Arbitrary<ColumnRole> = fc.oneof(
  fc.constantFrom(...FIELD_ROLES).map((kind) => ({ kind }) as ColumnRole),
  fc.record({
    kind: fc.constant('measure' as const),
    measure: fc.constantFrom(...BUILTIN_MEASURES),
    scale: fc.constantFrom(1, 10_000),
  }),
  fc.integer({ min: 1, max: 12 }).map((month) => ({ kind: 'month' as const, month })),
  fc.constantFrom<ColumnRole>(
    { kind: 'item' },
    { kind: 'itemUnit' },
    { kind: 'rowTotal' },
    { kind: 'ignore' },
  ),
);

const options: fc.Arbitrary<TableOptions> = fc.record(
  {
    headerStart: fc.integer({ min: -1, max: 30 }),
    headerEnd: fc.integer({ min: -1, max: 30 }),
    roles: fc.array(role, { maxLength: 12 }),
    category: fc.constantFrom('走访', '培训', '', '自定义'),
    includeHidden: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('the parsers never throw (fuzz)', () => {
  it('readSheet on random grids, with and without the clerk’s adjustments', () => {
    fc.assert(
      fc.property(sheet, options, fc.string({ maxLength: 20 }), (s, opts, fileName) => {
        const plain = readSheet(s, fileName);
        expect(typeof plain.ok).toBe('boolean');
        const adjusted = readSheet(s, fileName, opts, 0);
        expect(typeof adjusted.ok).toBe('boolean');
        if (adjusted.ok) {
          for (const r of adjusted.table.records) {
            expect(r.date).toMatch(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/);
            for (const v of Object.values(r.values)) expect(Number.isFinite(v)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('previewWorkbook on random workbooks', () => {
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 4 }), (sheets) => {
        const preview = previewWorkbook({ fileName: '台账.xlsx', sheets }, 'hash');
        expect(Array.isArray(preview.tables)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('parseDateText on any text, with and without a year from the title', () => {
    fc.assert(
      fc.property(
        fc.oneof(text, fc.string(), fc.stringMatching(/^\d{1,8}[-/.年]?\d{0,3}[-/.月]?\d{0,3}日?$/)),
        fc.option(fc.integer({ min: -5000, max: 5000 }), { nil: undefined }),
        (raw, year) => {
          const d = parseDateText(raw, year);
          if (d !== null) expect(typeof d).toBe('string');
        },
      ),
      RUNS,
    );
  });

  it('parseQuantity on any cell value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.string(),
          fc.double(),
          fc.constant(null),
          fc.constant(undefined),
          fc.stringMatching(/^[约近逾]?-?[\d,，.]{0,12}(万|亿)?(元|人|户|件)?(多|余|左右)?$/),
        ),
        (raw) => {
          const q = parseQuantity(raw);
          if (q.ok && q.value !== null) expect(Number.isNaN(q.value)).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('splitMembers on any text gives names without separators', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (raw) => {
        const names = splitMembers(raw);
        expect(Array.isArray(names)).toBe(true);
        for (const n of names) {
          expect(n).not.toBe('');
          expect(n).not.toMatch(/[、,，;；]/);
        }
      }),
      RUNS,
    );
  });

  it('readBackup on anything: random text, random JSON, and a real backup cut, edited or shuffled', () => {
    const data: BackupData = {
      records: [
        {
          batchId: 1,
          rowNo: 1,
          date: '2023-03-05',
          category: '走访',
          members: ['江峰'],
          place: '青山村',
          subject: '走访',
          status: '',
          satisfaction: '',
          values: { people: 6 },
          note: '',
          unit: '',
          source: { file: 'a.xlsx', sheet: 'Sheet1', row: 2 },
        },
      ],
      batches: [
        {
          id: 1,
          fileName: 'a.xlsx',
          contentHash: 'h',
          sheets: ['Sheet1'],
          mappingSignature: '',
          importedAt: '2024-01-05T00:00:00.000Z',
          imported: 1,
          skipped: 0,
          demo: false,
        },
      ],
      mappings: [],
      settings: [{ key: 'report', value: { orientation: 'portrait' } }],
    };
    const good = serializeBackup(makeBackup(data, new Date('2024-01-05T00:00:00Z')));
    expect(readBackup(good).ok).toBe(true);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.integer({ min: 0, max: good.length }).map((n) => good.slice(0, n)),
          fc
            .tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }))
            .map(([i, s]) => good.slice(0, i) + s + good.slice(i + 1)),
          fc.jsonValue().map((v) => good.replace('"data":{', `"data":{"records":${JSON.stringify(v)},"x":{`)),
        ),
        (raw) => {
          const r = readBackup(raw);
          if (r.ok) expect(r.backup.counts.records).toBe(r.backup.data.records.length);
        },
      ),
      RUNS,
    );
  });
});
