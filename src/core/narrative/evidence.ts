/** The records behind a figure of the paragraph: what a click on an underlined number shows. */
import type { LedgerRecord } from '../schema';
import type { FigureKey } from './template';

type Evidence = Pick<LedgerRecord, 'category' | 'values' | 'status' | 'satisfaction' | 'tally'>;

export function recordsBehind<T extends Evidence>(
  records: readonly T[],
  category: string,
  key: FigureKey,
): T[] {
  return records.filter((r) => {
    if (r.category !== category) return false;
    switch (key) {
      case 'records':
      case '立案率':
      case '办复率':
      case '办结率':
      case '满意率':
        return true;
      case 'count':
        return r.values.count !== undefined || !r.tally;
      case 'accepted':
        return r.status === '已立案' || r.status === '已答复' || r.status === '已办结';
      case 'answered':
        return r.status === '已答复' || r.status === '已办结';
      case 'done':
        return r.status === '已办结';
      case 'satisfied':
        return (
          (r.status === '已答复' || r.status === '已办结') &&
          (r.satisfaction === '满意' || r.satisfaction === '基本满意')
        );
      default:
        return r.values[key] !== undefined;
    }
  });
}
