/**
 * The words that tell a row's role in a ledger: totals, footers, 栏次, titles, unit lines, months.
 * Kept together because they are tuned together: a label that is a total must never be read as data.
 */

/** 合计, 总计, 小计, 累计, 全年合计 — possibly after a short group name (一月小计, 东山村合计). */
const TOTAL = /^(?:总\s*合\s*计|合\s*计|总\s*计|累\s*计|全年合计|全年累计|本年累计)[:：]?$/;
const SUBTOTAL = /^小\s*计[:：]?$/;
const NAMED_SUBTOTAL = /^.{1,12}小\s*计[:：]?$/;
const NAMED_TOTAL = /^.{1,12}(?:合计|总计|累计)[:：]?$/;

export type TotalKind = 'total' | 'subtotal';

/** Whether a row label names a total: the worst mistake is to count one as data. */
export function totalKind(label: string): TotalKind | null {
  // Every pattern below ends in or holds 计 (合计, 小计, 总计, 累计): most labels are not totals, and
  // are told so without the copy and the five patterns. Spaces removed cannot add a 计.
  if (!label.includes('计')) return null;
  const t = label.replace(/[\s\u3000]/g, '');
  if (!t) return null;
  if (SUBTOTAL.test(t) || NAMED_SUBTOTAL.test(t)) return 'subtotal';
  if (TOTAL.test(t) || NAMED_TOTAL.test(t)) return 'total';
  if (/^(?:合计|总计|小计)[（(]/.test(t)) return t.startsWith('小') ? 'subtotal' : 'total';
  return null;
}

/** 审核 and 制表 alone need a separator after them: 审核低保对象 is a subject, not a signature. */
const FOOTER =
  /^(?:填表人|审核人|审核(?:意见)?(?=$|[:：\s])|制表人|制表(?=$|[:：\s])|填报人|统计人|负责人|单位负责人|分管领导|主要领导|联系人|联系电话|填报日期|填表日期|制表日期|报送日期|注[:：]|注\s*[1-9１-９一二三][、.:：]|说明[:：]|数据来源|资料来源|备注[:：]|附注|补充资料|填报说明[:：])/;

export function isFooterLabel(text: string): boolean {
  // Every label above starts with a Chinese character: a text starting with a printable ASCII one (a
  // date, a number, a code) is none of them, told without the copy and the long pattern. Asked of
  // the first filled cell of every row.
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return FOOTER.test(text.replace(/^[\s\u3000]+/, ''));
}

/**
 * 单位：万元 / 金额单位：元 / 单位：人、户、份 — and the money scale it sets, if any. 填报单位 names the
 * reporting office, not a unit of measure, and is passed over.
 */
export function unitLine(text: string): { scale: number | null } | null {
  const t = text.replace(/[\s\u3000]/g, '');
  let found: { scale: number | null } | null = null;
  for (const m of t.matchAll(
    /(填报|报送|填表|编制|主管|制表|承办)?单位[:：]([^，,；;:：]*?)(?=(?:填报|报送|填表|编制|主管|制表|承办)?单位[:：]|[，,；;:：]|$)/g,
  )) {
    if (m[1]) continue;
    found = { scale: moneyScale(m[2] ?? '') };
    if (found.scale !== null) break;
  }
  return found;
}

function moneyScale(unit: string): number | null {
  if (/万元/.test(unit)) return 10000;
  if (/亿元/.test(unit)) return 100_000_000;
  if (/(?:^|[^万亿])元/.test(unit)) return 1;
  return null;
}

/** 填报单位：青山镇政协联络办 — the office the ledger is from. */
export function reportingUnit(text: string): string | null {
  const m = /(?:填报|报送|填表|编制)单位[:：]\s*([^\s:：]+?)(?:\s|$|单位[:：]|填报日期|日期)/.exec(
    `${text} `,
  );
  return m?.[1] ?? null;
}

/** A 栏次 cell: （1）, (2), 3, 甲, 乙 … or the word 栏次 itself. */
const LANCI_NUMBER = /^[（(]?([0-9]{1,2})[)）]?$/;
const LANCI_WORD = /^[甲乙丙丁戊己庚辛壬癸]$/;

export function isLanciRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length < 2) return false;
  if (filled.some((c) => /^栏\s*次$/.test(c))) return true;
  let words = 0;
  const numbers: number[] = [];
  for (const c of filled) {
    if (LANCI_WORD.test(c)) words++;
    else {
      const m = LANCI_NUMBER.exec(c);
      if (!m) return false;
      numbers.push(Number(m[1]));
    }
  }
  // Numbered columns run 1, 2, 3 …: a data row of small numbers does not.
  for (let i = 1; i < numbers.length; i++) if (numbers[i] !== (numbers[i - 1] ?? 0) + 1) return false;
  return words > 0
    ? words + numbers.length === filled.length
    : numbers.length >= 3 || filled.some((c) => /[（(]/.test(c));
}

const CN_MONTHS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
  正: 1,
  腊: 12,
};

/** A month or quarter column header: 1月, 01月, 一月, 1月份, 第一季度, 一季度, 1季度, Q1. */
export function monthHeader(text: string): { month: number; quarter?: boolean } | null {
  const t = text.replace(/[\s\u3000]/g, '').replace(/^\d{4}年/, '');
  let m = /^(\d{1,2})月份?$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? { month: n } : null;
  }
  m = /^([一二三四五六七八九十正腊]{1,3})月份?$/.exec(t);
  if (m) {
    const n = CN_MONTHS[m[1] ?? ''];
    return n ? { month: n } : null;
  }
  m = /^(?:第)?([一二三四1-4])季度?$/.exec(t) ?? /^[Qq]([1-4])$/.exec(t);
  if (m) {
    const q = CN_MONTHS[m[1] ?? ''] ?? Number(m[1]);
    return q >= 1 && q <= 4 ? { month: (q - 1) * 3 + 1, quarter: true } : null;
  }
  return null;
}

/** A month or quarter named by a sheet (`3月`, `三月份`, `二季度`): the date of records without one. */
export function monthOfSheet(name: string): { month: number; quarter?: boolean } | null {
  return monthHeader(name.replace(/(?:台账|统计表?|情况|汇总)$/, ''));
}

/** Row totals of a wide table: 全年合计, 合计, 累计, 小计, 全年. */
export function isRowTotalHeader(text: string): boolean {
  return /^(?:全年)?(?:合计|总计|累计|小计)|^全年$|^年度合计/.test(text.replace(/[\s\u3000]/g, ''));
}

/** Sheets of notes, not data: 填表说明, 说明, 注意事项, 指标解释. */
export function isNotesSheetName(name: string): boolean {
  return /说明|注意事项|指标解释|填报要求|使用方法|目录/.test(name);
}

/** A group label inside data: 一、青山村 / （二）走访群众 / 北京市（92所）. */
export function isGroupLabel(text: string): boolean {
  const t = text.trim();
  return (
    /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/.test(t) ||
    /[（(]\d+\s*[所个条人户项件]?[)）]$/.test(t)
  );
}

/**
 * A cell that marks its row as a worked example (示例, 示例：…, （示例）…), as blank templates carry
 * one above the rows to fill in. Only the mark itself counts: 示例数据 or 示例村 are plain text.
 */
export function isExampleMark(text: string): boolean {
  // Each form holds 示例: every filled cell of every row is asked, and almost none is a mark.
  if (!text.includes('示例')) return false;
  const t = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return t === '示例' || /^示例[:：]/.test(t) || /^[（(]示例[)）]/.test(t);
}

/**
 * A sheet named as the summary of the others (汇总, 汇总表, 总表, 合计, 2023年汇总): beside sheets of
 * records its rows are their totals, and importing both would count everything twice.
 */
export function isSummarySheetName(name: string): boolean {
  const t = name.replace(/[\s\u3000]/g, '').replace(/^(?:\d{4}年度?)/, '');
  return /^(?:全年|年度)?(?:汇总表?|总表|合计表?|总计|统计汇总)$/.test(t);
}
