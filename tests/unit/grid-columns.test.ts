import { describe, expect, it } from 'vitest';
import { gridColumns, measuresInUse, parseMeasure, type GridColumn } from '../../src/core/grid/columns';
import { TOTALS_MEASURES } from '../../src/core/measures';
import type { LedgerRecord, MeasureKey } from '../../src/core/schema';

const base: LedgerRecord = {
  batchId: 1,
  rowNo: 1,
  date: '2023-03-05',
  category: '走访',
  members: ['江峰'],
  place: '青山村',
  subject: '走访困难户',
  status: '',
  satisfaction: '',
  values: { people: 12, amount: 125000 },
  note: '',
  unit: '',
  source: { file: '走访台账.xlsx', sheet: '走访台账', row: 5 },
};

const columns = gridColumns({
  measures: ['count', 'people', 'households', 'amount', 'custom:吨'],
  satisfaction: true,
  unit: true,
  sourceText: (s) => `${s.file} · ${s.sheet} · 第 ${s.row} 行`,
});
const col = (key: string): GridColumn => {
  const c = columns.find((x) => x.key === key);
  if (!c) throw new Error(key);
  return c;
};

describe('gridColumns', () => {
  it('puts the date first, the measures after the text, the source last and read-only', () => {
    expect(columns.map((c) => c.key)).toEqual([
      'date',
      'category',
      'members',
      'place',
      'subject',
      'count',
      'people',
      'households',
      'amount',
      'custom:吨',
      'status',
      'satisfaction',
      'unit',
      'note',
      'source',
    ]);
    expect(col('source').readOnly).toBe(true);
    expect(col('source').format(base)).toBe('走访台账.xlsx · 走访台账 · 第 5 行');
    expect(col('source').write(base, 'x', {})).toEqual({ ok: false, code: 'read-only' });
  });

  it('shows money in 万元 and stores it in 元', () => {
    expect(col('amount').get(base)).toBe(12.5);
    expect(col('amount').format(base)).toBe('12.5');
    const w = col('amount').write(base, '3.45', {});
    expect(w.ok && w.record.values.amount).toBe(34500);
    const yuan = col('amount').write(base, '5000元', {});
    expect(yuan.ok && yuan.record.values.amount).toBe(5000);
  });

  it('blanks a measure when its text is empty, without touching the others', () => {
    const w = col('people').write(base, '', {});
    expect(w.ok && w.record.values).toEqual({ amount: 125000 });
    expect(base.values.people).toBe(12);
  });
});

describe('cell validation', () => {
  const cases: [string, string, string, unknown][] = [
    ['people', '600', 'ok', 600],
    ['people', '６００', 'ok', 600],
    ['people', '600人次', 'ok', 600],
    ['people', '约50', 'ok', 50],
    ['people', '/', 'ok', null],
    ['people', 'abc', 'not-a-number', undefined],
    ['people', '-3', 'negative', undefined],
    ['people', '2.5', 'not-integer', undefined],
    ['people', '5户', 'bad-unit', undefined],
    ['households', '12户', 'ok', 12],
    ['amount', '12.5万元', 'ok', 12.5],
    ['amount', '1,250,000元', 'ok', 125],
    ['amount', '12.5吨', 'bad-unit', undefined],
    ['custom:吨', '2.5吨', 'ok', 2.5],
    ['date', '2023/3/5', 'ok', '2023-03-05'],
    ['date', '2023年3月', 'ok', '2023-03'],
    ['date', '3月5日', 'ok', '2022-03-05'],
    ['date', '', 'ok', ''],
    ['date', '去年3月', 'bad-date', undefined],
    ['date', '2023-02-30', 'bad-date', undefined],
    ['category', '走访群众', 'ok', '走访'],
    ['category', '植树', 'ok', '植树'],
    ['category', '  ', 'empty-category', undefined],
    ['members', '江峰、王霞美', 'ok', ['江峰', '王霞美']],
    ['members', '江峰,王霞美等3人', 'ok', ['江峰', '王霞美']],
    ['status', '已办结', 'ok', '已办结'],
    ['status', '办理中', 'ok', '已立案'],
    ['status', '随便', 'bad-status', undefined],
    ['satisfaction', '比较满意', 'ok', '基本满意'],
    ['satisfaction', '还行', 'bad-satisfaction', undefined],
    ['place', '  青山村 ', 'ok', '青山村'],
  ];
  it.each(cases)('%s ← %j: %s', (key, text, outcome, value) => {
    const p = col(key).parse(text, { year: 2022 });
    if (outcome === 'ok') expect(p).toEqual({ ok: true, value });
    else expect(p).toEqual({ ok: false, code: outcome });
  });

  it('parseMeasure keeps count, people, households and items whole', () => {
    for (const m of ['count', 'people', 'households', 'items'] as MeasureKey[]) {
      expect(parseMeasure(m, '1.5')).toEqual({ ok: false, code: 'not-integer' });
    }
    expect(parseMeasure('amount', '1.5')).toEqual({ ok: true, value: 1.5 });
  });
});

describe('measuresInUse', () => {
  it('lists built-in measures in the totals’ order, then custom ones', () => {
    const records = [{ values: { 'custom:吨': 1, amount: 5 } }, { values: { people: 3 } }, { values: {} }];
    expect(measuresInUse(records, TOTALS_MEASURES)).toEqual(['people', 'amount', 'custom:吨']);
  });
});
