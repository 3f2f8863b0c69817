/** What each measure is called and counted in, per category, as a summary writes it. */
import { categoryInfo } from './categories';
import type { BuiltinMeasureKey, MeasureKey } from './schema';

export interface MeasureInfo {
  key: MeasureKey;
  /** Column label in tables: 次数, 人次, 户数, 份数, 金额. */
  label: string;
  /** Counter after a number: 次, 人次, 户, 份, 万元. */
  unit: string;
}

const BASE: Record<BuiltinMeasureKey, { label: string; unit: string }> = {
  count: { label: '次数', unit: '次' },
  people: { label: '人数（人次）', unit: '人次' },
  households: { label: '户数', unit: '户' },
  items: { label: '份数', unit: '份' },
  amount: { label: '金额（万元）', unit: '万元' },
};

/** Label and unit of a measure; `count` takes the category's own counter (期 for 培训, 件 for 提案). */
export function measureInfo(key: MeasureKey, category?: string): MeasureInfo {
  if (key.startsWith('custom:')) {
    const name = key.slice('custom:'.length);
    return { key, label: name, unit: '' };
  }
  const base = BASE[key as BuiltinMeasureKey];
  if (key === 'count' && category) {
    const counter = categoryInfo(category).eventCounter;
    return { key, label: `${counter}数`, unit: counter };
  }
  return { key, ...base };
}

/** The totals table's columns, in the order a clerk reads them. */
export const TOTALS_MEASURES: readonly BuiltinMeasureKey[] = [
  'count',
  'people',
  'households',
  'items',
  'amount',
];
