/** The records behind a figure of the paragraph: what a click on an underlined number shows. */
import type { LedgerRecord } from '../schema';
import type { FigureKey } from './template';

type Evidence = Pick<LedgerRecord, 'category' | 'values' | 'status' | 'satisfaction' | 'tally'>;

export function recordsBehind<T extends Evidence>(
  records: readonly T[],
  category: string,
  key: FigureKey,
): T[] {
  // The test for the figure is chosen once, not for each of 50,000 records.
  const test = figureTest(key);
  const out: T[] = [];
  for (const r of records) if (r.category === category && test(r)) out.push(r);
  return out;
}

const answered = (r: Evidence) => r.status === '已答复' || r.status === '已办结';

function figureTest(key: FigureKey): (r: Evidence) => boolean {
  switch (key) {
    case 'records':
    case '立案率':
    case '办复率':
    case '办结率':
    case '满意率':
      return () => true;
    case 'count':
      return (r) => r.values.count !== undefined || !r.tally;
    case 'accepted':
      return (r) => r.status === '已立案' || r.status === '已答复' || r.status === '已办结';
    case 'answered':
      return answered;
    case 'done':
      return (r) => r.status === '已办结';
    case 'satisfied':
      return (r) => answered(r) && (r.satisfaction === '满意' || r.satisfaction === '基本满意');
    default:
      return (r) => r.values[key] !== undefined;
  }
}
