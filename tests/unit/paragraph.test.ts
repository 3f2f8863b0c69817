import { describe, expect, it } from 'vitest';
import { totalsByCategory, type CategoryTotals } from '../../src/core/aggregate';
import {
  percentText,
  statisticsParagraph,
  wanText,
  type ParagraphPart,
} from '../../src/core/narrative/paragraph';
import { roundTo, yuanToWan } from '../../src/core/numbers';
import type { LedgerRecord, MeasureValues, ProposalStatus, Satisfaction } from '../../src/core/schema';

type Rec = Pick<LedgerRecord, 'date' | 'category' | 'values' | 'status' | 'satisfaction'>;
type NumberPart = Extract<ParagraphPart, { kind: 'number' }>;

function rec(category: string, values: MeasureValues = {}): Rec {
  return { date: '2023-03-05', category, values, status: '', satisfaction: '' };
}
function proposal(status: ProposalStatus, satisfaction: Satisfaction | '' = ''): Rec {
  return { ...rec('提案'), status, satisfaction };
}
const repeat = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

const RECORDS: Rec[] = [
  rec('走访', { people: 10, households: 5, items: 100 }),
  rec('走访', { people: 20, households: 5 }),
  rec('走访', { people: 30 }),
  rec('培训', { count: 2, people: 80 }),
  rec('培训', { count: 1, people: 45 }),
  ...repeat(8, () => proposal('已办结', '满意')),
  ...repeat(2, () => proposal('已办结', '基本满意')),
  ...repeat(2, () => proposal('已答复')),
  ...repeat(2, () => proposal('已提交')),
  rec('资金', { amount: 1234567.89 }),
  rec('资金', { amount: 100000.5 }),
  rec('调研', { people: 6 }),
];
const TOTALS = totalsByCategory(RECORDS);

function numbers(parts: ParagraphPart[]): NumberPart[] {
  return parts.filter((p): p is NumberPart => p.kind === 'number');
}

/** The figure a number part must show, looked up in the totals independently of the paragraph. */
function expectedValue(totals: readonly CategoryTotals[], p: NumberPart): number {
  const t = totals.find((x) => x.category === p.category);
  if (!t) throw new Error(`number for absent category ${p.category}`);
  switch (p.measure) {
    case 'answered':
    case 'done':
    case 'satisfied': {
      const v = t.proposal?.[p.measure];
      if (v === undefined) throw new Error('no proposal counts');
      return v;
    }
    case 'rate':
      return roundTo(((t.proposal?.done ?? 0) / (t.measures.count ?? t.records)) * 100, 1);
    default: {
      const v = t.measures[p.measure];
      if (v === undefined) throw new Error(`no ${p.measure} in ${p.category}`);
      return v;
    }
  }
}

describe('statisticsParagraph', () => {
  const para = statisticsParagraph(TOTALS, '2023年');

  it('writes the exact paragraph', () => {
    expect(para.text).toBe(
      '2023年，全体委员积极履职，' +
        '开展走访3次，走访群众60人次，上户10户，发放宣传资料100份；' +
        '举办培训3期，培训125人次；' +
        '提交提案14件，已答复12件，已办结10件，办结率71.4%；' +
        '落实各类资金133.46万元；' +
        '开展调研1次，参与6人次。',
    );
  });

  it('joins its parts into its text', () => {
    expect(para.parts.map((p) => p.text).join('')).toBe(para.text);
  });

  it('gives every number part the value of the totals it came from', () => {
    const nums = numbers(para.parts);
    expect(nums.map((p) => `${p.category}/${p.measure}`)).toEqual([
      '走访/count',
      '走访/people',
      '走访/households',
      '走访/items',
      '培训/count',
      '培训/people',
      '提案/count',
      '提案/answered',
      '提案/done',
      '提案/rate',
      '资金/amount',
      '调研/count',
      '调研/people',
    ]);
    for (const p of nums) expect(p.value, `${p.category}/${p.measure}`).toBe(expectedValue(TOTALS, p));
  });

  it('shows counts as their value, money in 万元 with at most two decimals', () => {
    for (const p of numbers(para.parts)) {
      if (p.measure === 'amount') {
        expect(p.text).toMatch(/^\d+(?:\.\d{1,2})?$/);
        expect(p.text).toBe(String(roundTo(yuanToWan(p.value), 2)));
      } else {
        expect(p.text).toBe(String(p.value));
      }
    }
  });

  it('uses full-width punctuation only', () => {
    const prose = para.parts
      .filter((p) => p.kind === 'text')
      .map((p) => p.text)
      .join('');
    expect(prose).not.toMatch(/[,;:.!?()]/);
    expect(prose).toContain('，');
    expect(prose).toContain('；');
    expect(para.text.endsWith('。')).toBe(true);
  });

  it('leaves out categories without data and never writes 0', () => {
    const only = statisticsParagraph(
      totalsByCategory([rec('走访', { people: 7 }), proposal('已提交'), proposal('已立案')]),
      '2023年',
    );
    expect(only.text).toBe('2023年，全体委员积极履职，开展走访1次，走访群众7人次；提交提案2件。');
    for (const word of ['培训', '资金', '调研', '上户', '已答复', '已办结', '办结率']) {
      expect(only.text).not.toContain(word);
    }
    expect(only.text).not.toMatch(/(?<![\d.])0(?:期|次|件|人次|户|份|万元)/);
  });

  it('skips a category whose totals have no records', () => {
    const empty: CategoryTotals = { category: '培训', records: 0, measures: {}, proposal: null };
    const p = statisticsParagraph([empty, ...totalsByCategory([rec('走访')])], '2023年');
    expect(p.text).not.toContain('培训');
    expect(p.text).not.toContain('0期');
  });

  it('writes nothing at all without data', () => {
    expect(statisticsParagraph([], '2023年')).toEqual({ text: '', parts: [] });
  });

  it.each<[Rec[], string]>([
    [[proposal('已办结'), proposal('已办结')], '提交提案2件，已答复2件，已办结2件，办结率100%'],
    [
      [proposal('已办结'), proposal('已答复'), proposal('已立案')],
      '提交提案3件，已答复2件，已办结1件，办结率33.3%',
    ],
    [[proposal('已答复'), proposal('已提交')], '提交提案2件，已答复1件'],
  ])('words proposal handling with its denominator: %#', (records, clause) => {
    const p = statisticsParagraph(totalsByCategory(records), '2023年');
    expect(p.text).toBe(`2023年，全体委员积极履职，${clause}。`);
  });

  it.each<[number[], string]>([
    [[4536800], '453.68'],
    [[4536750], '453.68'],
    [[153200.5], '15.32'],
    [[0.1, 0.2, 29999.7], '3'],
    [[120000, 5000], '12.5'],
  ])('writes funds %j as %s万元', (amounts, wan) => {
    const p = statisticsParagraph(totalsByCategory(amounts.map((a) => rec('资金', { amount: a }))), '2023年');
    expect(p.text).toBe(`2023年，全体委员积极履职，落实各类资金${wan}万元。`);
  });

  it('counts funds by project when no amount is known', () => {
    const p = statisticsParagraph(totalsByCategory([rec('资金'), rec('资金')]), '2023年');
    expect(p.text).toBe('2023年，全体委员积极履职，实施资金项目2项。');
  });

  it('names other and unknown categories with their counter', () => {
    const p = statisticsParagraph(
      totalsByCategory([rec('社情民意'), rec('社情民意'), rec('会议', { people: 30 }), rec('清理垃圾')]),
      '2023年',
    );
    expect(p.text).toBe(
      '2023年，全体委员积极履职，召开会议1次，参会30人次；报送社情民意信息2条；开展清理垃圾1次。',
    );
  });

  it('says 累计 for the whole period, after the subject', () => {
    expect(
      statisticsParagraph(totalsByCategory([rec('走访')]), '全部').text.startsWith(
        '全体委员积极履职，累计开展走访1次',
      ),
    ).toBe(true);
  });
});

describe('wanText / percentText', () => {
  it.each<[number, string]>([
    [4536800, '453.68'],
    [4536750, '453.68'],
    [4536749, '453.67'],
    [1535.5, '0.15'],
    [10000, '1'],
    [125000, '12.5'],
  ])('wanText(%d) = %s', (yuan, text) => {
    expect(wanText(yuan)).toBe(text);
  });

  it.each<[number, number, string]>([
    [10, 14, '71.4'],
    [1, 3, '33.3'],
    [2, 3, '66.7'],
    [14, 14, '100'],
    [1, 8, '12.5'],
    [1, 200, '0.5'],
  ])('percentText(%d, %d) = %s', (n, d, text) => {
    expect(percentText(n, d)).toBe(text);
  });
});

describe('small sums of money', () => {
  it('never writes a non-zero amount as 0万元', () => {
    const t = totalsByCategory([{ ...rec('资金'), values: { amount: 300 } }]);
    const p = statisticsParagraph(t, '2023年');
    expect(p.text).toContain('落实各类资金0.03万元');
    const tiny = statisticsParagraph(
      totalsByCategory([{ ...rec('资金'), values: { amount: 20 } }]),
      '2023年',
    );
    expect(tiny.text).toContain('0.002万元');
    expect(tiny.text).not.toContain('资金0万元');
  });
});
