/** The period every view follows: a whole year by default, or everything. */
import { monthField, yearOf } from './dates';

export type Period =
  | { kind: 'all' }
  | { kind: 'year'; year: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'range'; from: string; to: string };

/**
 * Whether a record dated `iso` falls in the period. A record known only to the month (`2023-03`)
 * belongs to that month, its quarter and its year; an undated record belongs to 全部 only.
 */
export function periodIncludes(period: Period, iso: string): boolean {
  return periodTest(period)(iso);
}

/**
 * periodIncludes for one period, made once and applied to every record: the period's fields and the
 * range's cut ends are worked out here, not again for each of 100,000 dates.
 */
export function periodTest(period: Period): (iso: string) => boolean {
  switch (period.kind) {
    case 'all':
      return () => true;
    case 'year': {
      const year = period.year;
      return (iso) => iso !== '' && yearOf(iso) === year;
    }
    case 'half': {
      const { year, half } = period;
      return (iso) => iso.length >= 7 && yearOf(iso) === year && Math.ceil(monthField(iso) / 6) === half;
    }
    case 'quarter': {
      const { year, quarter } = period;
      return (iso) => iso.length >= 7 && yearOf(iso) === year && Math.ceil(monthField(iso) / 3) === quarter;
    }
    case 'month': {
      const { year, month } = period;
      return (iso) => iso.length >= 7 && yearOf(iso) === year && monthField(iso) === month;
    }
    case 'range': {
      // ISO strings order like the dates they name; a month-only date sorts before its days, so each
      // date is compared with the ends cut to its own length (cut once per length, not per record).
      const { from, to } = period;
      const cutFrom: string[] = [];
      const cutTo: string[] = [];
      return (iso) => {
        if (!iso) return false;
        const n = iso.length;
        const f = (cutFrom[n] ??= from.slice(0, n));
        const t = (cutTo[n] ??= to.slice(0, n));
        return iso >= f && iso <= t;
      };
    }
  }
}

/** Years that have data, newest first. */
export function yearsWithData(dates: Iterable<string>): number[] {
  const years = new Set<number>();
  // Records come in runs of one year (a ledger is kept a year at a time): skip the Set for a repeat.
  let last: number | null = null;
  for (const d of dates) {
    const y = d ? yearOf(d) : null;
    if (y === last) continue;
    last = y;
    if (y) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}

/** The default period: the latest year that has data, else everything. */
export function defaultPeriod(years: readonly number[]): Period {
  const latest = years[0];
  return latest === undefined ? { kind: 'all' } : { kind: 'year', year: latest };
}

/** The same period one year earlier, for 同比; none for 全部 or custom ranges. */
export function previousPeriod(period: Period): Period | null {
  switch (period.kind) {
    case 'year':
    case 'half':
    case 'quarter':
    case 'month':
      return { ...period, year: period.year - 1 };
    default:
      return null;
  }
}

export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'all':
      return '全部';
    case 'year':
      return `${period.year}年`;
    case 'half':
      return `${period.year}年${period.half === 1 ? '上' : '下'}半年`;
    case 'quarter':
      return `${period.year}年第${'一二三四'[period.quarter - 1]}季度`;
    case 'month':
      return `${period.year}年${period.month}月`;
    case 'range':
      return `${period.from}至${period.to}`;
  }
}

export function periodKey(period: Period): string {
  switch (period.kind) {
    case 'all':
      return 'all';
    case 'year':
      return `y${period.year}`;
    case 'half':
      return `h${period.year}-${period.half}`;
    case 'quarter':
      return `q${period.year}-${period.quarter}`;
    case 'month':
      return `m${period.year}-${period.month}`;
    case 'range':
      return `r${period.from}~${period.to}`;
  }
}

/** The inverse of periodKey: the select's option value back to a period; null if malformed. */
export function parsePeriodKey(key: string): Period | null {
  if (key === 'all') return { kind: 'all' };
  let m = /^y(\d{4})$/.exec(key);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = /^h(\d{4})-([12])$/.exec(key);
  if (m) return { kind: 'half', year: Number(m[1]), half: Number(m[2]) as 1 | 2 };
  m = /^q(\d{4})-([1-4])$/.exec(key);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  m = /^m(\d{4})-(\d{1,2})$/.exec(key);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  m = /^r(\d{4}-\d{2}(?:-\d{2})?)~(\d{4}-\d{2}(?:-\d{2})?)$/.exec(key);
  if (m) return { kind: 'range', from: m[1] ?? '', to: m[2] ?? '' };
  return null;
}

/** The choices of the period menu for one year: the year, its halves, quarters and months. */
export function periodsOfYear(year: number): Period[] {
  const out: Period[] = [{ kind: 'year', year }];
  for (const half of [1, 2] as const) out.push({ kind: 'half', year, half });
  for (const quarter of [1, 2, 3, 4] as const) out.push({ kind: 'quarter', year, quarter });
  for (let month = 1; month <= 12; month++) out.push({ kind: 'month', year, month });
  return out;
}

/**
 * How many months of a year some dates cover; a date known only to the year (a statistics table of
 * the year) covers all twelve. Used to refuse 同比 against a year that was only partly imported:
 * four months of last year against twelve of this year is not a growth of 300%.
 */
export function monthsCovered(dates: Iterable<string>): number {
  // The distinct two characters at 5–6, as the slices `d.slice(5, 7)` would be, without cutting
  // them: two digits (the only thing a stored date holds there) are marked in a table of 100, any
  // other pair of characters (a malformed date) is kept as a number in a set of its own.
  const digitPairs = new Uint8Array(100);
  let distinct = 0;
  let others: Set<number> | null = null;
  for (const d of dates) {
    if (d.length === 4) return 12;
    if (d.length < 7) continue;
    const a = d.charCodeAt(5) - 48;
    const b = d.charCodeAt(6) - 48;
    if (a >= 0 && a <= 9 && b >= 0 && b <= 9) {
      const i = a * 10 + b;
      if (digitPairs[i] === 0) {
        digitPairs[i] = 1;
        distinct++;
      }
    } else (others ??= new Set()).add(d.charCodeAt(5) * 65536 + d.charCodeAt(6));
  }
  return distinct + (others?.size ?? 0);
}

/**
 * The first and last day of a period, for the date fields of a custom range; 全部 spans the years
 * that have data (null without any). A range gives back its own ends.
 */
export function periodBounds(period: Period, years: readonly number[]): { from: string; to: string } | null {
  const end = (y: number, m: number) =>
    `${y}-${String(m).padStart(2, '0')}-${new Date(Date.UTC(y, m, 0)).getUTCDate()}`;
  const start = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  switch (period.kind) {
    case 'all': {
      if (years.length === 0) return null;
      return { from: start(Math.min(...years), 1), to: end(Math.max(...years), 12) };
    }
    case 'year':
      return { from: start(period.year, 1), to: end(period.year, 12) };
    case 'half':
      return { from: start(period.year, period.half * 6 - 5), to: end(period.year, period.half * 6) };
    case 'quarter':
      return { from: start(period.year, period.quarter * 3 - 2), to: end(period.year, period.quarter * 3) };
    case 'month':
      return { from: start(period.year, period.month), to: end(period.year, period.month) };
    case 'range':
      return { from: period.from, to: period.to };
  }
}
