import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/adapters/sheetjs';
import {
  TEMPLATE_CATEGORIES,
  TEMPLATE_LAYOUT,
  patchSheetXml,
  writeLedgerXlsx,
  writeTemplateXlsx,
} from '../../src/adapters/xlsxWriter';
import { displayValue, filterRecords, totalsByCategory } from '../../src/core/aggregate';
import { buildDemo } from '../../src/core/demo';
import { csvField, neutraliseFormula, toCsv, totalsCsv, totalsTable } from '../../src/core/exportCsv';
import type { FilePreview } from '../../src/core/import/types';
import type { NewRecord } from '../../src/core/schema';
import { t } from '../../src/i18n/zh-CN';
import { fillTemplate, type FilledRow } from '../helpers/fillTemplate';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const LABELS = {
  category: t.dashboard.category,
  records: t.dashboard.records,
  answered: t.dashboard.answered,
  done: t.dashboard.done,
  satisfied: t.dashboard.satisfied,
};

function preview(fileName: string, bytes: Uint8Array): FilePreview {
  const reading = readFile(fileName, bytes);
  if (!reading.ok) throw new Error(`${fileName} refused: ${reading.reason} ${reading.detail ?? ''}`);
  return reading.value;
}

function recordsOf(p: FilePreview): NewRecord[] {
  return p.tables.flatMap((tb) => tb.records.map((r) => ({ ...r, category: r.category || tb.category })));
}

/** The figures the totals table shows per category; a measure no record carries is 0. */
function figures(records: readonly NewRecord[]) {
  return Object.fromEntries(
    totalsByCategory(records).map((tot) => [
      tot.category,
      {
        records: tot.records,
        count: tot.measures.count ?? 0,
        people: tot.measures.people ?? 0,
        households: tot.measures.households ?? 0,
        items: tot.measures.items ?? 0,
        amount: displayValue('amount', tot.measures.amount ?? 0),
        answered: tot.proposal?.answered ?? 0,
        done: tot.proposal?.done ?? 0,
        satisfied: tot.proposal?.satisfied ?? 0,
        custom: Object.entries(tot.measures).filter(([k]) => k.startsWith('custom:')),
      },
    ]),
  );
}

/** Everything a record says, without where it was read from. */
function content(r: NewRecord): string {
  const { source: _source, tally: _tally, ...rest } = r;
  return JSON.stringify({ ...rest, values: Object.entries(rest.values).sort() });
}

function roundTrip(records: readonly NewRecord[], periodLabel = '全部') {
  const bytes = writeLedgerXlsx(records, '青山镇政协联络办', periodLabel);
  const p = preview(t.exports.fileName.xlsx('青山镇政协联络办', periodLabel), bytes);
  return { bytes, preview: p, records: recordsOf(p) };
}

function sheetOf(bytes: Uint8Array, name: string): XLSX.WorkSheet {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true });
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet ${name}: ${wb.SheetNames.join(', ')}`);
  return ws;
}

function cells(ws: XLSX.WorkSheet): [string, XLSX.CellObject][] {
  return Object.entries(ws).filter(([k]) => !k.startsWith('!')) as [string, XLSX.CellObject][];
}

function zipText(bytes: Uint8Array, file: string): string {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const entry = XLSX.CFB.find(cfb, file) as { content: Uint8Array } | null;
  if (!entry) throw new Error(`${file} missing`);
  return new TextDecoder().decode(entry.content);
}

describe('the Excel export re-imports with the same totals', () => {
  const demo = buildDemo();

  it('the demo: every record comes back as it was, the 汇总 sheet is passed over', () => {
    const { preview: p, records } = roundTrip(demo);
    expect(p.skippedSheets).toEqual([{ sheet: t.exports.sheet.summary, reason: 'summary' }]);
    expect(p.tables.map((tb) => tb.sheet)).toEqual([t.exports.sheet.records]);
    const table = p.tables[0];
    expect(table?.warnings).toEqual([]);
    // Every column is recognised; the three source columns are left out of the records on purpose.
    const ignored = table?.headers.filter((_, c) => table.roles[c]?.kind === 'ignore');
    expect(ignored).toEqual([t.exports.source.file, t.exports.source.sheet, t.exports.source.row]);
    expect(table?.confidence.filter((c, i) => c < 1 && table.roles[i]?.kind !== 'ignore')).toEqual([]);
    expect(records).toHaveLength(demo.length);
    expect(totalsByCategory(records)).toEqual(totalsByCategory(demo));
    for (const year of [2022, 2023]) {
      const period = { kind: 'year', year } as const;
      expect(figures(filterRecords(records, period))).toEqual(figures(filterRecords(demo, period)));
    }
    expect(records.map(content).sort()).toEqual(demo.map(content).sort());
  });

  it('keeps each record’s original file, sheet and row in the source columns', () => {
    const { bytes } = roundTrip(demo);
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(sheetOf(bytes, t.exports.sheet.records), {
      header: 1,
    });
    const header = rows[1] ?? [];
    const at = (name: string) => header.indexOf(name);
    const sources = rows
      .slice(2)
      .map((r) => `${r[at('来源文件')]}|${r[at('来源工作表')]}|${r[at('来源行')]}`);
    expect(sources.sort()).toEqual(
      demo.map((r) => `${r.source.file}|${r.source.sheet}|${r.source.row}`).sort(),
    );
  });

  it('one period: the 2023 records alone, with the year in the titles', () => {
    const records2023 = filterRecords(demo, { kind: 'year', year: 2023 });
    const { bytes, records } = roundTrip(records2023, '2023年');
    expect(figures(records)).toEqual(figures(records2023));
    const summary = sheetOf(bytes, t.exports.sheet.summary);
    expect(summary['A1']?.v).toBe('青山镇政协联络办2023年各类工作统计');
    expect(summary['A2']?.v).toBe(t.dashboard.unitCaption);
  });

  it.each([
    'clean/2023年活动台账.xlsx',
    'clean/资金台账.xlsx',
    'messy/2023年工作情况统计表-按月.xlsx',
    'messy/各村履职情况统计表.xlsx',
    'messy/2023年提案办理情况统计表.xlsx',
  ])('the fixture %s', (file) => {
    const original = recordsOf(
      preview(path.basename(file), new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)))),
    );
    expect(original.length).toBeGreaterThan(0);
    const { preview: p, records } = roundTrip(original);
    expect(p.tables.flatMap((tb) => tb.warnings)).toEqual([]);
    expect(records).toHaveLength(original.length);
    expect(figures(records)).toEqual(figures(original));
  });

  it('month-only, year-only and undated records, custom measures, money to the fen', () => {
    const base: NewRecord = {
      date: '',
      category: '走访',
      members: [],
      place: '',
      subject: '',
      status: '',
      satisfaction: '',
      values: {},
      note: '',
      unit: '',
      source: { file: 'a.xlsx', sheet: 'S', row: 2 },
    };
    const records: NewRecord[] = [
      { ...base, date: '2023-03', subject: '三月走访', values: { people: 12 } },
      { ...base, date: '2023', category: '清理垃圾', values: { 'custom:吨': 3.5 }, tally: true },
      { ...base, date: '', subject: '日期不详', values: { households: 2 } },
      { ...base, date: '2023-05-06', category: '资金', values: { amount: 1234567.89 } },
      { ...base, date: '2023-05-07', category: '资金', values: { amount: 0.01 } },
      { ...base, date: '1900-02-28', category: '会议', values: { count: 2 } },
      { ...base, date: '2100-12-31', category: '会议', members: ['江峰', '王霞美'] },
    ];
    const { records: back } = roundTrip(records);
    expect(figures(back)).toEqual(figures(records));
    const byRow = back.map((r) => [r.date, r.category, r.values]);
    expect(byRow).toEqual(
      expect.arrayContaining([
        ['2023-03', '走访', { people: 12, count: 1 }],
        ['2023', '清理垃圾', { 'custom:吨': 3.5, count: 0 }],
        ['', '走访', { households: 2, count: 1 }],
        ['2023-05-06', '资金', { amount: 1234567.89, count: 1 }],
        ['2023-05-07', '资金', { amount: 0.01, count: 1 }],
        ['1900-02-28', '会议', { count: 2 }],
        ['2100-12-31', '会议', { count: 1 }],
      ]),
    );
  });
});

describe('no file we write runs a formula it was not given', () => {
  const tricky = ['=1+1', '+86 123', '-青山村', '@SUM(A1:A2)', '=HYPERLINK("http://example.com","点我")'];
  const records: NewRecord[] = tricky.map((text, i) => ({
    date: '2023-03-05',
    category: '走访',
    members: [text.slice(0, 3)],
    place: text,
    subject: text,
    status: '',
    satisfaction: '',
    values: { people: i + 1 },
    note: text,
    unit: '',
    source: { file: text, sheet: text, row: i + 2 },
  }));

  it('writes = + - @ texts as text cells, and they come back as the same text', () => {
    const { bytes, records: back } = roundTrip(records);
    for (const name of [t.exports.sheet.records, t.exports.sheet.summary]) {
      for (const [addr, cell] of cells(sheetOf(bytes, name)))
        expect(cell.f, `${name}!${addr}`).toBeUndefined();
    }
    const ws = sheetOf(bytes, t.exports.sheet.records);
    const texts = cells(ws).filter(([, c]) => tricky.includes(String(c.v)));
    expect(texts.length).toBeGreaterThan(0);
    for (const [, c] of texts) expect(c.t).toBe('s');
    expect(back.map((r) => r.subject).sort()).toEqual([...tricky].sort());
    expect(back.map((r) => r.place).sort()).toEqual([...tricky].sort());
    expect(zipText(bytes, '/xl/worksheets/sheet2.xml')).not.toContain('<f>');
  });

  it('a template has no formula but the 合计 row’s', () => {
    for (const category of TEMPLATE_CATEGORIES) {
      const wb = XLSX.read(writeTemplateXlsx(category, 2027), { type: 'array', cellFormula: true });
      const ws = wb.Sheets[wb.SheetNames[0] ?? ''] as XLSX.WorkSheet;
      const formulas = cells(ws).filter(([, c]) => c.f !== undefined);
      expect(formulas.length, category).toBeGreaterThan(0);
      for (const [addr, c] of formulas) {
        expect(XLSX.utils.decode_cell(addr).r, `${category} ${addr}`).toBe(TEMPLATE_LAYOUT.total);
        expect(c.f).toMatch(/^(?:SUM|COUNTA)\([A-Z]+5:[A-Z]+34\)$/);
      }
    }
  });
});

describe('the totals as .csv', () => {
  const totals = totalsByCategory(filterRecords(buildDemo(), { kind: 'year', year: 2023 }));

  it('is UTF-8 with a BOM, CRLF line ends, a header and one row per category', () => {
    const csv = totalsCsv(totals, LABELS);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = csv.slice(1).split('\r\n').slice(0, -1);
    expect(lines).toHaveLength(totals.length + 1);
    expect(lines[0]).toBe('类别,记录数,次数,人数（人次）,户数,份数,金额（万元）,已答复,已办结,满意');
    const funds = totals.find((x) => x.category === '资金');
    expect(lines).toContain(
      `资金,${funds?.records},${funds?.records},,,,${displayValue('amount', funds?.measures.amount ?? 0)},,,`,
    );
    const proposals = totals.find((x) => x.category === '提案');
    expect(
      lines
        .find((l) => l.startsWith('提案,'))
        ?.split(',')
        .slice(-3),
    ).toEqual(
      [proposals?.proposal?.answered, proposals?.proposal?.done, proposals?.proposal?.satisfied].map(String),
    );
  });

  it('quotes per RFC 4180 and neutralises formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"好"')).toBe('"说""好"""');
    expect(csvField('两\r\n行')).toBe('"两\r\n行"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    for (const s of ['+1', '-1', '@x', '\t=1', '\r=1']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(neutraliseFormula('走访')).toBe('走访');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(
      toCsv([
        ['a', 1],
        [null, 'b'],
      ]),
    ).toBe('\uFEFFa,1\r\n,b\r\n');
    const odd = totalsByCategory([
      {
        date: '2023-01-01',
        category: '=cmd|"/c calc"!A1',
        values: { people: 3 },
        status: '',
        satisfaction: '',
      },
    ]);
    expect(totalsCsv(odd, LABELS).split('\r\n')[1]).toBe(`"'=cmd|""/c calc""!A1",1,1,3,,,`);
  });

  it('is the same table as the Excel 汇总 sheet', () => {
    const table = totalsTable(totals, LABELS);
    const bytes = writeLedgerXlsx(filterRecords(buildDemo(), { kind: 'year', year: 2023 }), 'X', '2023年');
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(
      sheetOf(bytes, t.exports.sheet.summary),
      {
        header: 1,
        defval: null,
      },
    );
    expect(rows[2]).toEqual(table.header);
    expect(rows.slice(3, 3 + table.rows.length)).toEqual(table.rows);
    expect(rows[3 + table.rows.length]?.slice(0, 2)).toEqual([
      t.exports.total,
      totals.reduce((n, x) => n + x.records, 0),
    ]);
  });
});

describe('blank ledger templates', () => {
  it.each(TEMPLATE_CATEGORIES)(
    '%s: imports as the template of its category, with nothing to adjust',
    (category) => {
      const bytes = writeTemplateXlsx(category, 2027);
      const p = preview(t.exports.fileName.template(2027, category), bytes);
      expect(p.tables).toHaveLength(1);
      const tb = p.tables[0];
      if (!tb) return;
      expect(tb.category).toBe(category === t.exports.templateAll ? '' : category);
      if (category === t.exports.templateAll) expect(tb.categorySource).toBe('column');
      expect(tb.confidence.every((c) => c === 1)).toBe(true);
      expect(tb.roles.some((r) => r.kind === 'ignore')).toBe(false);
      expect(tb.warnings).toEqual([]);
      expect(tb.records).toEqual([]);
      expect(tb.headerStart).toBe(TEMPLATE_LAYOUT.header + 1);
      const reason = (row: number) => tb.skipped.find((s) => s.row === row)?.reason;
      expect(reason(1)).toBe('title');
      expect(reason(2)).toBe('unit');
      expect(reason(TEMPLATE_LAYOUT.example + 1)).toBe('example');
      expect(reason(TEMPLATE_LAYOUT.total + 1)).toBe('total');
      expect(reason(TEMPLATE_LAYOUT.footer + 1)).toBe('footer');
      expect(tb.sample[0]?.[0]).toMatch(/^2027年XX镇政协委员.+台账$/);
    },
  );

  it('the dropdowns are Excel data validation, in the schema’s place, and the XML is well formed', () => {
    const xml = zipText(writeTemplateXlsx('提案', 2027), '/xl/worksheets/sheet1.xml');
    expect(xml).toContain(
      '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"',
    );
    expect(xml).toContain('sqref="D4:D34"><formula1>&quot;已提交,已立案,已答复,已办结&quot;</formula1>');
    expect(xml).toContain('sqref="E4:E34"><formula1>&quot;满意,基本满意,不满意&quot;</formula1>');
    const order = [
      '</sheetData>',
      '<mergeCells',
      '<dataValidations count="2">',
      '<pageMargins',
      '<pageSetup',
      '<ignoredErrors',
    ];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(wellFormed(xml)).toBe(true);
    const all = zipText(writeTemplateXlsx(t.exports.templateAll, 2027), '/xl/worksheets/sheet1.xml');
    expect(all).toContain('<dataValidations count="3">');
    expect(all).toContain('&quot;走访,培训,提案,资金,视察,调研,会议,学习,公益,社情民意&quot;');
    expect(zipText(writeTemplateXlsx('走访', 2027), '/xl/worksheets/sheet1.xml')).not.toContain(
      '<dataValidations',
    );
    expect(zipText(writeTemplateXlsx('走访', 2027), '/xl/workbook.xml')).toContain('fullCalcOnLoad="1"');
  });

  it('patches sheets SheetJS wrote with hyperlinks or without margins in the right place too', () => {
    const bare =
      '<worksheet><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData/><hyperlinks/></worksheet>';
    const out = patchSheetXml(bare, {
      freezeRows: 3,
      landscape: true,
      validations: [{ sqref: 'A1:A2', list: ['a', 'b'] }],
    });
    expect(out.indexOf('<dataValidations')).toBeLessThan(out.indexOf('<hyperlinks'));
    expect(out.indexOf('<pageSetup')).toBeGreaterThan(out.indexOf('<hyperlinks'));
    expect(out).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(wellFormed(out)).toBe(true);
  });

  const visits: FilledRow[] = [
    {
      日期: '2027-01-08',
      委员: '江峰、王霞美',
      地点: '东山村',
      走访内容: '走访困难群众',
      '人数（人次）': 12,
      户数: 5,
      '发放资料（份）': 30,
    },
    {
      日期: '2027.2.3',
      委员: '陈国强',
      地点: '西岭村',
      走访内容: '入户宣传医保政策',
      '人数（人次）': 8,
      户数: 4,
    },
    {
      日期: '2027-03-15',
      委员: '刘桂芳',
      地点: '南溪村',
      走访内容: '走访留守老人',
      '人数（人次）': 6,
      户数: 6,
      备注: '已拍照',
    },
    {
      日期: '3月20日',
      委员: '赵建华等3人',
      地点: '北坪村',
      走访内容: '走访种养大户',
      '人数（人次）': 15,
      户数: 3,
      '发放资料（份）': 50,
    },
    {
      日期: '2027-04-02',
      委员: '孙晓燕',
      地点: '东山村',
      走访内容: '收集人居环境意见',
      '人数（人次）': 9,
      户数: 2,
    },
  ];

  it('a 走访 template filled with 5 rows imports with no adjustment: the 5 rows, nothing else', () => {
    const bytes = fillTemplate(writeTemplateXlsx('走访', 2027), visits);
    const p = preview('2027年走访台账（空白）.xlsx', bytes);
    expect(p.tables).toHaveLength(1);
    const tb = p.tables[0];
    expect(tb?.category).toBe('走访');
    expect(tb?.warnings).toEqual([]);
    expect(tb?.records).toHaveLength(5);
    expect(tb?.records.map((r) => r.date)).toEqual([
      '2027-01-08',
      '2027-02-03',
      '2027-03-15',
      '2027-03-20',
      '2027-04-02',
    ]);
    expect(tb?.skipped.find((s) => s.row === TEMPLATE_LAYOUT.example + 1)?.reason).toBe('example');
    expect(tb?.skipped.find((s) => s.row === TEMPLATE_LAYOUT.total + 1)?.reason).toBe('total');
    expect(figures(recordsOf(p))).toEqual({
      走访: {
        records: 5,
        count: 5,
        people: 50,
        households: 20,
        items: 80,
        amount: 0,
        answered: 0,
        done: 0,
        satisfied: 0,
        custom: [],
      },
    });
  });

  it.each([
    [
      '培训',
      [
        { 培训内容: '茶叶技术培训', 期数: 2, '人数（人次）': 60 },
        { 培训内容: '电商培训', 期数: 1, '人数（人次）': 45 },
      ],
      { count: 3, people: 105 },
    ],
    [
      '提案',
      [
        { 案由: '关于道路硬化的建议', 办理状态: '已办结', 满意度: '满意' },
        { 案由: '关于路灯的建议', 办理状态: '已立案' },
      ],
      { count: 2, done: 1, answered: 1, satisfied: 1 },
    ],
    [
      '资金',
      [
        { 项目名称: '巷道硬化', '金额（万元）': 12.5 },
        { 项目名称: '路灯安装', '金额（万元）': 3.25 },
      ],
      { count: 2, amount: 15.75 },
    ],
    [
      '公益',
      [{ 活动内容: '捐资助学', '人数（人次）': 5, '金额（万元）': 0.8 }],
      { count: 1, people: 5, amount: 0.8 },
    ],
    [
      '社情民意',
      [{ 内容: '反映路灯损坏' }, { 内容: '反映饮水问题' }, { 内容: '反映信号问题' }],
      { count: 3 },
    ],
    ['会议', [{ 活动内容: '季度例会', '人数（人次）': 25 }], { count: 1, people: 25 }],
    [
      '综合',
      [
        { 类别: '走访', 事项: '走访', '人数（人次）': 3 },
        { 类别: '提案', 事项: '建议', 办理状态: '已答复' },
      ],
      { count: 1, people: 3 },
    ],
  ] as [string, FilledRow[], Record<string, number>][])(
    '%s filled in imports with no adjustment',
    (category, rows, expected) => {
      const filled = rows.map((r, i) => ({ 日期: `2027-0${i + 1}-10`, ...r }));
      const dateHeader = category === '提案' ? t.exports.template.header.dateSubmitted : t.role.date;
      const withDate = filled.map(({ 日期, ...r }) => ({ [dateHeader]: 日期 as string, ...r }));
      const p = preview(`${category}.xlsx`, fillTemplate(writeTemplateXlsx(category, 2027), withDate));
      const tb = p.tables[0];
      expect(tb?.warnings).toEqual([]);
      expect(tb?.records).toHaveLength(rows.length);
      const totals = figures(recordsOf(p));
      const own = category === '综合' ? '走访' : category;
      expect(totals[own]).toMatchObject(expected);
    },
  );
});

/** Tags balance and attributes are quoted: enough to catch a misplaced or unclosed element. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, close, name, , selfClose] = m;
    if (selfClose) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name ?? '');
  }
  const stripped = body.replace(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g, '');
  return stack.length === 0 && !/[<>]/.test(stripped);
}
