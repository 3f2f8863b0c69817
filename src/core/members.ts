/**
 * Members (委员) and what each of them did: the figures a county office asks a township for, the
 * members of the roster with nothing recorded (未履职委员), and the office's own targets (每个委员
 * 每年至少提交两份提案; 每个季度至少参加一次活动) checked for each member.
 *
 * A record of several members (江峰、王霞美) is a 履职 of each of them and counts for each.
 */
import { eventCount } from './aggregate';
import { isProposalCategory } from './categories';
import { monthField } from './dates';
import { ExactSum } from './numbers';
import type { Period } from './period';
import type { LedgerRecord } from './schema';

export interface RosterRules {
  /** 每个委员每年至少提交 N 件提案; 0 = no such target. */
  proposalsPerYear: number;
  /** 每个季度至少参加一次活动 (any record that names the member). */
  activityEveryQuarter: boolean;
}

/** The office's list of members and its 履职 rules, stored in the settings under 'roster'. */
export interface Roster {
  names: string[];
  rules: RosterRules;
}

export const DEFAULT_RULES: RosterRules = { proposalsPerYear: 2, activityEveryQuarter: true };

export const EMPTY_ROSTER: Roster = { names: [], rules: DEFAULT_RULES };

/** The stored roster, whatever an older version or a backup left there. */
export function normaliseRoster(value: unknown): Roster {
  if (!value || typeof value !== 'object') return EMPTY_ROSTER;
  const v = value as { names?: unknown; rules?: Partial<Record<keyof RosterRules, unknown>> };
  const names = Array.isArray(v.names)
    ? uniqueNames(v.names.filter((n): n is string => typeof n === 'string'))
    : [];
  const n = v.rules?.proposalsPerYear;
  const proposalsPerYear =
    typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 99 ? n : DEFAULT_RULES.proposalsPerYear;
  const every = v.rules?.activityEveryQuarter;
  return {
    names,
    rules: {
      proposalsPerYear,
      activityEveryQuarter: typeof every === 'boolean' ? every : DEFAULT_RULES.activityEveryQuarter,
    },
  };
}

function uniqueNames(names: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const n = raw.trim();
    if (n && !seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out;
}

/**
 * A roster as typed or pasted: one name a line, or separated by 、，, ; or tabs (a column or a row
 * copied from Excel, a line of a document). Spaces inside a name are the padding of documents that
 * align two-character names (王, a full-width space, 霞), and are dropped; names separated by spaces (江峰 王霞美) are
 * split. Blank entries and repeats are dropped; the order is kept.
 */
export function parseRosterText(text: string): string[] {
  return uniqueNames(
    text.split(/[\r\n、，,；;\t]+/).flatMap((item) => {
      const parts = item.split(/[\s\u3000]+/).filter((p) => p !== '');
      return parts.every((p) => [...p].length >= 2) ? parts : [parts.join('')];
    }),
  );
}

/** Headers of a roster column: 姓名, 委员, 委员姓名 (spaces removed first: 姓 名). */
const ROSTER_HEADER = /^(?:委员)?姓名$|^委员$/;

/** Words that end a roster: a total, a footer, a note. */
const NOT_A_NAME =
  /^(?:合\s*计|总\s*计|小\s*计|填表人|审核人|制表人?|填报(?:日期|单位|人))|^(?:注|备注|说明)[:：]/;

/**
 * The names of a roster sheet: below the first cell (in the first 10 rows) whose text is 姓名, 委员
 * or 委员姓名, down to the end of the column; several names in one cell are split. Null when no sheet
 * has such a header.
 */
export function rosterFromRows(sheets: readonly (readonly (readonly string[])[])[]): string[] | null {
  for (const rows of sheets) {
    for (let r = 0; r < Math.min(rows.length, 10); r++) {
      const row = rows[r] ?? [];
      const c = row.findIndex((cell) => ROSTER_HEADER.test(cell.replace(/[\s\u3000]+/g, '')));
      if (c === -1) continue;
      const names: string[] = [];
      for (let k = r + 1; k < rows.length; k++) {
        const row = rows[k] ?? [];
        // A total or footer row (合计, 填表人…), in whatever column it is written, ends the list.
        if (row.some((x) => NOT_A_NAME.test(x.trim()))) break;
        const cell = (row[c] ?? '').trim();
        if (!cell) continue;
        names.push(...parseRosterText(cell));
      }
      return uniqueNames(names);
    }
  }
  return null;
}

type MemberRecord = Pick<LedgerRecord, 'date' | 'category' | 'members' | 'values' | 'status' | 'tally'>;

export interface MemberFigures {
  name: string;
  /** On the office's roster (false: named in the records only). */
  inRoster: boolean;
  /** Records that name the member. */
  records: number;
  /** 走访: events (a record is one visit unless a 次数 column says otherwise). */
  visits: number;
  /** 培训: events (期). */
  trainings: number;
  /** Proposals (提案 and other proposal categories) the member handed in: events (件). */
  proposals: number;
  /** Of those, 已办结 (records, as the totals table counts them). */
  proposalsClosed: number;
}

/**
 * The different names of a record's members, trimmed, blanks left out. Almost every record's list is
 * already so (one or two clean names): it is then given back as it is, without a new array for each
 * of 100,000 records.
 */
function memberNames(r: Pick<LedgerRecord, 'members'>): readonly string[] {
  const members = r.members;
  if (isClean(members)) return members;
  return [...new Set(members.map((m) => m.trim()).filter((m) => m !== ''))];
}

function isClean(members: readonly string[]): boolean {
  const n = members.length;
  // Long lists are rare; the set above is simpler for them than comparing every pair.
  if (n > 8) return false;
  for (let i = 0; i < n; i++) {
    const m = members[i] as string;
    if (m === '' || !isTrimmed(m)) return false;
    for (let j = 0; j < i; j++) if (members[j] === m) return false;
  }
  return true;
}

/** `m.trim() === m`, looking only at the two ends (trim makes a new string when it cuts). */
function isTrimmed(m: string): boolean {
  return !isTrimSpace(m.charCodeAt(0)) && !isTrimSpace(m.charCodeAt(m.length - 1));
}

/** The characters String.prototype.trim removes: WhiteSpace and LineTerminator of ECMAScript. */
function isTrimSpace(c: number): boolean {
  if (c > 32 && c < 160) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The figures of every member of the roster (in its order, also those with nothing) and of every
 * other member the records name (most records first), over `records` (the period's).
 */
export function memberFigures(records: readonly MemberRecord[], roster: readonly string[]): MemberFigures[] {
  const acc = new Map<
    string,
    { records: number; visits: ExactSum; trainings: ExactSum; proposals: ExactSum; closed: number }
  >();
  const get = (name: string) => {
    let a = acc.get(name);
    if (!a) {
      a = {
        records: 0,
        visits: new ExactSum(),
        trainings: new ExactSum(),
        proposals: new ExactSum(),
        closed: 0,
      };
      acc.set(name, a);
    }
    return a;
  };
  for (const r of records) {
    const n = eventCount(r);
    const proposal = isProposalCategory(r.category);
    for (const name of memberNames(r)) {
      const a = get(name);
      a.records++;
      if (r.category === '走访') a.visits.add(n);
      if (r.category === '培训') a.trainings.add(n);
      if (proposal) {
        a.proposals.add(n);
        if (r.status === '已办结') a.closed++;
      }
    }
  }
  const inRoster = new Set(roster);
  const figures = (name: string): MemberFigures => {
    const a = acc.get(name);
    return {
      name,
      inRoster: inRoster.has(name),
      records: a?.records ?? 0,
      visits: a?.visits.value ?? 0,
      trainings: a?.trainings.value ?? 0,
      proposals: a?.proposals.value ?? 0,
      proposalsClosed: a?.closed ?? 0,
    };
  };
  const others = [...acc.keys()]
    .filter((n) => !inRoster.has(n))
    .map(figures)
    .sort((a, b) => b.records - a.records || a.name.localeCompare(b.name, 'zh-CN'));
  return [...uniqueNames(roster).map(figures), ...others];
}

/** 未履职委员: the members of the roster that no record of `records` (the period's) names. */
export function inactiveMembers(
  records: readonly Pick<LedgerRecord, 'members'>[],
  roster: readonly string[],
): string[] {
  const names = uniqueNames(roster);
  // Only the roster's names matter: each record's names are compared with those not yet seen (a
  // few, soon one or none: no set to look up), and the search ends once every one has been seen.
  const waiting = names.slice();
  for (const r of records) {
    if (waiting.length === 0) break;
    for (const m of r.members) {
      // A roster name is trimmed and never blank, so a name as written matches it, or its trim does.
      let i = waiting.indexOf(m);
      if (i < 0 && m !== '' && !isTrimmed(m)) i = waiting.indexOf(m.trim());
      if (i >= 0) waiting.splice(i, 1);
    }
  }
  return names.filter((n) => waiting.includes(n));
}

/** Every member named in some records, for 从台账中添加. */
export function namesInRecords(records: readonly Pick<LedgerRecord, 'members'>[]): string[] {
  const counts = new Map<string, number>();
  for (const r of records) for (const m of memberNames(r)) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([n]) => n);
}

/**
 * The stretch of time the targets are checked over: from 1 January of the period's year to the end of
 * the period, or to `today` when that is earlier (a year not yet over is judged on what has passed).
 * 全部 is judged on the latest year with data; a custom range on the year it ends in.
 */
export interface TargetWindow {
  year: number;
  /** ISO days, inclusive. */
  from: string;
  to: string;
  /** The quarters (1–4) begun by `to`. */
  quarters: number[];
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The end of a period as an ISO day; null for 全部. */
function periodEnd(period: Period): { year: number; end: string } | null {
  switch (period.kind) {
    case 'all':
      return null;
    case 'year':
      return { year: period.year, end: `${period.year}-12-31` };
    case 'half':
      return { year: period.year, end: lastDay(period.year, period.half * 6) };
    case 'quarter':
      return { year: period.year, end: lastDay(period.year, period.quarter * 3) };
    case 'month':
      return { year: period.year, end: lastDay(period.year, period.month) };
    case 'range': {
      const to =
        period.to.length === 7
          ? lastDay(Number(period.to.slice(0, 4)), Number(period.to.slice(5, 7)))
          : period.to;
      return { year: Number(to.slice(0, 4)), end: to };
    }
  }
}

export function targetWindow(
  period: Period,
  latestYear: number | undefined,
  today: string,
): TargetWindow | null {
  const p = periodEnd(period) ?? (latestYear ? { year: latestYear, end: `${latestYear}-12-31` } : null);
  if (!p || !Number.isFinite(p.year)) return null;
  const from = `${p.year}-01-01`;
  const to = today && today < p.end ? today : p.end;
  if (to < from) return { year: p.year, from, to, quarters: [] };
  const lastQuarter = Math.ceil(Number(to.slice(5, 7)) / 3);
  return { year: p.year, from, to, quarters: [1, 2, 3, 4].filter((q) => q <= lastQuarter) };
}

/**
 * Whether a record's date falls in the window; a month-only date counts by its month. The window's
 * ends are cut to each length of date once, not once per record.
 */
function windowTest(w: TargetWindow): (date: string) => boolean {
  const from: string[] = [];
  const to: string[] = [];
  return (date) => {
    const n = date.length;
    if (n < 7) return false;
    return date >= (from[n] ??= w.from.slice(0, n)) && date <= (to[n] ??= w.to.slice(0, n));
  };
}

export type TargetResult =
  | {
      kind: 'proposals';
      met: boolean;
      required: number;
      /** Proposals handed in within the window. */
      actual: number;
    }
  | {
      kind: 'quarters';
      met: boolean;
      /** The quarters begun by the window's end. */
      required: number[];
      /** Those of them without any record of the member. */
      missing: number[];
    };

export interface MemberTargets {
  name: string;
  results: TargetResult[];
  /** Every target met. */
  met: boolean;
}

/**
 * The targets of `rules` for each name, over `records` (any; only those within the window count). A
 * record with a month but no day counts for that month's quarter; a figure of a whole year counts
 * for no quarter and no target.
 */
export function evaluateTargets(
  records: readonly MemberRecord[],
  names: readonly string[],
  rules: RosterRules,
  window: TargetWindow,
): MemberTargets[] {
  // Per name, one object: the quarters seen as bits (1 << q) and the proposals handed in.
  const seen = new Map<string, { quarters: number; proposals: ExactSum | null }>();
  const inside = windowTest(window);
  for (const r of records) {
    if (!inside(r.date)) continue;
    // Only quarters 1–4 are ever asked about; a month that names none (00, 13) marks nothing.
    const q = Math.ceil(monthField(r.date) / 3);
    const bit = q >= 1 && q <= 4 ? 1 << q : 0;
    const proposal = isProposalCategory(r.category);
    for (const name of memberNames(r)) {
      let a = seen.get(name);
      if (!a) {
        a = { quarters: 0, proposals: null };
        seen.set(name, a);
      }
      a.quarters |= bit;
      if (proposal) (a.proposals ??= new ExactSum()).add(eventCount(r));
    }
  }
  return names.map((name) => {
    const results: TargetResult[] = [];
    const a = seen.get(name);
    if (rules.proposalsPerYear > 0) {
      const actual = a?.proposals?.value ?? 0;
      results.push({
        kind: 'proposals',
        met: actual >= rules.proposalsPerYear,
        required: rules.proposalsPerYear,
        actual,
      });
    }
    if (rules.activityEveryQuarter) {
      const qs = a?.quarters ?? 0;
      const missing = window.quarters.filter((q) => (qs & (1 << q)) === 0);
      results.push({ kind: 'quarters', met: missing.length === 0, required: window.quarters, missing });
    }
    return { name, results, met: results.every((r) => r.met) };
  });
}
