// Generates the ledger (台账) test fixtures under tests/fixtures/, plus
// tests/fixtures/expected.json (exact totals, computed here from the generated
// records, never by app code) and tests/fixtures/README.md.
//
//   node scripts/make-fixtures.mjs        (or: npm run fixtures)
//
// Fully deterministic: every fixture has its own seeded PRNG, nothing reads the
// clock, and the .xlsx document properties carry a fixed date, so re-running
// the script reproduces the same bytes.
//
// How it is organised (to add a fixture, append to FIXTURES):
//   - a generator `generate(rng)` returns canonical records (see makeRecord);
//   - a writer `write(records, rng)` renders them into the file's bytes (this
//     is where layout, date styles, encodings and, later, messy shapes live);
//   - summarize() turns the canonical records into the expected totals.
// The writer must render every record as exactly one data row and must not
// change any value, so the expected totals stay those of the records.

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import * as prettier from 'prettier';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'tests', 'fixtures');

/** Fixed document date written into every .xlsx (docProps/core.xml). */
const FIXED_DOC_DATE = new Date('2024-01-05T00:00:00Z');

// ---------------------------------------------------------------------------
// Seeded PRNG and helpers
// ---------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for test data. Returns [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return function rng() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max], inclusive. */
function randInt(rng, min, max) {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick(rng, list) {
  return list[Math.floor(rng() * list.length)];
}

function chance(rng, p) {
  return rng() < p;
}

function shuffle(rng, list) {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * Shuffled list holding each label exactly `counts[label]` times. Used instead
 * of independent draws wherever a fixture must be guaranteed to contain every
 * variant (every status, every date style...).
 */
function deal(rng, counts) {
  const out = [];
  for (const [label, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) out.push(label);
  }
  return shuffle(rng, out);
}

/** One or two distinct members (two with probability p2). */
function pickMembers(rng, pool, p2) {
  const first = pick(rng, pool);
  if (!chance(rng, p2)) return [first];
  let second = pick(rng, pool);
  while (second === first) second = pick(rng, pool);
  return [first, second];
}

// ---------------------------------------------------------------------------
// Dates: plain { y, m, d } objects; no Date objects in the data, no time zones
// ---------------------------------------------------------------------------

const DAY_MS = 86400000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function dayNumber({ y, m, d }) {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n) {
  const dt = new Date(n * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** Uniform random date between two { y, m, d } dates, inclusive. */
function randDate(rng, from, to) {
  return fromDayNumber(randInt(rng, dayNumber(from), dayNumber(to)));
}

/** Excel 1900-system serial (valid for dates after 1900-03-01). */
function excelSerial(date) {
  return (Date.UTC(date.y, date.m - 1, date.d) - EXCEL_EPOCH_MS) / DAY_MS;
}

const pad2 = (n) => String(n).padStart(2, '0');
const DATE_TEXT = {
  iso: ({ y, m, d }) => `${y}-${pad2(m)}-${pad2(d)}`, // 2023-03-05
  slash: ({ y, m, d }) => `${y}/${m}/${d}`, // 2023/3/5
  cjk: ({ y, m, d }) => `${y}年${m}月${d}日`, // 2023年3月5日
  dot: ({ y, m, d }) => `${y}.${m}.${d}`, // 2023.3.5
  md: ({ m, d }) => `${m}月${d}日`, // 3月5日 (the year is in the title)
  ym: ({ y, m }) => `${y}年${m}月`, // 2023年3月 (a month, no day)
};

function compareDates(a, b) {
  return dayNumber(a.date) - dayNumber(b.date);
}

// ---------------------------------------------------------------------------
// Canonical records
// ---------------------------------------------------------------------------

/**
 * A canonical ledger record: one data row. Numbers are integers or null (a
 * blank cell, never 0 for "not applicable"); money is integer fen (分).
 *   sessions: 期数 when the ledger has such a column (count = sessions), else null (count = 1)
 *   status / satisfaction: 提案 only.
 */
function makeRecord(fields) {
  return {
    date: null,
    category: null,
    members: [],
    place: null,
    matter: null,
    people: null,
    households: null,
    items: null,
    fen: null,
    sessions: null,
    status: null,
    satisfaction: null,
    note: null,
    ...fields,
  };
}

// Vocabulary. Names are invented; 喆 is in GBK but not in GB2312, so a reader
// that decodes the GBK fixture as GB2312 shows up.
const MEMBERS = [
  '江峰',
  '王霞美',
  '李明',
  '张丽',
  '陈国强',
  '赵建军',
  '孙秀英',
  '周文斌',
  '吴海燕',
  '郑立新',
  '黄春梅',
  '何志刚',
  '林晓红',
  '马永福',
  '罗桂兰',
  '王喆',
];
const VILLAGES = ['东山村', '西岭村', '南溪村', '北坪村', '石桥村', '柳塘村', '杨家湾村', '新河社区'];
const VENUES = ['镇政府会议室', '镇文化站', '镇中心小学', '镇敬老院', '农业产业园'];
const MATTERS = {
  走访: [
    '走访困难群众',
    '走访脱贫户',
    '走访留守老人',
    '宣传医保政策',
    '收集社情民意',
    '走访种养大户',
    '宣讲惠民政策',
  ],
  培训: [
    '就业扶贫培训',
    '种植技术培训',
    '农村电商培训',
    '委员履职能力培训',
    '养殖技术培训',
    '家政服务技能培训',
  ],
  提案: [
    '关于加快村组道路硬化的建议',
    '关于改善农村饮水安全的提案',
    '关于加强留守儿童关爱服务的建议',
    '关于建设村级文化广场的建议',
    '关于增设太阳能路灯的建议',
    '关于发展特色种养业的提案',
    '关于整治河道垃圾的建议',
    '关于完善农村养老服务的提案',
  ],
  资金: [
    '“一事一议”项目建设资金',
    '危房改造补助资金',
    '产业扶持资金',
    '巷道硬化工程款',
    '太阳能路灯安装资金',
    '委员捐款捐物',
  ],
  调研: [
    '调研人居环境整治',
    '视察“三清三拆”专项行动',
    '调研农村养老服务',
    '视察防汛工作',
    '调研特色产业发展',
    '视察农村饮水工程',
  ],
};
const NOTES = [
  '镇党委书记参加',
  '结合主题教育开展',
  '资料已归档',
  '雨天改期一次',
  '联合妇联开展',
  '已报县政协',
];

/** One record of the given category with plausible numbers for it. */
function activityRecord(rng, category, date) {
  const r = makeRecord({ date, category, note: chance(rng, 0.2) ? pick(rng, NOTES) : null });
  r.matter = pick(rng, MATTERS[category]);
  switch (category) {
    case '走访':
      r.members = pickMembers(rng, MEMBERS, 0.35);
      r.place = pick(rng, VILLAGES);
      r.people = randInt(rng, 5, 60);
      r.households = chance(rng, 0.9) ? randInt(rng, 3, Math.max(3, Math.floor(r.people * 0.8))) : null;
      r.items = chance(rng, 0.7) ? randInt(rng, 2, 30) * 5 : null;
      break;
    case '培训':
      r.members = pickMembers(rng, MEMBERS, 0.25);
      r.place = pick(rng, VENUES);
      r.people = randInt(rng, 20, 120);
      break;
    case '提案':
      r.members = pickMembers(rng, MEMBERS, 0.3);
      break;
    case '资金':
      r.members = pickMembers(rng, MEMBERS, 0.15);
      r.place = pick(rng, VILLAGES);
      break;
    case '调研':
      r.members = pickMembers(rng, MEMBERS, 0.5);
      r.place = pick(rng, VILLAGES.concat(VENUES));
      r.people = randInt(rng, 3, 15);
      break;
    default:
      throw new Error(`no generator for category ${category}`);
  }
  return r;
}

/**
 * Money in fen for an amount written in 万元 with 0, 1 or 2 decimals
 * (12, 12.5, 3.68). 0.01 万元 = 100 元 = 10000 分.
 */
function wanAmountFen(rng, style) {
  const hundredths = randInt(rng, 50, 8000); // 0.50 .. 80.00 万元
  const step = { int: 100, one: 10, two: 1 }[style];
  return Math.max(step, Math.round(hundredths / step) * step) * 10000;
}

/** Money in fen for an amount written in 元: whole, .5 or with fen (153200.5, 86000, 23456.78). */
function yuanAmountFen(rng, style) {
  const yuan = randInt(rng, 5, 500) * (style === 'round' ? 1000 : randInt(rng, 1, 1000));
  const fen = { round: 0, int: 0, half: 50, fen: randInt(rng, 1, 99) }[style];
  return yuan * 100 + fen;
}

/** Proposal status and satisfaction, dealt so that every variant occurs. */
function assignProposals(rng, records, statusCounts, satisfactionByStatus) {
  const statuses = deal(rng, statusCounts);
  records.forEach((r, i) => {
    r.status = statuses[i];
  });
  for (const [status, counts] of Object.entries(satisfactionByStatus)) {
    const group = records.filter((r) => r.status === status);
    const sats = deal(rng, counts);
    if (sats.length !== group.length) throw new Error(`satisfaction count mismatch for ${status}`);
    group.forEach((r, i) => {
      r.satisfaction = sats[i] === '(空)' ? null : sats[i];
    });
  }
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

function genActivities2023(rng) {
  const plan2023 = { 走访: 40, 培训: 18, 提案: 24, 资金: 16, 调研: 22 }; // 120 rows
  const plan2022 = { 走访: 3, 培训: 2, 提案: 2, 资金: 2, 调研: 1 }; // 10 rows
  const records = [];
  const make = (plan, from, to) => {
    for (const [category, n] of Object.entries(plan)) {
      const amountStyles =
        category === '资金'
          ? deal(rng, { int: Math.floor(n / 4), one: Math.floor(n / 4), two: n - 2 * Math.floor(n / 4) })
          : [];
      for (let i = 0; i < n; i++) {
        const r = activityRecord(rng, category, randDate(rng, from, to));
        if (category === '资金') r.fen = wanAmountFen(rng, amountStyles[i]);
        records.push(r);
      }
    }
  };
  make(plan2022, { y: 2022, m: 9, d: 1 }, { y: 2022, m: 12, d: 31 });
  make(plan2023, { y: 2023, m: 1, d: 3 }, { y: 2023, m: 12, d: 29 });

  const proposals2023 = records.filter((r) => r.category === '提案' && r.date.y === 2023);
  assignProposals(
    rng,
    proposals2023,
    { 已提交: 3, 已立案: 4, 已答复: 6, 已办结: 11 },
    {
      已答复: { 满意: 3, 基本满意: 1, 不满意: 1, '(空)': 1 },
      已办结: { 满意: 7, 基本满意: 3, 不满意: 1 },
    },
  );
  const proposals2022 = records.filter((r) => r.category === '提案' && r.date.y === 2022);
  assignProposals(rng, proposals2022, { 已办结: 2 }, { 已办结: { 满意: 1, 基本满意: 1 } });

  return records.sort(compareDates);
}

function genVisitsCsv(rng) {
  const records = [];
  for (let i = 0; i < 40; i++) {
    records.push(
      activityRecord(rng, '走访', randDate(rng, { y: 2023, m: 1, d: 4 }, { y: 2023, m: 12, d: 28 })),
    );
  }
  // The one row whose member cell the writer joins with an ASCII comma.
  records[randInt(rng, 5, 34)].members = ['江峰', '王霞美'];
  return records.sort(compareDates);
}

function genTrainingGbk(rng) {
  const records = [];
  const sessions = deal(rng, { 1: 10, 2: 3, 3: 2 }); // 15 rows, 期数 1..3
  for (let i = 0; i < sessions.length; i++) {
    const r = activityRecord(rng, '培训', randDate(rng, { y: 2023, m: 2, d: 1 }, { y: 2023, m: 11, d: 30 }));
    r.sessions = Number(sessions[i]);
    r.people = r.sessions * randInt(rng, 25, 60); // 人次 over all sessions
    records.push(r);
  }
  // Make sure the GBK-only character occurs at least once.
  records[0].members = ['王喆'];
  return records.sort(compareDates);
}

function genFundsYuan(rng) {
  const styles = deal(rng, { round: 3, int: 3, half: 3, fen: 3 }); // 12 rows
  const records = styles.map((style) => {
    const r = activityRecord(rng, '资金', randDate(rng, { y: 2023, m: 1, d: 10 }, { y: 2023, m: 12, d: 20 }));
    r.fen = yuanAmountFen(rng, style);
    return r;
  });
  return records.sort(compareDates);
}

// ---------------------------------------------------------------------------
// Writers
// ---------------------------------------------------------------------------

const cell = {
  /** Genuine Excel date: a serial number with a date number format. */
  date: (date) => ({ t: 'n', v: excelSerial(date), z: 'yyyy-mm-dd' }),
  str: (s) => (s == null || s === '' ? null : { t: 's', v: s }),
  num: (n) => (n == null ? null : { t: 'n', v: n }),
};

/** Exact number for fen expressed in 元 / 万元 (a correctly rounded division of integers). */
const fenToYuan = (fen) => (fen == null ? null : fen / 100);
const fenToWan = (fen) => (fen == null ? null : fen / 1e6);

/**
 * Build a worksheet: header row at row 1, one record per row below. `columns`
 * is a list of { header, width, cell(record) -> SheetJS cell | null }; a null
 * cell is left out entirely (a genuinely blank cell).
 */
function sheetFromColumns(columns, records) {
  const ws = {};
  columns.forEach((col, c) => {
    ws[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: col.header };
  });
  records.forEach((rec, i) => {
    columns.forEach((col, c) => {
      const value = col.cell(rec);
      if (value) ws[XLSX.utils.encode_cell({ r: i + 1, c })] = value;
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: records.length, c: columns.length - 1 },
  });
  ws['!cols'] = columns.map((col) => ({ wch: col.width ?? 10 }));
  return ws;
}

/** Serialize sheets ([{ name, ws }]) to deterministic .xlsx bytes. */
function xlsxBytes(sheets) {
  const wb = XLSX.utils.book_new();
  for (const { name, ws } of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  wb.Props = { Author: '政协联络办', CreatedDate: FIXED_DOC_DATE, ModifiedDate: FIXED_DOC_DATE };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true });
}

function csvField(value) {
  const s = value == null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text as Excel/WPS write it: comma separated, CRLF line ends. */
function csvText(rows) {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

const joinMembers = (members, sep = '、') => members.join(sep);

const ACTIVITY_COLUMNS = [
  { header: '日期', width: 12, cell: (r) => cell.date(r.date) },
  { header: '类别', width: 6, cell: (r) => cell.str(r.category) },
  { header: '委员', width: 14, cell: (r) => cell.str(joinMembers(r.members)) },
  { header: '地点', width: 12, cell: (r) => cell.str(r.place) },
  { header: '事项', width: 30, cell: (r) => cell.str(r.matter) },
  { header: '人数', width: 6, cell: (r) => cell.num(r.people) },
  { header: '户数', width: 6, cell: (r) => cell.num(r.households) },
  { header: '份数', width: 6, cell: (r) => cell.num(r.items) },
  { header: '金额(万元)', width: 11, cell: (r) => cell.num(fenToWan(r.fen)) },
  { header: '办理状态', width: 9, cell: (r) => cell.str(r.status) },
  { header: '满意度', width: 9, cell: (r) => cell.str(r.satisfaction) },
  { header: '备注', width: 18, cell: (r) => cell.str(r.note) },
];

const FUNDS_COLUMNS = [
  { header: '日期', width: 12, cell: (r) => cell.date(r.date) },
  { header: '类别', width: 6, cell: (r) => cell.str(r.category) },
  { header: '地点', width: 12, cell: (r) => cell.str(r.place) },
  { header: '事项', width: 26, cell: (r) => cell.str(r.matter) },
  { header: '金额(元)', width: 14, cell: (r) => cell.num(fenToYuan(r.fen)) },
];

function writeVisitsCsv(records, rng) {
  const styles = deal(rng, { iso: Math.ceil(records.length / 2), slash: Math.floor(records.length / 2) });
  const rows = [['日期', '委员', '地点', '走访人数', '户数', '发放资料(份)', '备注']];
  records.forEach((r, i) => {
    const ascii = r.members.length === 2 && r.members[0] === '江峰' && r.members[1] === '王霞美';
    rows.push([
      DATE_TEXT[styles[i]](r.date),
      joinMembers(r.members, ascii ? ',' : '、'),
      r.place,
      r.people,
      r.households,
      r.items,
      r.note,
    ]);
  });
  return Buffer.from('\uFEFF' + csvText(rows), 'utf8');
}

function writeTrainingGbk(records) {
  const rows = [['日期', '类别', '委员', '地点', '事项', '期数', '人次']];
  for (const r of records) {
    rows.push([
      DATE_TEXT.cjk(r.date),
      r.category,
      joinMembers(r.members),
      r.place,
      r.matter,
      r.sessions,
      r.people,
    ]);
  }
  const text = csvText(rows);
  const bytes = iconv.encode(text, 'gb18030');
  // Keep it plain GBK (no 4-byte GB18030 sequences): it must round-trip through 'gbk' too.
  if (iconv.decode(bytes, 'gbk') !== text) throw new Error('GBK fixture contains characters outside GBK');
  return bytes;
}

// ---------------------------------------------------------------------------
// Messy ledgers (tests/fixtures/messy/): the shapes of shared/domain.md.
// The same rule as above: records are generated first, writers only render
// them (title, unit, header, 栏次, subtotal, total, footer and hidden rows are
// added by the writer and are never records).
// ---------------------------------------------------------------------------

const TOWN = '青山镇';
const UNIT = '青山镇政协联络办';
const FOOTER = '填表人：张丽    审核人：李明    填报日期：2024年1月5日';
const M_MEMBERS = [
  '江峰',
  '王霞美',
  '陈国强',
  '赵建军',
  '孙秀英',
  '周文斌',
  '吴海燕',
  '郑立新',
  '黄春梅',
  '何志刚',
  '林晓红',
  '马永福',
];
const M_VILLAGES = ['青山村', '柳塘村', '石桥村', '杨家湾村', '南溪村', '桃源村', '北坪村', '新河社区'];
const M_VENUES = ['镇政府会议室', '镇政协委员活动室', '镇文化站', '镇农业服务中心'];
const CN_QUARTERS = ['一季度', '二季度', '三季度', '四季度'];

/** Between min and max distinct members. */
function pickGroup(rng, min, max) {
  return shuffle(rng, M_MEMBERS).slice(0, randInt(rng, min, max));
}

function randDay(rng, y, m) {
  return randDate(rng, { y, m, d: 1 }, { y, m, d: new Date(Date.UTC(y, m, 0)).getUTCDate() });
}

/** Sum of a record field over the records, blanks (null) skipped. */
const total = (records, key) => records.reduce((s, r) => s + (r[key] ?? 0), 0);

/** 1250000.5 元 in fen -> "1,250,000.50". */
function yuanThousands(fen) {
  const whole = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${pad2(fen % 100)}`;
}

/** Money in fen for hundredths of 万元 in [lo, hi], with 0, 1 or 2 decimals. */
function wanFen(rng, lo, hi) {
  const step = pick(rng, [100, 10, 1]);
  return Math.max(step, Math.round(randInt(rng, lo, hi) / step) * step) * 10000;
}

const addr = (r, c) => XLSX.utils.encode_cell({ r, c });
/** A formula cell with its cached value (what Excel shows before recalculating). */
const formula = (f, v) => ({ t: 'n', v, f });
const sumRange = (c, r1, r2, v) => formula(`SUM(${addr(r1, c)}:${addr(r2, c)})`, v);
const sumCells = (c, rows, v) => formula(`SUM(${rows.map((r) => addr(r, c)).join(',')})`, v);

/** null/'' -> blank, string -> text cell, number -> number cell, object -> as is. */
function toCell(x) {
  if (x == null || x === '') return null;
  if (typeof x === 'string') return { t: 's', v: x };
  if (typeof x === 'number') return { t: 'n', v: x };
  return x;
}

/** A worksheet built row by row, with merges and hidden rows (0-based row indexes). */
class SheetBuilder {
  constructor(width) {
    this.width = width;
    this.rows = [];
    this.merges = [];
    this.hidden = [];
  }

  /** Index the next row will get. */
  get next() {
    return this.rows.length;
  }

  row(cells = [], { hidden = false } = {}) {
    const r = this.rows.length;
    this.rows.push(cells);
    if (hidden) this.hidden.push(r);
    return r;
  }

  merge(r1, c1, r2, c2) {
    this.merges.push({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });
  }

  /** One text cell merged across the whole width: a title, a footer, a 注. */
  wide(text) {
    const r = this.row([text]);
    this.merge(r, 0, r, this.width - 1);
    return r;
  }

  build(widths) {
    const ws = {};
    this.rows.forEach((cells, r) =>
      cells.forEach((x, c) => {
        const value = toCell(x);
        if (value) ws[addr(r, c)] = value;
      }),
    );
    ws['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(0, this.rows.length - 1), c: this.width - 1 },
    });
    if (this.merges.length) ws['!merges'] = this.merges;
    if (this.hidden.length) {
      ws['!rows'] = [];
      for (const r of this.hidden) ws['!rows'][r] = { hidden: true };
    }
    if (widths) ws['!cols'] = widths.map((wch) => ({ wch }));
    return ws;
  }
}

/** A sheet of prose only (填表说明, 说明). */
function notesSheet(lines) {
  const b = new SheetBuilder(1);
  for (const line of lines) b.row([line]);
  return b.build([60]);
}

/** Merges, formulas, hidden rows and hidden sheets of a workbook: what the read-back compares. */
function features(wb) {
  const f = { merges: 0, formulas: 0, hiddenRows: 0, hiddenSheets: 0 };
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    f.merges += (ws['!merges'] ?? []).length;
    f.hiddenRows += (ws['!rows'] ?? []).filter((r) => r?.hidden).length;
    for (const key of Object.keys(ws)) if (!key.startsWith('!') && ws[key].f) f.formulas++;
  }
  f.hiddenSheets = (wb.Workbook?.Sheets ?? []).filter((s) => s?.Hidden).length;
  return f;
}

/** What SheetJS could not write for the fixture being generated (filled by workbookBytes). */
let writeLosses = [];

/**
 * Serialize sheets ([{ name, ws, hidden }]) to deterministic bytes of the given book type, then read
 * them back and record what did not survive. A lost hidden row or hidden sheet is fatal: it would turn
 * rows that must not count into data.
 */
function workbookBytes(sheets, bookType) {
  const wb = XLSX.utils.book_new();
  for (const { name, ws } of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  if (sheets.some((s) => s.hidden))
    wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
  wb.Props = { Author: '政协联络办', CreatedDate: FIXED_DOC_DATE, ModifiedDate: FIXED_DOC_DATE };
  const bytes =
    bookType === 'xlsx'
      ? XLSX.write(wb, { type: 'buffer', bookType, compression: true, bookSST: true })
      : XLSX.write(wb, { type: 'buffer', bookType });
  const before = features(wb);
  const after = features(XLSX.read(bytes, { type: 'buffer', cellStyles: true, cellFormula: true }));
  for (const key of Object.keys(before)) {
    if (after[key] === before[key]) continue;
    if (key === 'hiddenRows' || key === 'hiddenSheets') {
      throw new Error(`${bookType}: ${key} do not survive (${before[key]} written, ${after[key]} read)`);
    }
    writeLosses.push(`${bookType}: ${key} not kept (${before[key]} written, ${after[key]} read back)`);
  }
  return bytes;
}

// --- 1. 走访群众台账: title, unit row, 小计 per month, 合计, footers ---------

const VISIT_TARGETS = ['困难群众', '脱贫户', '留守老人', '种养大户', '低保户', '残疾人家庭', '独居老人'];

function genMessyVisits(rng) {
  const records = [];
  for (let m = 1; m <= 12; m++) {
    const month = [];
    for (let i = randInt(rng, 4, 7); i > 0; i--) {
      const people = randInt(rng, 3, 40);
      month.push(
        makeRecord({
          date: randDay(rng, 2023, m),
          category: '走访',
          members: pickGroup(rng, 1, 2),
          place: pick(rng, M_VILLAGES),
          matter: pick(rng, VISIT_TARGETS),
          people,
          households: chance(rng, 0.9) ? randInt(rng, 1, Math.max(2, Math.floor(people * 0.7))) : null,
          items: chance(rng, 0.75) ? randInt(rng, 2, 30) * 5 : null,
          note: chance(rng, 0.15) ? pick(rng, NOTES) : null,
        }),
      );
    }
    records.push(...month.sort(compareDates));
  }
  // The oddities, at fixed rows (there are at least 48). `*Text` is how the cell is written.
  ['、', ',', '，', ';', '/'].forEach((sep, i) => {
    const r = records[2 + i * 7];
    r.members = ['江峰', '王霞美'];
    r.membersText = `江峰${sep}王霞美`;
  });
  Object.assign(records[38], { members: ['王霞美'], membersText: '王霞美等3人' });
  Object.assign(records[6], { people: 12, peopleText: '12人' });
  Object.assign(records[20], { households: 6, householdsText: '６' });
  Object.assign(records[33], { items: null, itemsText: '—' });
  return records;
}

function writeMessyVisits(records, rng) {
  const b = new SheetBuilder(9);
  b.wide('2023年青山镇政协委员走访群众台账');
  const unitRow = b.row([`填报单位：${UNIT}`, null, null, null, null, null, '单位：人、户、份']);
  b.merge(unitRow, 0, unitRow, 3);
  b.merge(unitRow, 6, unitRow, 8);
  b.row([
    '序号',
    '走访日期',
    '走访委员',
    '走访村(社区)',
    '走访对象',
    '走访人数',
    '户数',
    '发放资料(份)',
    '备注',
  ]);
  const measures = ['people', 'households', 'items'];
  const blankAfter = new Set(shuffle(rng, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).slice(0, 3));
  const subtotals = [];
  let seq = 0;
  for (let m = 1; m <= 12; m++) {
    const month = records.filter((r) => r.date.m === m);
    const first = b.next;
    for (const r of month) {
      b.row([
        ++seq,
        cell.date(r.date),
        r.membersText ?? joinMembers(r.members),
        r.place,
        r.matter,
        r.peopleText ?? r.people,
        r.householdsText ?? r.households,
        r.itemsText ?? r.items,
        r.note,
      ]);
    }
    const sums = measures.map((key, i) => sumRange(5 + i, first, b.next - 1, total(month, key)));
    const sub = b.row([`${m}月小计`, null, null, null, null, ...sums]);
    b.merge(sub, 0, sub, 4);
    subtotals.push(sub);
    if (blankAfter.has(m)) b.row([]);
  }
  const sums = measures.map((key, i) => sumCells(5 + i, subtotals, total(records, key)));
  const tot = b.row(['合计', null, null, null, null, ...sums]);
  b.merge(tot, 0, tot, 4);
  b.wide(FOOTER);
  b.wide('注：走访人数按人次统计。');
  const notes = notesSheet([
    '填表说明',
    '1. 本台账按月填写，每月末由联络办汇总，并在月末加“小计”行。',
    '2. 走访人数按人次统计，同一对象多次走访的分别计算。',
    '3. 发放资料指政策、法规、技术等宣传资料，按份统计。',
    '4. 多名委员共同走访的，委员姓名之间用顿号分隔。',
  ]);
  return workbookBytes(
    [
      { name: '走访台账', ws: b.build([6, 12, 16, 13, 12, 9, 6, 12, 16]) },
      { name: '填表说明', ws: notes },
      { name: 'Sheet3', ws: XLSX.utils.aoa_to_sheet([]) },
    ],
    'xlsx',
  );
}

// --- 2. 培训情况统计表 (.xls BIFF8): two header rows, 栏次, wrong 合计 -------

const M_TRAININGS = [
  ...MATTERS.培训,
  '乡村振兴政策宣讲',
  '电商直播带货培训',
  '茶叶种植技术培训',
  '安全生产知识培训',
];

/** The 合计 of 人次 is off by this much on purpose (a clerk's typo). */
const TRAINING_TOTAL_ERROR = 3;

function genMessyTraining(rng) {
  const sessions = deal(rng, { 1: 28, 2: 8, 3: 4 });
  const styles = deal(rng, { dot: 14, slash: 13, cjk: 13 });
  const records = sessions.map((s, i) =>
    makeRecord({
      date: randDate(rng, { y: 2023, m: 2, d: 1 }, { y: 2023, m: 12, d: 15 }),
      category: '培训',
      members: pickGroup(rng, 1, 3),
      matter: pick(rng, M_TRAININGS),
      sessions: Number(s),
      people: Number(s) * randInt(rng, 20, 60),
      dateStyle: styles[i],
    }),
  );
  return records.sort(compareDates);
}

function writeMessyTraining(records) {
  const b = new SheetBuilder(6);
  b.wide(`${TOWN}政协2023年委员培训情况统计表`);
  const h1 = b.row(['序号', '日期', '培训内容', '培训情况', null, '参训委员']);
  const h2 = b.row([null, null, null, '期数', '人次', null]);
  for (const c of [0, 1, 2, 5]) b.merge(h1, c, h2, c);
  b.merge(h1, 3, h1, 4);
  b.row(['甲', '乙', '丙', 1, 2, '丁']);
  const first = b.next;
  records.forEach((r, i) => {
    b.row([i + 1, DATE_TEXT[r.dateStyle](r.date), r.matter, r.sessions, r.people, joinMembers(r.members)]);
  });
  const last = b.next - 1;
  const tot = b.row([
    '合计',
    null,
    null,
    sumRange(3, first, last, total(records, 'sessions')),
    sumRange(4, first, last, total(records, 'people') + TRAINING_TOTAL_ERROR),
  ]);
  b.merge(tot, 0, tot, 2);
  b.wide(FOOTER);
  return workbookBytes([{ name: '培训', ws: b.build([6, 14, 22, 6, 7, 20]) }], 'biff8');
}

// --- 3. 提案办理情况统计表: status variants, 3月5日 dates, a hidden draft row --

const PROPOSAL_SUBJECTS = [
  ...MATTERS.提案,
  '关于规范农村建房管理的建议',
  '关于加强校园周边交通安全的建议',
  '关于推进农村生活污水治理的提案',
  '关于扶持村级集体经济发展的建议',
  '关于改善镇区停车秩序的建议',
  '关于建设农产品冷链仓储设施的建议',
  '关于加强农村消防安全的提案',
  '关于提升村卫生室服务能力的建议',
  '关于推广稻渔综合种养的建议',
  '关于完善农村客运班线的建议',
  '关于加强耕地保护的提案',
  '关于开展移风易俗宣传的建议',
];
const HANDLERS = [
  '镇农业服务中心',
  '镇规划建设办',
  '镇社会事务办',
  '镇财政所',
  '镇水利站',
  '镇文化站',
  '镇卫生院',
];

function genMessyProposals(rng) {
  const subjects = shuffle(rng, PROPOSAL_SUBJECTS);
  const records = subjects.slice(0, 20).map((matter) =>
    makeRecord({
      date: randDate(rng, { y: 2023, m: 1, d: 5 }, { y: 2023, m: 6, d: 30 }),
      category: '提案',
      members: pickGroup(rng, 1, 2),
      matter,
      handler: pick(rng, HANDLERS),
      note: chance(rng, 0.15) ? pick(rng, ['已现场督办', '联名提案', '已转县直部门']) : null,
    }),
  );
  // Statuses as clerks type them; 办结 means 已办结. 未立案 is neither answered nor closed.
  assignProposals(
    rng,
    records,
    { 已办结: 7, 办结: 3, 已答复: 4, 已立案: 4, 未立案: 2 },
    {
      已办结: { 满意: 4, 基本满意: 2, 不满意: 1 },
      办结: { 满意: 2, '(空)': 1 },
      已答复: { 满意: 2, 基本满意: 1, '(空)': 1 },
    },
  );
  for (const r of records) {
    r.statusText = r.status;
    if (r.status === '办结') r.status = '已办结';
  }
  return records.sort(compareDates);
}

function writeMessyProposals(records, rng) {
  const b = new SheetBuilder(8);
  b.wide(`${TOWN}政协2023年提案办理情况统计表`);
  b.row(['序号', '提案人', '案由', '提交日期', '承办单位', '办理状态', '满意度', '备注']);
  const draftAt = randInt(rng, 5, 15);
  records.forEach((r, i) => {
    if (i === draftAt) {
      // A draft the clerk hid instead of deleting: closed and rated, so counting it shows.
      b.row(
        [
          null,
          '何志刚',
          '关于增设农村公交站台的建议（草稿）',
          '6月18日',
          '镇规划建设办',
          '已办结',
          '满意',
          '草稿，未提交',
        ],
        { hidden: true },
      );
    }
    b.row([
      i + 1,
      joinMembers(r.members),
      r.matter,
      DATE_TEXT.md(r.date),
      r.handler,
      r.statusText,
      r.satisfaction,
      r.note,
    ]);
  });
  b.wide(FOOTER);
  return workbookBytes([{ name: '提案', ws: b.build([6, 14, 36, 10, 16, 9, 9, 14]) }], 'xlsx');
}

// --- 4. 一事一议资金台账-元.csv (GBK): preamble, 1,250,000.00, a 合计 line --

const PROJECTS = [
  '村组道路硬化工程',
  '饮水安全巩固提升工程',
  '村级文化广场建设',
  '太阳能路灯安装',
  '河道清淤整治',
  '村内巷道硬化',
  '排水沟渠修建',
  '便民桥维修',
  '产业路建设',
];

function genFundsYuanCsv(rng) {
  const kinds = deal(rng, { round: 10, int: 10, half: 10, fen: 10 });
  const styles = deal(rng, { thousands: 20, plain: 20 });
  const dates = deal(rng, { iso: 20, slash: 20 });
  const records = kinds.map((kind, i) => {
    const yuan = kind === 'round' ? randInt(rng, 3, 150) * 10000 : randInt(rng, 20000, 600000);
    const fen = yuan * 100 + { round: 0, int: 0, half: 50, fen: randInt(rng, 1, 99) }[kind];
    return makeRecord({
      date: randDate(rng, { y: 2023, m: 3, d: 1 }, { y: 2023, m: 12, d: 25 }),
      category: '资金',
      place: pick(rng, M_VILLAGES),
      matter: pick(rng, PROJECTS),
      fen,
      amountStyle: styles[i],
      dateStyle: dates[i],
      note: chance(rng, 0.2) ? pick(rng, ['已验收', '分两次拨付', '县级配套']) : null,
    });
  });
  return records.sort(compareDates);
}

function writeFundsYuanCsv(records) {
  const rows = [['2023年一事一议项目资金台账'], [], ['村名', '项目名称', '拨付日期', '金额(元)', '备注']];
  for (const r of records) {
    const amount = r.amountStyle === 'thousands' ? yuanThousands(r.fen) : String(r.fen / 100);
    rows.push([r.place, `${r.place}${r.matter}`, DATE_TEXT[r.dateStyle](r.date), amount, r.note]);
  }
  rows.push(['合计', '', '', yuanThousands(total(records, 'fen')), '']);
  const text = csvText(rows);
  const bytes = iconv.encode(text, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== text) throw new Error('fixture contains characters outside GBK');
  return bytes;
}

// --- 5. 公益资金-万元.xlsx: 单位：万元 row, unitless 金额, 12.5万元, / ---------

const WELFARE = [
  '捐赠助学金',
  '慰问困难群众',
  '捐赠防疫物资',
  '资助留守儿童',
  '敬老院慰问',
  '捐建农家书屋',
  '捐赠农资',
  '助力人居环境整治',
];

function genWelfare(rng) {
  const styles = deal(rng, { num: 33, text: 6, slash: 1 });
  const records = styles.map((style) =>
    makeRecord({
      date: randDate(rng, { y: 2023, m: 1, d: 10 }, { y: 2023, m: 12, d: 28 }),
      category: '公益',
      members: pickGroup(rng, 1, 3),
      matter: pick(rng, WELFARE),
      fen: style === 'slash' ? null : wanFen(rng, 20, 2000), // 0.2 .. 20 万元
      amountStyle: style,
      note: chance(rng, 0.15) ? pick(rng, ['个人捐款', '企业委员捐赠', '物资折价']) : null,
    }),
  );
  return records.sort(compareDates);
}

function writeWelfare(records) {
  const b = new SheetBuilder(6);
  b.wide('2023年青山镇政协委员公益活动台账');
  const unitRow = b.row([null, null, null, null, '单位：万元']);
  b.merge(unitRow, 4, unitRow, 5);
  b.row(['日期', '类别', '委员', '事项', '金额', '备注']);
  for (const r of records) {
    const amount = { num: fenToWan(r.fen), text: `${fenToWanDecimal(r.fen ?? 0)}万元`, slash: '/' }[
      r.amountStyle
    ];
    b.row([cell.date(r.date), r.category, joinMembers(r.members), r.matter, amount, r.note]);
  }
  return workbookBytes([{ name: '公益', ws: b.build([12, 6, 20, 18, 9, 14]) }], 'xlsx');
}

// --- 6. 活动台账-按月分表: 1月…12月 sheets, 3月5日 dates, hidden 模板 sheet --

const MONTH_CATEGORIES = ['走访', '走访', '调研', '视察', '会议'];
const PEOPLE_RANGE = { 走访: [3, 30], 调研: [3, 15], 视察: [5, 20], 会议: [10, 40] };

function genMonthlySheets(rng) {
  const records = [];
  for (let m = 1; m <= 12; m++) {
    const month = [];
    for (let i = randInt(rng, 3, 8); i > 0; i--) {
      const category = pick(rng, MONTH_CATEGORIES);
      month.push(
        makeRecord({
          date: randDay(rng, 2023, m),
          category,
          members: pickGroup(rng, 1, 3),
          place: pick(
            rng,
            category === '会议' ? M_VENUES : category === '走访' ? M_VILLAGES : M_VILLAGES.concat(M_VENUES),
          ),
          people: randInt(rng, ...PEOPLE_RANGE[category]),
          households: category === '走访' && chance(rng, 0.85) ? randInt(rng, 2, 15) : null,
        }),
      );
    }
    records.push(...month.sort(compareDates));
  }
  return records;
}

const MONTH_HEADER = ['日期', '类别', '委员', '地点', '人数', '户数'];

function writeMonthlySheets(records, rng) {
  const sheets = [];
  for (let m = 1; m <= 12; m++) {
    const month = records.filter((r) => r.date.m === m);
    const b = new SheetBuilder(6);
    b.wide(`2023年${m}月委员活动台账`);
    b.row(MONTH_HEADER);
    const first = b.next;
    for (const r of month) {
      b.row([DATE_TEXT.md(r.date), r.category, joinMembers(r.members), r.place, r.people, r.households]);
    }
    if (chance(rng, 0.5)) {
      const last = b.next - 1;
      b.row([
        '合计',
        null,
        null,
        null,
        sumRange(4, first, last, total(month, 'people')),
        sumRange(5, first, last, total(month, 'households')),
      ]);
    }
    sheets.push({ name: `${m}月`, ws: b.build([10, 6, 20, 14, 6, 6]) });
  }
  sheets.push({
    name: '说明',
    ws: notesSheet([
      '说明：每月一张表，月底前填写完毕。',
      '类别填写：走访、调研、视察、会议。',
      '人数按参加人次填写，户数仅走访填写。',
    ]),
  });
  const t = new SheetBuilder(6);
  t.wide('2023年X月委员活动台账');
  t.row(MONTH_HEADER);
  t.row(['1月1日', '走访', '江峰', '青山村', 10, 5]);
  t.row(['1月2日', '调研', '王霞美', '柳塘村', 8, null]);
  t.row(['1月3日', '会议', '江峰、王霞美', '镇政府会议室', 20, null]);
  sheets.push({ name: '模板', ws: t.build([10, 6, 20, 14, 6, 6]), hidden: true });
  return workbookBytes(sheets, 'xlsx');
}

// --- 7. 季度台账: 一季度…四季度 sheets, 2023年1月 month-only dates, 次数 -----

function genQuarterly(rng) {
  const records = [];
  for (let m = 1; m <= 12; m++) {
    for (let i = randInt(rng, 3, 5); i > 0; i--) {
      const sessions = randInt(rng, 1, 3);
      records.push(
        makeRecord({
          date: { y: 2023, m, d: null },
          category: pick(rng, ['学习', '会议']),
          members: pickGroup(rng, 1, 4),
          sessions,
          people: sessions * randInt(rng, 6, 25),
        }),
      );
    }
  }
  return records;
}

function writeQuarterly(records) {
  const sheets = CN_QUARTERS.map((q, qi) => {
    const b = new SheetBuilder(5);
    b.wide(`2023年${q}委员学习、会议情况台账`);
    b.row(['月份', '类别', '委员', '次数', '人次']);
    for (const r of records.filter((x) => Math.ceil(x.date.m / 3) === qi + 1)) {
      b.row([DATE_TEXT.ym(r.date), r.category, joinMembers(r.members), r.sessions, r.people]);
    }
    return { name: q, ws: b.build([10, 6, 28, 6, 6]) };
  });
  return workbookBytes(sheets, 'xlsx');
}

// --- Tally tables: figures, not events. A cell is { y, m, category, measure, value }
// with measure count/people/households/items/fen (money in fen).

// --- 8. 工作情况统计表-按月 (wide): items down, 1月…12月 | 全年合计 across ----

const WIDE_ITEMS = [
  {
    label: '走访群众',
    unit: '人次',
    category: '走访',
    measure: 'people',
    gen: (rng) => randInt(rng, 20, 160),
  },
  {
    label: '走访农户',
    unit: '户',
    category: '走访',
    measure: 'households',
    gen: (rng) => randInt(rng, 8, 70),
  },
  {
    label: '发放宣传资料',
    unit: '份',
    category: '走访',
    measure: 'items',
    gen: (rng) => (chance(rng, 0.8) ? randInt(rng, 4, 60) * 10 : null),
  },
  {
    label: '举办培训',
    unit: '期',
    category: '培训',
    measure: 'count',
    gen: (rng) => (chance(rng, 0.6) ? randInt(rng, 1, 3) : null),
  },
  {
    label: '培训人数',
    unit: '人次',
    category: '培训',
    measure: 'people',
    gen: (rng, m, got) => (got.举办培训[m - 1] == null ? null : got.举办培训[m - 1] * randInt(rng, 25, 60)),
  },
  {
    label: '收到提案',
    unit: '件',
    category: '提案',
    measure: 'count',
    gen: (rng, m) => (m <= 3 ? randInt(rng, 3, 9) : chance(rng, 0.25) ? 1 : null),
  },
  {
    label: '一事一议资金',
    unit: '万元',
    category: '资金',
    measure: 'fen',
    gen: (rng) => (chance(rng, 0.7) ? wanFen(rng, 50, 6000) : null),
  },
  {
    label: '视察调研',
    unit: '次',
    category: '调研',
    measure: 'count',
    gen: (rng) => (chance(rng, 0.7) ? randInt(rng, 1, 4) : null),
  },
];

function genWideTally(rng) {
  const got = {};
  for (const item of WIDE_ITEMS) {
    got[item.label] = [];
    for (let m = 1; m <= 12; m++) got[item.label].push(item.gen(rng, m, got));
  }
  const cells = [];
  for (const item of WIDE_ITEMS) {
    got[item.label].forEach((value, i) => {
      if (value != null)
        cells.push({ y: 2023, m: i + 1, category: item.category, measure: item.measure, value });
    });
  }
  return { got, cells };
}

function writeWideTally({ got }) {
  const W = 15;
  const b = new SheetBuilder(W);
  b.wide(`${TOWN}政协2023年工作情况统计表`);
  b.row(['项目', '单位', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '全年合计']);
  for (const item of WIDE_ITEMS) {
    const values = got[item.label];
    const money = item.measure === 'fen';
    const sum = values.reduce((s, v) => s + (v ?? 0), 0);
    const r = b.next;
    b.row([
      item.label,
      item.unit,
      ...values.map((v) => (money ? fenToWan(v) : v)),
      formula(`SUM(${addr(r, 2)}:${addr(r, 13)})`, money ? fenToWan(sum) : sum),
    ]);
  }
  b.wide(FOOTER);
  return workbookBytes([{ name: '统计表', ws: b.build([14, 6, ...new Array(12).fill(7), 10]) }], 'xlsx');
}

// --- 9. 各村履职情况统计表: one row per village, grouped two-row header ------

const VILLAGE_COLUMNS = [
  { category: '走访', measure: 'people' },
  { category: '走访', measure: 'households' },
  { category: '培训', measure: 'count' },
  { category: '培训', measure: 'people' },
  { category: '提案', measure: 'count' },
  { category: '资金', measure: 'fen' },
];

function genVillageTally(rng) {
  const rows = M_VILLAGES.map((village) => {
    const trainings = chance(rng, 0.7) ? randInt(rng, 1, 3) : null;
    return {
      village,
      values: [
        randInt(rng, 30, 220),
        randInt(rng, 10, 90),
        trainings,
        trainings == null ? null : trainings * randInt(rng, 20, 50),
        chance(rng, 0.8) ? randInt(rng, 1, 4) : null,
        chance(rng, 0.85) ? wanFen(rng, 50, 6000) : null,
      ],
    };
  });
  const cells = [];
  for (const row of rows) {
    row.values.forEach((value, i) => {
      if (value != null) cells.push({ y: 2023, m: null, ...VILLAGE_COLUMNS[i], value });
    });
  }
  return { rows, cells };
}

function writeVillageTally({ rows }) {
  const b = new SheetBuilder(7);
  b.wide(`${TOWN}政协2023年各村(社区)委员履职情况统计表`);
  const h1 = b.row(['村(社区)', '走访', null, '培训', null, '提案(件)', '一事一议资金(万元)']);
  const h2 = b.row([null, '人次', '户数', '期数', '人次', null, null]);
  for (const c of [0, 5, 6]) b.merge(h1, c, h2, c);
  b.merge(h1, 1, h1, 2);
  b.merge(h1, 3, h1, 4);
  const first = b.next;
  const money = (i, v) => (VILLAGE_COLUMNS[i].measure === 'fen' ? fenToWan(v) : v);
  for (const row of rows) b.row([row.village, ...row.values.map((v, i) => money(i, v))]);
  const last = b.next - 1;
  b.row([
    '合计',
    ...VILLAGE_COLUMNS.map((_, i) =>
      sumRange(
        i + 1,
        first,
        last,
        money(
          i,
          rows.reduce((s, row) => s + (row.values[i] ?? 0), 0),
        ),
      ),
    ),
  ]);
  b.wide(FOOTER);
  return workbookBytes([{ name: '各村统计', ws: b.build([12, 7, 7, 7, 7, 9, 18]) }], 'xlsx');
}

// --- 10. 走访台账-GBK制表符.xls: tab-separated GBK text named .xls ----------

function genVisitsTab(rng) {
  const records = [];
  for (let i = 0; i < 40; i++) {
    const people = randInt(rng, 3, 40);
    records.push(
      makeRecord({
        date: randDate(rng, { y: 2023, m: 1, d: 4 }, { y: 2023, m: 12, d: 28 }),
        category: '走访',
        members: pickGroup(rng, 1, 2),
        place: pick(rng, M_VILLAGES),
        people,
        households: chance(rng, 0.85) ? randInt(rng, 1, Math.max(2, Math.floor(people * 0.7))) : null,
      }),
    );
  }
  return records.sort(compareDates);
}

function writeVisitsTab(records) {
  const lines = [['日期', '委员', '地点', '走访人数', '户数']];
  for (const r of records) {
    lines.push([DATE_TEXT.iso(r.date), joinMembers(r.members), r.place, r.people, r.households ?? '']);
  }
  const text = lines.map((l) => l.join('\t') + '\r\n').join('');
  const bytes = iconv.encode(text, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== text) throw new Error('fixture contains characters outside GBK');
  return bytes;
}

// --- 11. 调研台账-网页.xls: an HTML table saved as .xls ----------------------

const RESEARCH_TOPICS = [
  '人居环境整治',
  '农村养老服务',
  '特色产业发展',
  '防汛抗旱工作',
  '农村饮水安全',
  '村级集体经济',
  '义务教育均衡发展',
  '基层医疗服务',
];

function genResearchHtml(rng) {
  const records = [];
  for (let i = 0; i < 40; i++) {
    records.push(
      makeRecord({
        date: randDate(rng, { y: 2023, m: 2, d: 1 }, { y: 2023, m: 12, d: 20 }),
        category: '调研',
        members: pickGroup(rng, 1, 4),
        place: pick(rng, M_VILLAGES.concat(M_VENUES)),
        matter: pick(rng, RESEARCH_TOPICS),
        people: randInt(rng, 3, 15),
      }),
    );
  }
  return records.sort(compareDates);
}

const html = (s) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

function writeResearchHtml(records) {
  const tr = (cells) => `<tr>${cells.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`;
  const lines = [
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    '<title>调研台账</title>',
    '</head>',
    '<body>',
    '<table border="1">',
    '<tr><td colspan="5">2023年青山镇政协委员调研活动台账</td></tr>',
    tr(['日期', '委员', '地点', '调研主题', '参加人数']),
    ...records.map((r) => tr([DATE_TEXT.iso(r.date), joinMembers(r.members), r.place, r.matter, r.people])),
    '</table>',
    '</body>',
    '</html>',
  ];
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

// --- 12. 会议台账.ods ---------------------------------------------------------

const MEETINGS = [
  '政协委员季度例会',
  '民主协商会',
  '委员述职会',
  '提案办理协商会',
  '社情民意座谈会',
  '政协工作推进会',
];

function genMeetingsOds(rng) {
  const records = [];
  for (let i = 0; i < 40; i++) {
    records.push(
      makeRecord({
        date: randDate(rng, { y: 2023, m: 1, d: 5 }, { y: 2023, m: 12, d: 28 }),
        category: '会议',
        matter: pick(rng, MEETINGS),
        people: randInt(rng, 12, 45),
      }),
    );
  }
  return records.sort(compareDates);
}

function writeMeetingsOds(records) {
  const b = new SheetBuilder(3);
  b.row(['日期', '会议名称', '参会人数']);
  // An ODS date cell (office:value-type="date"); SheetJS's ODS writer mangles number formats.
  const odsDate = ({ y, m, d }) => ({ t: 'd', v: new Date(Date.UTC(y, m - 1, d)) });
  for (const r of records) b.row([odsDate(r.date), r.matter, r.people]);
  return workbookBytes([{ name: '会议', ws: b.build([12, 20, 9]) }], 'ods');
}

// ---------------------------------------------------------------------------
// Fixture definitions. `file` is relative to tests/fixtures/ and is the key in
// expected.json. Each fixture gets its own seeds, so adding or reordering
// fixtures never changes the others.
// ---------------------------------------------------------------------------

/** A fixture under messy/: expected measures are those its rows carry (see summarize). */
function messy(fixture) {
  return { ...fixture, file: `messy/${fixture.file}`, carried: true };
}

const FIXTURES = [
  {
    file: 'clean/2023年活动台账.xlsx',
    seed: 0x20230101,
    exercises: [
      'one sheet `台账`, one header row at row 1, data below, no title/total rows',
      'header 日期 | 类别 | 委员 | 地点 | 事项 | 人数 | 户数 | 份数 | 金额(万元) | 办理状态 | 满意度 | 备注',
      'dates are real Excel date serials with number format `yyyy-mm-dd`',
      'five categories from the 类别 column: 走访, 培训, 提案, 资金, 调研',
      '10 rows dated 2022 (Sep-Dec) among the 2023 rows, so the year filter matters',
      'members joined with 、 (`江峰、王霞美`)',
      '金额(万元) only on 资金 rows, with 0, 1 or 2 decimals; 人数/户数/份数 are blank cells (not 0) where not applicable',
      '提案 rows: every 办理状态 (已提交/已立案/已答复/已办结); 满意度 only on 已答复/已办结, one 已答复 row left unrated',
    ],
    generate: genActivities2023,
    write: (records) => xlsxBytes([{ name: '台账', ws: sheetFromColumns(ACTIVITY_COLUMNS, records) }]),
  },
  {
    file: 'clean/走访台账.csv',
    seed: 0x20230202,
    exercises: [
      'CSV in UTF-8 with BOM, comma separated, CRLF line ends',
      'no 类别 column: the category (走访) comes from the file name',
      'header 日期,委员,地点,走访人数,户数,发放资料(份),备注',
      'dates as text, mixed `2023-03-05` and `2023/3/5`',
      'exactly one quoted member cell `"江峰,王霞美"` (ASCII comma inside quotes); other pairs use 、',
      'blank 户数 / 发放资料(份) cells',
    ],
    generate: genVisitsCsv,
    write: writeVisitsCsv,
  },
  {
    file: 'clean/培训台账-GBK.csv',
    seed: 0x20230303,
    exercises: [
      'CSV encoded in GBK (written with iconv-lite gb18030, GBK subset only, no BOM); not valid UTF-8',
      'contains 喆 (in GBK, not in GB2312)',
      'header 日期,类别,委员,地点,事项,期数,人次; 类别 = 培训',
      'dates as text `2023年3月5日`',
      '期数 column: count = sum of 期数, not the number of rows; people = sum of 人次',
    ],
    generate: genTrainingGbk,
    write: writeTrainingGbk,
  },
  {
    file: 'clean/资金台账.xlsx',
    seed: 0x20230404,
    exercises: [
      'one sheet `资金`, header 日期 | 类别 | 地点 | 事项 | 金额(元), no 委员 column',
      'money in 元 (not 万元) with fen: whole thousands, whole yuan, .5 and two decimals (e.g. 153200.5)',
      'amountWan = 元 / 10000, exact (e.g. 15.32005)',
    ],
    generate: genFundsYuan,
    write: (records) => xlsxBytes([{ name: '资金', ws: sheetFromColumns(FUNDS_COLUMNS, records) }]),
  },
  messy({
    file: '2023年青山镇政协委员走访群众台账.xlsx',
    seed: 0x20231001,
    note: 'title, 填报单位/单位 row, X月小计 rows and a 合计 row (SUM formulas, correct cached values), blank separators, footers; text numbers 12人, ６, —; a notes sheet and an empty Sheet3',
    exercises: [
      'merged title row across A:I; row 2 `填报单位：青山镇政协联络办` (merged A:D) and `单位：人、户、份` (merged G:I)',
      'header 序号 | 走访日期 | 走访委员 | 走访村(社区) | 走访对象 | 走访人数 | 户数 | 发放资料(份) | 备注; category 走访 from the title/file name',
      'rows grouped by month, each month followed by `X月小计` (merged A:E, SUM formulas with correct cached values); 3 blank separator rows',
      '`合计` row: SUM of the 12 小计 cells; then footers `填表人：张丽    审核人：李明    填报日期：2024年1月5日` and `注：走访人数按人次统计。`',
      'dates are Excel serials formatted yyyy-mm-dd',
      'member cells `江峰、王霞美`, `江峰,王霞美`, `江峰，王霞美`, `江峰;王霞美`, `江峰/王霞美`, `王霞美等3人`',
      'text cells: 走访人数 `12人` (= 12), 户数 full-width `６` (= 6), 发放资料 `—` (blank); the cached 小计/合计 values include 12 and 6 (Excel itself would skip text in SUM)',
      'sheet `填表说明` (prose only) and an empty `Sheet3`',
    ],
    generate: genMessyVisits,
    write: writeMessyVisits,
  }),
  messy({
    file: '培训情况统计表.xls',
    seed: 0x20231002,
    note: `BIFF8; two-row merged header 培训情况 over 期数|人次; 栏次 row 甲乙丙12丁; text dates 2023.3.5, 2023/4/12, 2023年5月6日; 合计 of 人次 wrong by +${TRAINING_TOTAL_ERROR}`,
    exercises: [
      'BIFF8 .xls; title merged A:F; no year in the file name (dates carry it)',
      'two header rows: `序号 | 日期 | 培训内容 | 培训情况 | 参训委员` over `期数 | 人次` (培训情况 merged over two columns, the others merged down both rows)',
      '栏次 row `甲 | 乙 | 丙 | 1 | 2 | 丁` (1 and 2 are numbers)',
      'dates as text: `2023.3.5`, `2023/4/12`, `2023年5月6日`',
      'count = sum of 期数; people = sum of 人次',
      `\`合计\` row: 期数 correct, 人次 ${TRAINING_TOTAL_ERROR} too high on purpose → warning total-mismatch (biff8 keeps the cached values, not the SUM formulas)`,
      'footer row',
    ],
    expectWarnings: ['total-mismatch'],
    generate: genMessyTraining,
    write: writeMessyTraining,
  }),
  messy({
    file: '2023年提案办理情况统计表.xlsx',
    seed: 0x20231003,
    note: 'proposals: status variants 已办结/办结/已答复/已立案/未立案, 满意度 with blanks, dates 3月5日 (year from the title), a hidden draft row',
    exercises: [
      'title `青山镇政协2023年提案办理情况统计表`; header 序号 | 提案人 | 案由 | 提交日期 | 承办单位 | 办理状态 | 满意度 | 备注',
      'no 类别 column: category 提案 from the file name/title',
      'dates `3月5日` without a year: the year (2023) comes from the title',
      '办理状态 as typed: `已办结`, `办结` (= 已办结), `已答复`, `已立案`, `未立案`; answered = 已答复 + 已办结/办结, done = 已办结/办结',
      '满意度 `满意`/`基本满意`/`不满意`/blank; satisfied = 满意 + 基本满意',
      'one hidden row (ws["!rows"][r].hidden): a draft, 已办结 and 满意, that must not count',
    ],
    generate: genMessyProposals,
    write: writeMessyProposals,
  }),
  messy({
    file: '一事一议资金台账-元.csv',
    seed: 0x20231004,
    note: 'GBK CSV; preamble title line and a blank line before the header; 金额(元) as text 1,250,000.00 and 153200.5; a 合计 line at the end',
    exercises: [
      'CSV in GBK (no BOM), CRLF; line 1 `2023年一事一议项目资金台账`, line 2 blank, header on line 3',
      'header 村名,项目名称,拨付日期,金额(元),备注; category 资金 from the file name (一事一议)',
      'amounts in 元 as text: half with thousands separators (`"1,250,000.00"`, quoted), half plain (`153200.5`, `86000`, `23456.78`)',
      'dates `2023-03-05` and `2023/3/5`',
      'last line `合计,,,"<total>",` (correct total) must be excluded',
    ],
    generate: genFundsYuanCsv,
    write: writeFundsYuanCsv,
  }),
  messy({
    file: '公益资金-万元.xlsx',
    seed: 0x20231005,
    note: 'unitless 金额 column under a 单位：万元 row; amounts as numbers and as text 12.5万元; one / cell (blank)',
    exercises: [
      'title, then a `单位：万元` row (merged E:F), header 日期 | 类别 | 委员 | 事项 | 金额 | 备注',
      '金额 has no unit in the header: the unit row says 万元',
      '类别 = 公益 on every row; dates are Excel serials',
      'amounts: numbers with 0–2 decimals (0.5, 3.68), six as text `12.5万元`, one `/` (blank amount, still one event)',
    ],
    generate: genWelfare,
    write: writeWelfare,
  }),
  messy({
    file: '2023年活动台账-按月分表.xlsx',
    seed: 0x20231006,
    note: 'one sheet per month (1月…12月) with a title each, dates 3月5日 (year from the title), categories 走访/调研/视察/会议, some 合计 rows; a 说明 sheet and a hidden 模板 sheet with sample rows',
    exercises: [
      'sheets `1月` … `12月`, each titled `2023年X月委员活动台账`, 3–8 rows each',
      'header 日期 | 类别 | 委员 | 地点 | 人数 | 户数; dates as text `3月5日` (year from the sheet title / file name)',
      '类别 mixed: 走访, 调研, 视察, 会议; 户数 only on 走访 rows',
      'about half the sheets end with a `合计` row (SUM formulas)',
      'a `说明` sheet (prose) and a hidden sheet `模板` (wb.Workbook.Sheets[].Hidden = 1) with three sample rows that must not count',
    ],
    generate: genMonthlySheets,
    write: writeMonthlySheets,
  }),
  messy({
    file: '2023年季度台账.xlsx',
    seed: 0x20231007,
    note: 'one sheet per quarter (一季度…四季度); 月份 as 2023年1月 (month-only dates); 次数 column gives count; categories 学习/会议',
    exercises: [
      'sheets `一季度` `二季度` `三季度` `四季度`, each with a title row',
      'header 月份 | 类别 | 委员 | 次数 | 人次; 月份 as text `2023年1月` (a month, no day: dates YYYY-MM)',
      '类别 学习 or 会议; count = sum of 次数, people = sum of 人次',
    ],
    generate: genQuarterly,
    write: writeQuarterly,
  }),
  messy({
    file: '2023年工作情况统计表-按月.xlsx',
    seed: 0x20231008,
    tally: true,
    note: 'WIDE tally: items down the side (项目 | 单位), 1月…12月 across, 全年合计 SUM column; months become YYYY-MM dates; no events, only the stated figures',
    exercises: [
      'title `青山镇政协2023年工作情况统计表`; header 项目 | 单位 | 1月 … 12月 | 全年合计',
      `items: ${WIDE_ITEMS.map((i) => `${i.label}(${i.unit}) → ${i.category}.${i.measure === 'fen' ? 'amountWan' : i.measure}`).join(', ')}`,
      'some month cells blank; 全年合计 = SUM(C:N) formulas with correct cached values; a footer row',
      'tally: no records and no implicit count; count only from 举办培训(期), 收到提案(件), 视察调研(次)',
    ],
    generate: genWideTally,
    write: writeWideTally,
  }),
  messy({
    file: '各村履职情况统计表.xlsx',
    seed: 0x20231009,
    tally: true,
    note: 'per-village statistics tally: two-row grouped header (走访: 人次, 户数 / 培训: 期数, 人次 / 提案(件) / 一事一议资金(万元)), 8 villages, a 合计 row; year from the title',
    exercises: [
      'title `青山镇政协2023年各村(社区)委员履职情况统计表` (the only place with the year)',
      'two header rows: `村(社区) | 走访 | 培训 | 提案(件) | 一事一议资金(万元)` over `人次 | 户数 | 期数 | 人次` (groups merged across, single columns merged down)',
      '8 village rows, some blank cells, a `合计` row (SUM formulas, correct cached values), a footer',
      'tally: 走访 (people, households), 培训 (count = 期数, people), 提案 (count), 资金 (amountWan)',
    ],
    generate: genVillageTally,
    write: writeVillageTally,
  }),
  messy({
    file: '走访台账-GBK制表符.xls',
    seed: 0x2023100a,
    note: 'tab-separated GBK text named .xls (sniff the content, not the extension)',
    exercises: [
      'not a BIFF file: GBK text, tab separated, CRLF, named .xls',
      'header `日期<TAB>委员<TAB>地点<TAB>走访人数<TAB>户数` (no 类别: 走访 from the file name); dates `2023-03-05`; blank 户数 cells',
    ],
    generate: genVisitsTab,
    write: writeVisitsTab,
  }),
  messy({
    file: '调研台账-网页.xls',
    seed: 0x2023100b,
    note: 'HTML <table> saved as .xls (UTF-8, <meta charset>), a colspan title row; category 调研 from the file name',
    exercises: [
      'an HTML page (`<meta charset="utf-8">`) with one `<table>`, named .xls',
      'title row `<td colspan="5">`, header 日期 | 委员 | 地点 | 调研主题 | 参加人数; dates `2023-03-05`',
      'no 类别 column: 调研 from the file name',
    ],
    generate: genResearchHtml,
    write: writeResearchHtml,
  }),
  messy({
    file: '会议台账.ods',
    seed: 0x2023100c,
    note: 'OpenDocument spreadsheet; header 日期 | 会议名称 | 参会人数; ODS date cells; category 会议 from the file name',
    exercises: [
      'bookType ods; dates are ODS date cells (office:value-type="date")',
      'header 日期 | 会议名称 | 参会人数; no 类别 column: 会议 from the file name',
    ],
    generate: genMeetingsOds,
    write: writeMeetingsOds,
  }),
];

// ---------------------------------------------------------------------------
// Expected totals
// ---------------------------------------------------------------------------

const CATEGORY_ORDER = ['走访', '培训', '提案', '资金', '视察', '调研', '会议', '学习', '公益'];
/** Measures a category has; other measures are listed only when non-zero. */
const CATEGORY_MEASURES = {
  走访: ['people', 'households', 'items'],
  培训: ['people'],
  提案: ['answered', 'done', 'satisfied'],
  资金: ['amountWan'],
  调研: ['people'],
};
const MEASURE_ORDER = ['people', 'households', 'items', 'amountWan', 'answered', 'done', 'satisfied'];

/** Exact decimal string of fen / 1e6 (万元), e.g. 453681 -> "0.453681". */
function fenToWanDecimal(fen) {
  const neg = fen < 0;
  const digits = String(Math.abs(fen)).padStart(7, '0');
  const whole = digits.slice(0, -6);
  const frac = digits.slice(-6).replace(/0+$/, '');
  return (neg ? '-' : '') + whole + (frac ? '.' + frac : '');
}

/** A JSON number that prints exactly as the decimal (throws on any float noise). */
function exactNumber(decimal) {
  const n = Number(decimal);
  if (JSON.stringify(n) !== decimal) throw new Error(`${decimal} is not exact as a JS number (${n})`);
  return n;
}

/**
 * Expected totals of event records (one record = one data row). With `carried` (messy fixtures) a
 * measure is listed for a category only when some row of it carries a value (提案 always has its
 * handling counts); otherwise the category's usual measures are listed even when zero.
 */
function summarize(records, { carried = false } = {}) {
  const acc = new Map(); // year -> category -> sums
  for (const r of records) {
    const year = String(r.date.y);
    if (!acc.has(year)) acc.set(year, new Map());
    const byCat = acc.get(year);
    if (!byCat.has(r.category)) {
      byCat.set(r.category, {
        records: 0,
        count: 0,
        people: 0,
        households: 0,
        items: 0,
        fen: 0,
        answered: 0,
        done: 0,
        satisfied: 0,
        carried: new Set(),
      });
    }
    const s = byCat.get(r.category);
    for (const [m, field] of CARRIED_FIELDS) if (r[field] != null) s.carried.add(m);
    if (r.category === '提案') for (const m of ['answered', 'done', 'satisfied']) s.carried.add(m);
    s.records += 1;
    s.count += r.sessions ?? 1;
    s.people += r.people ?? 0;
    s.households += r.households ?? 0;
    s.items += r.items ?? 0;
    s.fen += r.fen ?? 0;
    if (r.category === '提案') {
      if (r.status === '已答复' || r.status === '已办结') s.answered += 1;
      if (r.status === '已办结') s.done += 1;
      if (r.satisfaction === '满意' || r.satisfaction === '基本满意') s.satisfied += 1;
    }
    if (!Number.isSafeInteger(s.fen)) throw new Error('money total overflows exact integers');
  }

  const byYear = {};
  for (const year of [...acc.keys()].sort()) {
    const byCat = acc.get(year);
    const cats = [...byCat.keys()].sort((a, b) => rank(CATEGORY_ORDER, a) - rank(CATEGORY_ORDER, b));
    byYear[year] = {};
    for (const cat of cats) {
      const s = byCat.get(cat);
      const out = { records: s.records, count: s.count };
      for (const m of MEASURE_ORDER) {
        const value = m === 'amountWan' ? s.fen : s[m];
        if (carried ? !s.carried.has(m) : value === 0 && !(CATEGORY_MEASURES[cat] ?? []).includes(m))
          continue;
        out[m] = m === 'amountWan' ? exactNumber(fenToWanDecimal(s.fen)) : value;
      }
      byYear[year][cat] = out;
    }
  }
  return { records: records.length, byYear };
}

const CARRIED_FIELDS = [
  ['people', 'people'],
  ['households', 'households'],
  ['items', 'items'],
  ['amountWan', 'fen'],
];

/**
 * Expected totals of a tally table (wide months-across, or per village): no records and no implicit
 * count, only the figures the table states. `cells` are { y, category, measure, value }, with measure
 * count/people/households/items/fen.
 */
function summarizeTally(cells) {
  const acc = new Map(); // year -> category -> measure -> sum
  for (const c of cells) {
    const year = String(c.y);
    if (!acc.has(year)) acc.set(year, new Map());
    const byCat = acc.get(year);
    if (!byCat.has(c.category)) byCat.set(c.category, new Map());
    const sums = byCat.get(c.category);
    sums.set(c.measure, (sums.get(c.measure) ?? 0) + c.value);
  }
  const byYear = {};
  for (const year of [...acc.keys()].sort()) {
    const byCat = acc.get(year);
    const cats = [...byCat.keys()].sort((a, b) => rank(CATEGORY_ORDER, a) - rank(CATEGORY_ORDER, b));
    byYear[year] = {};
    for (const cat of cats) {
      const sums = byCat.get(cat);
      const out = {};
      for (const m of ['count', ...MEASURE_ORDER]) {
        const key = m === 'amountWan' ? 'fen' : m;
        if (!sums.has(key)) continue;
        if (!Number.isSafeInteger(sums.get(key))) throw new Error('tally total overflows exact integers');
        out[m] = m === 'amountWan' ? exactNumber(fenToWanDecimal(sums.get(key))) : sums.get(key);
      }
      byYear[year][cat] = out;
    }
  }
  return { tally: true, byYear };
}

function rank(order, key) {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

// ---------------------------------------------------------------------------
// README
// ---------------------------------------------------------------------------

function readmeText(results) {
  const lines = [
    '# Test fixtures: ledgers (台账)',
    '',
    'Generated by `node scripts/make-fixtures.mjs` (`npm run fixtures`). Do not edit these files by hand:',
    'change the script and re-run it. The output is deterministic (seeded PRNG, fixed .xlsx document date),',
    'so re-running reproduces the same bytes.',
    '',
    '## expected.json',
    '',
    'Exact totals per fixture, computed by the script from the records it generated (never by app code).',
    'Keys are paths relative to `tests/fixtures/`. Shape:',
    '`{ "<path>": { "records"?: n, "tally"?: true, "byYear": { "<year>": { "<category>": { ... } } }, "expectWarnings"?: [...], "note"?: "..." } }`',
    'where, per category:',
    '',
    '- `records`: data rows; `count`: events (1 per row, or the sum of the 期数/次数/件数 column when the ledger has one)',
    '- `people`: sum of 人数 / 走访人数 / 人次 / 参加人数; `households`: 户数; `items`: 份数 / 发放资料(份)',
    '- `amountWan`: money in 万元 (元 / 10000), an exact decimal (computed in integer fen)',
    '- 提案 only: `answered` (已答复 or 已办结), `done` (已办结), `satisfied` (满意度 满意 or 基本满意)',
    '- clean fixtures: a measure a category does not have is omitted when zero; `records` and `count` are always present',
    '- messy fixtures: a measure is listed only when some row of that category carries it',
    '',
    'Title, unit, header, 栏次, blank, 小计/合计/总计, footer (填表人, 注：…) rows, rows of hidden sheets and',
    'hidden rows are not data. Blank cells (and `—`, `/`) are blank, never 0.',
    '',
    '`"tally": true` marks a statistics table (months across, or one row per village): its figures are not',
    'events, so there is no `records` and no implicit count; `count` appears only where the table states',
    'one (期数, 次数, 件数). `expectWarnings` lists the import warning kinds the file must raise',
    '(`total-mismatch`: a total row disagreeing with the sum of its rows). `note` says what the file exercises.',
    '',
    '## Files',
  ];
  const intro = {
    clean:
      'Clean ledgers: exactly one header row at row 1, data rows below, no title, unit, subtotal or total rows.',
    messy:
      'Messy ledgers: the shapes clerks really keep (see shared/domain.md). Checked by tests/unit/shapes.test.ts.',
  };
  let dir = null;
  for (const { fixture, summary, losses } of results) {
    const d = path.posix.dirname(fixture.file);
    if (d !== dir) {
      dir = d;
      lines.push('', `### ${d}/`);
      if (intro[d]) lines.push('', intro[d]);
      lines.push('');
    }
    let what;
    if (summary.tally) {
      const cats = Object.entries(summary.byYear).map(([y, c]) => `${y}: ${Object.keys(c).join(', ')}`);
      what = `tally table (${cats.join('; ')})`;
    } else {
      const perYear = Object.entries(summary.byYear)
        .map(([y, cats]) => `${y}: ${Object.values(cats).reduce((n, c) => n + c.records, 0)}`)
        .join(', ');
      what = `${summary.records} data rows (${perYear})`;
    }
    const warns = summary.expectWarnings ? `; expected warnings: ${summary.expectWarnings.join(', ')}` : '';
    lines.push(`- \`${fixture.file}\`: ${what}${warns}.`);
    for (const item of fixture.exercises) lines.push(`  - ${item}`);
    for (const loss of losses) lines.push(`  - SheetJS could not write it all: ${loss}`);
  }
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

/** Text formatted as `prettier --check .` wants it, so that regenerating never breaks the check. */
async function formatted(file, text) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

async function main() {
  const results = [];
  const expected = {};
  const seen = new Set();
  for (const fixture of FIXTURES) {
    if (seen.has(fixture.file)) throw new Error(`duplicate fixture ${fixture.file}`);
    seen.add(fixture.file);
    writeLosses = [];
    const data = fixture.generate(mulberry32(fixture.seed));
    const bytes = fixture.write(data, mulberry32(fixture.seed ^ 0x5bd1e995));
    const target = path.join(OUT_DIR, ...fixture.file.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
    const summary = fixture.tally
      ? summarizeTally(data.cells)
      : summarize(data, { carried: fixture.carried === true });
    if (fixture.expectWarnings) summary.expectWarnings = fixture.expectWarnings;
    if (fixture.note) summary.note = fixture.note;
    expected[fixture.file] = summary;
    results.push({ fixture, summary, losses: writeLosses });
    const what = summary.tally ? 'tally' : `${summary.records} rows`;
    process.stdout.write(`${fixture.file}: ${what}, ${bytes.length} bytes\n`);
    for (const loss of writeLosses) process.stdout.write(`  SheetJS: ${loss}\n`);
  }
  const expectedFile = path.join(OUT_DIR, 'expected.json');
  fs.writeFileSync(expectedFile, await formatted(expectedFile, JSON.stringify(expected, null, 2) + '\n'));
  const readmeFile = path.join(OUT_DIR, 'README.md');
  fs.writeFileSync(readmeFile, await formatted(readmeFile, readmeText(results)));
  process.stdout.write(`wrote expected.json and README.md in ${path.relative(ROOT, OUT_DIR)}\n`);
}

await main();
