import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  EMPTY_ROSTER,
  evaluateTargets,
  inactiveMembers,
  memberFigures,
  namesInRecords,
  normaliseRoster,
  parseRosterText,
  rosterFromRows,
  targetWindow,
  type MemberFigures,
  type MemberTargets,
  type RosterRules,
  type TargetWindow,
} from '../../src/core/members';
import type { Period } from '../../src/core/period';
import type { LedgerRecord, ProposalStatus } from '../../src/core/schema';

type Rec = Pick<LedgerRecord, 'date' | 'category' | 'members' | 'values' | 'status' | 'tally'>;

function rec(category: string, members: string[], extra: Partial<Rec> = {}): Rec {
  return { date: '2023-03-05', category, members, values: {}, status: '', ...extra };
}
const proposal = (members: string[], date: string, status: ProposalStatus | '' = '') =>
  rec('提案', members, { date, status });

const zero = (name: string, inRoster = true): MemberFigures => ({
  name,
  inRoster,
  records: 0,
  visits: 0,
  trainings: 0,
  proposals: 0,
  proposalsClosed: 0,
});

describe('memberFigures', () => {
  it.each<[string, Rec[], string[], MemberFigures[]]>([
    ['no records, no roster', [], [], []],
    ['the roster with nothing recorded', [], ['江峰', '王霞美'], [zero('江峰'), zero('王霞美')]],
    [
      'records, visits, trainings, proposals submitted and closed; a shared record counts for each',
      [
        rec('走访', ['江峰', '王霞美']),
        rec('走访', ['江峰'], { values: { count: 3 } }),
        rec('培训', ['王霞美'], { values: { count: 2, people: 40 } }),
        proposal(['江峰'], '2023-03-01', '已办结'),
        proposal(['江峰', '王霞美'], '2023-03-02', '已答复'),
        rec('建议案', ['王霞美'], { status: '已办结' }),
        rec('会议', ['江峰']),
      ],
      ['王霞美', '江峰', '陈国强'],
      [
        { ...zero('王霞美'), records: 4, visits: 1, trainings: 2, proposals: 2, proposalsClosed: 1 },
        { ...zero('江峰'), records: 5, visits: 4, proposals: 2, proposalsClosed: 1 },
        zero('陈国强'),
      ],
    ],
    [
      'members outside the roster after it, most records first; blanks and repeats ignored',
      [
        rec('走访', ['李明']),
        rec('走访', ['张丽', '张丽', '']),
        rec('走访', ['张丽']),
        rec('走访', [' 江峰 ']),
      ],
      ['江峰'],
      [
        { ...zero('江峰'), records: 1, visits: 1 },
        { ...zero('张丽', false), records: 2, visits: 2 },
        { ...zero('李明', false), records: 1, visits: 1 },
      ],
    ],
    [
      'a statistics figure counts no visit, a 件数 column counts its proposals',
      [rec('走访', ['江峰'], { tally: true, values: { people: 30 } }), proposal(['江峰'], '2023-05-01')],
      [],
      [{ ...zero('江峰', false), records: 2, proposals: 1 }],
    ],
  ])('%s', (_name, records, roster, want) => {
    expect(memberFigures(records, roster)).toEqual(want);
  });
});

describe('inactiveMembers', () => {
  it.each<[string, Rec[], string[], string[]]>([
    ['no roster', [rec('走访', ['江峰'])], [], []],
    ['nobody recorded', [], ['江峰', '王霞美'], ['江峰', '王霞美']],
    [
      'a shared record makes both active',
      [rec('走访', ['江峰', '王霞美'])],
      ['江峰', '王霞美', '陈国强'],
      ['陈国强'],
    ],
    ['names outside the roster are not listed', [rec('走访', ['李明'])], ['江峰'], ['江峰']],
    ['roster order kept, repeats once', [], ['陈国强', '江峰', '陈国强'], ['陈国强', '江峰']],
  ])('%s', (_name, records, roster, want) => {
    expect(inactiveMembers(records, roster)).toEqual(want);
  });
});

describe('parseRosterText', () => {
  it.each<[string, string, string[]]>([
    ['empty', '', []],
    ['one a line (CRLF too)', '江峰\r\n王霞美\n\n陈国强\n', ['江峰', '王霞美', '陈国强']],
    [
      '顿号, commas, semicolons, tabs',
      '江峰、王霞美，陈国强,刘桂芳；赵建华\t孙晓燕',
      ['江峰', '王霞美', '陈国强', '刘桂芳', '赵建华', '孙晓燕'],
    ],
    ['padded two-character names are joined', '王　霞\n李 明', ['王霞', '李明']],
    ['names separated by spaces are split', '江峰 王霞美  陈国强', ['江峰', '王霞美', '陈国强']],
    ['repeats dropped, order kept', '江峰\n王霞美\n江峰', ['江峰', '王霞美']],
  ])('%s', (_name, text, want) => {
    expect(parseRosterText(text)).toEqual(want);
  });
});

describe('rosterFromRows', () => {
  it.each<[string, string[][][], string[] | null]>([
    ['no sheet', [], null],
    ['no header', [[['江峰'], ['王霞美']]], null],
    [
      'the 姓名 column under a title, to a footer',
      [
        [
          ['青山镇政协委员名单', '', ''],
          ['序号', '姓　名', '界别'],
          ['1', '江峰', '注册会计师'],
          ['2', '王　霞', '教育'],
          ['', '', ''],
          ['3', '陈国强、刘桂芳', '经济'],
          ['填表人：张丽', '', ''],
          ['4', '不是名字', ''],
        ],
      ],
      ['江峰', '王霞', '陈国强', '刘桂芳'],
    ],
    [
      '委员姓名',
      [
        [
          ['委员姓名', '电话'],
          ['江峰', '138'],
        ],
      ],
      ['江峰'],
    ],
    [
      'the first sheet with a header',
      [
        [['填表说明'], ['请按要求填写']],
        [
          ['委员', '单位'],
          ['王霞美', '青山村'],
        ],
      ],
      ['王霞美'],
    ],
    ['a total row ends the names', [[['姓名'], ['江峰'], ['合计：1人']]], ['江峰']],
  ])('%s', (_name, sheets, want) => {
    expect(rosterFromRows(sheets)).toEqual(want);
  });
});

describe('namesInRecords', () => {
  it('lists every member, most records first, then by name', () => {
    expect(
      namesInRecords([
        rec('走访', ['王霞美']),
        rec('走访', ['江峰', '王霞美']),
        rec('走访', ['陈国强', '']),
      ] as Rec[]),
    ).toEqual(['王霞美', ...['江峰', '陈国强'].sort((a, b) => a.localeCompare(b, 'zh-CN'))]);
  });
});

describe('normaliseRoster', () => {
  it.each<[string, unknown, ReturnType<typeof normaliseRoster>]>([
    ['nothing stored', undefined, EMPTY_ROSTER],
    ['not an object', 'x', EMPTY_ROSTER],
    [
      'names cleaned, default rules',
      { names: [' 江峰 ', '', 3, '江峰', '王霞美'] },
      { names: ['江峰', '王霞美'], rules: DEFAULT_RULES },
    ],
    [
      'rules kept when valid',
      { names: [], rules: { proposalsPerYear: 0, activityEveryQuarter: false } },
      { names: [], rules: { proposalsPerYear: 0, activityEveryQuarter: false } },
    ],
    [
      'invalid rules fall back',
      { names: [], rules: { proposalsPerYear: -1, activityEveryQuarter: 'yes' } },
      { names: [], rules: DEFAULT_RULES },
    ],
  ])('%s', (_name, stored, want) => {
    expect(normaliseRoster(stored)).toEqual(want);
  });
});

describe('targetWindow', () => {
  it.each<[string, Period, number | undefined, string, TargetWindow | null]>([
    [
      'a past year: all four quarters',
      { kind: 'year', year: 2023 },
      2023,
      '2025-06-01',
      { year: 2023, from: '2023-01-01', to: '2023-12-31', quarters: [1, 2, 3, 4] },
    ],
    [
      'the current year: up to today, quarters begun',
      { kind: 'year', year: 2025 },
      2025,
      '2025-04-01',
      { year: 2025, from: '2025-01-01', to: '2025-04-01', quarters: [1, 2] },
    ],
    [
      'a quarter: from 1 January to the quarter end',
      { kind: 'quarter', year: 2023, quarter: 2 },
      2023,
      '2025-01-01',
      { year: 2023, from: '2023-01-01', to: '2023-06-30', quarters: [1, 2] },
    ],
    [
      'a month: February of a leap year',
      { kind: 'month', year: 2024, month: 2 },
      2024,
      '2025-01-01',
      { year: 2024, from: '2024-01-01', to: '2024-02-29', quarters: [1] },
    ],
    [
      'a half',
      { kind: 'half', year: 2023, half: 2 },
      2023,
      '2025-01-01',
      { year: 2023, from: '2023-01-01', to: '2023-12-31', quarters: [1, 2, 3, 4] },
    ],
    [
      '全部: the latest year with data',
      { kind: 'all' },
      2023,
      '2025-01-01',
      { year: 2023, from: '2023-01-01', to: '2023-12-31', quarters: [1, 2, 3, 4] },
    ],
    ['全部 without data', { kind: 'all' }, undefined, '2025-01-01', null],
    [
      'a range: the year it ends in',
      { kind: 'range', from: '2022-07-01', to: '2023-08-15' },
      2023,
      '2025-01-01',
      { year: 2023, from: '2023-01-01', to: '2023-08-15', quarters: [1, 2, 3] },
    ],
    [
      'a range ending with a month',
      { kind: 'range', from: '2023-01', to: '2023-09' },
      2023,
      '2025-01-01',
      { year: 2023, from: '2023-01-01', to: '2023-09-30', quarters: [1, 2, 3] },
    ],
    [
      'a future year: no quarter has begun',
      { kind: 'year', year: 2026 },
      2026,
      '2025-06-01',
      { year: 2026, from: '2026-01-01', to: '2025-06-01', quarters: [] },
    ],
  ])('%s', (_name, period, latest, today, want) => {
    expect(targetWindow(period, latest, today)).toEqual(want);
  });
});

describe('evaluateTargets', () => {
  const YEAR: TargetWindow = { year: 2023, from: '2023-01-01', to: '2023-12-31', quarters: [1, 2, 3, 4] };
  const HALF: TargetWindow = { year: 2023, from: '2023-01-01', to: '2023-06-30', quarters: [1, 2] };
  const rules = (proposalsPerYear: number, activityEveryQuarter: boolean): RosterRules => ({
    proposalsPerYear,
    activityEveryQuarter,
  });
  const everyQuarter = (name: string) =>
    ['2023-02-01', '2023-05-01', '2023-08-01', '2023-11-01'].map((date) => rec('走访', [name], { date }));

  it.each<[string, Rec[], RosterRules, TargetWindow, MemberTargets]>([
    [
      'two proposals and a record every quarter: both met',
      [...everyQuarter('江峰'), proposal(['江峰'], '2023-03-01'), proposal(['江峰', '王霞美'], '2023-09-01')],
      DEFAULT_RULES,
      YEAR,
      {
        name: '江峰',
        met: true,
        results: [
          { kind: 'proposals', met: true, required: 2, actual: 2 },
          { kind: 'quarters', met: true, required: [1, 2, 3, 4], missing: [] },
        ],
      },
    ],
    [
      'one proposal, nothing in Q3: neither met',
      [
        rec('走访', ['江峰'], { date: '2023-01-05' }),
        proposal(['江峰'], '2023-04'),
        rec('会议', ['江峰'], { date: '2023-12-20' }),
      ],
      DEFAULT_RULES,
      YEAR,
      {
        name: '江峰',
        met: false,
        results: [
          { kind: 'proposals', met: false, required: 2, actual: 1 },
          { kind: 'quarters', met: false, required: [1, 2, 3, 4], missing: [3] },
        ],
      },
    ],
    [
      'records of other years, undated or year-only records do not count',
      [
        proposal(['江峰'], '2022-12-31'),
        proposal(['江峰'], '2023'),
        proposal(['江峰'], ''),
        rec('走访', ['江峰'], { date: '2024-01-02' }),
      ],
      DEFAULT_RULES,
      YEAR,
      {
        name: '江峰',
        met: false,
        results: [
          { kind: 'proposals', met: false, required: 2, actual: 0 },
          { kind: 'quarters', met: false, required: [1, 2, 3, 4], missing: [1, 2, 3, 4] },
        ],
      },
    ],
    [
      'judged up to the window end: only quarters begun; later records ignored',
      [
        rec('走访', ['江峰'], { date: '2023-02-01' }),
        rec('走访', ['江峰'], { date: '2023-06-30' }),
        proposal(['江峰'], '2023-07-01'),
      ],
      DEFAULT_RULES,
      HALF,
      {
        name: '江峰',
        met: false,
        results: [
          { kind: 'proposals', met: false, required: 2, actual: 0 },
          { kind: 'quarters', met: true, required: [1, 2], missing: [] },
        ],
      },
    ],
    [
      'a 件数 column counts its proposals; a rule of 3',
      [rec('提案', ['江峰'], { date: '2023-03-01', values: { count: 3 } })],
      rules(3, false),
      YEAR,
      { name: '江峰', met: true, results: [{ kind: 'proposals', met: true, required: 3, actual: 3 }] },
    ],
    ['no rules: nothing to check, met', [], rules(0, false), YEAR, { name: '江峰', met: true, results: [] }],
    [
      'the quarter rule alone, a window with no quarter begun',
      [],
      rules(0, true),
      { year: 2026, from: '2026-01-01', to: '2025-06-01', quarters: [] },
      { name: '江峰', met: true, results: [{ kind: 'quarters', met: true, required: [], missing: [] }] },
    ],
  ])('%s', (_name, records, r, window, want) => {
    expect(evaluateTargets(records, ['江峰'], r, window)).toEqual([want]);
  });

  it('judges every name given, in order, also those with no records', () => {
    const out = evaluateTargets(everyQuarter('王霞美'), ['陈国强', '王霞美'], rules(0, true), YEAR);
    expect(out.map((t) => [t.name, t.met])).toEqual([
      ['陈国强', false],
      ['王霞美', true],
    ]);
  });
});
