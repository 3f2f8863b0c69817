/**
 * The mapping dropdown (src/ui/roleOptions.ts): every option stands for a role and back, the current
 * role is always one of the options, and a statistics column keeps its category when re-chosen.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnRole } from '../../src/core/schema';
import { roleFromValue, roleLabel, roleOptions, roleValue } from '../../src/ui/roleOptions';

const CURRENT: ColumnRole[] = [
  { kind: 'date' },
  { kind: 'category' },
  { kind: 'members' },
  { kind: 'place' },
  { kind: 'subject' },
  { kind: 'status' },
  { kind: 'satisfaction' },
  { kind: 'note' },
  { kind: 'unit' },
  { kind: 'ignore' },
  { kind: 'item' },
  { kind: 'itemUnit' },
  { kind: 'rowTotal' },
  { kind: 'month', month: 3 },
  { kind: 'month', month: 4, quarter: true },
  { kind: 'measure', measure: 'count', scale: 1 },
  { kind: 'measure', measure: 'people', scale: 1 },
  { kind: 'measure', measure: 'households', scale: 1 },
  { kind: 'measure', measure: 'items', scale: 1 },
  { kind: 'measure', measure: 'amount', scale: 1 },
  { kind: 'measure', measure: 'amount', scale: 10000 },
  { kind: 'measure', measure: 'people', scale: 1, category: '走访' },
  { kind: 'measure', measure: 'custom:吨', scale: 1 },
];

const cases = CURRENT.flatMap((current) =>
  [true, false].map((wide): [string, ColumnRole, boolean] => [JSON.stringify(current), current, wide]),
);

describe.each(cases)('roleOptions(%s, wide=%s)', (_, current, wide) => {
  const options = roleOptions(current, wide);

  it('round-trips every option but the custom prompt', () => {
    for (const o of options) {
      if (o.value === 'custom') continue;
      const role = roleFromValue(o.value);
      expect(role, o.value).not.toBeNull();
      if (role) expect(roleValue(role)).toBe(o.value);
    }
  });

  it('offers the current role', () => {
    expect(options.map((o) => o.value)).toContain(roleValue(current));
  });

  it('has distinct values and labels', () => {
    const values = options.map((o) => o.value);
    expect(new Set(values).size).toBe(values.length);
    for (const o of options) expect(o.label).not.toBe('');
  });

  it('ends with the custom prompt and ignore', () => {
    expect(options.slice(-2).map((o) => o.value)).toEqual(['custom', 'ignore']);
  });
});

describe('roleOptions', () => {
  it('offers months, item, unit and row total only for wide tables', () => {
    const narrow = roleOptions({ kind: 'date' }, false).map((o) => o.value);
    expect(narrow.some((v) => v.startsWith('month:'))).toBe(false);
    expect(narrow).not.toContain('item');
    const wide = roleOptions({ kind: 'date' }, true).map((o) => o.value);
    expect(wide.filter((v) => v.startsWith('month:'))).toEqual(
      Array.from({ length: 12 }, (_, i) => `month:${i + 1}:m`),
    );
    expect(wide).toEqual(expect.arrayContaining(['item', 'itemUnit', 'rowTotal']));
  });

  it('labels a quarter column as its quarter', () => {
    const o = roleOptions({ kind: 'month', month: 7, quarter: true }, true).find(
      (x) => x.value === 'month:7:q',
    );
    expect(o?.label).toBe('第三季度');
  });

  it('labels a custom measure by its name', () => {
    const o = roleOptions({ kind: 'measure', measure: 'custom:吨', scale: 1 }, false).find(
      (x) => x.value === 'custom:吨',
    );
    expect(o?.label).toBe('吨');
  });
});

describe('roleFromValue', () => {
  it('round-trips custom:吨', () => {
    expect(roleValue({ kind: 'measure', measure: 'custom:吨', scale: 1 })).toBe('custom:吨');
    expect(roleFromValue('custom:吨')).toEqual({ kind: 'measure', measure: 'custom:吨', scale: 1 });
  });

  it('keeps the category of a statistics column', () => {
    expect(roleFromValue('measure:people:1', '走访')).toEqual({
      kind: 'measure',
      measure: 'people',
      scale: 1,
      category: '走访',
    });
    expect(roleFromValue('measure:amount:10000', '资金')).toEqual({
      kind: 'measure',
      measure: 'amount',
      scale: 10000,
      category: '资金',
    });
    expect(roleFromValue('custom:吨', '清理垃圾')).toEqual({
      kind: 'measure',
      measure: 'custom:吨',
      scale: 1,
      category: '清理垃圾',
    });
  });

  it('keeps it through a round trip of the column current role', () => {
    const current: ColumnRole = { kind: 'measure', measure: 'households', scale: 1, category: '走访' };
    expect(roleFromValue(roleValue(current), '走访')).toEqual(current);
  });

  it('gives no category to a role that is not a measure', () => {
    expect(roleFromValue('date', '走访')).toEqual({ kind: 'date' });
    expect(roleFromValue('month:3:m', '走访')).toEqual({ kind: 'month', month: 3 });
  });

  it('reads months and quarters', () => {
    expect(roleFromValue('month:12:m')).toEqual({ kind: 'month', month: 12 });
    expect(roleFromValue('month:10:q')).toEqual({ kind: 'month', month: 10, quarter: true });
  });

  it.each(['custom', '', 'measure', 'month', 'custom:', 'nonsense'])('has no role for %j', (value) => {
    expect(roleFromValue(value)).toBeNull();
  });
});

describe('roleLabel', () => {
  it('names money by its unit', () => {
    expect(roleLabel({ kind: 'measure', measure: 'amount', scale: 10000 })).toBe('金额（万元）');
    expect(roleLabel({ kind: 'measure', measure: 'amount', scale: 1 })).toBe('金额（元）');
  });
});
