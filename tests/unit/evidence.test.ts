import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalsByCategory } from '../../src/core/aggregate';
import { recordsBehind } from '../../src/core/narrative/evidence';
import { renderTemplate, type FigureKey } from '../../src/core/narrative/template';
import type { NewRecord, ProposalStatus, Satisfaction } from '../../src/core/schema';
import { rec } from '../helpers/records';

function proposal(
  subject: string,
  status: ProposalStatus | '',
  satisfaction: Satisfaction | '' = '',
): NewRecord {
  return rec('提案', {}, { subject, status, satisfaction });
}

const RECORDS: NewRecord[] = [
  rec('走访', { people: 30, households: 12 }, { subject: 'v1' }),
  rec('走访', { count: 2, items: 100 }, { subject: 'v2' }),
  rec('走访', { people: 40 }, { subject: 'v3', tally: true }),
  rec('走访', {}, { subject: 'v4' }),
  rec('培训', { count: 3, people: 90 }, { subject: 't1' }),
  rec('资金', { amount: 4536800 }, { subject: 'f1' }),
  proposal('p1', '已提交'),
  proposal('p2', '已立案'),
  proposal('p3', '已答复', '满意'),
  proposal('p4', '已答复', '不满意'),
  proposal('p5', '已办结', '基本满意'),
  proposal('p6', '已办结'),
  proposal('p7', ''),
  // Rated before it was answered (a slip in the ledger): not among the satisfied answered proposals.
  proposal('p8', '已立案', '满意'),
];

const subjects = (category: string, key: FigureKey) =>
  recordsBehind(RECORDS, category, key).map((r) => r.subject);

describe('recordsBehind', () => {
  it.each<[string, FigureKey, string[]]>([
    ['走访', 'records', ['v1', 'v2', 'v3', 'v4']],
    ['走访', 'count', ['v1', 'v2', 'v4']],
    ['走访', 'people', ['v1', 'v3']],
    ['走访', 'households', ['v1']],
    ['走访', 'items', ['v2']],
    ['走访', 'amount', []],
    ['培训', 'count', ['t1']],
    ['培训', 'people', ['t1']],
    ['资金', 'amount', ['f1']],
    ['提案', 'records', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']],
    ['提案', 'count', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']],
    ['提案', 'accepted', ['p2', 'p3', 'p4', 'p5', 'p6', 'p8']],
    ['提案', 'answered', ['p3', 'p4', 'p5', 'p6']],
    ['提案', 'done', ['p5', 'p6']],
    ['提案', 'satisfied', ['p3', 'p5']],
    ['提案', '办结率', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']],
    ['提案', '满意率', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']],
    ['视察', 'count', []],
  ])('%s.%s', (category, key, expected) => {
    expect(subjects(category, key)).toEqual(expected);
  });

  it('keeps the records themselves, in their order', () => {
    const behind = recordsBehind(RECORDS, '走访', 'people');
    expect(behind[0]).toBe(RECORDS[0]);
    expect(behind[1]).toBe(RECORDS[2]);
  });

  it('finds as many records as a record-counted figure says (property)', () => {
    const arbRecord = fc.oneof(
      fc
        .record({
          status: fc.constantFrom<ProposalStatus | ''>('', '已提交', '已立案', '已答复', '已办结'),
          satisfaction: fc.constantFrom<Satisfaction | ''>('', '满意', '基本满意', '不满意'),
        })
        .map(({ status, satisfaction }) => proposal('p', status, satisfaction)),
      fc
        .record({ people: fc.nat(100), tally: fc.boolean() })
        .map(({ people, tally }) => rec('走访', { people }, tally ? { tally } : {})),
    );
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 20 }), (records) => {
        const totals = totalsByCategory(records);
        const ctx = { periodLabel: '', member: '', totals, previous: null, precision: {} };
        const cases: [string, FigureKey][] = [
          ['提案', 'records'],
          ['提案', 'count'],
          ['提案', 'accepted'],
          ['提案', 'answered'],
          ['提案', 'done'],
          ['提案', 'satisfied'],
          ['走访', 'records'],
          ['走访', 'count'],
        ];
        for (const [category, key] of cases) {
          const part = renderTemplate(`{${category}.${key}}`, ctx).parts[0];
          const figure = part?.kind === 'number' ? part.value : 0;
          expect(recordsBehind(records, category, key)).toHaveLength(figure);
        }
      }),
    );
  });
});
