import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalsByCategory, type CategoryTotals } from '../../src/core/aggregate';
import type { Precision } from '../../src/core/narrative/approx';
import { checkText } from '../../src/core/narrative/checker';
import {
  availablePlaceholders,
  categoryClause,
  knownFigures,
  parseTemplate,
  renderTemplate,
  type NarrativeContext,
  type Paragraph,
} from '../../src/core/narrative/template';
import type { NewRecord, ProposalStatus, Satisfaction } from '../../src/core/schema';
import { rec, proposal } from '../helpers/records';

function ctxOf(totals: CategoryTotals[], over: Partial<NarrativeContext> = {}): NarrativeContext {
  return { periodLabel: '2023年', member: '', totals, previous: null, precision: {}, ...over };
}

function render(template: string, records: NewRecord[], over: Partial<NarrativeContext> = {}): Paragraph {
  return renderTemplate(template, ctxOf(totalsByCategory(records), over));
}

const text = (template: string, records: NewRecord[], over: Partial<NarrativeContext> = {}) =>
  render(template, records, over).text;

/** 14 proposals: 14 accepted, 12 answered, 10 closed, 11 rated satisfied (all of them answered). */
const FOURTEEN: NewRecord[] = [
  ...Array.from({ length: 10 }, (_, i) => proposal('已办结', i < 8 ? '满意' : '基本满意')),
  proposal('已答复', '满意'),
  proposal('已答复', '不满意'),
  proposal('已立案'),
  proposal('已立案'),
];

describe('parseTemplate', () => {
  it.each([
    '',
    '纯文字，没有数字。',
    '{期间}，[开展走访{走访.count}次[，走访群众{走访.people}人次]]。',
    '[[[{走访.count}]]]',
    '{ 走访.count }',
  ])('parses %j', (src) => {
    expect(parseTemplate(src).ok).toBe(true);
  });

  it.each<[string, 'unclosed-bracket' | 'unclosed-brace' | 'stray-close', number]>([
    ['[开展走访{走访.count}次', 'unclosed-bracket', 0],
    ['走访[开展{走访.count}次[，{走访.people}]', 'unclosed-bracket', 2],
    ['[a][b', 'unclosed-bracket', 3],
    ['走访{走访.count次', 'unclosed-brace', 2],
    ['{走访.count', 'unclosed-brace', 0],
    ['走访{走访{count}', 'unclosed-brace', 2],
    ['走访]', 'stray-close', 2],
    ['[走访]]', 'stray-close', 4],
    ['走访}', 'stray-close', 2],
    ['[{走访.count}}]', 'stray-close', 11],
  ])('%j → %s at %i', (src, error, at) => {
    expect(parseTemplate(src)).toEqual({ ok: false, error, at });
  });

  it('renders an invalid template as an empty paragraph', () => {
    expect(render('[开展走访{走访.count}次', [rec('走访')])).toEqual({ text: '', parts: [] });
  });
});

describe('renderTemplate: figures and optional clauses', () => {
  const visits = [rec('走访', { people: 623, households: 283 }), rec('走访', { people: 0 })];

  it.each<[string, string, NewRecord[], string]>([
    ['a figure', '走访{走访.count}次', visits, '走访2次'],
    ['aliases of measures', '{走访.次数}次{走访.人次}人次{走访.户数}户', visits, '2次623人次283户'],
    ['records', '记录{走访.records}条', visits, '记录2条'],
    ['a clause with data', '走访{走访.count}次[，上户{走访.households}户]。', visits, '走访2次，上户283户。'],
    ['a clause without data', '走访{走访.count}次[，发放资料{走访.items}份]。', visits, '走访2次。'],
    [
      'a clause of a figure 0',
      '走访{走访.count}次[，发放资料{走访.items}份]。',
      [rec('走访', { items: 0 })],
      '走访1次。',
    ],
    ['a clause of an absent category', '走访{走访.count}次[；培训{培训.count}期]。', visits, '走访2次。'],
    [
      'nested clauses: the inner dropped',
      '[走访{走访.count}次[，资料{走访.items}份]]。',
      visits,
      '走访2次。',
    ],
    [
      'nested clauses: the outer dropped with its inner',
      '走访{走访.count}次；[培训{培训.count}期[，培训{走访.people}人次]]。',
      visits,
      '走访2次。',
    ],
    [
      'a figure outside […] without data',
      '走访{走访.count}次，培训{培训.count}期。',
      visits,
      '走访2次，培训期。',
    ],
    ['an unknown measure', '走访{走访.count}次[，{走访.头数}头]。', visits, '走访2次。'],
    [
      'a custom measure',
      '清理垃圾{清理垃圾.custom:吨}吨',
      [rec('清理垃圾', { 'custom:吨': 12.5 })],
      '清理垃圾12.5吨',
    ],
  ])('%s', (_name, template, records, expected) => {
    expect(text(template, records)).toBe(expected);
  });

  it('says nothing at all when no figure has data', () => {
    expect(render('{期间}，全镇政协委员[开展走访{走访.count}次]。', [])).toEqual({ text: '', parts: [] });
    expect(text('{期间}，全镇政协委员[开展走访{走访.count}次]。', [rec('走访', { count: 0 })])).toBe('');
  });

  it('keeps each number as its own part, with its category, measure and raw value', () => {
    const p = render(
      '{期间}，[走访群众{走访.people}人次]，[落实资金{资金.amount}万元]，办结率{提案.办结率}%。',
      [rec('走访', { people: 623 }), rec('资金', { amount: 4536800 }), ...FOURTEEN],
    );
    expect(p.parts.map((x) => x.text).join('')).toBe(p.text);
    expect(p.parts.filter((x) => x.kind === 'number')).toEqual([
      { kind: 'number', text: '623', value: 623, category: '走访', measure: 'people' },
      { kind: 'number', text: '453.68', value: 4536800, category: '资金', measure: 'amount' },
      { kind: 'number', text: '71.4', value: (10 / 14) * 100, category: '提案', measure: '办结率' },
    ]);
  });
});

describe('renderTemplate: precision', () => {
  const T = '走访群众{走访.people}人次';
  it.each<[number, Precision | undefined, string]>([
    [623, undefined, '走访群众623人次'],
    [623, 'exact', '走访群众623人次'],
    [623, 'duo', '走访群众600多人次'],
    [623, 'yu', '走访群众620余人次'],
    [283, 'yu', '走访群众280余人次'],
    [1046, 'duo', '走访群众1000多人次'],
    [300, 'duo', '走访群众300人次'],
    [300, 'yu', '走访群众300人次'],
    [620, 'yu', '走访群众620人次'],
    [9, 'duo', '走访群众9人次'],
    [45, 'yu', '走访群众45人次'],
  ])('%i with %s → %s', (people, precision, expected) => {
    const p: Record<string, Precision> = precision ? { '走访.people': precision } : {};
    expect(text(T, [rec('走访', { people })], { precision: p })).toBe(expected);
  });

  it('applies a precision to its own figure only', () => {
    const records = [rec('走访', { people: 623, households: 283 })];
    expect(
      text('{走访.people}人次，{走访.households}户', records, { precision: { '走访.people': 'duo' } }),
    ).toBe('600多人次，283户');
  });

  it.each<[number, Precision, string]>([
    [4536800, 'exact', '落实资金453.68万元'],
    [4536800, 'yu', '落实资金450余万元'],
    [4536800, 'duo', '落实资金400多万元'],
    [4500000, 'yu', '落实资金450万元'],
    [32000, 'duo', '落实资金3.2万元'],
    [10000, 'exact', '落实资金1万元'],
    [4536789, 'exact', '落实资金453.68万元'],
  ])('money: %i元 with %s → %s', (amount, precision, expected) => {
    expect(
      text('落实资金{资金.amount}万元', [rec('资金', { amount })], {
        precision: { '资金.amount': precision },
      }),
    ).toBe(expected);
  });
});

describe('renderTemplate: rates and 办理结果', () => {
  it('writes rates with one decimal against the right denominator', () => {
    const t = text(
      '收到提案{提案.count}件，立案{提案.accepted}件，立案率{提案.立案率}%，已答复{提案.answered}件，办复率{提案.办复率}%，' +
        '已办结{提案.done}件，办结率{提案.办结率}%；在已答复的{提案.answered}件中，满意{提案.satisfied}件，满意率{提案.满意率}%。',
      FOURTEEN,
    );
    expect(t).toBe(
      '收到提案14件，立案14件，立案率100%，已答复12件，办复率85.7%，已办结10件，办结率71.4%；' +
        '在已答复的12件中，满意11件，满意率91.7%。',
    );
  });

  it('drops a rate clause when its numerator is 0', () => {
    expect(
      text('收到提案{提案.count}件[，已办结{提案.done}件，办结率{提案.办结率}%]。', [proposal('已立案')]),
    ).toBe('收到提案1件。');
  });

  it.each<[string, NewRecord[], boolean]>([
    ['all closed and satisfied', [proposal('已办结', '满意'), proposal('已办结', '基本满意')], true],
    ['answered and closed, all satisfied', [proposal('已答复', '满意'), proposal('已办结', '满意')], true],
    ['one 不满意', [proposal('已办结', '满意'), proposal('已办结', '不满意')], false],
    ['one without a rating', [proposal('已办结', '满意'), proposal('已办结')], false],
    ['one not yet answered', [proposal('已办结', '满意'), proposal('已立案')], false],
    ['one not yet answered but rated', [proposal('已办结', '满意'), proposal('已立案', '满意')], false],
    ['one with no status but rated', [proposal('已办结', '满意'), proposal('', '满意')], false],
    ['none answered', [proposal('已提交')], false],
    ['no proposals', [rec('走访')], false],
  ])('均已得到满意答复: %s → %s', (_name, records, expected) => {
    const t = text('提交提案{提案.count}件[，{提案.办理结果}]。[走访{走访.count}次]', records);
    expect(t.includes('均已得到满意答复')).toBe(expected);
  });

  it('says 均已得到满意答复 only when every proposal is answered and rated satisfied (property)', () => {
    const arbProposal = fc.record({
      status: fc.constantFrom<ProposalStatus | ''>('', '已提交', '已立案', '已答复', '已办结'),
      satisfaction: fc.constantFrom<Satisfaction | ''>('', '满意', '基本满意', '不满意'),
    });
    fc.assert(
      fc.property(fc.array(arbProposal, { minLength: 1, maxLength: 12 }), (ps) => {
        const records = ps.map((p) => proposal(p.status, p.satisfaction));
        const all = ps.every(
          (p) =>
            (p.status === '已答复' || p.status === '已办结') &&
            (p.satisfaction === '满意' || p.satisfaction === '基本满意'),
        );
        const t = text('提交提案{提案.count}件[，{提案.办理结果}]。', records);
        expect(t.includes('均已得到满意答复')).toBe(all);
        // A 满意率 is a share of the answered proposals: never above 100%.
        const rate = text('满意率{提案.满意率}%', records);
        if (rate) expect(Number(/满意率([\d.]+)%/.exec(rate)?.[1])).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('renderTemplate: 同比', () => {
  const T = '走访{走访.count}次[，{走访.count.同比}]';
  const visits = (n: number) => [rec('走访', { count: n })];

  it.each<[string, number, number | null, string]>([
    ['growth', 9, 8, '走访9次，同比增长12.5%'],
    ['decline', 8, 10, '走访8次，同比下降20%'],
    ['unchanged', 8, 8, '走访8次，与上年持平'],
    ['no previous year', 9, null, '走访9次'],
  ])('%s', (_name, current, previous, expected) => {
    const prev = previous === null ? null : totalsByCategory(visits(previous));
    expect(text(T, visits(current), { previous: prev })).toBe(expected);
  });

  it('says nothing when the previous year lacks the category or the figure', () => {
    expect(text(T, visits(9), { previous: totalsByCategory([rec('培训')]) })).toBe('走访9次');
    expect(
      text('{走访.people}人次[，{走访.people.同比}]', [rec('走访', { people: 9 })], {
        previous: totalsByCategory(visits(3)),
      }),
    ).toBe('9人次');
  });

  it('writes the change of a rate in 百分点', () => {
    const prev = totalsByCategory([proposal('已办结'), proposal('已办结'), proposal('已答复')]);
    expect(text('办结率{提案.办结率}%[，{提案.办结率.同比}]', FOURTEEN, { previous: prev })).toBe(
      '办结率71.4%，提高4.7个百分点',
    );
    const better = totalsByCategory([proposal('已办结'), proposal('已办结')]);
    expect(text('办结率{提案.办结率}%[，{提案.办结率.同比}]', FOURTEEN, { previous: better })).toBe(
      '办结率71.4%，下降28.6个百分点',
    );
  });

  it('writes the change of money against the 元 totals', () => {
    const prev = totalsByCategory([rec('资金', { amount: 4000000 })]);
    expect(
      text('资金{资金.amount}万元[，{资金.amount.同比}]', [rec('资金', { amount: 4536800 })], {
        previous: prev,
      }),
    ).toBe('资金453.68万元，同比增长13.4%');
  });

  it('has no 同比 text without a previous year, whatever the template asks', () => {
    const t = text(
      '{走访.count.同比}{走访.people.同比}{资金.amount.同比}{提案.办结率.同比}走访{走访.count}次',
      [rec('走访', { people: 30 }), rec('资金', { amount: 100 }), ...FOURTEEN],
    );
    expect(t).toBe('走访1次');
  });

  it.each<[string, NewRecord[]]>([
    ['a count of 0', [rec('走访', { count: 0, people: 40 })]],
    ['a category without the figure', [rec('走访', { people: 40 }, { tally: true })]],
    ['an absent category', [rec('培训', { people: 40 })]],
  ])('never leaves a 同比 behind when its figure is dropped: %s', (_name, records) => {
    const prev = totalsByCategory([rec('走访', { count: 8, people: 40 }), rec('培训', { people: 40 })]);
    const t = text(
      '[开展走访{走访.count}次][，{走访.count.同比}][，走访群众{走访.people}人次][；培训{培训.people}人次]。',
      records,
      { previous: prev },
    );
    expect(t).not.toMatch(/同比|持平/);
  });
});

describe('renderTemplate: 期间, 委员 and punctuation', () => {
  it.each<[string, string, string]>([
    ['2023年', '', '2023年，开展走访1次。'],
    ['2023年第一季度', '', '2023年第一季度，开展走访1次。'],
    ['', '', '开展走访1次。'],
    ['2023年', '江峰', '2023年，江峰开展走访1次。'],
    ['', '江峰', '江峰开展走访1次。'],
  ])('期间 %j, 委员 %j', (periodLabel, member, expected) => {
    expect(text('{期间}，{委员}开展走访{走访.count}次。', [rec('走访')], { periodLabel, member })).toBe(
      expected,
    );
  });

  it.each<[string, NewRecord[], string]>([
    ['the first clause dropped: the comma after 期间 stays', [rec('培训')], '2023年，举办培训1期。'],
    [
      'the middle clause dropped',
      [rec('走访'), rec('资金', { amount: 10000 })],
      '2023年，开展走访1次；落实资金1万元。',
    ],
    ['the last clause dropped', [rec('走访'), rec('培训')], '2023年，开展走访1次；举办培训1期。'],
    ['only the last clause', [rec('资金', { amount: 10000 })], '2023年，落实资金1万元。'],
    [
      'a comma clause after a dropped clause keeps the semicolon',
      [rec('走访'), rec('培训', { people: 30 }, { tally: true })],
      '2023年，开展走访1次；培训30人次。',
    ],
  ])('%s', (_name, records, expected) => {
    const T =
      '{期间}，[开展走访{走访.count}次]；[举办培训{培训.count}期][，培训{培训.people}人次]；[落实资金{资金.amount}万元]。';
    expect(text(T, records)).toBe(expected);
  });
});

describe('renderTemplate: {其他}', () => {
  const T = '{期间}，[开展走访{走访.count}次]；[{其他}]。';

  it('adds a clause for each category the template does not mention, and none for one it does', () => {
    const t = text(T, [
      rec('走访', { count: 5 }),
      rec('清理垃圾', { count: 3 }),
      rec('培训', { count: 2, people: 40 }),
    ]);
    expect(t).toBe('2023年，开展走访5次；举办培训2期，培训40人次；清理垃圾3次。');
    expect(t.match(/走访/g)).toHaveLength(1);
  });

  it('says the figures of a category the office keeps, custom measures included', () => {
    expect(text(T, [rec('走访'), rec('清理垃圾', { 'custom:吨': 12 }, { tally: true })])).toBe(
      '2023年，开展走访1次；清理垃圾12吨。',
    );
  });

  it('leaves out a category whose records have nothing to say', () => {
    expect(text(T, [rec('走访'), rec('清理垃圾', {}, { tally: true })])).toBe('2023年，开展走访1次。');
  });

  it('writes nothing when every category is mentioned', () => {
    expect(text(T, [rec('走访')])).toBe('2023年，开展走访1次。');
  });

  it.each<[string, string]>([
    [
      '走访',
      '[开展走访{走访.count}次][，走访群众{走访.people}人次][，上户{走访.households}户][，发放宣传资料{走访.items}份]',
    ],
    ['清理垃圾', '[清理垃圾{清理垃圾.count}次]'],
    ['社情民意', '[报送社情民意信息{社情民意.count}条]'],
  ])('categoryClause(%s)', (category, clause) => {
    expect(categoryClause(category)).toBe(clause);
    expect(parseTemplate(clause).ok).toBe(true);
  });
});

describe('knownFigures', () => {
  const ctx = ctxOf(
    totalsByCategory([
      rec('走访', { people: 623, households: 283 }),
      rec('培训', { count: 12, people: 540 }),
      rec('资金', { amount: 4536800 }),
      ...FOURTEEN,
    ]),
  );

  it.each([
    '623人次',
    '600多人次',
    '620余人次',
    '623人',
    '283户',
    '280余户',
    '200多户',
    '1次',
    '12期',
    '540人次',
    '500多人次',
    '453.68万元',
    '400多万元',
    '450余万元',
    '14件',
    '12件',
    '10件',
    '11件',
    '71.4%',
    '85.7%',
    '91.7%',
  ])('contains %s', (figure) => {
    expect(knownFigures(ctx).has(figure)).toBe(true);
  });

  it.each(['0件', '0%', '624人次', '700多人次', '453.67万元', '300多户'])('does not contain %s', (figure) => {
    expect(knownFigures(ctx).has(figure)).toBe(false);
  });

  it('knows the percentages of 同比, so the checker does not flag them', () => {
    const withPrev = {
      ...ctx,
      previous: totalsByCategory([rec('走访', { count: 8 }), rec('资金', { amount: 4000000 })]),
    };
    const t = renderTemplate(
      '走访{走访.count}次[，{走访.count.同比}]；资金{资金.amount}万元[，{资金.amount.同比}]',
      withPrev,
    ).text;
    expect(t).toBe('走访1次，同比下降87.5%；资金453.68万元，同比增长13.4%');
    expect(checkText(t, knownFigures(withPrev))).toEqual([]);
  });
});

describe('availablePlaceholders', () => {
  it('lists only figures that have data and are not 0', () => {
    const totals = totalsByCategory([
      rec('走访', { people: 40, households: 0 }),
      rec('清理垃圾', { 'custom:吨': 12 }, { tally: true }),
      proposal('已答复', '满意'),
      proposal('已立案'),
    ]);
    expect(availablePlaceholders(totals)).toEqual([
      { path: '走访.records', value: 1 },
      { path: '走访.count', value: 1 },
      { path: '走访.people', value: 40 },
      { path: '提案.records', value: 2 },
      { path: '提案.count', value: 2 },
      { path: '提案.accepted', value: 2 },
      { path: '提案.answered', value: 1 },
      { path: '提案.satisfied', value: 1 },
      { path: '提案.立案率', value: 100 },
      { path: '提案.办复率', value: 50 },
      { path: '提案.满意率', value: 100 },
      { path: '清理垃圾.records', value: 1 },
      { path: '清理垃圾.custom:吨', value: 12 },
    ]);
  });

  it('offers paths that render to their own value (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            category: fc.constantFrom('走访', '培训', '资金', '清理垃圾'),
            people: fc.nat(1000),
            amount: fc.nat(10_000_000),
          }),
          { maxLength: 8 },
        ),
        (rows) => {
          const totals = totalsByCategory(
            rows.map((r) => rec(r.category, { people: r.people, amount: r.amount })),
          );
          for (const { path, value } of availablePlaceholders(totals)) {
            expect(value).not.toBe(0);
            const p = renderTemplate(`{${path}}`, ctxOf(totals));
            expect(p.parts).toHaveLength(1);
            expect(p.parts[0]).toMatchObject({ kind: 'number', value });
          }
        },
      ),
    );
  });
});
