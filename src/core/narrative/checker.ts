/**
 * Checks a statistics paragraph after the clerk edited it by hand:
 * - contradictory qualifiers around one figure (近600余人, 约50人左右, 至少3次以上, 约600多人, 逾1000余份);
 * - figures with a counter (600多人次, 453.68万元, 71.4%) that match none of the current figures,
 *   e.g. a number typed over, or left from last year's summary.
 *
 * Years and dates (2023年, 3月5日), ordinals (第2次, 第3期) and numbers inside 《》 titles are not
 * figures. Full-width digits (６００人) are read as digits; the phrase reported is the text as written.
 */

export type ContradictionRule =
  '近…余' | '近…多' | '约…左右' | '约…多' | '约…余' | '至少…以上' | '逾…多' | '逾…余' | '超过…多' | '超过…余';

export type CheckIssue =
  { kind: 'contradiction'; phrase: string; rule: ContradictionRule } | { kind: 'mismatch'; phrase: string }; // a figure with a counter that matches no current figure

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** Counters of the figures checked against `known`; the longest first (人次 before 人, 万元 = 万 + 元). */
const COUNTER = '人次|人|户|份|期|件|次|条|项|场|元|%';
/** `number (多|余)? 万? (多|余)? counter`: 600多人次, 450余万元, 10万余元, 1.2万人次, 71.4%. */
const FIGURE_SOURCE = String.raw`(${NUM})[ \u3000]*([多余])?(万)?([多余])?[ \u3000]*(${COUNTER})`;
const FIGURE = new RegExp(FIGURE_SOURCE, 'g');
const WHOLE_FIGURE = new RegExp(`^${FIGURE_SOURCE}$`);

/** Measure words that may sit between a qualified number and 左右/以上 (约50名左右). */
const ANY_COUNTER =
  '人次|人|户|份|期|件|次|条|项|场|元|名|个|位|家|所|吨|间|亩|公里|米|天|小时|篇|本|册|套|台|辆|座|处|批|轮|组|支|张|年|月|周|趟|起|宗|笔|村|段|块|%';
/**
 * After a qualifier: up to four words' characters (约走访群众600多人), never a digit or a clause
 * break, then the number, its 多/余, an optional counter and an optional 左右/以上/上下.
 */
const QUALIFIED = new RegExp(
  String.raw`[^\d，。；、,;；:：!?！？\n\r《》]{0,4}?(${NUM})[ \u3000]*([多余])?(万)?([多余])?[ \u3000]*(${ANY_COUNTER})?(左右|以上|上下)?`,
  'y',
);
const QUALIFIER = /大约|约|将近|接近|近|逾|超过|至少/g;

/** 约 inside a word (节约, 预约, 签约, 约定 …) is not the qualifier 约. */
const YUE_WORD_BEFORE = new Set('节制邀预签违履践赴失守特合契盟相隐简纽公条誓婉');
const YUE_WORD_AFTER = new Set('定束谈请见稿法占');
/** 近 inside a word (附近, 最近, 就近, 近年, 近期, 近日 …) is not the qualifier 近 (接近/将近 are). */
const JIN_WORD_BEFORE = new Set('附最就邻靠亲贴走');
const JIN_WORD_AFTER = new Set('年期日来况代似郊视');
/** 逾期, 逾越. */
const YU_WORD_AFTER = new Set('期越');

type Family = '近' | '约' | '至少' | '逾' | '超过';

function familyOf(token: string): Family {
  if (token === '大约' || token === '约') return '约';
  if (token === '将近' || token === '接近' || token === '近') return '近';
  return token as Family;
}

function isWordPart(token: string, before: string, after: string): boolean {
  switch (token) {
    case '约':
      return YUE_WORD_BEFORE.has(before) || YUE_WORD_AFTER.has(after);
    case '近':
      return JIN_WORD_BEFORE.has(before) || JIN_WORD_AFTER.has(after);
    case '逾':
      return YU_WORD_AFTER.has(after);
    default:
      return false;
  }
}

function rulesFor(family: Family, approx: string, post: string): ContradictionRule[] {
  const out: ContradictionRule[] = [];
  const a = approx === '多' || approx === '余' ? approx : null;
  switch (family) {
    case '近':
      if (a) out.push(`近…${a}`);
      break;
    case '约':
      if (a) out.push(`约…${a}`);
      if (post === '左右') out.push('约…左右');
      break;
    case '至少':
      if (post === '以上') out.push('至少…以上');
      break;
    case '逾':
      if (a) out.push(`逾…${a}`);
      break;
    case '超过':
      if (a) out.push(`超过…${a}`);
      break;
  }
  return out;
}

/** Full-width digits, point and percent to ASCII, one UTF-16 unit for one, so indices stay valid. */
function normalise(text: string): string {
  return text.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Positions inside 《…》 titles (an unclosed 《 does not hide the rest of the text). */
function titleMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  for (const m of text.matchAll(/《[^《》\n\r]*》/g)) {
    for (let k = m.index; k < m.index + m[0].length; k++) mask[k] = true;
  }
  return mask;
}

/** The comparison key of a figure: `600多人次`, `453.68万元`; 1,000 → 1000, 453.60 → 453.6, no spaces. */
function figureKey(m: RegExpExecArray): string {
  const n = Number((m[1] ?? '').replace(/,/g, ''));
  return `${String(n)}${m[2] ?? ''}${m[3] ?? ''}${m[4] ?? ''}${m[5] ?? ''}`;
}

function knownKeys(known: ReadonlySet<string>): Set<string> {
  const keys = new Set<string>();
  for (const k of known) {
    keys.add(k);
    const m = WHOLE_FIGURE.exec(normalise(k.trim()));
    if (m) keys.add(figureKey(m));
  }
  return keys;
}

/** A number preceded by these is not a figure: an ordinal (第2次), or part of 2023.3.5 / 1.2.3. */
function precededByNonFigure(text: string, index: number): boolean {
  const before = text[index - 1] ?? '';
  return before === '第' || before === '.' || /[0-9A-Za-z]/.test(before);
}

interface Found {
  index: number;
  issue: CheckIssue;
}

function contradictions(original: string, text: string, inTitle: boolean[]): Found[] {
  const found: Found[] = [];
  for (const q of text.matchAll(QUALIFIER)) {
    const token = q[0];
    const start = q.index;
    if (inTitle[start]) continue;
    if (isWordPart(token, text[start - 1] ?? '', text[start + token.length] ?? '')) continue;
    QUALIFIED.lastIndex = start + token.length;
    const m = QUALIFIED.exec(text);
    if (!m) continue;
    const rules = rulesFor(familyOf(token), m[2] ?? m[4] ?? '', m[6] ?? '');
    const phrase = original.slice(start, QUALIFIED.lastIndex);
    for (const rule of rules) found.push({ index: start, issue: { kind: 'contradiction', phrase, rule } });
  }
  return found;
}

function mismatches(original: string, text: string, inTitle: boolean[], keys: Set<string>): Found[] {
  const found: Found[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    if (inTitle[m.index] || precededByNonFigure(text, m.index)) continue;
    const phrase = original.slice(m.index, m.index + m[0].length);
    if (keys.has(phrase) || keys.has(figureKey(m))) continue;
    found.push({ index: m.index, issue: { kind: 'mismatch', phrase } });
  }
  return found;
}

/**
 * Issues in a hand-edited paragraph, in text order (a contradiction before the mismatch of the same
 * figure). `known` holds the acceptable figures with their counters: '623人次', '600多人次',
 * '620余人次', '453.68万元', '71.4%'.
 */
export function checkText(text: string, known: ReadonlySet<string>): CheckIssue[] {
  const normal = normalise(text);
  const inTitle = titleMask(normal);
  const found = [
    ...contradictions(text, normal, inTitle),
    ...mismatches(text, normal, inTitle, knownKeys(known)),
  ];
  // Array.prototype.sort is stable: at one index the contradiction (listed first) stays first.
  found.sort((a, b) => a.index - b.index);
  return found.map((f) => f.issue);
}
