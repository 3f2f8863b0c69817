/**
 * Paragraph templates in the clerk's own words: `{走访.people}` stands for a figure, `[…]` for a
 * clause that is left out when a figure in it has no data, so no paragraph ever says "培训0期".
 *
 *   {期间}，[开展走访{走访.count}次[，走访群众{走访.people}人次]]。
 *
 * Rendering keeps every number as its own part, with the category and measure it came from, so the
 * UI can underline it and lead to the records behind it.
 */
import type { CategoryTotals } from '../aggregate';
import { categoryInfo } from '../categories';
import type { MeasureKey } from '../schema';
import { approximate, moneyFigure, type Precision } from './approx';
import { countChange, percentText, rateChange } from './compare';

export type ProposalKey = 'accepted' | 'answered' | 'done' | 'satisfied';
export type RateKey = '立案率' | '办复率' | '办结率' | '满意率';
export type FigureKey = MeasureKey | 'records' | ProposalKey | RateKey;

export type ParagraphPart =
  | { kind: 'text'; text: string }
  | { kind: 'number'; text: string; value: number; category: string; measure: FigureKey };

export interface Paragraph {
  text: string;
  parts: ParagraphPart[];
}

export interface NarrativeContext {
  periodLabel: string;
  /** The member a personal summary is about ('' for the whole office). */
  member: string;
  totals: readonly CategoryTotals[];
  /** The same period a year earlier, for 同比; null when there is none. */
  previous: readonly CategoryTotals[] | null;
  /** Precision per `类别.measure` (e.g. `走访.people`); exact when absent. */
  precision: Readonly<Record<string, Precision>>;
}

type Node = { t: 'text'; s: string } | { t: 'ph'; path: string } | { t: 'opt'; body: Node[] };

export type TemplateParse =
  | { ok: true; nodes: Node[] }
  | { ok: false; error: 'unclosed-bracket' | 'unclosed-brace' | 'stray-close'; at: number };

/** Parse a template; errors carry the position, for the editor to point at. */
export function parseTemplate(src: string): TemplateParse {
  const stack: { body: Node[]; at: number }[] = [{ body: [], at: 0 }];
  let text = '';
  const top = () => stack[stack.length - 1]?.body ?? [];
  const flush = () => {
    if (text) top().push({ t: 'text', s: text });
    text = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] ?? '';
    if (ch === '{') {
      const end = src.indexOf('}', i + 1);
      if (end < 0 || src.slice(i + 1, end).includes('{'))
        return { ok: false, error: 'unclosed-brace', at: i };
      flush();
      top().push({ t: 'ph', path: src.slice(i + 1, end).trim() });
      i = end;
    } else if (ch === '[') {
      flush();
      stack.push({ body: [], at: i });
    } else if (ch === ']') {
      if (stack.length < 2) return { ok: false, error: 'stray-close', at: i };
      flush();
      const done = stack.pop();
      top().push({ t: 'opt', body: done?.body ?? [] });
    } else if (ch === '}') {
      return { ok: false, error: 'stray-close', at: i };
    } else text += ch;
  }
  if (stack.length > 1) return { ok: false, error: 'unclosed-bracket', at: stack[stack.length - 1]?.at ?? 0 };
  flush();
  return { ok: true, nodes: stack[0]?.body ?? [] };
}

const MEASURE_ALIASES: Record<string, FigureKey> = {
  count: 'count',
  次数: 'count',
  期数: 'count',
  件数: 'count',
  条数: 'count',
  数量: 'count',
  people: 'people',
  人次: 'people',
  人数: 'people',
  households: 'households',
  户数: 'households',
  items: 'items',
  份数: 'items',
  amount: 'amount',
  金额: 'amount',
  资金: 'amount',
  records: 'records',
  记录数: 'records',
  accepted: 'accepted',
  立案: 'accepted',
  answered: 'answered',
  答复: 'answered',
  已答复: 'answered',
  done: 'done',
  办结: 'done',
  已办结: 'done',
  satisfied: 'satisfied',
  满意: 'satisfied',
  立案率: '立案率',
  办复率: '办复率',
  办结率: '办结率',
  满意率: '满意率',
};

function figureKey(name: string): FigureKey | null {
  if (name.startsWith('custom:')) return name as MeasureKey;
  // Own keys only: {走访.constructor} in a template is no figure.
  return Object.prototype.hasOwnProperty.call(MEASURE_ALIASES, name) ? (MEASURE_ALIASES[name] ?? null) : null;
}

/** The raw value of a figure in some totals: undefined when the category or figure has none. */
function rawValue(
  totals: readonly CategoryTotals[] | null,
  category: string,
  key: FigureKey,
): number | undefined {
  const t = totals?.find((x) => x.category === category);
  if (!t) return undefined;
  const p = t.proposal;
  const count = t.measures.count;
  switch (key) {
    case 'records':
      return t.records;
    case 'accepted':
    case 'answered':
    case 'done':
    case 'satisfied':
      return p ? p[key] : undefined;
    case '立案率':
      return p && count ? (p.accepted / count) * 100 : undefined;
    case '办复率':
      return p && count ? (p.answered / count) * 100 : undefined;
    case '办结率':
      return p && count ? (p.done / count) * 100 : undefined;
    case '满意率':
      return p && p.answered ? (p.satisfied / p.answered) * 100 : undefined;
    default:
      return t.measures[key];
  }
}

const RATE_PARTS: Record<RateKey, [ProposalKey | 'count', ProposalKey | 'count']> = {
  立案率: ['accepted', 'count'],
  办复率: ['answered', 'count'],
  办结率: ['done', 'count'],
  满意率: ['satisfied', 'answered'],
};

function isRate(key: FigureKey): key is RateKey {
  return key in RATE_PARTS;
}

/** One figure as the paragraph writes it, with the clerk's chosen precision. */
function figure(ctx: NarrativeContext, category: string, key: FigureKey): ParagraphPart | null {
  const value = rawValue(ctx.totals, category, key);
  if (value === undefined || !Number.isFinite(value) || value === 0) return null;
  let text: string;
  if (isRate(key)) {
    const [num, den] = RATE_PARTS[key];
    text =
      percentText(rawValue(ctx.totals, category, num) ?? 0, rawValue(ctx.totals, category, den) ?? 0) ?? '';
    if (!text) return null;
  } else {
    const precision = ctx.precision[`${category}.${key}`] ?? 'exact';
    text = key === 'amount' ? moneyFigure(value, precision).text : approximate(value, precision).text;
  }
  return { kind: 'number', text, value, category, measure: key };
}

function change(ctx: NarrativeContext, category: string, key: FigureKey): string | null {
  const current = rawValue(ctx.totals, category, key);
  // No 同比 for a figure the paragraph does not state: "，同比下降100%" would stand alone, or read
  // as the change of the figure before it.
  if (current === undefined || current === 0 || !ctx.previous) return null;
  const previous = rawValue(ctx.previous, category, key);
  return isRate(key) ? rateChange(current, previous) : countChange(current, previous);
}

/** A clause for a category the template does not mention, so no data is silently left out. */
export function categoryClause(category: string, measures: readonly MeasureKey[] = []): string {
  // Own keys only: a category named constructor or __proto__ is the office's own, not Object's.
  const known = Object.prototype.hasOwnProperty.call(CATEGORY_CLAUSES, category)
    ? CATEGORY_CLAUSES[category]
    : undefined;
  if (known) return known;
  // A category of the office's own (清理垃圾, 危房改造): its name, then each figure it carries.
  const c = category;
  const counter = categoryInfo(c).eventCounter;
  const parts = [`[${c}{${c}.count}${counter}]`];
  for (const m of measures) {
    if (m === 'people') parts.push(`[，参与{${c}.people}人次]`);
    else if (m === 'households') parts.push(`[，涉及{${c}.households}户]`);
    else if (m === 'items') parts.push(`[，{${c}.items}份]`);
    else if (m === 'amount') parts.push(`[，金额{${c}.amount}万元]`);
    else if (m.startsWith('custom:')) {
      const unit = m.slice('custom:'.length);
      parts.push(`[，${c}{${c}.${m}}${unit}]`);
    }
  }
  return parts.join('');
}

// Each figure in its own […]: a statistics table may give 走访群众 without a count of visits, and
// the other figures must still be said.
const CATEGORY_CLAUSES: Record<string, string> = {
  走访: '[开展走访{走访.count}次][，走访群众{走访.people}人次][，上户{走访.households}户][，发放宣传资料{走访.items}份]',
  培训: '[举办培训{培训.count}期][，培训{培训.people}人次]',
  提案: '[提交提案{提案.count}件][，已办结{提案.done}件，办结率{提案.办结率}%]',
  资金: '[落实各类资金{资金.amount}万元]',
  视察: '[组织委员视察{视察.count}次]',
  调研: '[开展调研{调研.count}次]',
  会议: '[召开会议{会议.count}次][，参会{会议.people}人次]',
  学习: '[组织委员集中学习{学习.count}次]',
  公益: '[开展公益活动{公益.count}次][，捐款捐物{公益.amount}万元]',
  社情民意: '[报送社情民意信息{社情民意.count}条]',
};

/** Categories a template names in its placeholders. */
function mentioned(nodes: readonly Node[], into = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (n.t === 'ph' && n.path.includes('.')) into.add(n.path.split('.')[0] ?? '');
    if (n.t === 'opt') mentioned(n.body, into);
  }
  return into;
}

function resolve(
  ctx: NarrativeContext,
  path: string,
  others: () => ParagraphPart[] | null,
): ParagraphPart[] | null {
  if (path === '期间') return ctx.periodLabel ? [{ kind: 'text', text: ctx.periodLabel }] : null;
  if (path === '委员') return ctx.member ? [{ kind: 'text', text: ctx.member }] : null;
  if (path === '其他') return others();
  const [category = '', name = '', extra] = path.split('.');
  if (name === '办理结果') {
    const p = ctx.totals.find((x) => x.category === category)?.proposal;
    const count = rawValue(ctx.totals, category, 'count');
    // Only the data may say 均已得到满意答复: every proposal answered, every one rated satisfied.
    if (!p || !count || p.answered !== count || p.satisfied !== count) return null;
    return [{ kind: 'text', text: '均已得到满意答复' }];
  }
  const key = figureKey(name);
  if (!key) return null;
  if (extra === '同比') {
    const c = change(ctx, category, key);
    return c ? [{ kind: 'text', text: c }] : null;
  }
  if (extra !== undefined) return null;
  const part = figure(ctx, category, key);
  return part ? [part] : null;
}

function renderNodes(
  nodes: readonly Node[],
  ctx: NarrativeContext,
  others: () => ParagraphPart[] | null,
): ParagraphPart[] | null {
  const out: ParagraphPart[] = [];
  for (const n of nodes) {
    if (n.t === 'text') out.push({ kind: 'text', text: n.s });
    else if (n.t === 'opt') out.push(...(renderNodes(n.body, ctx, others) ?? []));
    else {
      const parts = resolve(ctx, n.path, others);
      if (!parts) return null;
      out.push(...parts);
    }
  }
  return out;
}

/** Render a template. A placeholder outside any […] that has no data renders as nothing. */
export function renderTemplate(src: string, ctx: NarrativeContext): Paragraph {
  const parsed = parseTemplate(src);
  if (!parsed.ok) return { text: '', parts: [] };
  const named = mentioned(parsed.nodes);
  const others = (): ParagraphPart[] | null => {
    const clauses = ctx.totals
      .filter((t) => t.records > 0 && !named.has(t.category))
      .map(
        (t) => renderTemplate(categoryClause(t.category, Object.keys(t.measures) as MeasureKey[]), ctx).parts,
      )
      .filter((p) => p.length > 0);
    if (clauses.length === 0) return null;
    return clauses.flatMap((p, i) => (i === 0 ? p : [{ kind: 'text' as const, text: '；' }, ...p]));
  };
  const parts: ParagraphPart[] = [];
  for (const n of parsed.nodes) {
    if (n.t === 'text') parts.push({ kind: 'text', text: n.s });
    else parts.push(...(renderNodes([n], ctx, others) ?? []));
  }
  // A paragraph without a single figure says nothing: better empty than "2023年，全镇政协委员。"
  if (!parts.some((p) => p.kind === 'number')) return { text: '', parts: [] };
  const tidy = tidyPunctuation(parts);
  return { text: tidy.map((p) => p.text).join(''), parts: tidy };
}

/**
 * A run of separators left by left-out clauses becomes one mark: 。 if the run has one ("，。" "；。"
 * "。；"), else its first mark other than 、 ("；；" → "；", "期间，[…]；" → "，", "；[…]，" → "；",
 * "、，" → "，"). The first mark is the one the text before chose; a later one belonged to a clause
 * that is gone.
 */
function collapseSeparators(run: string): string {
  if (run.includes('。')) return '。';
  return run.replace(/、/g, '')[0] ?? '、';
}

/** Left-out clauses leave their separators behind: "；；" "，。" "：；" become one mark. */
function tidyPunctuation(parts: ParagraphPart[]): ParagraphPart[] {
  const merged: ParagraphPart[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (p.kind === 'text' && last?.kind === 'text') last.text += p.text;
    else merged.push(p.kind === 'text' ? { ...p } : p);
  }
  for (const p of merged) {
    if (p.kind !== 'text') continue;
    p.text = p.text.replace(/[，、；：。]{2,}/g, collapseSeparators);
  }
  const first = merged[0];
  if (first?.kind === 'text') first.text = first.text.replace(/^[，；、。]+/, '');
  return merged.filter((p) => p.kind === 'number' || p.text !== '');
}

/** Every figure string the data supports, with its counter, for checking hand-edited text. */
export function knownFigures(ctx: NarrativeContext): Set<string> {
  const known = new Set<string>();
  const precisions: Precision[] = ['exact', 'duo', 'yu'];
  for (const t of ctx.totals) {
    const counter = categoryInfo(t.category).eventCounter;
    const counters: Partial<Record<FigureKey, string[]>> = {
      count: [counter, '次'],
      records: [counter, '条'],
      people: ['人次', '人'],
      households: ['户'],
      items: ['份', '件'],
      accepted: ['件'],
      answered: ['件', '份'],
      done: ['件', '份'],
      satisfied: ['件', '份'],
    };
    for (const [key, units] of Object.entries(counters) as [FigureKey, string[]][]) {
      const v = rawValue(ctx.totals, t.category, key);
      if (!v) continue;
      for (const p of precisions) for (const u of units) known.add(`${approximate(v, p).text}${u}`);
    }
    const amount = t.measures.amount;
    if (amount) for (const p of precisions) known.add(`${moneyFigure(amount, p).text}万元`);
    // Rates only where there are proposals, and never 0%: a paragraph never states a rate of 0.
    for (const rate of t.proposal ? (Object.keys(RATE_PARTS) as RateKey[]) : []) {
      const [num, den] = RATE_PARTS[rate];
      const pct = percentText(
        rawValue(ctx.totals, t.category, num) ?? 0,
        rawValue(ctx.totals, t.category, den) ?? 0,
      );
      if (pct && pct !== '0') known.add(`${pct}%`);
    }
    // The 同比 the paragraph writes (同比增长12.5%) is a figure too; a rate's change is in 百分点, no %.
    for (const key of [...Object.keys(counters), ...Object.keys(t.measures)] as FigureKey[]) {
      const yoy = /(\d+(?:\.\d+)?)%$/.exec(change(ctx, t.category, key) ?? '');
      if (yoy) known.add(`${yoy[1]}%`);
    }
  }
  return known;
}

/** The placeholders the data offers, for the editor's list. */
export function availablePlaceholders(totals: readonly CategoryTotals[]): { path: string; value: number }[] {
  const out: { path: string; value: number }[] = [];
  for (const t of totals) {
    const keys: FigureKey[] = ['records', 'count', 'people', 'households', 'items', 'amount'];
    for (const k of Object.keys(t.measures)) if (k.startsWith('custom:')) keys.push(k as FigureKey);
    if (t.proposal)
      keys.push('accepted', 'answered', 'done', 'satisfied', '立案率', '办复率', '办结率', '满意率');
    for (const k of keys) {
      const v = rawValue(totals, t.category, k);
      if (v !== undefined && v !== 0) out.push({ path: `${t.category}.${k}`, value: v });
    }
  }
  return out;
}
