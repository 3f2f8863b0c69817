/** The monthly activity chart: one stacked bar per month, a series per category. */
import { Chart, type ChartConfiguration, type ChartType, type Plugin } from 'chart.js';
import { t } from '../../i18n/zh-CN';
import { categoryColor } from '../chartStyle';
import { GRID, LEGEND_LABELS, STACK_TOTAL_LABEL, TICKS, VALUE_LABELS } from './common';

/** The chart of monthlyCounts' series (made once per input and shared with the quarterly chart). */
export function monthlyChartConfig(
  series: readonly { category: string; months: readonly number[] }[],
  options: { responsive: boolean },
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: Array.from({ length: 12 }, (_, i) => t.dashboard.month(i + 1)),
      datasets: series.map((s) => ({
        label: s.category,
        // A copy: Chart.js hooks the methods of the arrays it draws, and the counts are shared.
        data: s.months.slice(),
        backgroundColor: categoryColor(s.category),
        borderColor: '#fff',
        borderWidth: 1,
        datalabels: STACK_TOTAL_LABEL,
      })),
    },
    plugins: [VALUE_LABELS],
    options: {
      responsive: options.responsive,
      maintainAspectRatio: false,
      animation: false,
      // Room above the tallest stack for its total.
      layout: { padding: { top: 18 } },
      scales: {
        x: { stacked: true, ticks: TICKS, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, grace: '8%', ticks: { ...TICKS, precision: 0 }, grid: GRID },
      },
      plugins: {
        legend: { position: 'bottom', labels: LEGEND_LABELS },
        tooltip: {
          callbacks: { label: (c) => t.dashboard.tooltipCount(c.dataset.label ?? '', c.parsed.y ?? 0) },
        },
      },
    },
  };
}

const WHITE_BACKGROUND: Plugin = {
  id: 'white-background',
  beforeDraw: (c) => {
    const ctx = c.ctx;
    ctx.save();
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.restore();
  },
};

/**
 * A chart drawn afresh at print size on a canvas of its own, at `scale`× the pixels: a screen
 * canvas stretched into a document is blurry. On white, since a transparent PNG pasted into WPS
 * shows whatever lies beneath it.
 */
export async function chartPng<TType extends ChartType>(
  config: ChartConfiguration<TType>,
  width: number,
  height: number,
  scale = 2,
): Promise<{ png: Uint8Array; width: number; height: number }> {
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const chart = new Chart(canvas, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: scale },
    plugins: [...(config.plugins ?? []), WHITE_BACKGROUND],
  } as ChartConfiguration<TType>);
  chart.resize(width, height);
  chart.update('none');
  // toDataURL, not toBlob: Chromium encodes a toBlob in idle time and, on a page that never idles
  // (headless, or busy redrawing), waits a full second per picture before it starts.
  const url = canvas.toDataURL('image/png');
  chart.destroy();
  const binary = atob(url.slice(url.indexOf(',') + 1));
  const png = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) png[i] = binary.charCodeAt(i);
  if (png.length === 0) throw new Error('canvas.toDataURL returned nothing');
  return { png, width, height };
}
