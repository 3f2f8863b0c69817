/** The period every view follows: a whole year by default, or everything. */
import { yearOf } from './dates';

export type Period =
  | { kind: 'all' }
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'range'; from: string; to: string };

/**
 * Whether a record dated `iso` falls in the period. A record known only to the month (`2023-03`)
 * belongs to that month, its quarter and its year; an undated record belongs to 全部 only.
 */
export function periodIncludes(period: Period, iso: string): boolean {
  if (period.kind === 'all') return true;
  if (!iso) return false;
  const y = yearOf(iso);
  switch (period.kind) {
    case 'year':
      return y === period.year;
    case 'quarter': {
      const m = Number(iso.slice(5, 7));
      return y === period.year && Math.ceil(m / 3) === period.quarter;
    }
    case 'month':
      return y === period.year && Number(iso.slice(5, 7)) === period.month;
    case 'range':
      // ISO strings order like the dates they name; a month-only date sorts before its days.
      return iso >= period.from.slice(0, iso.length) && iso <= period.to.slice(0, iso.length);
  }
}

/** Years that have data, newest first. */
export function yearsWithData(dates: Iterable<string>): number[] {
  const years = new Set<number>();
  for (const d of dates) {
    const y = d ? yearOf(d) : null;
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
    case 'quarter':
      return `q${period.year}-${period.quarter}`;
    case 'month':
      return `m${period.year}-${period.month}`;
    case 'range':
      return `r${period.from}~${period.to}`;
  }
}
