import { describe, expect, it } from 'vitest';
import { gridColumns } from '../../src/core/grid/columns';
import {
  COLUMN_MARGIN,
  GUTTER_WIDTH,
  OVERSCAN,
  ROW_HEIGHT,
  columnsInView,
  layoutOf,
  visibleWindow,
} from '../../src/ui/grid/layout';

const columns = gridColumns({
  measures: ['people', 'households', 'items', 'amount'],
  satisfaction: true,
  unit: true,
  sourceText: (s) => `${s.file} · 第 ${s.row} 行`,
});
const layout = layoutOf(columns);
const keysIn = (shown: boolean[]) => columns.filter((_, i) => shown[i]).map((c) => c.key);

describe('the grid layout', () => {
  it('places the columns one after another, after the row numbers', () => {
    expect(layout.lefts[0]).toBe(GUTTER_WIDTH);
    for (let i = 1; i < columns.length; i++)
      expect(layout.lefts[i]).toBe((layout.lefts[i - 1] ?? 0) + (layout.widths[i - 1] ?? 0));
    expect(layout.total).toBe(GUTTER_WIDTH + layout.widths.reduce((a, b) => a + b, 0));
    expect(layout.template.split(' ')).toHaveLength(columns.length + 1);
  });

  it('renders the lines in view and a few beyond, never past the ends', () => {
    expect(visibleWindow(0, 10 * ROW_HEIGHT, 1000)).toEqual({
      start: 0,
      end: 11 + OVERSCAN,
      first: 0,
      last: 11,
    });
    const mid = visibleWindow(500 * ROW_HEIGHT, 10 * ROW_HEIGHT, 1000);
    expect(mid).toEqual({ start: 500 - OVERSCAN, end: 511 + OVERSCAN, first: 500, last: 511 });
    expect(visibleWindow(995 * ROW_HEIGHT, 10 * ROW_HEIGHT, 1000)).toMatchObject({ end: 1000, last: 1000 });
    expect(visibleWindow(0, 10 * ROW_HEIGHT, 3)).toEqual({ start: 0, end: 3, first: 0, last: 3 });
  });

  it('counts as in view the columns on screen, those within the margin, and the frozen first one', () => {
    const width = 700;
    const atStart = columnsInView(layout, 0, width);
    expect(atStart[0]).toBe(true);
    for (let i = 0; i < columns.length; i++) {
      const left = layout.lefts[i] ?? 0;
      expect(atStart[i], columns[i]?.key).toBe(left < width + COLUMN_MARGIN);
    }
    expect(keysIn(atStart)).not.toContain('source');

    // Scrolled to the far right: the source is in view, the date (frozen) too, the place is not.
    const end = layout.total - width;
    const atEnd = columnsInView(layout, end, width);
    expect(keysIn(atEnd)).toContain('source');
    expect(atEnd[0]).toBe(true);
    expect(keysIn(atEnd)).not.toContain('place');

    // A viewport wider than the grid: everything.
    expect(columnsInView(layout, 0, layout.total).every(Boolean)).toBe(true);
  });
});
