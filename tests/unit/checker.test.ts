import { describe, expect, it } from 'vitest';
import { checkText, type CheckIssue } from '../../src/core/narrative/checker';

const KNOWN: ReadonlySet<string> = new Set([
  '623人次',
  '600多人次',
  '620余人次',
  '283户',
  '280余户',
  '200多户',
  '1046份',
  '1000多份',
  '1000余份',
  '12期',
  '90次',
  '14件',
  '10件',
  '71.4%',
  '453.68万元',
  '400多万元',
  '450余万元',
  '50人',
  '3次',
  '600人',
]);

const contradiction = (phrase: string, rule: Extract<CheckIssue, { kind: 'contradiction' }>['rule']) =>
  ({ kind: 'contradiction', phrase, rule }) as const;
const mismatch = (phrase: string) => ({ kind: 'mismatch', phrase }) as const;

describe('checkText: correct text', () => {
  it.each([
    '2023年，全体委员积极履职，开展走访90次，走访群众623人次，上户283户，发放宣传资料1046份；举办培训12期；提交提案14件，已办结10件，办结率71.4%；落实各类资金453.68万元。',
    '走访群众600多人次，上户280余户，送政策、法规、技术等宣传资料1000多份，落实资金450余万元。',
    '走访群众620余人次，资金400多万元',
    '',
    '全体委员积极履职，成效明显。',
  ])('no issue: %s', (text) => {
    expect(checkText(text, KNOWN)).toEqual([]);
  });
});

describe('checkText: contradictions', () => {
  it.each<[string, CheckIssue[]]>([
    ['走访群众近620余人次', [contradiction('近620余人次', '近…余')]],
    ['走访群众近600多人次', [contradiction('近600多人次', '近…多')]],
    ['将近600多人次参加', [contradiction('将近600多人次', '近…多')]],
    ['参加培训约50人左右', [contradiction('约50人左右', '约…左右')]],
    ['参加培训大约50人左右', [contradiction('大约50人左右', '约…左右')]],
    ['走访群众约600多人次', [contradiction('约600多人次', '约…多')]],
    ['走访群众约620余人次', [contradiction('约620余人次', '约…余')]],
    ['组织委员视察至少3次以上', [contradiction('至少3次以上', '至少…以上')]],
    ['发放资料逾1000多份', [contradiction('逾1000多份', '逾…多')]],
    ['发放资料逾1000余份', [contradiction('逾1000余份', '逾…余')]],
    ['发放资料超过1000多份', [contradiction('超过1000多份', '超过…多')]],
    ['发放资料超过1000余份', [contradiction('超过1000余份', '超过…余')]],
    ['落实资金约450余万元', [contradiction('约450余万元', '约…余')]],
    ['全年约走访群众600多人次', [contradiction('约走访群众600多人次', '约…多')]],
    [
      '走访群众约600多人次左右',
      [contradiction('约600多人次左右', '约…多'), contradiction('约600多人次左右', '约…左右')],
    ],
  ])('%s', (text, issues) => {
    expect(checkText(text, KNOWN)).toEqual(issues);
  });

  it('also reports the figure when it matches no current figure, after the contradiction', () => {
    expect(checkText('走访农户近600余人', KNOWN)).toEqual([
      contradiction('近600余人', '近…余'),
      mismatch('600余人'),
    ]);
  });

  it.each([
    '走访群众近600人次', // 近 with an exact figure is fine
    '走访群众逾600人次',
    '约50人参加培训',
    '至少3次',
    '组织委员视察3次以上',
    '参加培训50人左右',
    '近年来走访群众600多人次', // 近年
    '最近走访群众600多人次',
    '附近600多人次',
    '近期走访群众600多人次',
    '节约资金400多万元', // 节约
    '预约600多人次',
    '签约280余户',
    '逾期10件',
    '至少3人参加县级以上会议', // 以上 not right after the figure
    '约有一半委员，走访群众600多人次', // the clause ends at ，
    '近三年来共组织走访群众600多人次', // too far from the number
  ])('no contradiction: %s', (text) => {
    expect(checkText(text, KNOWN).filter((i) => i.kind === 'contradiction')).toEqual([]);
  });

  it('finds contradictions in text order with the exact phrase', () => {
    expect(checkText('走访群众约600多人次，发放资料逾1000余份；组织视察至少3次以上。', KNOWN)).toEqual([
      contradiction('约600多人次', '约…多'),
      contradiction('逾1000余份', '逾…余'),
      contradiction('至少3次以上', '至少…以上'),
    ]);
  });
});

describe('checkText: mismatches', () => {
  it.each<[string, CheckIssue[]]>([
    ['走访群众624人次', [mismatch('624人次')]],
    ['走访群众600余人次', [mismatch('600余人次')]], // 余 needs 620
    ['走访群众623人', [mismatch('623人')]], // 人 is not 人次
    ['上户283人次', [mismatch('283人次')]],
    ['落实资金453.67万元', [mismatch('453.67万元')]],
    ['落实资金4536800元', [mismatch('4536800元')]],
    ['落实资金453万余元', [mismatch('453万余元')]],
    ['办结率71.5%', [mismatch('71.5%')]],
    ['办结率71.4％', []], // full-width percent
    ['走访群众６２３人次', []], // full-width digits
    ['走访群众６２４人次', [mismatch('６２４人次')]],
    ['发放资料1,046份', []],
    ['落实资金453.680万元', []],
    ['走访群众 623 人次', []],
    ['清理垃圾30吨，拆除违建5间', []], // counters outside the checked list
    ['走访群众1.2万人次', [mismatch('1.2万人次')]],
    ['走访90次，走访群众700人次，上户283户，发放资料999份', [mismatch('700人次'), mismatch('999份')]],
  ])('%s', (text, issues) => {
    expect(checkText(text, KNOWN)).toEqual(issues);
  });

  it.each([
    '2023年3月5日，走访群众623人次',
    '2023年度走访群众623人次',
    '2023.3.5走访群众623人次',
    '第2季度走访群众623人次',
    '第3期培训、第5次会议、第2件提案',
    '12月份开展走访90次',
    '学习《关于2023年做好100户脱贫工作的意见》，走访群众623人次',
    '传达《中国人民政治协商会议章程》第12条',
  ])('ignores years, dates, ordinals and titles: %s', (text) => {
    expect(checkText(text, KNOWN)).toEqual([]);
  });

  it('accepts figures only as the known set writes them', () => {
    expect(checkText('落实资金450余万元', new Set(['453.68万元']))).toEqual([mismatch('450余万元')]);
    expect(checkText('落实资金450余万元', new Set())).toEqual([mismatch('450余万元')]);
  });
});
