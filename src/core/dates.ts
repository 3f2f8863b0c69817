/**
 * Dates as ledgers write them.
 *
 * Stored dates are ISO strings, `YYYY-MM-DD`, or `YYYY-MM` when a ledger only names the month. Strings,
 * not Date objects: a Date carries a time zone, and `new Date('2023-03-05')` is midnight UTC, which is
 * 4 March in any zone west of Greenwich; a ledger date is a calendar day with no time and no zone.
 */

export function isoDay(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return null;
  return `${y}-${pad2(m)}-${d < 10 ? '0' : ''}${d}`;
}

export function isoMonth(y: number, m: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || y < 1900 || y > 2100 || m < 1 || m > 12) return null;
  return `${y}-${pad2(m)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * An Excel serial day number (1900 date system) to an ISO day. Excel counts 1900-02-29, a day that
 * never existed (Lotus 1-2-3's bug, kept for compatibility), so serials from 61 on are one day ahead.
 * Pure UTC arithmetic: no local time zone can shift the day.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (date1904) return fromUtcMs(Date.UTC(1904, 0, 1) + day * 86_400_000);
  if (day < 1) return null;
  const offset = day >= 61 ? day - 1 : day;
  return fromUtcMs(Date.UTC(1899, 11, 31) + offset * 86_400_000);
}

/**
 * An ISO day to its Excel serial (1900 date system), the inverse of `excelSerialToIso`: what a
 * written date cell holds. Null for anything that is not a whole day (`2023-03`, `2023`, '').
 */
export function isoToExcelSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || isoDay(Number(m[1]), Number(m[2]), Number(m[3])) === null) return null;
  const days = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 31)) / 86_400_000;
  // From 1 March 1900 on, Excel's serials count its phantom 29 February 1900.
  return days >= 60 ? days + 1 : days;
}

function fromUtcMs(ms: number): string | null {
  const d = new Date(ms);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * A text date as clerks type it: `2023-03-05`, `2023/3/5`, `2023.3.5`, `2023年3月5日`, `20230305`,
 * `2023年3月` (a month), `2023年` (a year), `3月5日` (the year comes from the ledger's title or file
 * name: `contextYear`).
 */
export function parseDateText(raw: string, contextYear?: number): string | null {
  const s = raw
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim()
    // A time after the day (2023/3/5 10:30, 2023-03-05 00:00:00) says nothing more about the day.
    .replace(/[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?$/, '')
    .replace(/[\s\u3000]/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s);
  if (m) return isoMonth(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[月/.-](\d{1,2})日?$/.exec(s);
  if (m && contextYear) return isoDay(contextYear, Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})月$/.exec(s);
  if (m && contextYear) return isoMonth(contextYear, Number(m[1]));
  // A year alone (2023年, 2023年度): the date of a figure a statistics table gives for the whole year.
  m = /^(\d{4})年度?$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return y >= 1900 && y <= 2100 ? String(y) : null;
  }
  m = /^(?:(\d{4})年)?(?:第)?([一二三四1-4])季度$/.exec(s);
  if (m) {
    const y = m[1] ? Number(m[1]) : contextYear;
    const q = CN_DIGITS[m[2] ?? ''] ?? Number(m[2]);
    // A quarter is held as its first month: the finest thing a record can say is a month.
    if (y) return isoMonth(y, (q - 1) * 3 + 1);
  }
  return null;
}

/** A year written in a title or file name (`2023年XX镇…台账`), used for dates that omit the year. */
export function yearInText(text: string): number | undefined {
  const m = /(?:^|\D)((?:19|20)\d{2})(?:年|\D|$)/.exec(text);
  if (m) return Number(m[1]);
  // Formal titles write the year in Chinese numerals: 二〇二三年.
  const cn = /([一二三四五六七八九〇零○Ｏ]{4})年/.exec(text);
  if (!cn) return undefined;
  const digits = [...(cn[1] ?? '')].map((ch) => '〇一二三四五六七八九'.indexOf(ch.replace(/[零○Ｏ]/, '〇')));
  const year = Number(digits.join(''));
  return digits.every((d) => d >= 0) && year >= 1900 && year <= 2100 ? year : undefined;
}

/**
 * The number written by `count` ASCII digits from `start`, or -1 when any of them is not a digit (or
 * is past the end). Filters and charts read the year and month of every record on every edit: read in
 * place, they cost no string cut out of the date.
 */
function digitsAt(s: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = s.charCodeAt(i) - 48;
    // charCodeAt past the end is NaN, which fails both comparisons.
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function yearOf(iso: string): number | null {
  if (iso.length < 4) return null;
  const y = digitsAt(iso, 0, 4);
  // Anything but four digits takes the slow path, so the result is Number()'s, whatever the text.
  return y >= 0 ? y : Number(iso.slice(0, 4));
}

export function monthOf(iso: string): number | null {
  return iso.length >= 7 ? monthField(iso) : null;
}

/**
 * `Number(iso.slice(5, 7))` without the slice: the month of `YYYY-MM…` (0 when the date is shorter,
 * as Number('') is).
 */
export function monthField(iso: string): number {
  const m = digitsAt(iso, 5, 2);
  return m >= 0 ? m : Number(iso.slice(5, 7));
}
