/**
 * Hostile input on the built file: markup and script in cells are shown as text and never run;
 * files built to exhaust the reader are refused in seconds with a Chinese reason; a 100,000-character
 * cell is cut; a disk that fills up midway leaves the data exactly as it was.
 */
import * as XLSX from '@e965/xlsx';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../src/core/import/reasons';
import { t } from '../../src/i18n/zh-CN';
import { deflatedZeros, LEDGER, patchSheet, xlsx, xlsxWithSheet } from '../helpers/hostileFiles';
import { App, FIXTURES, launch, scratchDir } from './app';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Each payload, if it ever ran, would count itself in window.__xss or open a dialog. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=(window.__xss||0)+1;alert(1)">',
  '<script>window.__xss=(window.__xss||0)+1;alert(2)</script>',
  '<svg onload="window.__xss=(window.__xss||0)+1">',
  '"><iframe src="javascript:alert(3)"></iframe>',
];

async function confirmImport(app: App): Promise<void> {
  const confirm = app.page.getByTestId('import-confirm');
  await expect.poll(() => confirm.isEnabled(), { timeout: 20_000 }).toBe(true);
  await confirm.click();
  await app.page.getByTestId('totals-table').waitFor();
}

/** Whatever markup the page holds that a payload would have made. */
async function injected(page: Page): Promise<{ xss: unknown; elements: number }> {
  return page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    elements: document.querySelectorAll('img[src="x"], iframe, svg[onload]').length,
  }));
}

async function recordCount(page: Page): Promise<string> {
  await page.getByTestId('nav-data').click();
  return page.getByText(/共有记录 \d+ 条/).innerText();
}

describe('markup and script in cells', () => {
  it('are shown as text in the preview, the 台账 grid, 看板, 总结 and 报告, and never run', async () => {
    const app = await App.open(browser);
    const { page } = app;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const scripts = await page.evaluate(() => document.querySelectorAll('script').length);

    const rows = [
      ['日期', '类别', '委员', '地点', '事项', '人次'],
      ...PAYLOADS.map((p, i) => [`2023-05-0${i + 1}`, '走访', '江峰', p, p, i + 1]),
      ['2023-05-09', PAYLOADS[0], '王霞美', '青山村', '走访群众', 7],
    ];
    const scratch = scratchDir();
    try {
      const file = join(scratch.dir, '<img src=x onerror=alert(9)>台账.xlsx');
      writeFileSync(file, xlsx(XLSX.utils.aoa_to_sheet(rows)));
      await app.chooseFiles(file);
      await page.getByTestId('import-verdict').waitFor();
      for (const p of PAYLOADS)
        await expect(page.getByText(p, { exact: true }).count()).resolves.toBeGreaterThan(0);
      await app.screenshot('hostile-preview');
      await confirmImport(app);
    } finally {
      scratch.remove();
    }

    // 看板: a category named by a payload is a row of the totals like any other.
    const totals = await app.totals();
    expect(totals['走访']?.people).toBe(1 + 2 + 3 + 4);
    // (Category names are kept without spaces: 走 访 is 走访.)
    expect(totals[(PAYLOADS[0] as string).replace(/\s/g, '')]?.people).toBe(7);

    await app.go('ledger');
    await page.getByTestId('ledger-grid').waitFor();
    const cells = await page
      .locator('[role="gridcell"][data-field="subject"], [role="gridcell"][data-field="place"]')
      .allTextContents();
    for (const p of PAYLOADS) expect(cells.map((c) => c.trim())).toContain(p);
    await app.screenshot('hostile-grid');

    await app.go('summary');
    await page.waitForTimeout(300);
    await app.go('report');
    await page.waitForTimeout(300);
    await app.go('dashboard');

    expect(dialogs).toEqual([]);
    await expect(injected(page)).resolves.toEqual({ xss: undefined, elements: 0 });
    await expect(page.evaluate(() => document.querySelectorAll('script').length)).resolves.toBe(scripts);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('files built to exhaust the reader', () => {
  it('are refused in seconds with the Chinese reason, and nothing changes', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.importFiles(join(FIXTURES, 'clean/资金台账.xlsx'));
    const before = await app.totals();
    const count = await recordCount(page);

    const scratch = scratchDir();
    try {
      const claim = join(scratch.dir, '百万行.xlsx');
      writeFileSync(
        claim,
        patchSheet(xlsx(XLSX.utils.aoa_to_sheet(LEDGER)), (xml) =>
          xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
        ),
      );
      const bomb = join(scratch.dir, '炸弹.xlsx');
      const zeros = await deflatedZeros(300 * 1024 * 1024);
      writeFileSync(
        bomb,
        xlsxWithSheet({ data: zeros, method: 8, usz: 300 * 1024 * 1024, localUsz: 0, flags: 8 }),
      );
      const wide = join(scratch.dir, '一万六千列.csv');
      writeFileSync(wide, `日期,人次\n${Array.from({ length: 16384 }, (_, i) => i).join(',')}\n`);

      const t0 = Date.now();
      await app.chooseFiles(claim, bomb, wide);
      const errors = page.getByTestId('import-error');
      await expect.poll(() => errors.count(), { timeout: 20_000 }).toBe(3);
      expect(Date.now() - t0).toBeLessThan(20_000);
      for (const text of await errors.allInnerTexts()) expect(text).toContain(t.refusal['too-large']);
      expect(t.refusal['too-large']).toContain(`${IMPORT_LIMITS.rows / 10000}万行`);
      await expect(page.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
      await app.screenshot('import-too-large');
    } finally {
      scratch.remove();
    }
    await app.go('dashboard');
    expect(await app.totals()).toEqual(before);
    await expect(recordCount(page)).resolves.toBe(count);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('a 100,000-character cell', () => {
  it('is cut with a warning in the preview, and the grid holds the cut text', async () => {
    const app = await App.open(browser);
    const { page } = app;
    const long = '关于进一步加强基层协商民主建设的调研报告'.repeat(5000);
    expect(long.length).toBe(100_000);
    const scratch = scratchDir();
    try {
      const file = join(scratch.dir, '调研台账.csv');
      writeFileSync(
        file,
        `\ufeff日期,类别,事项,人次\r\n2023-06-01,调研,"${long}",3\r\n2023-06-02,调研,短的事项,2\r\n`,
      );
      await app.chooseFiles(file);
      await page.getByText('的文字过长（100,000字），只保留了前 2,000 字').waitFor();
      await confirmImport(app);
    } finally {
      scratch.remove();
    }
    await app.go('ledger');
    await page.getByTestId('ledger-grid').waitFor();
    const subjects = await page.locator('[role="gridcell"][data-field="subject"]').allTextContents();
    const cut = subjects.map((s) => s.trim()).find((s) => s.startsWith('关于进一步加强'));
    expect(cut).toHaveLength(IMPORT_LIMITS.textLength);
    expect(cut?.endsWith('…')).toBe(true);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('a full disk', () => {
  it('QuotaExceededError midway: the Chinese message, the totals exactly as before, and a retry stores it all', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.importFiles(join(FIXTURES, 'clean/资金台账.xlsx'));
    const before = await app.totals();
    const count = await recordCount(page);

    // From now on the disk is full: the second block of records written (rows 501–1,000) fails as
    // Chromium fails it, after the batch and the first block were written in the same transaction.
    await page.evaluate(() => {
      const w = window as unknown as { __diskFull: boolean; __written: number };
      w.__diskFull = true;
      w.__written = 0;
      const wrap = (name: 'add' | 'put') => {
        const real = IDBObjectStore.prototype[name] as (...a: unknown[]) => IDBRequest;
        (IDBObjectStore.prototype as unknown as Record<string, unknown>)[name] = function (
          this: IDBObjectStore,
          ...args: unknown[]
        ) {
          if (w.__diskFull && this.name === 'blocks' && ++w.__written > 1) {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return real.apply(this, args);
        };
      };
      wrap('add');
      wrap('put');
    });

    const scratch = scratchDir();
    try {
      const lines = ['日期,类别,委员,地点,事项,人数'];
      for (let i = 0; i < 1200; i++)
        lines.push(`2023-07-${String((i % 28) + 1).padStart(2, '0')},走访,江峰,青山村,走访群众${i},2`);
      const file = join(scratch.dir, '走访台账七月.csv');
      writeFileSync(file, `\ufeff${lines.join('\r\n')}\r\n`);
      await app.chooseFiles(file);
      const confirm = page.getByTestId('import-confirm');
      await expect.poll(() => confirm.isEnabled(), { timeout: 20_000 }).toBe(true);
      expect(app.errors).toEqual([]);
      await confirm.click();
      await page.getByRole('alert').filter({ hasText: t.errors.quota }).waitFor();
      // The failed write is logged once for the developer (handleError), nothing else.
      expect(app.errors).toHaveLength(1);
      await app.screenshot('import-disk-full');

      await app.go('dashboard');
      expect(await app.totals()).toEqual(before);
      await expect(recordCount(page)).resolves.toBe(count);

      // Room again: the same file is not "already imported" (nothing of it was stored) and goes in whole.
      await page.evaluate(() => {
        (window as unknown as { __diskFull: boolean }).__diskFull = false;
      });
      await app.go('import');
      await expect.poll(() => confirm.isEnabled(), { timeout: 20_000 }).toBe(true);
      await confirm.click();
      await page.getByTestId('totals-table').waitFor();
      const after = await app.totals();
      expect(after['走访']?.people).toBe((before['走访']?.people ?? 0) + 2400);
    } finally {
      scratch.remove();
    }
    expect(app.errors).toHaveLength(1);
    await app.close();
  });
});
