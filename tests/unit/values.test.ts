import { describe, expect, it } from 'vitest';
import { parseSatisfaction, parseStatus, splitMembers } from '../../src/core/import/values';
import type { ProposalStatus, Satisfaction } from '../../src/core/schema';

describe('splitMembers', () => {
  it.each<[string, string[]]>([
    ['江峰', ['江峰']],
    ['江峰、王霞美', ['江峰', '王霞美']],
    ['江峰，王霞美', ['江峰', '王霞美']],
    ['江峰,王霞美', ['江峰', '王霞美']],
    ['江峰 王霞美', ['江峰', '王霞美']],
    ['江峰；王霞美;李明', ['江峰', '王霞美', '李明']],
    ['江峰、、王霞美、', ['江峰', '王霞美']],
    ['王霞美等3人', ['王霞美']],
    ['王霞美等 3 名委员', ['王霞美']],
    ['张丽委员', ['张丽']],
    ['', []],
  ])('%j → %j', (text, members) => {
    expect(splitMembers(text)).toEqual(members);
  });
});

describe('parseStatus', () => {
  it.each<[string, ProposalStatus | '']>([
    ['已提交', '已提交'],
    ['已立案', '已立案'],
    ['已答复', '已答复'],
    ['已办结', '已办结'],
    ['办理完毕', '已办结'],
    ['已落实', '已办结'],
    ['已回复', '已答复'],
    ['正在办理', '已立案'],
    ['交办', '已立案'],
    ['待立案', '已提交'],
    ['未立案', '已提交'],
    ['不予立案', '已提交'],
    ['未办结', '已立案'],
    ['尚未办结', '已立案'],
    ['未答复', '已立案'],
    ['待答复', '已立案'],
    ['待办', '已提交'],
    [' 已 办 结 ', '已办结'],
    ['', ''],
    ['其他', ''],
  ])('%j → %j', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });
});

describe('parseSatisfaction', () => {
  it.each<[string, Satisfaction | '']>([
    ['满意', '满意'],
    ['基本满意', '基本满意'],
    ['比较满意', '基本满意'],
    ['不满意', '不满意'],
    ['非常满意', '满意'],
    ['', ''],
    ['未评价', ''],
  ])('%j → %j', (text, satisfaction) => {
    expect(parseSatisfaction(text)).toBe(satisfaction);
  });
});
