/**
 * What a column header means. Clerks name the same column many ways (人数, 人次, 走访人数, 参训人数);
 * this dictionary turns a header into a role, and a unit written in the header (`金额(万元)`, `人数(人次)`)
 * into the measure and its scale.
 */
import type { ColumnRole, FieldRoleKind, MeasureKey } from '../schema';

type RoleKind = FieldRoleKind;

const ROLE_WORDS: [RoleKind, string[]][] = [
  [
    'date',
    [
      '日期',
      '时间',
      '活动时间',
      '活动日期',
      '走访时间',
      '走访日期',
      '培训时间',
      '培训日期',
      '提交日期',
      '提交时间',
      '拨付时间',
      '拨付日期',
      '开展时间',
      '会议时间',
      '年月',
      '月份',
    ],
  ],
  ['category', ['类别', '类型', '活动类别', '活动类型', '分类', '项目类别', '工作类别']],
  [
    'members',
    [
      '委员',
      '委员姓名',
      '姓名',
      '参加委员',
      '参与委员',
      '提案人',
      '走访委员',
      '参加人员',
      '参与人员',
      '责任委员',
      '联系委员',
      '提交人',
      '领办委员',
      '走访人',
      '调研人',
      '参加人',
      '提出人',
      '提案者',
      '提案委员',
      '经办人',
      '负责委员',
      '履职委员',
    ],
  ],
  [
    'place',
    [
      '地点',
      '村',
      '村(社区)',
      '村社区',
      '村居',
      '村名',
      '所在村',
      '地址',
      '走访地点',
      '活动地点',
      '培训地点',
      '所在村(社区)',
      '村(居)',
      '社区',
    ],
  ],
  [
    'subject',
    [
      '事项',
      '内容',
      '活动内容',
      '案由',
      '提案名称',
      '提案标题',
      '项目名称',
      '项目',
      '主题',
      '题目',
      '培训内容',
      '走访内容',
      '走访对象',
      '对象',
      '工作内容',
      '标题',
      '名称',
      '事由',
    ],
  ],
  ['status', ['办理状态', '状态', '办理情况', '办理结果', '进展情况', '办理进度', '答复情况', '落实情况']],
  ['satisfaction', ['满意度', '满意程度', '评价', '委员评价', '满意情况', '反馈意见', '委员意见']],
  ['note', ['备注', '说明', '情况说明', '附注']],
  ['unit', ['填报单位', '单位名称', '所属单位', '报送单位']],
];

const MEASURE_WORDS: [MeasureKey, string[]][] = [
  [
    'people',
    [
      '人数',
      '人次',
      '走访人数',
      '走访人次',
      '参加人数',
      '参加人次',
      '培训人数',
      '培训人次',
      '参训人数',
      '参训人次',
      '参会人数',
      '参会人次',
      '走访群众',
      '受益人数',
      '服务人数',
      '群众人数',
    ],
  ],
  ['households', ['户数', '走访户数', '上户', '户', '走访农户', '入户数', '受益户数']],
  ['items', ['份数', '资料', '发放资料', '宣传资料', '发放资料份数', '资料份数', '发放数量']],
  ['count', ['次数', '期数', '场次', '件数', '条数', '活动次数', '培训期数', '会议次数', '数量']],
  [
    'amount',
    [
      '金额',
      '资金',
      '款额',
      '投资',
      '投资额',
      '资金额',
      '补助资金',
      '捐款',
      '捐款金额',
      '投入资金',
      '拨付金额',
      '项目资金',
      '资金数额',
      '总投资',
    ],
  ],
];

const roleIndex = new Map<string, RoleKind>();
for (const [kind, words] of ROLE_WORDS) for (const w of words) roleIndex.set(w, kind);
const measureIndex = new Map<string, MeasureKey>();
for (const [key, words] of MEASURE_WORDS) for (const w of words) measureIndex.set(w, key);

/** A unit in a header's brackets: `金额(万元)`, `人数（人次）`, `发放资料(份)`. */
const UNIT_IN_HEADER = /[(（]([^()（）]*)[)）]\s*$/;

const UNIT_MEASURE: Record<string, { measure: MeasureKey; scale: number }> = {
  万元: { measure: 'amount', scale: 10000 },
  元: { measure: 'amount', scale: 1 },
  人次: { measure: 'people', scale: 1 },
  人: { measure: 'people', scale: 1 },
  户: { measure: 'households', scale: 1 },
  份: { measure: 'items', scale: 1 },
  册: { measure: 'items', scale: 1 },
  次: { measure: 'count', scale: 1 },
  期: { measure: 'count', scale: 1 },
  场: { measure: 'count', scale: 1 },
  件: { measure: 'count', scale: 1 },
  条: { measure: 'count', scale: 1 },
};

export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[：:]$/, '');
}

export interface RoleSuggestion {
  role: ColumnRole;
  /** 1 for a dictionary word, 0.6 for a unit or keyword guess, 0 for unknown. */
  confidence: number;
  /** True when an amount column names no unit and 元 was assumed. */
  assumedUnit?: boolean;
}

/** The role a header suggests, with how sure the dictionary is. */
export function suggestRole(header: string): RoleSuggestion {
  const h = normalizeHeader(header);
  if (!h) return { role: { kind: 'ignore' }, confidence: 0 };
  const unitMatch = UNIT_IN_HEADER.exec(h);
  const unit = unitMatch?.[1] ?? '';
  const bare = unitMatch ? h.slice(0, unitMatch.index) : h;

  const kind = roleIndex.get(h) ?? roleIndex.get(bare);
  if (kind) return { role: { kind }, confidence: 1 };

  // Own keys only: a header 人数(constructor) must not find Object's constructor in the table.
  const fromUnit = Object.prototype.hasOwnProperty.call(UNIT_MEASURE, unit) ? UNIT_MEASURE[unit] : undefined;
  // 数量(吨), 数量(间): a count of something a ledger measures in its own unit, as exports write it.
  if (bare === '数量' && unit && !fromUnit) {
    const own = measureOfUnit(unit);
    if (own?.measure.startsWith('custom:')) return { role: { kind: 'measure', ...own }, confidence: 1 };
  }
  const word = measureIndex.get(bare) ?? measureIndex.get(h);
  if (word) {
    if (word === 'amount') {
      const scale = fromUnit?.measure === 'amount' ? fromUnit.scale : 1;
      return { role: { kind: 'measure', measure: 'amount', scale }, confidence: 1, assumedUnit: !fromUnit };
    }
    // 人数(户) is a household count: the unit the clerk wrote wins over the word.
    if (fromUnit && fromUnit.measure !== 'amount') {
      return { role: { kind: 'measure', measure: fromUnit.measure, scale: 1 }, confidence: 1 };
    }
    return { role: { kind: 'measure', measure: word, scale: 1 }, confidence: 1 };
  }
  if (fromUnit) return { role: { kind: 'measure', ...fromUnit }, confidence: 0.6 };

  // Longer headers such as 走访群众人数 or 培训参加人次: the last recognisable word decides.
  for (const [key, words] of MEASURE_WORDS) {
    if (words.some((w) => w.length >= 2 && bare.endsWith(w))) {
      const scale = key === 'amount' && unit === '万元' ? 10000 : 1;
      return {
        role: { kind: 'measure', measure: key, scale },
        confidence: 0.6,
        assumedUnit: key === 'amount' && !unit,
      };
    }
  }
  for (const [k, words] of ROLE_WORDS) {
    if (words.some((w) => w.length >= 2 && (bare.endsWith(w) || bare.startsWith(w)))) {
      return { role: { kind: k }, confidence: 0.6 };
    }
  }
  return { role: { kind: 'ignore' }, confidence: 0 };
}

/** Categories named by keywords in a file or sheet name: 走访台账 → 走访, 一事一议资金 → 资金. */
const CATEGORY_KEYWORDS: [string, string][] = [
  ['社情民意', '社情民意'],
  ['一事一议', '资金'],
  ['提案', '提案'],
  ['建议案', '提案'],
  ['走访', '走访'],
  ['培训', '培训'],
  ['资金', '资金'],
  // 视察调研 is filed as 调研: the later, more specific word of the pair.
  ['调研', '调研'],
  ['视察', '视察'],
  ['学习', '学习'],
  ['会议', '会议'],
  ['协商', '会议'],
  ['公益', '公益'],
  ['捐', '公益'],
];

export function categoryFromName(name: string): string | null {
  for (const [word, category] of CATEGORY_KEYWORDS) if (name.includes(word)) return category;
  return null;
}

/** The measure and scale a unit names: 人次 → people, 户 → households, 万元 → amount ×10000. */
export function measureOfUnit(unit: string): { measure: MeasureKey; scale: number } | null {
  const u = unit.replace(/[\s\u3000()（）]/g, '');
  if (!u) return null;
  if (/^(?:人次|人|名|人数)$/.test(u)) return { measure: 'people', scale: 1 };
  if (/^户(?:次)?$/.test(u)) return { measure: 'households', scale: 1 };
  if (/^(?:份|册|张|本)$/.test(u)) return { measure: 'items', scale: 1 };
  if (/^(?:期|次|场|场次|件|个|项|条|篇|起|批)$/.test(u)) return { measure: 'count', scale: 1 };
  if (/^万元$/.test(u)) return { measure: 'amount', scale: 10000 };
  if (/^元$/.test(u)) return { measure: 'amount', scale: 1 };
  if (/^亿元$/.test(u)) return { measure: 'amount', scale: 100_000_000 };
  if (/^[\u4e00-\u9fa5]{1,3}$/.test(u)) return { measure: `custom:${u}`, scale: 1 };
  return null;
}
