/** The big number on each category card: the figure a leader asks about first. */
import type { CategoryTotals } from './aggregate';
import { categoryInfo } from './categories';
import { yuanToWan } from './numbers';
import type { MeasureKey } from './schema';

export interface Headline {
  measure: MeasureKey;
  /** In display units (万元 for money). */
  value: number;
  unit: string;
  label: string;
}

export function headlines(t: CategoryTotals): { main: Headline; second: Headline | null } {
  const m = t.measures;
  const info = categoryInfo(t.category);
  const count: Headline = {
    measure: 'count',
    value: m.count ?? t.records,
    unit: info.eventCounter,
    label: '',
  };
  const people = m.people ? { measure: 'people' as const, value: m.people, unit: '人次', label: '' } : null;
  const households = m.households
    ? { measure: 'households' as const, value: m.households, unit: '户', label: '上户' }
    : null;
  const amount = m.amount
    ? { measure: 'amount' as const, value: yuanToWan(m.amount), unit: '万元', label: '' }
    : null;
  if (info.kind === 'funds' && amount) return { main: amount, second: { ...count, label: '项目' } };
  if (info.kind === 'proposal') {
    const done = t.proposal?.done ?? 0;
    return {
      main: count,
      second: done ? { measure: 'count', value: done, unit: '件', label: '已办结' } : null,
    };
  }
  if (t.category === '走访' && people)
    return { main: people, second: households ?? { ...count, label: '走访' } };
  if (people) return { main: count, second: { ...people, label: '参与' } };
  if (amount) return { main: count, second: { ...amount, label: '金额' } };
  return { main: count, second: null };
}

/** 同比: the change against the same period last year, in percent with one decimal; null without a base. */
export function yearOnYear(current: number, previous: number | undefined): number | null {
  if (previous === undefined || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}
