/**
 * Category shares as a doughnut. Every slice big enough says its name and percent on itself, and
 * the legend repeats both: on a grayscale printout no reader can match ten greys to a key.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Context } from 'chartjs-plugin-datalabels';
import type { CategoryTotals } from '../../core/aggregate';
import { categoryShares } from '../../core/breakdowns';
import { categoryInfo } from '../../core/categories';
import { t } from '../../i18n/zh-CN';
import { VALUE_FONT, categoryColor, textOn } from '../chartStyle';
import { LEGEND_LABELS, VALUE_LABELS, formatValue } from './common';

/** Slices under this percent get no label at all; the legend still names them. */
const MIN_PERCENT = 2;

/**
 * Whether the label's box fits inside its slice: a thin slice at the top of the ring has room
 * along the ring only, one at the side has the ring's thickness for the width of the text. Labels
 * that do not fit are left out rather than spilt over their neighbours; the legend names them all.
 */
function fits(c: Context, lines: readonly string[]): boolean {
  const arc = c.chart.getDatasetMeta(c.datasetIndex).data[c.dataIndex] as unknown as
    { startAngle: number; endAngle: number; innerRadius: number; outerRadius: number } | undefined;
  if (!arc) return false;
  const ctx = c.chart.ctx;
  ctx.save();
  ctx.font = `${VALUE_FONT.weight} ${VALUE_FONT.size}px ${VALUE_FONT.family}`;
  const w = Math.max(...lines.map((l) => ctx.measureText(l).width)) + 4;
  ctx.restore();
  const h = lines.length * VALUE_FONT.size * 1.2 + 2;
  const mid = (arc.startAngle + arc.endAngle) / 2;
  const span = arc.endAngle - arc.startAngle;
  const radial = Math.abs(w * Math.cos(mid)) + Math.abs(h * Math.sin(mid));
  const along = Math.abs(w * Math.sin(mid)) + Math.abs(h * Math.cos(mid));
  const chord = 2 * ((arc.innerRadius + arc.outerRadius) / 2) * Math.sin(Math.min(span, Math.PI) / 2);
  // A label may touch the white borders between slices; it must not cross into the next one.
  return radial <= arc.outerRadius - arc.innerRadius && along <= chord + 6;
}

export function sharesChartConfig(
  totals: readonly CategoryTotals[],
  options: { responsive: boolean },
): ChartConfiguration<'doughnut'> | null {
  const shares = categoryShares(totals);
  if (shares.length === 0) return null;
  const colors = shares.map((s) => categoryColor(s.category));
  const lines = (c: Context): string[] => {
    const s = shares[c.dataIndex];
    return s ? [s.category, `${s.percent}%`] : [];
  };
  const inside = (c: Context): boolean => fits(c, lines(c));
  return {
    type: 'doughnut',
    data: {
      labels: shares.map((s) => `${s.category} ${s.percent}%`),
      datasets: [
        {
          data: shares.map((s) => s.value),
          backgroundColor: colors,
          borderColor: '#fff',
          borderWidth: 2,
          datalabels: {
            // Inside the slice when the label fits there; else just outside the ring, where labels
            // that would collide with a neighbour's are dropped ('auto'): the legend names them all.
            display: (c: Context) => {
              const s = shares[c.dataIndex];
              if (!s || s.percent < MIN_PERCENT) return false;
              return inside(c) ? true : 'auto';
            },
            anchor: (c: Context) => (inside(c) ? 'center' : 'end'),
            align: (c: Context) => (inside(c) ? 'center' : 'end'),
            offset: 2,
            color: (c: Context) => (inside(c) ? textOn(colors[c.dataIndex] ?? '#fff') : '#1f2329'),
            font: VALUE_FONT,
            textAlign: 'center',
            formatter: (_v: number, c: Context) => lines(c),
          },
        },
      ],
    },
    plugins: [VALUE_LABELS],
    options: {
      responsive: options.responsive,
      maintainAspectRatio: false,
      animation: false,
      cutout: '50%',
      // Room around the ring for the labels of thin slices, written outside it.
      layout: { padding: { top: 30, bottom: 30, left: 48, right: 48 } },
      plugins: {
        // Tight rows: ten categories must stand in one column beside the ring.
        legend: { position: 'right', labels: { ...LEGEND_LABELS, padding: 7, boxHeight: 12, boxWidth: 12 } },
        tooltip: {
          callbacks: {
            label: (c) => {
              const s = shares[c.dataIndex];
              return s
                ? t.charts.shareTooltip(
                    s.category,
                    formatValue(s.value),
                    categoryInfo(s.category).eventCounter,
                    `${s.percent}%`,
                  )
                : '';
            },
          },
        },
      },
    },
  };
}
