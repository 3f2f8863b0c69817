import { describe, expect, it } from 'vitest';
import {
  canonicalCategory,
  categoryInfo,
  compareCategories,
  isProposalCategory,
  KNOWN_CATEGORIES,
} from '../../src/core/categories';

describe('canonicalCategory', () => {
  it.each([
    ['走访', '走访'],
    ['走访群众', '走访'],
    [' 入户 走访 ', '走访'],
    ['建议案', '提案'],
    ['一事一议', '资金'],
    ['捐款捐物', '公益'],
    ['社情民意信息', '社情民意'],
    ['清理 垃圾', '清理垃圾'],
    ['', ''],
  ])('%j → %j', (raw, name) => {
    expect(canonicalCategory(raw)).toBe(name);
  });
});

describe('categoryInfo / isProposalCategory', () => {
  it.each<[string, string, string, boolean]>([
    ['走访', 'activity', '次', false],
    ['培训', 'activity', '期', false],
    ['提案', 'proposal', '件', true],
    ['建议', 'proposal', '件', true],
    ['资金', 'funds', '项', false],
    ['社情民意', 'activity', '条', false],
    ['拆除违建', 'activity', '次', false],
  ])('%s: %s, counted in %s, proposal %s', (name, kind, counter, proposal) => {
    expect(categoryInfo(name).kind).toBe(kind);
    expect(categoryInfo(name).eventCounter).toBe(counter);
    expect(isProposalCategory(name)).toBe(proposal);
  });

  it('never lets one alias name two categories', () => {
    const names = KNOWN_CATEGORIES.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('compareCategories', () => {
  it('sorts known categories in their order, then others', () => {
    const sorted = ['危房改造', '提案', '社情民意', '走访', '资金'].sort(compareCategories);
    expect(sorted).toEqual(['走访', '提案', '资金', '社情民意', '危房改造']);
    expect(compareCategories('走访', '走访')).toBe(0);
  });
});
