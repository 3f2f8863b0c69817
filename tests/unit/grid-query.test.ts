import { describe, expect, it } from 'vitest';
import { gridColumns, type GridColumn } from '../../src/core/grid/columns';
import { columnMatcher, queryRecords, sortRecords } from '../../src/core/grid/query';
import type { LedgerRecord } from '../../src/core/schema';

function rec(rowNo: number, over: Partial<LedgerRecord>): LedgerRecord {
  return {
    batchId: 1,
    rowNo,
    date: '2023-03-05',
    category: '走访',
    members: [],
    place: '',
    subject: '',
    status: '',
    satisfaction: '',
    values: {},
    note: '',
    unit: '',
    source: { file: 'a.xlsx', sheet: 'S', row: rowNo + 1 },
    ...over,
  };
}

const columns = gridColumns({
  measures: ['people', 'amount'],
  satisfaction: false,
  unit: false,
  sourceText: (s) => `${s.file} · ${s.sheet} · 第 ${s.row} 行`,
});
const col = (key: string): GridColumn => columns.find((c) => c.key === key) as GridColumn;

const records = [
  rec(1, { place: '青山村', values: { people: 12 }, date: '2023-05-01', members: ['江峰'] }),
  rec(2, { place: '柳塘村', values: { people: 3 }, date: '2023-01-10', subject: '走访困难户' }),
  rec(3, { place: '', values: {}, date: '' }),
  rec(4, { place: '白沙村', values: { people: 30, amount: 50000 }, date: '2023-03', members: ['王霞美'] }),
];
const rows = (rs: LedgerRecord[]) => rs.map((r) => r.rowNo);

describe('sortRecords', () => {
  const cases: [string, 'asc' | 'desc', number[]][] = [
    ['people', 'asc', [2, 1, 4, 3]],
    ['people', 'desc', [4, 1, 2, 3]],
    ['date', 'asc', [2, 4, 1, 3]],
    ['date', 'desc', [1, 4, 2, 3]],
    // 白沙村 (bai) < 柳塘村 (liu) < 青山村 (qing), by pinyin; the blank place last.
    ['place', 'asc', [4, 2, 1, 3]],
    ['place', 'desc', [1, 2, 4, 3]],
  ];
  it.each(cases)('by %s %s, blanks last', (key, dir, expected) => {
    expect(rows(sortRecords(records, col(key), dir))).toEqual(expected);
  });

  it('is stable for equal values', () => {
    const same = [rec(5, { place: '甲' }), rec(6, { place: '甲' }), rec(7, { place: '甲' })];
    expect(rows(sortRecords(same, col('place'), 'desc'))).toEqual([5, 6, 7]);
  });
});

describe('search and column filters', () => {
  const cases: [string, Record<string, string>, number[]][] = [
    ['', {}, [1, 2, 3, 4]],
    ['青山', {}, [1]],
    ['困难户', {}, [2]],
    ['江峰 青山', {}, [1]],
    ['江峰 柳塘', {}, []],
    ['a.xlsx', {}, [1, 2, 3, 4]],
    ['', { people: '>10' }, [1, 4]],
    ['', { people: '<=3' }, [2]],
    ['', { people: '12' }, [1]],
    ['', { people: '=' }, [3]],
    ['', { amount: '5' }, [4]],
    ['', { place: '村' }, [1, 2, 4]],
    ['', { place: '=青山村' }, [1]],
    ['', { place: '=' }, [3]],
    ['', { date: '2023-0' }, [1, 2, 4]],
    ['', { people: '>10', place: '白' }, [4]],
    ['白沙', { people: '<10' }, []],
  ];
  it.each(cases)('search %j, filters %j', (search, filters, expected) => {
    expect(rows(queryRecords(records, columns, search, filters))).toEqual(expected);
  });

  it('a number filter that is not a comparison matches nothing rather than everything', () => {
    const m = columnMatcher(col('people'), '很多');
    expect(m && records.filter(m)).toEqual([]);
  });
});
