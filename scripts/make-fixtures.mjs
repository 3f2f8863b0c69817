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
// Fixture definitions. `file` is relative to tests/fixtures/ and is the key in
// expected.json. Each fixture gets its own seeds, so adding or reordering
// fixtures never changes the others.
// ---------------------------------------------------------------------------

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
];

// ---------------------------------------------------------------------------
// Expected totals
// ---------------------------------------------------------------------------

const CATEGORY_ORDER = ['走访', '培训', '提案', '资金', '调研'];
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

function summarize(records) {
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
      });
    }
    const s = byCat.get(r.category);
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
        if (value === 0 && !(CATEGORY_MEASURES[cat] ?? []).includes(m)) continue;
        out[m] = m === 'amountWan' ? exactNumber(fenToWanDecimal(s.fen)) : value;
      }
      byYear[year][cat] = out;
    }
  }
  return { records: records.length, byYear };
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
    '`{ "<path>": { "records": n, "byYear": { "<year>": { "<category>": { ... } } } } }` where, per category:',
    '',
    '- `records`: data rows; `count`: events (1 per row, or the sum of 期数 when the ledger has that column)',
    '- `people`: sum of 人数 / 走访人数 / 人次; `households`: 户数; `items`: 份数 / 发放资料(份)',
    '- `amountWan`: money in 万元 (元 / 10000), an exact decimal (computed in integer fen)',
    '- 提案 only: `answered` (已答复 or 已办结), `done` (已办结), `satisfied` (满意度 满意 or 基本满意)',
    '- a measure a category does not have is omitted when zero; `records` and `count` are always present',
    '',
    'Blank cells are blank, never 0.',
    '',
    '## Files',
  ];
  let dir = null;
  for (const { fixture, summary } of results) {
    const d = path.posix.dirname(fixture.file);
    if (d !== dir) {
      dir = d;
      lines.push('', `### ${d}/`);
      if (d === 'clean') {
        lines.push(
          '',
          'Clean ledgers: exactly one header row at row 1, data rows below, no title, unit, subtotal or total rows.',
        );
      }
      lines.push('');
    }
    const perYear = Object.entries(summary.byYear)
      .map(([y, cats]) => `${y}: ${Object.values(cats).reduce((n, c) => n + c.records, 0)}`)
      .join(', ');
    lines.push(`- \`${fixture.file}\`: ${summary.records} data rows (${perYear}).`);
    for (const item of fixture.exercises) lines.push(`  - ${item}`);
  }
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

function main() {
  const results = [];
  const expected = {};
  const seen = new Set();
  for (const fixture of FIXTURES) {
    if (seen.has(fixture.file)) throw new Error(`duplicate fixture ${fixture.file}`);
    seen.add(fixture.file);
    const records = fixture.generate(mulberry32(fixture.seed));
    const bytes = fixture.write(records, mulberry32(fixture.seed ^ 0x5bd1e995));
    const target = path.join(OUT_DIR, ...fixture.file.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
    const summary = summarize(records);
    expected[fixture.file] = summary;
    results.push({ fixture, summary });
    process.stdout.write(`${fixture.file}: ${summary.records} rows, ${bytes.length} bytes\n`);
  }
  fs.writeFileSync(path.join(OUT_DIR, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  fs.writeFileSync(path.join(OUT_DIR, 'README.md'), readmeText(results));
  process.stdout.write(`wrote expected.json and README.md in ${path.relative(ROOT, OUT_DIR)}\n`);
}

main();
