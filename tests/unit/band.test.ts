/**
 * Header bands (src/core/import/band.ts): which rows name the columns, and one flattened name per
 * column. A title, a unit line or a 栏次 row taken into the band would rename every column; a second
 * header row left out of it would be read as data.
 */
import { describe, expect, it } from 'vitest';
import { detectHeaderBand, flattenHeaders, isHeaderWord } from '../../src/core/import/band';
import type { CellRange, RawCell } from '../../src/core/import/types';

function range(r1: number, c1: number, r2: number, c2: number): CellRange {
  return { s: { r: r1, c: c1 }, e: { r: r2, c: c2 } };
}

function widthOf(rows: readonly RawCell[][]): number {
  return Math.max(0, ...rows.map((r) => r.length));
}

function headersOf(rows: RawCell[][], merges: CellRange[]): { band: [number, number]; headers: string[] } {
  const band = detectHeaderBand(rows, merges);
  if (!band) throw new Error('no header band');
  return { band: [band.start, band.end], headers: flattenHeaders(rows, merges, band, widthOf(rows)) };
}

describe('detectHeaderBand: one header row', () => {
  const rows: RawCell[][] = [
    ['2023年XX镇政协委员走访群众台账', null, null, null, null],
    ['日期', '委员', '地点', '走访人数', '户数'],
    ['2023-03-05', '江峰、王霞美', '东山村', 12, 5],
    [{ date: '2023-03-15' }, '李明', '西岭村', 8, 3],
  ];

  it('finds the header under a merged title, without the title', () => {
    const { band, headers } = headersOf(rows, [range(0, 0, 0, 4)]);
    expect(band).toEqual([1, 1]);
    expect(headers).toEqual(['日期', '委员', '地点', '走访人数', '户数']);
  });

  it('finds it under an unmerged title too', () => {
    expect(headersOf(rows, []).band).toEqual([1, 1]);
  });

  it('finds a header on the first row', () => {
    expect(headersOf(rows.slice(1), []).band).toEqual([0, 0]);
  });
});

describe('detectHeaderBand: a two-row header with a merged group', () => {
  const TITLE: RawCell[] = ['2023年青山镇政协委员培训台账', null, null, null, null, null];
  const TOP: RawCell[] = ['序号', '日期', '培训内容', '培训情况', null, '参训委员'];
  const LEAVES: RawCell[] = [null, null, null, '期数', '人次', null];
  const DATA: RawCell[][] = [
    [1, '2023-03-05', '农村实用技术', 1, 45, '江峰'],
    [2, '2023-04-12', '电商直播', 2, 60, '王霞美、李明'],
  ];
  const rows: RawCell[][] = [TITLE, TOP, LEAVES, ...DATA];
  const FLAT = ['序号', '日期', '培训内容', '培训情况·期数', '培训情况·人次', '参训委员'];

  it('takes both rows when 日期 is merged down over them', () => {
    const { band, headers } = headersOf(rows, [range(0, 0, 0, 5), range(1, 3, 1, 4), range(1, 1, 2, 1)]);
    expect(band).toEqual([1, 2]);
    expect(headers).toEqual(FLAT);
  });

  it('takes both rows when every single column is merged down', () => {
    const merges = [
      range(0, 0, 0, 5),
      range(1, 0, 2, 0),
      range(1, 1, 2, 1),
      range(1, 2, 2, 2),
      range(1, 3, 1, 4),
      range(1, 5, 2, 5),
    ];
    const { band, headers } = headersOf(rows, merges);
    expect(band).toEqual([1, 2]);
    expect(headers).toEqual(FLAT);
  });

  it('takes both rows with only the group merged', () => {
    const { band, headers } = headersOf(rows, [range(1, 3, 1, 4)]);
    expect(band).toEqual([1, 2]);
    expect(headers).toEqual(FLAT);
  });

  it('flattens without merge records: the group text stands over its first sub-column only', () => {
    expect(flattenHeaders(rows, [], { start: 1, end: 2 }, 6)).toEqual(FLAT);
  });

  it('detects the band without merge records as well', () => {
    const { band, headers } = headersOf(rows, []);
    expect(band).toEqual([1, 2]);
    expect(headers).toEqual(FLAT);
  });

  it('does not carry a name right over a column that has a name of its own', () => {
    const r: RawCell[][] = [
      ['日期', '走访', null, '备注'],
      [null, '人次', '户数', null],
    ];
    expect(flattenHeaders(r, [], { start: 0, end: 1 }, 4)).toEqual([
      '日期',
      '走访·人次',
      '走访·户数',
      '备注',
    ]);
  });
});

describe('detectHeaderBand: three header levels', () => {
  // 总投资 over 合计 | 其中, and 其中 over 省级 | 市级 | 县级.
  const rows: RawCell[][] = [
    ['2023年一事一议项目资金统计表', null, null, null, null, null, null],
    ['序号', '项目名称', '村', '总投资', null, null, null],
    [null, null, null, '合计', '其中', null, null],
    [null, null, null, null, '省级', '市级', '县级'],
    [1, '东山村道路硬化', '东山村', 50, 20, 20, 10],
    [2, '西岭村安全饮水', '西岭村', 30, 10, 10, 10],
  ];
  const merges = [
    range(0, 0, 0, 6),
    range(1, 0, 3, 0),
    range(1, 1, 3, 1),
    range(1, 2, 3, 2),
    range(1, 3, 1, 6),
    range(2, 3, 3, 3),
    range(2, 4, 2, 6),
  ];

  it('takes all three rows and names every leaf by its path', () => {
    const { band, headers } = headersOf(rows, merges);
    expect(band).toEqual([1, 3]);
    expect(headers).toEqual([
      '序号',
      '项目名称',
      '村',
      '总投资·合计',
      '总投资·其中·省级',
      '总投资·其中·市级',
      '总投资·其中·县级',
    ]);
  });

  it('does the same without a 合计 column under the group', () => {
    const r: RawCell[][] = [
      ['序号', '项目名称', '总投资', null, null],
      [null, null, '其中', null, null],
      [null, null, '省级', '市级', '县级'],
      [1, '东山村道路硬化', 20, 20, 10],
    ];
    const m = [range(0, 0, 2, 0), range(0, 1, 2, 1), range(0, 2, 0, 4), range(1, 2, 1, 4)];
    const { band, headers } = headersOf(r, m);
    expect(band).toEqual([0, 2]);
    expect(headers).toEqual(['序号', '项目名称', '总投资·其中·省级', '总投资·其中·市级', '总投资·其中·县级']);
  });
});

describe('detectHeaderBand: rows next to the header that are not part of it', () => {
  it('leaves a 栏次 row directly below the header out', () => {
    const rows: RawCell[][] = [
      ['村(社区)', '走访人次', '走访户数', '发放资料(份)'],
      ['甲', '（1）', '（2）', '（3）'],
      ['东山村', 12, 5, 20],
    ];
    expect(headersOf(rows, []).band).toEqual([0, 0]);
  });

  it('leaves a 栏次 row out under a two-row header as well', () => {
    const rows: RawCell[][] = [
      ['村(社区)', '走访', null, '培训', null],
      [null, '人次', '户数', '期数', '人次'],
      ['栏次', '1', '2', '3', '4'],
      ['东山村', 12, 5, 1, 30],
    ];
    const merges = [range(0, 0, 1, 0), range(0, 1, 0, 2), range(0, 3, 0, 4)];
    const { band, headers } = headersOf(rows, merges);
    expect(band).toEqual([0, 1]);
    expect(headers).toEqual(['村(社区)', '走访·人次', '走访·户数', '培训·期数', '培训·人次']);
  });

  it('leaves a unit line above the header out', () => {
    const rows: RawCell[][] = [
      ['2023年XX镇一事一议资金台账', null, null, null],
      ['填报单位：青山镇政协联络办', null, null, '单位：万元'],
      ['日期', '项目名称', '村', '金额'],
      ['2023-03-05', '道路硬化', '东山村', 12.5],
    ];
    expect(headersOf(rows, [range(0, 0, 0, 3)]).band).toEqual([2, 2]);
    expect(headersOf(rows, [range(0, 0, 0, 3), range(1, 0, 1, 2)]).band).toEqual([2, 2]);
  });

  it('leaves a lone 单位：万元 line above the header out', () => {
    const rows: RawCell[][] = [
      [null, null, null, '单位：万元'],
      ['日期', '项目名称', '村', '金额'],
      ['2023-03-05', '道路硬化', '东山村', 12.5],
    ];
    expect(headersOf(rows, []).band).toEqual([1, 1]);
  });

  it('finds no header in a sheet of prose', () => {
    const rows: RawCell[][] = [
      ['填表说明'],
      ['一、本表由各村联络员按月填写，每月5日前报送镇政协联络办。'],
      ['二、走访人数按人次统计，户数按实际走访户数统计。'],
      ['三、资金单位为万元，保留两位小数。'],
    ];
    expect(detectHeaderBand(rows, [])).toBeNull();
  });

  it('finds no header in an empty sheet', () => {
    expect(detectHeaderBand([], [])).toBeNull();
    expect(
      detectHeaderBand(
        [
          [null, null],
          ['', ''],
        ],
        [],
      ),
    ).toBeNull();
  });

  it('does not take a row of figures for a header', () => {
    const rows: RawCell[][] = [
      ['人数', 12, 5, 20],
      ['户数', 3, 4, 5],
    ];
    expect(detectHeaderBand(rows, [])).toBeNull();
  });
});

describe('isHeaderWord', () => {
  it.each([
    '序号',
    '日期',
    '委员',
    '走访人数',
    '金额(万元)',
    '1月',
    '一季度',
    '全年合计',
    '备注',
    '栏次',
    ' 项 目 ',
  ])('%j is a header word', (text) => {
    expect(isHeaderWord(text)).toBe(true);
  });
  it.each(['', '12', '1,250.00', '江峰', '东山村', '2023年XX镇政协委员走访群众台账'])('%j is not', (text) => {
    expect(isHeaderWord(text)).toBe(false);
  });
});
