import { describe, expect, it } from 'vitest';
import { totalsByCategory } from '../../src/core/aggregate';
import { buildDemo } from '../../src/core/demo';
import type { LedgerRecord } from '../../src/core/schema';
import { luma, seriesColor } from '../../src/ui/chartStyle';
import { CHART_KINDS, chartKind, type ChartInput } from '../../src/ui/charts/registry';
import { chartTable } from '../../src/ui/charts/table';
import { previousLabel } from '../../src/ui/charts/yoy';

const demo: LedgerRecord[] = buildDemo().map((r, i) => ({ ...r, batchId: 1, rowNo: i }));
const of = (year: number) => demo.filter((r) => r.date.startsWith(String(year)));

function input(
  records: LedgerRecord[],
  previous: LedgerRecord[] | null,
  extra: Partial<ChartInput> = {},
): ChartInput {
  return {
    records,
    totals: totalsByCategory(records),
    previous: previous && totalsByCategory(previous),
    year: 2023,
    periodLabel: '2023年',
    ...extra,
  };
}

const IDS = ['monthly', 'quarterly', 'shares', 'members', 'places', 'proposals', 'funds', 'yoy'];

describe('the chart registry', () => {
  it('has the dashboard charts, in order', () => {
    expect(CHART_KINDS.map((k) => k.id)).toEqual(IDS);
  });

  it.each(IDS)('%s draws the demo year, with its values written on it', (id) => {
    const config = chartKind(id)?.build(input(of(2023), of(2022)), { responsive: false });
    expect(config).not.toBeNull();
    expect(config?.plugins?.some((p) => p.id === 'datalabels')).toBe(true);
    expect(chartTable(config!).rows.length).toBeGreaterThan(0);
  });

  it.each(IDS)('%s has nothing to draw without records', (id) => {
    expect(chartKind(id)?.build(input([], null), { responsive: false })).toBeNull();
  });

  it('compares with last year only when last year has data', () => {
    const yoy = chartKind('yoy');
    expect(yoy?.build(input(of(2023), null), { responsive: false })).toBeNull();
    expect(yoy?.build(input(of(2023), []), { responsive: false })).toBeNull();
  });

  it('writes the real figures of the yoy bars, not their heights', () => {
    const config = chartKind('yoy')?.build(input(of(2023), of(2022)), { responsive: false });
    const visits = chartTable(config!).rows.find((r) => r.label.startsWith('走访'));
    const people = (year: number) =>
      of(year).reduce((n, r) => n + (r.category === '走访' ? (r.values.people ?? 0) : 0), 0);
    expect(visits?.cells).toEqual([String(people(2022)), String(people(2023))]);
    expect(config?.data.datasets.map((d) => d.label)).toEqual(['2022年', '2023年']);
  });

  it('ranks 15 members and sums the rest as 其他', () => {
    const records = Array.from({ length: 17 }, (_, i) => ({ ...demo[0]!, members: [`委员${i}`] }));
    const rows = chartTable(chartKind('members')!.build(input(records, null), { responsive: false })!).rows;
    expect(rows).toHaveLength(16);
    expect(rows[15]).toEqual({ label: '其他2名委员', cells: ['2'] });
  });

  it("shows one member's events per category when a member is chosen", () => {
    const records = of(2023).filter((r) => r.members.includes('江峰'));
    const kind = chartKind('members')!;
    const i = input(records, null, { member: '江峰' });
    expect(kind.title(i)).toBe('委员江峰2023年参加各类活动次数');
    const rows = chartTable(kind.build(i, { responsive: false })!).rows;
    expect(rows.map((r) => r.label)).toContain('走访');
    expect(rows.map((r) => r.label)).not.toContain('江峰');
  });
});

describe('previousLabel', () => {
  it.each<[string, number | undefined, string]>([
    ['2023年', 2023, '2022年'],
    ['2023年第一季度', 2023, '2022年第一季度'],
    ['2023年3月', 2023, '2022年3月'],
    ['', 2023, '上年同期'],
    ['2023年', undefined, '上年同期'],
  ])('%s → %s', (label, year, want) => {
    expect(previousLabel(label, year)).toBe(want);
  });
});

describe('the palette', () => {
  it('keeps ten series apart on a grayscale printer', () => {
    const levels = Array.from({ length: 10 }, (_, i) => luma(seriesColor(i))).sort((a, b) => a - b);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeGreaterThanOrEqual(18);
    // Nothing so pale it vanishes into white paper.
    expect(levels[levels.length - 1]).toBeLessThanOrEqual(215);
  });
});
