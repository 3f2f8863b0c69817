import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalsByCategory, type CategoryTotals } from '../../src/core/aggregate';
import type { Precision } from '../../src/core/narrative/approx';
import { checkText } from '../../src/core/narrative/checker';
import { PRESET_IDS, PRESET_TEMPLATES, type PresetId } from '../../src/core/narrative/presets';
import {
  knownFigures,
  parseTemplate,
  renderTemplate,
  type FigureKey,
  type NarrativeContext,
} from '../../src/core/narrative/template';
import { periodLabel, periodsOfYear, type Period } from '../../src/core/period';
import type { MeasureKey, NewRecord, ProposalStatus, Satisfaction } from '../../src/core/schema';
import { rec, proposal } from '../helpers/records';

function ctxOf(records: NewRecord[], over: Partial<NarrativeContext> = {}): NarrativeContext {
  return {
    periodLabel: '2023年',
    member: '',
    totals: totalsByCategory(records),
    previous: null,
    precision: {},
    ...over,
  };
}

const render = (id: PresetId, ctx: NarrativeContext) => renderTemplate(PRESET_TEMPLATES[id], ctx);

/** 14 proposals: 14 accepted, 12 answered, 10 closed, 11 rated satisfied. */
const FOURTEEN: NewRecord[] = [
  ...Array.from({ length: 10 }, (_, i) => proposal('已办结', i < 8 ? '满意' : '基本满意')),
  proposal('已答复', '满意'),
  proposal('已答复', '不满意'),
  proposal('已立案'),
  proposal('已立案'),
];

/** A year of an office's ledgers, every category with data. */
const YEAR: NewRecord[] = [
  rec('走访', { count: 90, people: 623, households: 283, items: 1046 }),
  rec('培训', { count: 12, people: 540 }),
  rec('视察', { count: 4 }),
  rec('调研', { count: 6 }),
  rec('会议', { count: 8, people: 160 }),
  rec('学习', { count: 10 }),
  rec('公益', { count: 3, amount: 52000 }),
  rec('社情民意', { count: 25 }),
  rec('资金', { amount: 4536800 }),
  rec('清理垃圾', { count: 7 }),
  ...FOURTEEN,
];

/** The figure a number part stands for, computed here from the totals independently of template.ts. */
function rawOf(totals: readonly CategoryTotals[], category: string, key: FigureKey): number | undefined {
  const t = totals.find((x) => x.category === category);
  if (!t) return undefined;
  const p = t.proposal;
  const count = t.measures.count ?? 0;
  switch (key) {
    case 'records':
      return t.records;
    case 'accepted':
    case 'answered':
    case 'done':
    case 'satisfied':
      return p?.[key];
    case '立案率':
      return p ? (p.accepted / count) * 100 : undefined;
    case '办复率':
      return p ? (p.answered / count) * 100 : undefined;
    case '办结率':
      return p ? (p.done / count) * 100 : undefined;
    case '满意率':
      return p ? (p.satisfied / p.answered) * 100 : undefined;
    default:
      return t.measures[key];
  }
}

const ZERO_FIGURE = /(^|[^\d.])0(期|次|件|户|人次|人|份|条|项|万元|%)/;
const ARTEFACTS = [
  '，，',
  '；；',
  '，。',
  '；。',
  '。。',
  '，；',
  '；，',
  '。，',
  '。；',
  '、，',
  '，、',
  '：；',
];
const LEADING_PUNCTUATION = /^[，；。、：,;.]/;

/** Words only a category's own clauses use, to see that a category without data is never named. */
const MARKERS: Record<string, RegExp> = {
  走访: /走访|上户/,
  培训: /培训/,
  提案: /提案|办结|答复/,
  资金: /资金/,
  视察: /委员视察|参加视察/,
  调研: /调研/,
  会议: /会议|参会/,
  学习: /学习/,
  公益: /公益|捐款/,
  社情民意: /社情民意/,
  清理垃圾: /清理垃圾/,
};
const CATEGORIES = Object.keys(MARKERS);

/** A figure, often 0: a total of 0 is where clauses must drop out. */
const arbFigure = (max: number) => fc.option(fc.oneof(fc.constant(0), fc.nat(max)), { nil: undefined });
const arbActivity = (category: string) =>
  fc
    .record({
      count: arbFigure(60),
      people: arbFigure(2000),
      households: arbFigure(500),
      items: arbFigure(3000),
      amount: fc.option(
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: 0, max: 2_000_000_000 }).map((fen) => fen / 100),
        ),
        { nil: undefined },
      ),
      tally: fc.boolean(),
    })
    .map(({ tally, ...v }) => {
      const values: Partial<Record<MeasureKey, number>> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) values[k as MeasureKey] = x;
      return rec(category, values, tally ? { tally } : {});
    });
const arbProposal = fc
  .record({
    status: fc.constantFrom<ProposalStatus | ''>('', '已提交', '已立案', '已答复', '已办结'),
    satisfaction: fc.constantFrom<Satisfaction | ''>('', '满意', '基本满意', '不满意'),
  })
  .map(({ status, satisfaction }) => proposal(status, satisfaction));
const arbRecords = fc.array(
  fc.oneof(...CATEGORIES.map((c) => (c === '提案' ? arbProposal : arbActivity(c)))),
  { maxLength: 24 },
);
const PRECISION_KEYS = CATEGORIES.flatMap((c) =>
  ['count', 'people', 'households', 'items', 'amount'].map((m) => `${c}.${m}`),
);
const arbPrecision = fc
  .array(fc.tuple(fc.constantFrom(...PRECISION_KEYS), fc.constantFrom<Precision>('exact', 'duo', 'yu')))
  .map((entries) => Object.fromEntries(entries) as Record<string, Precision>);
const arbLabel = fc.constantFrom(
  '2023年',
  '',
  '2023年第一季度',
  '2023年上半年',
  '2023年3月',
  '2023-03-01至2023-06-30',
);

describe('presets', () => {
  it.each(PRESET_IDS)('%s parses', (id) => {
    expect(parseTemplate(PRESET_TEMPLATES[id]).ok).toBe(true);
  });

  it('holds the wording rules for any data (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESET_IDS),
        arbRecords,
        fc.option(arbRecords, { nil: null }),
        arbPrecision,
        arbLabel,
        (id, records, previous, precision, label) => {
          const ctx = ctxOf(records, {
            periodLabel: label,
            previous: previous && totalsByCategory(previous),
            precision,
          });
          const p = render(id, ctx);
          const t = p.text;
          expect(p.parts.map((x) => x.text).join('')).toBe(t);
          if (t === '') return;

          // No figure of 0, no empty clause left behind, no paragraph starting with punctuation.
          expect(t).not.toMatch(ZERO_FIGURE);
          for (const a of ARTEFACTS) expect(t).not.toContain(a);
          expect(t).not.toMatch(LEADING_PUNCTUATION);
          expect(t.endsWith('。')).toBe(true);
          if (label) expect(t.startsWith(`${label}，`)).toBe(true);

          // Every number is a figure of the data, not 0, and says where it came from.
          const withData = new Set<string>();
          for (const part of p.parts) {
            if (part.kind !== 'number') continue;
            expect(part.value).not.toBe(0);
            expect(part.value).toBe(rawOf(ctx.totals, part.category, part.measure));
            withData.add(part.category);
          }
          // A category with nothing to say is never named.
          for (const c of CATEGORIES) if (!withData.has(c)) expect(t).not.toMatch(MARKERS[c] ?? /$^/);

          // Rates are shares: never above 100%.
          for (const m of t.matchAll(/率([\d.]+)%/g)) expect(Number(m[1])).toBeLessThanOrEqual(100);

          // 同比 only with a previous year, and only after a figure of its own clause.
          if (!previous) expect(t).not.toMatch(/同比|百分点|与上年持平/);
          for (const clause of t.split(/[；。]/)) expect(clause).not.toMatch(/^[^\d]*(同比|持平|百分点)/);

          // 均已得到满意答复 only when the data says so.
          const ps = records.filter((r) => r.category === '提案');
          const allSatisfied =
            ps.length > 0 &&
            ps.every(
              (r) =>
                (r.status === '已答复' || r.status === '已办结') &&
                (r.satisfaction === '满意' || r.satisfaction === '基本满意'),
            );
          if (!allSatisfied) expect(t).not.toContain('均已得到满意答复');
          if (allSatisfied && id !== 'period') expect(t).toContain('均已得到满意答复');

          // The checker never flags the app's own text.
          expect(checkText(t, knownFigures(ctx))).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it.each(PRESET_IDS)('%s: a paragraph the checker accepts, with every precision', (id) => {
    for (const precision of ['exact', 'duo', 'yu'] as const) {
      const ctx = ctxOf(YEAR, {
        previous: totalsByCategory(YEAR.slice(0, 6)),
        precision: Object.fromEntries(PRECISION_KEYS.map((k) => [k, precision])),
      });
      const t = render(id, ctx).text;
      expect(t).not.toBe('');
      expect(checkText(t, knownFigures(ctx))).toEqual([]);
    }
  });
});

describe('presets: wording', () => {
  it('township: the whole paragraph', () => {
    expect(render('township', ctxOf(YEAR)).text).toBe(
      '2023年，全镇政协委员围绕中心、服务大局，积极履职尽责。' +
        '深入基层开展走访90次，走访群众623人次，上户283户，送政策、法规、技术等宣传资料1046份；' +
        '举办各类培训12期，培训540人次；组织委员视察4次；开展专题调研6次；召开协商座谈会议8次；' +
        '组织委员集中学习10次；提交提案14件，已办结10件，办结率71.4%；推动落实各类项目资金453.68万元；' +
        '开展公益活动3次，捐款捐物5.2万元；报送社情民意信息25条；清理垃圾7次。',
    );
  });

  it('proposals: counts, rates and their denominators', () => {
    const t = render('proposals', ctxOf(FOURTEEN)).text;
    expect(t).toBe(
      '2023年，共收到委员提案14件，其中立案14件，立案率100%，已答复12件，办复率85.7%，' +
        '已办结10件，办结率71.4%；在已答复的12件中，委员表示满意或基本满意的11件，满意率91.7%。',
    );
    expect(t).toContain('收到委员提案14件');
    expect(t).toContain('已办结10件，办结率71.4%');
    expect(t).not.toContain('均已得到满意答复');
  });

  it('proposals: 均已得到满意答复 when every proposal is answered and satisfied', () => {
    const all = [proposal('已办结', '满意'), proposal('已答复', '基本满意')];
    expect(render('proposals', ctxOf(all)).text).toContain('满意率100%，均已得到满意答复');
    expect(render('township', ctxOf(all)).text).toContain('均已得到满意答复');
    expect(render('member', ctxOf(all)).text).toContain('均已得到满意答复');
  });

  it('proposals: nothing to say without proposals', () => {
    expect(render('proposals', ctxOf(YEAR.filter((r) => r.category !== '提案'))).text).toBe('');
  });

  it.each<[PresetId, string]>([
    ['township', '积极履职尽责。深入基层开展走访90次，同比增长12.5%，走访群众'],
    ['township', '举办各类培训12期，同比下降20%，培训540人次；'],
    ['township', '推动落实各类项目资金453.68万元，与上年持平；'],
    ['proposals', '办结率71.4%，提高4.7个百分点；'],
  ])('%s: 同比 %s', (id, expected) => {
    const previous = totalsByCategory([
      rec('走访', { count: 80 }),
      rec('培训', { count: 15 }),
      rec('资金', { amount: 4536800 }),
      proposal('已办结'),
      proposal('已办结'),
      proposal('已答复'),
    ]);
    expect(render(id, ctxOf(YEAR, { previous })).text).toContain(expected);
  });

  it.each(PRESET_IDS)('%s: no 同比 without a previous year', (id) => {
    expect(render(id, ctxOf(YEAR)).text).not.toMatch(/同比|百分点|持平/);
  });

  it('member: speaks as 本人, never as the whole township', () => {
    const t = render('member', ctxOf(YEAR, { member: '江峰' })).text;
    expect(t.startsWith('2023年，本人认真履行政协委员职责，参加走访90次')).toBe(true);
    expect(t).not.toContain('全镇');
  });

  it('member: a first clause without data leaves the comma after the introduction', () => {
    expect(render('member', ctxOf([rec('培训', { count: 2 })])).text).toBe(
      '2023年，本人认真履行政协委员职责，参加培训2期。',
    );
  });

  const periods: Period[] = [...periodsOfYear(2023), { kind: 'range', from: '2023-03-01', to: '2023-06-30' }];
  it.each(PRESET_IDS.flatMap((id) => periods.map((p) => [id, periodLabel(p)] as const)))(
    '%s starts with %s',
    (id, label) => {
      expect(render(id, ctxOf(YEAR, { periodLabel: label })).text.startsWith(`${label}，`)).toBe(true);
    },
  );

  it.each(PRESET_IDS)('%s for 全部 (no label) starts with no punctuation', (id) => {
    const t = render(id, ctxOf(YEAR, { periodLabel: '' })).text;
    expect(t).not.toBe('');
    expect(t).not.toMatch(LEADING_PUNCTUATION);
  });

  it.each<[Record<string, Precision>, string, string]>([
    [{ '走访.people': 'duo' }, '走访群众600多人次', '走访群众623人次'],
    [{ '走访.people': 'yu' }, '走访群众620余人次', '走访群众623人次'],
    [{ '资金.amount': 'yu' }, '项目资金450余万元', '453.68'],
    [{ '资金.amount': 'duo' }, '项目资金400多万元', '453.68'],
    [{ '走访.items': 'duo' }, '宣传资料1000多份', '1046'],
  ])('township with precision %j says %s', (precision, expected, absent) => {
    const t = render('township', ctxOf(YEAR, { precision })).text;
    expect(t).toContain(expected);
    expect(t).not.toContain(absent);
  });

  it('township: 300 with 多 stays 300', () => {
    const t = render(
      'township',
      ctxOf([rec('走访', { people: 300 })], { precision: { '走访.people': 'duo' } }),
    ).text;
    expect(t).toContain('走访群众300人次');
    expect(t).not.toContain('300多');
  });

  it.each<[PresetId, string]>([
    ['township', '；清理垃圾7次。'],
    ['member', '；清理垃圾7次。'],
    ['period', '；清理垃圾7次。'],
  ])('%s: {其他} speaks of a category the template does not name', (id, expected) => {
    expect(render(id, ctxOf(YEAR)).text).toContain(expected);
  });

  it('period: {其他} covers 学习, 公益 and 社情民意, which the template does not name, once each', () => {
    const t = render('period', ctxOf(YEAR)).text;
    for (const phrase of ['组织委员集中学习10次', '开展公益活动3次，捐款捐物5.2万元', '报送社情民意信息25条'])
      expect(t.split(phrase)).toHaveLength(2);
    expect(t.match(/走访/g)).toHaveLength(2); // 开展走访 and 走访群众, not a second 走访 clause
  });
});
