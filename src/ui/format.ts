/** Numbers for the screen: grouped thousands, money in 万元 to at most two decimals. */
import { roundTo } from '../core/numbers';
import type { MeasureKey } from '../core/schema';

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function formatNumber(value: number, measure?: MeasureKey | string): string {
  return grouped.format(measure === 'amount' ? roundTo(value, 2) : value);
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
