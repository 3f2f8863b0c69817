import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, ARTIFACTS, launch } from './app';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Images embedded in the PDF with their pixel sizes (pdfimages -list). */
function pdfImages(path: string): { width: number; height: number }[] {
  const out = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 4 && cols[2] === 'image')
    .map((cols) => ({ width: Number(cols[3]), height: Number(cols[4]) }));
}

describe('the printed report', () => {
  it.each(['portrait', 'landscape'] as const)(
    'prints the title, totals, crisp chart images and the paragraph on A4 %s',
    async (orientation) => {
      const app = await App.open(browser);
      const { page } = app;
      await app.loadDemo();
      await app.go('report');
      if (orientation === 'landscape') await page.getByLabel('横向').check();
      const report = page.getByTestId('report');
      await report.waitFor();
      const charts = report.getByTestId('report-chart');
      await expect.poll(() => charts.count()).toBeGreaterThan(0);
      // Every chart is an image drawn at three times its printed size, never a stretched canvas.
      for (const img of await charts.locator('img').all()) {
        const { natural, shown } = await img.evaluate((el: HTMLImageElement) => ({
          natural: el.naturalWidth,
          shown: el.getBoundingClientRect().width,
        }));
        expect(natural).toBeGreaterThanOrEqual(shown * 2);
      }
      const title = await report.getByLabel('报告标题').inputValue();
      expect(title).toContain('2023年工作情况统计');
      await expect(report.locator('canvas').count()).resolves.toBe(0);

      mkdirSync(ARTIFACTS, { recursive: true });
      const pdf = join(ARTIFACTS, `report-${orientation}.pdf`);
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const text = pdfText(pdf).replace(/\s+/g, '');
      expect(text).toContain(title.replace(/\s+/g, ''));
      expect(text).toContain('各类工作情况汇总');
      expect(text).toContain('开展走访');
      expect(text).toContain('第1页');
      expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
      const images = pdfImages(pdf);
      expect(images.length).toBeGreaterThan(0);
      for (const im of images) expect(im.width).toBeGreaterThanOrEqual(1500);
      // The navigation and the print button are not printed.
      expect(text).not.toContain('导入台账');
      expect(app.errors).toEqual([]);
      await app.close();
    },
  );
});
