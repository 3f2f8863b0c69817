/** The monthly activity chart: one stacked bar per month, a series per category. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { monthlyCounts } from '../../core/aggregate';
import type { LedgerRecord } from '../../core/schema';
import { t } from '../../i18n/zh-CN';
import { CHART_FONT, seriesColor } from '../chartStyle';

// Register only what is used: Chart.js is tree-shaken to these parts.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export function monthlyChartConfig(
  records: readonly Pick<LedgerRecord, 'date' | 'category'>[],
  year: number,
  options: { responsive: boolean },
): ChartConfiguration<'bar'> {
  const series = monthlyCounts(records, year);
  return {
    type: 'bar',
    data: {
      labels: Array.from({ length: 12 }, (_, i) => t.dashboard.month(i + 1)),
      datasets: series.map((s, i) => ({
        label: s.category,
        data: s.months,
        backgroundColor: seriesColor(i),
        borderColor: '#fff',
        borderWidth: 1,
      })),
    },
    options: {
      responsive: options.responsive,
      maintainAspectRatio: false,
      animation: false,
      font: CHART_FONT,
      scales: {
        x: { stacked: true, ticks: { font: CHART_FONT } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0, font: CHART_FONT } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { font: CHART_FONT, boxWidth: 14 } },
        tooltip: {
          callbacks: { label: (c) => t.dashboard.tooltipCount(c.dataset.label ?? '', c.parsed.y ?? 0) },
        },
      },
    },
  };
}

/**
 * The chart drawn afresh at print size on a canvas of its own, at `scale`× the pixels: a screen
 * canvas stretched into a document is blurry.
 */
export async function chartPng(
  config: ChartConfiguration<'bar'>,
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
    options: { ...config.options, responsive: false, devicePixelRatio: scale },
    plugins: [
      {
        id: 'white-background',
        beforeDraw: (c) => {
          const ctx = c.ctx;
          ctx.save();
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, c.width, c.height);
          ctx.restore();
        },
      },
    ],
  });
  chart.resize(width, height);
  chart.update('none');
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  chart.destroy();
  if (!blob) throw new Error('canvas.toBlob returned nothing');
  return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
}
