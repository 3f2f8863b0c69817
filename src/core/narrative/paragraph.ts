/**
 * The statistics paragraph of the 工作总结: the totals written as officials write them, in Arabic
 * numerals with their counters and full-width punctuation (GB/T 15834), each number kept with the category and measure it came from so the
 * UI can link it to its records. Categories without data are left out (never "0期").
 */
import { categoryInfo } from '../categories';
import type { CategoryTotals } from '../aggregate';
import { roundTo, yuanToWan } from '../numbers';
import type { MeasureKey } from '../schema';

export type ParagraphPart =
  | { kind: 'text'; text: string }
  | {
      kind: 'number';
      text: string;
      value: number;
      category: string;
      measure: MeasureKey | 'answered' | 'done' | 'satisfied' | 'rate';
    };

export interface Paragraph {
  text: string;
  parts: ParagraphPart[];
}

type Piece = ParagraphPart[];

const text = (t: string): ParagraphPart => ({ kind: 'text', text: t });

function num(
  category: string,
  measure: Extract<ParagraphPart, { kind: 'number' }>['measure'],
  value: number,
  shown?: string,
): ParagraphPart {
  return { kind: 'number', text: shown ?? String(value), value, category, measure };
}

/** Money in 万元 with at most two decimals, as summaries write it (453.68万元). */
export function wanText(yuan: number): string {
  const wan = yuanToWan(yuan);
  // A few hundred 元 would round to 0万元, a figure that says nothing happened: keep the digits.
  const twoPlaces = roundTo(wan, 2);
  return String(twoPlaces === 0 && wan !== 0 ? roundTo(wan, 4) : twoPlaces);
}

/** A percentage with one decimal, dropping a trailing .0 (71.4%, 100%). */
export function percentText(numerator: number, denominator: number): string {
  return String(roundTo((numerator / denominator) * 100, 1));
}

/** Clauses of one category, e.g. 走访: [开展走访, 90, 次, 走访群众, 623, 人次 …]. */
function categoryClauses(t: CategoryTotals): Piece[] {
  const c = t.category;
  const m = t.measures;
  const count = m.count ?? t.records;
  const info = categoryInfo(c);
  const out: Piece[] = [];
  const people = m.people;
  const households = m.households;
  const items = m.items;
  const amount = m.amount;
  switch (c) {
    case '走访':
      out.push([text('开展走访'), num(c, 'count', count), text('次')]);
      if (people) out.push([text('走访群众'), num(c, 'people', people), text('人次')]);
      if (households) out.push([text('上户'), num(c, 'households', households), text('户')]);
      if (items) out.push([text('发放宣传资料'), num(c, 'items', items), text('份')]);
      break;
    case '培训':
      out.push([text('举办培训'), num(c, 'count', count), text('期')]);
      if (people) out.push([text('培训'), num(c, 'people', people), text('人次')]);
      break;
    case '资金':
      if (amount) out.push([text('落实各类资金'), num(c, 'amount', amount, wanText(amount)), text('万元')]);
      else out.push([text('实施资金项目'), num(c, 'count', count), text('项')]);
      break;
    default: {
      const verb = VERBS[c] ?? `开展${c}`;
      out.push([text(verb), num(c, 'count', count), text(info.eventCounter)]);
      if (people) out.push([text(c === '会议' ? '参会' : '参与'), num(c, 'people', people), text('人次')]);
      if (households) out.push([text('惠及群众'), num(c, 'households', households), text('户')]);
      if (amount)
        out.push([
          text(c === '公益' ? '捐款捐物' : '涉及资金'),
          num(c, 'amount', amount, wanText(amount)),
          text('万元'),
        ]);
    }
  }
  return out;
}

const VERBS: Record<string, string> = {
  视察: '组织委员视察',
  调研: '开展调研',
  会议: '召开会议',
  学习: '组织委员集中学习',
  公益: '开展公益活动',
  社情民意: '报送社情民意信息',
};

function proposalClauses(t: CategoryTotals): Piece[] {
  const c = t.category;
  const count = t.measures.count ?? t.records;
  const p = t.proposal;
  const out: Piece[] = [[text('提交提案'), num(c, 'count', count), text('件')]];
  if (!p || count === 0) return out;
  if (p.answered > 0) out.push([text('已答复'), num(c, 'answered', p.answered), text('件')]);
  if (p.done > 0) {
    out.push([
      text('已办结'),
      num(c, 'done', p.done),
      text('件，办结率'),
      num(c, 'rate', roundTo((p.done / count) * 100, 1), percentText(p.done, count)),
      text('%'),
    ]);
  }
  return out;
}

/** The first statistics paragraph: every category with data, exact figures, in ledger order. */
export function statisticsParagraph(totals: readonly CategoryTotals[], periodLabel: string): Paragraph {
  const sentences: Piece[] = [];
  for (const t of totals) {
    if (t.records === 0) continue;
    const clauses = t.proposal ? proposalClauses(t) : categoryClauses(t);
    const sentence: Piece = [];
    clauses.forEach((clause, i) => {
      if (i > 0) sentence.push(text('，'));
      sentence.push(...clause);
    });
    sentences.push(sentence);
  }
  const parts: ParagraphPart[] = [];
  if (sentences.length === 0) return { text: '', parts };
  const all = periodLabel === '全部';
  parts.push(text(all ? '全体委员积极履职，累计' : `${periodLabel}，全体委员积极履职，`));
  sentences.forEach((s, i) => {
    if (i > 0) parts.push(text('；'));
    parts.push(...s);
  });
  parts.push(text('。'));
  const merged = mergeText(parts);
  return { text: merged.map((p) => p.text).join(''), parts: merged };
}

function mergeText(parts: ParagraphPart[]): ParagraphPart[] {
  const out: ParagraphPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') last.text += p.text;
    else out.push(p.kind === 'text' ? { ...p } : p);
  }
  return out;
}
