import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  isoDay,
  isoMonth,
  monthOf,
  parseDateText,
  yearInText,
  yearOf,
} from '../../src/core/dates';

describe('excelSerialToIso (1900 date system)', () => {
  it.each<[number, string | null]>([
    [45000, '2023-03-15'],
    [44927, '2023-01-01'],
    [45291, '2023-12-31'],
    [45351, '2024-02-29'],
    [45000.75, '2023-03-15'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [21916, '1960-01-01'],
    [73415, '2100-12-31'],
    [73416, null],
    [0, null],
    [-5, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])('%d → %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
  });
});

describe('excelSerialToIso (1904 date system, old Mac Excel)', () => {
  it.each<[number, string | null]>([
    [0, '1904-01-01'],
    [1, '1904-01-02'],
    [43538, '2023-03-15'],
    [43465, '2023-01-01'],
  ])('%d → %s', (serial, iso) => {
    expect(excelSerialToIso(serial, true)).toBe(iso);
  });

  it('is 1462 days behind the 1900 system', () => {
    for (const s of [3000, 40000, 43538, 50000]) {
      expect(excelSerialToIso(s, true)).toBe(excelSerialToIso(s + 1462));
    }
  });
});

describe('parseDateText', () => {
  it.each<[string, number | undefined, string | null]>([
    ['2023.3.5', undefined, '2023-03-05'],
    ['2023/3/5', undefined, '2023-03-05'],
    ['2023-03-05', undefined, '2023-03-05'],
    ['2023-3-5', undefined, '2023-03-05'],
    ['2023年3月5日', undefined, '2023-03-05'],
    ['2023年12月31日', undefined, '2023-12-31'],
    [' 2023 年 3 月 5 日 ', undefined, '2023-03-05'],
    ['２０２３年３月５日', undefined, '2023-03-05'],
    ['20230305', undefined, '2023-03-05'],
    ['2023年3月5日', 2020, '2023-03-05'],
    ['3月5日', 2023, '2023-03-05'],
    ['3月5日', undefined, null],
    ['12月31日', 2022, '2022-12-31'],
    ['3.5', 2023, '2023-03-05'],
    ['3/5', 2023, '2023-03-05'],
    ['2023年3月', undefined, '2023-03'],
    ['2023-3', undefined, '2023-03'],
    ['2023.12', undefined, '2023-12'],
    ['3月', 2023, '2023-03'],
    ['3月', undefined, null],
    ['一季度', 2023, '2023-01'],
    ['二季度', 2024, '2024-04'],
    ['第四季度', 2023, '2023-10'],
    ['一季度', undefined, null],
    ['2023年第二季度', undefined, '2023-04'],
    ['2023年第三季度', 2020, '2023-07'],
    ['2023年4季度', undefined, '2023-10'],
    ['2024-02-29', undefined, '2024-02-29'],
    ['2023-02-29', undefined, null],
    ['2023-02-30', undefined, null],
    ['2023-13-01', undefined, null],
    ['2023年13月', undefined, null],
    ['2月30日', 2023, null],
    ['1899-12-31', undefined, null],
    ['五季度', 2023, null],
    ['abc', 2023, null],
    ['', 2023, null],
  ])('parseDateText(%j, %s) = %s', (raw, year, iso) => {
    expect(parseDateText(raw, year)).toBe(iso);
  });
});

describe('yearInText', () => {
  it.each<[string, number | undefined]>([
    ['2023年XX镇政协委员走访群众台账', 2023],
    ['XX镇2022年度提案办理情况统计表', 2022],
    ['2023年活动台账.xlsx', 2023],
    ['走访台账2022.xlsx', 2022],
    ['走访台账-2021-定稿.csv', 2021],
    ['填报日期:2024年1月5日', 2024],
    ['1999年', 1999],
    ['XX镇政协走访台账', undefined],
    ['编号12023', undefined],
    ['1800年', undefined],
    ['2101年', undefined],
    ['', undefined],
  ])('yearInText(%j) = %s', (text, year) => {
    expect(yearInText(text)).toBe(year);
  });
});

describe('isoDay / isoMonth / yearOf / monthOf', () => {
  it.each<[number, number, number, string | null]>([
    [2023, 3, 5, '2023-03-05'],
    [2023, 12, 31, '2023-12-31'],
    [2024, 2, 29, '2024-02-29'],
    [2023, 2, 29, null],
    [2100, 2, 29, null],
    [2023, 0, 1, null],
    [2023, 1, 0, null],
    [1899, 12, 31, null],
    [2023.5, 1, 1, null],
  ])('isoDay(%d, %d, %d) = %s', (y, m, d, iso) => {
    expect(isoDay(y, m, d)).toBe(iso);
  });

  it.each<[number, number, string | null]>([
    [2023, 3, '2023-03'],
    [2023, 12, '2023-12'],
    [2023, 13, null],
    [2023, 0, null],
  ])('isoMonth(%d, %d) = %s', (y, m, iso) => {
    expect(isoMonth(y, m)).toBe(iso);
  });

  it.each<[string, number | null, number | null]>([
    ['2023-03-05', 2023, 3],
    ['2023-11', 2023, 11],
    ['', null, null],
  ])('yearOf/monthOf(%j)', (iso, y, m) => {
    expect(yearOf(iso)).toBe(y);
    expect(monthOf(iso)).toBe(m);
  });
});
