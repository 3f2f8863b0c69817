/**
 * The row-label words of src/core/import/labels.ts: totals, footers, unit lines, 填报单位, 栏次, months
 * and group labels. A total read as data doubles the figures; a data row read as a total loses them.
 */
import { describe, expect, it } from 'vitest';
import {
  isFooterLabel,
  isGroupLabel,
  isLanciRow,
  isNotesSheetName,
  isRowTotalHeader,
  monthHeader,
  monthOfSheet,
  reportingUnit,
  totalKind,
  unitLine,
  type TotalKind,
} from '../../src/core/import/labels';

describe('totalKind', () => {
  it.each<[string, TotalKind]>([
    ['合计', 'total'],
    ['总计', 'total'],
    ['累计', 'total'],
    ['总合计', 'total'],
    ['全年合计', 'total'],
    ['本年累计', 'total'],
    ['东山村合计', 'total'],
    ['合 计', 'total'],
    ['合\u3000计', 'total'],
    [' 合计： ', 'total'],
    ['合计（万元）', 'total'],
    ['合计(人次)', 'total'],
    ['小计', 'subtotal'],
    ['小 计', 'subtotal'],
    ['一月小计', 'subtotal'],
    ['东山村小计', 'subtotal'],
    ['小计（元）', 'subtotal'],
  ])('%j is a %s', (label, kind) => {
    expect(totalKind(label)).toBe(kind);
  });

  it.each([
    '合计发放慰问金情况核对',
    '走访',
    '小计划',
    '',
    '   ',
    '走访群众',
    '合计划生育政策宣传',
    '累计走访困难群众并发放慰问金情况',
  ])('%j is not a total', (label) => {
    expect(totalKind(label)).toBeNull();
  });
});

describe('isFooterLabel', () => {
  it.each([
    '填表人：张丽  审核人：李明  填报日期：2024年1月5日',
    '填表人:张丽',
    '审核人：李明',
    '注：走访人数按人次统计。',
    '注:本表由联络办填报',
    '注1.本表数据截至12月31日',
    '注 2、资金单位为万元',
    '注一：说明',
    '数据来源：各村上报',
    '制表日期：2024年1月5日',
    '制表人：王霞美',
    '  填报日期：2024年1月5日',
    '\u3000联系电话：12345678',
    '说明：以上数据为初步统计',
    '审核：李明',
    '审核 李明',
    '审核',
    '审核意见：同意',
    '制表：张丽',
  ])('%j is a footer', (text) => {
    expect(isFooterLabel(text)).toBe(true);
  });

  it.each([
    '注重实效',
    '江峰',
    '2023-03-05',
    '走访群众',
    '东山村',
    '说明会',
    '数据',
    '审核低保对象',
    '制表机维修',
  ])('%j is not a footer', (text) => {
    expect(isFooterLabel(text)).toBe(false);
  });
});

describe('unitLine', () => {
  it.each<[string, { scale: number | null } | null]>([
    ['单位：万元', { scale: 10000 }],
    ['单位:元', { scale: 1 }],
    ['单位： 万元', { scale: 10000 }],
    ['金额单位：元', { scale: 1 }],
    ['单位：亿元', { scale: 100_000_000 }],
    ['单位：人、户、份', { scale: null }],
    ['单位：人次', { scale: null }],
    ['填报单位：青山镇政协联络办', null],
    ['填报单位：X镇 单位：万元', { scale: 10000 }],
    ['填报单位:青山镇政协联络办 单位:万元', { scale: 10000 }],
    ['单位：万元 填报单位：X镇', { scale: 10000 }],
    ['填报单位：X镇，单位：元', { scale: 1 }],
    ['2023年XX镇政协委员走访群众台账', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(unitLine(text)).toEqual(expected);
  });

  it('tells a unit line with no money scale from no unit line at all', () => {
    expect(unitLine('单位：人、户、份')).not.toBeNull();
    expect(unitLine('填报单位：青山镇政协联络办')).toBeNull();
  });
});

describe('reportingUnit', () => {
  it.each<[string, string | null]>([
    ['填报单位：青山镇政协联络办', '青山镇政协联络办'],
    ['填报单位:青山镇政协联络办', '青山镇政协联络办'],
    ['填报单位：X镇 单位：万元', 'X镇'],
    ['填报单位:青山镇政协联络办 填报日期:2024年1月5日', '青山镇政协联络办'],
    ['报送单位：东山乡政协工委', '东山乡政协工委'],
    ['2023年XX镇政协委员走访群众台账 填报单位：青山镇政协联络办 单位：万元', '青山镇政协联络办'],
    ['单位：万元', null],
    ['2023年XX镇政协委员走访群众台账', null],
  ])('%j → %j', (text, expected) => {
    expect(reportingUnit(text)).toBe(expected);
  });
});

describe('isLanciRow', () => {
  it.each<[string[]]>([
    [['（1）', '（2）', '（3）']],
    [['(1)', '(2)', '(3)', '(4)']],
    [['（1）', '（2）']],
    [['甲', '乙', '1', '2', '3']],
    [['甲', '乙', '丙']],
    [['栏次', '1', '2']],
    [['栏 次', '', '（1）']],
    [['1', '2', '3', '4', '5']],
    [['', '（1）', '', '（2）', '（3）']],
  ])('%j is a 栏次 row', (cells) => {
    expect(isLanciRow(cells)).toBe(true);
  });

  it.each<[string[]]>([
    [['1', '2023-03-05', '江峰']],
    [['3', '5', '7']],
    [['1', '2']],
    [['12', '5', '20']],
    [['1', '江峰', '东山村', '12', '5']],
    [['甲']],
    [['（1）']],
    [[]],
    [['2', '3', '5']],
  ])('%j is not a 栏次 row', (cells) => {
    expect(isLanciRow(cells)).toBe(false);
  });
});

describe('monthHeader', () => {
  it.each<[string, { month: number; quarter?: boolean } | null]>([
    ['1月', { month: 1 }],
    ['01月', { month: 1 }],
    ['9月', { month: 9 }],
    ['12月', { month: 12 }],
    ['一月', { month: 1 }],
    ['十月', { month: 10 }],
    ['十一月', { month: 11 }],
    ['十二月', { month: 12 }],
    ['1月份', { month: 1 }],
    ['三月份', { month: 3 }],
    [' 3 月 ', { month: 3 }],
    ['2023年3月', { month: 3 }],
    ['第一季度', { month: 1, quarter: true }],
    ['一季度', { month: 1, quarter: true }],
    ['二季度', { month: 4, quarter: true }],
    ['第三季度', { month: 7, quarter: true }],
    ['4季度', { month: 10, quarter: true }],
    ['Q2', { month: 4, quarter: true }],
    ['q4', { month: 10, quarter: true }],
    ['13月', null],
    ['0月', null],
    ['十三月', null],
    ['Q5', null],
    ['五季度', null],
    ['月份', null],
    ['全年合计', null],
    ['走访群众', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(monthHeader(text)).toEqual(expected);
  });
});

describe('monthOfSheet', () => {
  it.each<[string, { month: number; quarter?: boolean } | null]>([
    ['3月', { month: 3 }],
    ['三月份', { month: 3 }],
    ['12月', { month: 12 }],
    ['二季度台账', { month: 4, quarter: true }],
    ['一季度', { month: 1, quarter: true }],
    ['5月统计表', { month: 5 }],
    ['Sheet1', null],
    ['走访台账', null],
    ['填表说明', null],
  ])('%j → %j', (name, expected) => {
    expect(monthOfSheet(name)).toEqual(expected);
  });
});

describe('isRowTotalHeader', () => {
  it.each(['全年合计', '合计', '总计', '累计', '小计', '全年', '年度合计', '全 年 合 计'])(
    '%j totals a row',
    (text) => {
      expect(isRowTotalHeader(text)).toBe(true);
    },
  );
  it.each(['12月', '走访群众', '备注', '全年走访'])('%j does not', (text) => {
    expect(isRowTotalHeader(text)).toBe(false);
  });
});

describe('isNotesSheetName', () => {
  it.each(['填表说明', '说明', '注意事项', '指标解释', '目录'])('%j is a notes sheet', (name) => {
    expect(isNotesSheetName(name)).toBe(true);
  });
  it.each(['3月', 'Sheet2', '走访台账'])('%j is not', (name) => {
    expect(isNotesSheetName(name)).toBe(false);
  });
});

describe('isGroupLabel', () => {
  it.each([
    '一、青山村',
    '二．东山村',
    '十一、西岭村',
    '（二）走访群众',
    '(三)培训',
    '北京市（92所）',
    '东山村(12户)',
  ])('%j labels a group', (text) => {
    expect(isGroupLabel(text)).toBe(true);
  });
  it.each(['走访留守老人', '东山村', '2023年3月', '合计', '金额(万元)', '江峰'])('%j does not', (text) => {
    expect(isGroupLabel(text)).toBe(false);
  });
});
