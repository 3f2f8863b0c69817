/**
 * The activity categories a township CPPCC office counts, with the words a ledger uses for them.
 * Categories are open-ended: anything a ledger names is kept as it is; these are the known ones.
 */

export type CategoryKind = 'activity' | 'proposal' | 'funds';

export interface CategoryInfo {
  name: string;
  kind: CategoryKind;
  /** Counter of one event in this category: 次, 期, 件, 项, 条. */
  eventCounter: string;
  /** Other names for the same category, as clerks write them in a 类别 column. */
  aliases: readonly string[];
}

export const KNOWN_CATEGORIES: readonly CategoryInfo[] = [
  {
    name: '走访',
    kind: 'activity',
    eventCounter: '次',
    aliases: ['走访群众', '走访农户', '入户走访', '走访慰问', '联系群众'],
  },
  { name: '培训', kind: 'activity', eventCounter: '期', aliases: ['技能培训', '就业培训', '培训班'] },
  { name: '提案', kind: 'proposal', eventCounter: '件', aliases: ['建议案', '建议', '提案办理'] },
  {
    name: '资金',
    kind: 'funds',
    eventCounter: '项',
    aliases: ['一事一议', '项目资金', '补助资金', '资金项目'],
  },
  { name: '视察', kind: 'activity', eventCounter: '次', aliases: ['视察活动', '专题视察'] },
  { name: '调研', kind: 'activity', eventCounter: '次', aliases: ['调查研究', '专题调研', '调研活动'] },
  { name: '会议', kind: 'activity', eventCounter: '次', aliases: ['协商会', '座谈会', '会议活动'] },
  { name: '学习', kind: 'activity', eventCounter: '次', aliases: ['集中学习', '理论学习', '学习活动'] },
  { name: '公益', kind: 'activity', eventCounter: '次', aliases: ['公益活动', '捐款捐物', '慈善'] },
  { name: '社情民意', kind: 'activity', eventCounter: '条', aliases: ['社情民意信息', '民意'] },
];

const byName = new Map<string, CategoryInfo>();
for (const c of KNOWN_CATEGORIES) {
  byName.set(c.name, c);
  for (const a of c.aliases) byName.set(a, c);
}

/** The canonical name of a category as written in a ledger cell; unknown names are kept, trimmed. */
export function canonicalCategory(raw: string): string {
  const name = raw.replace(/\s+/g, '');
  return byName.get(name)?.name ?? name;
}

export function isKnownCategory(name: string): boolean {
  return byName.has(name);
}

export function categoryInfo(name: string): CategoryInfo {
  return byName.get(name) ?? { name, kind: 'activity', eventCounter: '次', aliases: [] };
}

export function isProposalCategory(name: string): boolean {
  // categoryInfo makes an object for an unknown name; asked once per record, that adds up.
  return byName.get(name)?.kind === 'proposal';
}

/** Display order: known categories first in their usual order, then others by name. */
export function compareCategories(a: string, b: string): number {
  const ia = KNOWN_CATEGORIES.findIndex((c) => c.name === a);
  const ib = KNOWN_CATEGORIES.findIndex((c) => c.name === b);
  if (ia !== -1 || ib !== -1) {
    if (ia === -1) return 1;
    if (ib === -1) return -1;
    return ia - ib;
  }
  return a.localeCompare(b, 'zh-CN');
}
