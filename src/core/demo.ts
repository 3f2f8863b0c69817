/**
 * The built-in 示例数据: two years of a fictional township's CPPCC ledgers, so that a clerk sees
 * every chart and the statistics paragraph before importing anything of their own.
 * Seeded rather than random: the demo, its screenshots and the tests built on it never drift.
 */
import type { MeasureValues, NewRecord, ProposalStatus, Satisfaction } from './schema';

/** Name and subject tables are `|`-separated text so that the formatter keeps them compact. */
const table = (text: string): readonly string[] =>
  text
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

export const DEMO_FILE_NAME = '示例数据';

export const DEMO_MEMBERS: readonly string[] = table(
  '江峰|王霞美|陈国强|刘桂芳|赵建华|孙晓燕|周志伟|吴海燕|郑春生|黄德明|杨秀英|何立新',
);

export const DEMO_PLACES: readonly string[] = table(
  '青山村|柳塘村|石桥村|杨家湾村|白沙村|枫林村|河口社区|镇区社区',
);

const OFFICE = '镇政协联络办';
const UNIT = '青山镇政协联络办';
/** A member who barely 履职, so per-member targets and the 未履职委员 list have something to show. */
const WEAK = '何立新';
const ACTIVE = DEMO_MEMBERS.filter((m) => m !== WEAK);
/** Real offices have a few very active members and a long tail; uniform picks would hide that. */
const ACTIVE_WEIGHTS = [9, 8, 7, 7, 6, 6, 5, 5, 4, 3, 3];
/** Few events around 春节 (Jan/Feb), a busy autumn before the year-end 总结. */
const MONTHS = [3, 2, 7, 8, 8, 8, 7, 7, 10, 11, 11, 8];
/** Proposals are mostly handed in at the annual session in spring. */
const PROPOSAL_MONTHS = [2, 2, 9, 5, 2, 2, 1, 1, 2, 2, 1, 1];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function at<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new RangeError(`index ${i} out of range`);
  return v;
}

class Rand {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return at(list, this.int(0, list.length - 1));
  }
  /** `u` lets a caller stratify its draws instead of rolling afresh. */
  weighted(weights: readonly number[], u = this.next()): number {
    let x = u * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) {
      x -= at(weights, i);
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [at(out, j), at(out, i)];
    }
    return out;
  }
}

const VISITS = table(`
  走访慰问{p}困难群众|入户宣传城乡居民医保政策|走访{p}留守老人和留守儿童|入户宣传森林防火政策
  走访{p}种养大户，了解产业发展情况|入户宣传安全生产和防灾知识|走访{p}脱贫户，了解务工收入情况
  走访{p}群众，收集人居环境整治意见|入户宣传养老保险参保政策|走访慰问{p}退役军人和优抚对象
  走访{p}返乡创业人员|入户宣传防范电信网络诈骗知识|走访{p}残疾人家庭|了解{p}农业生产情况`);
const TRAININGS = table(`
  茶叶种植管理技术培训|电商直播带货技能培训|家政服务就业技能培训|中药材种植技术培训
  食用菌栽培技术培训|农村实用人才培训|厨师烹饪技能培训|果树修剪嫁接技术培训
  农机驾驶操作培训|生猪养殖防疫技术培训|育婴员就业技能培训|电工技能培训`);
const PROPOSALS = table(`
  关于加快{p}道路硬化的建议|关于解决{p}饮水管网老化问题的建议|关于完善镇区停车管理的建议
  关于加强农村留守儿童关爱服务的建议|关于推进{p}人居环境整治的建议|关于扶持茶叶产业品牌建设的建议
  关于增设{p}公交站点的建议|关于改善镇卫生院就医条件的建议|关于加强农村养老服务的建议
  关于发展乡村旅游的建议|关于整治{p}河道垃圾的建议|关于加强农产品电商销售的建议
  关于完善农村生活污水处理设施的建议|关于建设{p}文化活动广场的建议|关于加快{p}危桥改造的建议
  关于加强校园周边交通安全管理的建议|关于壮大村集体经济的建议|关于规范农村建房审批的建议
  关于完善镇区农贸市场管理的建议|关于加强耕地保护和撂荒地复耕的建议`);
const FUNDS = table(`
  {p}巷道硬化“一事一议”项目|{p}村组道路拓宽“一事一议”项目|{p}安全饮水巩固提升工程
  {p}危房改造补助资金|{p}产业发展扶持补助资金|{p}路灯安装“一事一议”项目
  {p}文化广场建设“一事一议”项目|{p}灌溉水渠修复工程|{p}高龄老人生活补贴|{p}人居环境整治奖补资金`);
const INSPECTIONS = table(`
  视察{p}人居环境整治工作|视察镇中心学校校舍改造工程|视察{p}“一事一议”项目建设情况
  视察{p}饮水安全工程|视察镇卫生院医疗服务工作|视察{p}茶叶产业基地|视察森林防火工作
  视察{p}养老服务站运行情况`);
const RESEARCH = table(`
  调研{p}村集体经济发展情况|调研农村留守儿童教育情况|调研{p}乡村旅游发展情况|调研{p}土地流转情况
  调研农村生活污水处理情况|调研{p}特色产业发展情况|调研农村电商发展情况|调研{p}矛盾纠纷调处工作`);
const MEETINGS = table(`
  政协委员季度例会|乡村振兴专题协商会|提案办理情况通报会|民主监督座谈会|人居环境整治协商座谈会
  委员履职情况述职会|政协委员年度工作会议|产业发展恳谈会|{p}基层协商议事会|民生实事项目协商会`);
const STUDIES = table(`
  集中学习党的二十大精神|学习《中国人民政治协商会议章程》|学习《乡村振兴促进法》|学习政协委员履职规范
  学习《民法典》相关知识|学习中央一号文件精神|学习县政协全会精神|学习安全生产法律法规
  学习《信访工作条例》|学习人民政协理论知识`);
const WELFARE = table(`
  慰问{p}敬老院老人|捐资助学|开展义诊进{p}活动|为{p}困难户捐赠衣被|慰问{p}留守儿童
  参与{p}环境卫生清理|慰问{p}困难群众|为{p}困难家庭学生捐赠学习用品`);
const OPINIONS = table(`
  反映{p}农村饮水管网老化问题|反映{p}村道路灯损坏问题|反映农村养老保险缴费标准偏高的问题
  反映{p}留守老人就医不便的问题|反映{p}河道垃圾堆积问题|反映农资价格上涨影响种粮积极性的问题
  反映{p}通村公路安全隐患问题|反映镇区学校周边交通拥堵问题|反映{p}手机信号覆盖不足问题
  反映农村快递配送“最后一公里”问题|反映{p}撂荒地复耕困难问题|反映农村电商物流成本偏高的问题`);

/** Money drawn in fen and mostly rounded, as real 批复 amounts are; some keep 角/分. */
function money(r: Rand, min: number, max: number): number {
  const fen = r.int(min * 100, max * 100);
  const unit = at([10000, 100, 10, 1], r.weighted([55, 25, 12, 8]));
  return (fen - (fen % unit)) / 100;
}

function fundRange(subject: string): [number, number] {
  if (subject.includes('一事一议')) return [100000, 800000];
  if (subject.includes('补')) return [20000, 200000];
  return [60000, 450000];
}

interface Spec {
  category: string;
  /** Records in a full year. */
  n: number;
  subjects: readonly string[];
  /** Office business happens at the 联络办 unless its subject names a village. */
  atOffice?: boolean;
  /** One subject per record (proposals, fund projects), as a real ledger lists them. */
  distinct?: boolean;
  months?: readonly number[];
  /** Attendance range (人次), when the category counts it. */
  people?: [number, number];
  values?: (r: Rand, subject: string) => MeasureValues;
  note?: [string, number];
}

const SPECS: readonly Spec[] = [
  {
    category: '走访', n: 94, subjects: VISITS, note: ['已拍照存档', 0.05],
    values: (r) => {
      const people = r.int(1, 12);
      const v: MeasureValues = { people, households: r.int(1, Math.min(6, people)) };
      if (r.chance(0.4)) v.items = r.int(1, 12) * 5;
      return v;
    },
  },
  { category: '培训', n: 14, subjects: TRAININGS, people: [30, 120] },
  { category: '提案', n: 18, subjects: PROPOSALS, atOffice: true, distinct: true, months: PROPOSAL_MONTHS },
  {
    category: '资金', n: 16, subjects: FUNDS, distinct: true, note: ['县财政奖补', 0.15],
    values: (r, s) => ({ amount: money(r, ...fundRange(s)) }),
  },
  { category: '视察', n: 9, subjects: INSPECTIONS, people: [5, 15] },
  { category: '调研', n: 9, subjects: RESEARCH, people: [3, 10] },
  { category: '会议', n: 12, subjects: MEETINGS, atOffice: true, people: [15, 40] },
  { category: '学习', n: 12, subjects: STUDIES, atOffice: true, people: [12, 30] },
  {
    category: '公益', n: 8, subjects: WELFARE, people: [2, 10],
    // Only some activities are donations (in round hundreds); the others are time and goods.
    values: (r) => (r.chance(0.5) ? { amount: r.int(20, 500) * 100 } : {}),
  },
  { category: '社情民意', n: 12, subjects: OPINIONS, note: ['已报送县政协', 0.3] },
]; // prettier-ignore

/** Stratified over the month weights, so that even 8 records follow the season, not the dice. */
function isoDates(r: Rand, year: number, n: number, weights: readonly number[]): string[] {
  const pad = (v: number) => String(v).padStart(2, '0');
  const dates: string[] = [];
  for (let k = 0; k < n; k++) {
    const month = r.weighted(weights, (k + r.next()) / n);
    const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    dates.push(`${year}-${pad(month + 1)}-${pad(r.int(1, days))}`);
  }
  return dates.sort();
}

function pickMembers(r: Rand): string[] {
  const n = r.weighted([55, 30, 15]) + 1;
  const out: string[] = [];
  while (out.length < n) {
    const m = at(ACTIVE, r.weighted(ACTIVE_WEIGHTS));
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

/** Late proposals are still in the pipeline at year end; spring ones are mostly closed. */
function proposalStatus(r: Rand, date: string): ProposalStatus {
  const late = Number(date.slice(5, 7)) >= 10;
  const order = ['已提交', '已立案', '已答复', '已办结'] as const;
  return at(order, r.weighted(late ? [3, 4, 2, 1] : [0, 1, 3, 6]));
}

function buildYear(year: number, scale: number): NewRecord[] {
  const r = new Rand(year * 100 + Math.round(scale * 10));
  const out: NewRecord[] = [];
  // Proposers rotate so that some members reach the 两份提案 target and some fall short.
  const proposerOffset = r.int(0, ACTIVE.length - 1);
  let answered = 0;
  for (const spec of SPECS) {
    const n = Math.max(1, Math.round(spec.n * scale));
    const dates = isoDates(r, year, n, spec.months ?? MONTHS);
    const subjects = r.shuffle(spec.subjects);
    // Rotating villages spreads fund projects over every village, as a township shares them out.
    const villages = r.shuffle(DEMO_PLACES);
    const sheet = `${year}年${spec.category}台账`;
    dates.forEach((date, i) => {
      const template = spec.distinct ? at(subjects, i % subjects.length) : r.pick(subjects);
      const village = spec.distinct ? at(villages, i % villages.length) : r.pick(DEMO_PLACES);
      const named = template.includes('{p}');
      const subject = template.replace('{p}', village);
      let members: string[];
      let status: ProposalStatus | '' = '';
      let satisfaction: Satisfaction | '' = '';
      if (spec.category === '提案') {
        members = [at(ACTIVE, (proposerOffset + i) % ACTIVE.length)];
        // A few 联名 proposals, as members do co-sign.
        if (r.chance(0.2)) members.push(at(ACTIVE, r.weighted(ACTIVE_WEIGHTS)));
        if (i === 1) members = [WEAK];
        status = proposalStatus(r, date);
        if (status === '已答复' || status === '已办结') {
          // A fixed mix rather than dice: the demo must never earn a 均已得到满意答复 by luck.
          satisfaction = answered === 7 ? '不满意' : answered % 5 === 3 ? '基本满意' : '满意';
          answered++;
        }
      } else {
        members = pickMembers(r);
        if (spec.category === '会议' && i === 2) members = [WEAK, at(members, 0)];
      }
      const note = spec.note && r.chance(spec.note[1]) ? spec.note[0] : '';
      out.push({
        date,
        category: spec.category,
        members: [...new Set(members)],
        place: spec.atOffice && !named ? OFFICE : village,
        subject,
        status,
        satisfaction,
        values: {
          count: 1,
          ...(spec.people && { people: r.int(...spec.people) }),
          ...spec.values?.(r, subject),
        },
        note,
        unit: UNIT,
        source: { file: DEMO_FILE_NAME, sheet, row: i + 2 },
      });
    });
  }
  return out;
}

/** One realistic year of a township CPPCC office's ledgers, one sheet per category. */
export function buildDemoRecords(year: number): NewRecord[] {
  return buildYear(year, 1);
}

/** The demo year plus a lighter previous year (~60%), so that 同比 comparisons have data. */
export function buildDemo(latestYear = 2023): NewRecord[] {
  return [...buildYear(latestYear, 1), ...buildYear(latestYear - 1, 0.6)];
}
