import { describe, expect, it } from 'vitest';
import { gridColumns } from '../../src/core/grid/columns';
import {
  applyWrite,
  commandWrite,
  diffRecords,
  invertCommand,
  patchRecord,
  planBlock,
  planFill,
  type GridCommand,
  type PlanContext,
} from '../../src/core/grid/commands';
import { parseTsv } from '../../src/core/grid/tsv';
import type { LedgerRecord, NewRecord } from '../../src/core/schema';

function rec(rowNo: number, over: Partial<LedgerRecord> = {}): LedgerRecord {
  return {
    batchId: 1,
    rowNo,
    date: '2023-03-05',
    category: '走访',
    members: ['江峰'],
    place: `村${rowNo}`,
    subject: `事项${rowNo}`,
    status: '',
    satisfaction: '',
    values: { people: rowNo * 10, amount: rowNo * 10000 },
    note: '',
    unit: '',
    source: { file: 'a.xlsx', sheet: 'S', row: rowNo + 1 },
    ...over,
  };
}

const columns = gridColumns({
  measures: ['amount', 'people'],
  satisfaction: false,
  unit: false,
  sourceText: (s) => `${s.file}·${s.row}`,
});
const colIndex = (key: string) => columns.findIndex((c) => c.key === key);
const ctx: PlanContext = {
  parseContext: (r) => ({ year: r?.date ? Number(r.date.slice(0, 4)) : 2023 }),
  newRow: (): NewRecord => ({
    date: '',
    category: '走访',
    members: [],
    place: '',
    subject: '',
    status: '',
    satisfaction: '',
    values: {},
    note: '',
    unit: '',
    source: { file: '手工录入', sheet: '', row: 0 },
  }),
};

/** Carry a plan out in memory, new rows numbered after the last, as the database would. */
function run(records: LedgerRecord[], plan: { changes: GridCommand['changes']; newRows: NewRecord[] }) {
  const added = plan.newRows.map((r, i) => ({ ...r, batchId: 9, rowNo: i + 1 }));
  const command: GridCommand = { changes: plan.changes, added, deleted: [] };
  return { command, after: applyWrite(records, commandWrite(command)) };
}

describe('pasting a block', () => {
  const records = [rec(1), rec(2), rec(3)];

  it('lands P1/11.5, P2/22.5 in 2×2 cells, blanks nothing else, and undoes in one step', () => {
    const block = parseTsv('P1\t11.5\r\nP2\t22.5\r\n');
    const result = planBlock(records, columns, { row: 0, col: colIndex('subject') }, block, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.cells).toBe(4);
    expect(result.plan.newRows).toEqual([]);
    const { command, after } = run(records, result.plan);
    expect(after.map((r) => [r.subject, r.values.amount])).toEqual([
      ['P1', 115000],
      ['P2', 225000],
      ['事项3', 30000],
    ]);
    // Every other cell as it was.
    for (const [i, r] of after.entries()) {
      const before = records[i] as LedgerRecord;
      expect({
        ...r,
        subject: before.subject,
        values: { ...r.values, amount: before.values.amount },
      }).toEqual(before);
    }
    const undone = applyWrite(after, commandWrite(invertCommand(command)));
    expect(undone).toEqual(records);
  });

  const cases: [string, string, string, number, [number, number][]][] = [
    ['a single cell', '42', 'people', 1, [[1, 42]]],
    [
      'a ragged block leaves the cells it lacks alone',
      '5\t6\r\n7\r\n',
      'amount',
      1,
      [
        [1, 6],
        [2, 30],
      ],
    ],
  ];
  it.each(cases)('%s', (_name, text, key, row, expected) => {
    const result = planBlock(records, columns, { row, col: colIndex(key) }, parseTsv(text), ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { after } = run(records, result.plan);
    for (const [r, people] of expected) expect(after[r]?.values.people).toBe(people);
    expect(after).toHaveLength(3);
  });

  it('drops what overflows the last column and skips the read-only source', () => {
    const result = planBlock(
      records,
      columns,
      { row: 0, col: colIndex('note') },
      parseTsv('7\t8\t9\r\n'),
      ctx,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(run(records, result.plan).after.map((r) => r.note)).toEqual(['7', '', '']);
    expect(result.plan.cells).toBe(1);
  });

  it('writes nothing when one cell is invalid, and says which', () => {
    const result = planBlock(
      records,
      columns,
      { row: 1, col: colIndex('date') },
      parseTsv('2023-4-1\r\n去年\r\n'),
      ctx,
    );
    expect(result).toEqual({ ok: false, problems: [{ row: 2, col: 0, code: 'bad-date', text: '去年' }] });
  });

  it('rows past the last record become new rows; blank lines add nothing', () => {
    const text = '2023-06-01\t走访\t江峰\t青山村\r\n\t\t\t\r\n2023/6/2\t培训\t王霞美\t柳塘村\r\n';
    const result = planBlock(records, columns, { row: 2, col: 0 }, parseTsv(text), ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.changes).toHaveLength(1);
    expect(result.plan.newRows.map((r) => [r.date, r.category, r.members, r.place])).toEqual([
      ['2023-06-02', '培训', ['王霞美'], '柳塘村'],
    ]);
    expect(result.plan.newRows[0]).not.toHaveProperty('batchId');
  });

  it('skips the read-only source column', () => {
    const result = planBlock(records, columns, { row: 0, col: colIndex('source') }, [['x.xlsx']], ctx);
    expect(result).toEqual({ ok: true, plan: { changes: [], newRows: [], cells: 0 } });
  });

  it('pasting what is already there changes nothing', () => {
    const result = planBlock(records, columns, { row: 0, col: colIndex('place') }, [['村1']], ctx);
    expect(result.ok && result.plan.changes).toEqual([]);
  });
});

describe('filling and clearing a range', () => {
  const records = [rec(1), rec(2)];
  it('clears every cell of the range but the category', () => {
    const range = { top: 0, left: 0, bottom: 1, right: colIndex('people') };
    const result = planFill(records, columns, range, '', ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { after } = run(records, result.plan);
    for (const r of after) {
      expect(r).toMatchObject({
        date: '',
        category: '走访',
        members: [],
        place: '',
        subject: '',
        values: {},
      });
    }
  });

  it('fills one value into every cell', () => {
    const range = { top: 0, left: colIndex('people'), bottom: 1, right: colIndex('people') };
    const result = planFill(records, columns, range, '5', ctx);
    expect(result.ok && result.plan.changes.map((c) => c.after.values.people)).toEqual([5, 5]);
  });
});

describe('patches', () => {
  it('carry only the fields an edit changed', () => {
    const before = rec(1);
    const after = { ...before, place: '新村', values: { amount: 10000, people: 11 } };
    const patch = diffRecords(before, after);
    expect(patch).toEqual({ fields: { place: '新村' }, values: { people: 11 } });
    // Applied over a record another edit changed meanwhile, that edit survives.
    const other = { ...before, subject: '别人改的' };
    expect(patchRecord(other, patch)).toEqual({
      ...other,
      place: '新村',
      values: { people: 11, amount: 10000 },
    });
  });

  it('blank a measure with null', () => {
    const before = rec(1);
    const after = { ...before, values: { amount: 10000 } };
    const patch = diffRecords(before, after);
    expect(patch.values).toEqual({ people: null });
    expect(patchRecord(before, patch).values).toEqual({ amount: 10000 });
  });

  it('an added-and-deleted command inverts to a delete-and-add', () => {
    const a = rec(5);
    const d = rec(6);
    const c: GridCommand = { changes: [], added: [a], deleted: [d] };
    expect(invertCommand(c)).toEqual({ changes: [], added: [d], deleted: [a] });
    expect(commandWrite(c)).toEqual({ patches: [], put: [a], remove: [[1, 6]] });
  });
});
