import { describe, expect, it } from 'vitest';
import {
  categoryFromName,
  normalizeHeader,
  suggestRole,
  type RoleSuggestion,
} from '../../src/core/import/synonyms';
import type { ColumnRole, MeasureKey } from '../../src/core/schema';

const role = (kind: Exclude<ColumnRole['kind'], 'measure'>): ColumnRole => ({ kind }) as ColumnRole;
const measure = (m: MeasureKey, scale = 1): ColumnRole => ({ kind: 'measure', measure: m, scale });

describe('suggestRole: dictionary words', () => {
  it.each<[string, ColumnRole, number]>([
    ['日期', role('date'), 1],
    ['走访时间', role('date'), 1],
    ['类别', role('category'), 1],
    ['活动类型', role('category'), 1],
    ['委员', role('members'), 1],
    ['提案人', role('members'), 1],
    ['地点', role('place'), 1],
    ['村(社区)', role('place'), 1],
    ['事项', role('subject'), 1],
    ['案由', role('subject'), 1],
    ['办理状态', role('status'), 1],
    ['满意度', role('satisfaction'), 1],
    ['备注', role('note'), 1],
    ['填报单位', role('unit'), 1],
    ['人数', measure('people'), 1],
    ['人次', measure('people'), 1],
    ['走访人数', measure('people'), 1],
    ['户数', measure('households'), 1],
    ['发放资料(份)', measure('items'), 1],
    ['发放资料（份）', measure('items'), 1],
    ['期数', measure('count'), 1],
    ['场次', measure('count'), 1],
    ['人数(人次)', measure('people'), 1],
    ['人数(户)', measure('households'), 1],
    ['金额(万元)', measure('amount', 10000), 1],
    ['金额（万元）', measure('amount', 10000), 1],
    ['金额(元)', measure('amount', 1), 1],
    ['金额', measure('amount', 1), 1],
    [' 日 期 ', role('date'), 1],
    ['日期：', role('date'), 1],
  ])('%j → %j (confidence %d)', (header, expected, confidence) => {
    const s = suggestRole(header);
    expect(s.role).toEqual(expected);
    expect(s.confidence).toBe(confidence);
  });
});

describe('suggestRole: money units', () => {
  it.each<[string, number, boolean]>([
    ['金额(万元)', 10000, false],
    ['金额(元)', 1, false],
    ['金额', 1, true],
    ['补助资金(万元)', 10000, false],
    ['项目资金', 1, true],
  ])('%j → scale %d, assumed 元: %s', (header, scale, assumed) => {
    const s: RoleSuggestion = suggestRole(header);
    expect(s.role).toEqual(measure('amount', scale));
    expect(s.assumedUnit === true).toBe(assumed);
  });
});

describe('suggestRole: guesses and unknowns', () => {
  it.each<[string, ColumnRole, number]>([
    ['走访群众人数', measure('people'), 0.6],
    ['培训参加人次', measure('people'), 0.6],
    ['资金金额(万元)', measure('amount', 10000), 0.6],
    ['捐物(件)', measure('count'), 0.6],
    ['清理垃圾(份)', measure('items'), 0.6],
    ['乱七八糟', role('ignore'), 0],
    ['序号', role('ignore'), 0],
    ['', role('ignore'), 0],
    ['   ', role('ignore'), 0],
  ])('%j → %j (confidence %d)', (header, expected, confidence) => {
    const s = suggestRole(header);
    expect(s.role).toEqual(expected);
    expect(s.confidence).toBe(confidence);
  });
});

describe('normalizeHeader', () => {
  it.each([
    [' 日 期 ', '日期'],
    ['金额\u3000(万元)', '金额(万元)'],
    ['委员：', '委员'],
    ['地点:', '地点'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });
});

describe('categoryFromName', () => {
  it.each<[string, string | null]>([
    ['走访台账', '走访'],
    ['2023年XX镇政协委员走访群众台账', '走访'],
    ['提案办理情况统计表', '提案'],
    ['建议案汇总', '提案'],
    ['一事一议资金', '资金'],
    ['一事一议项目', '资金'],
    ['培训台账-GBK', '培训'],
    ['社情民意信息', '社情民意'],
    ['委员视察活动', '视察'],
    ['专题调研', '调研'],
    ['集中学习', '学习'],
    ['协商座谈', '会议'],
    ['捐款捐物', '公益'],
    ['Sheet1', null],
    ['3月', null],
    ['', null],
  ])('%j → %s', (name, category) => {
    expect(categoryFromName(name)).toBe(category);
  });
});
