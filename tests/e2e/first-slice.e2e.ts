import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/core/demo';
import { pathToFileURL } from 'node:url';
import { App, BUILT_FILE, FIXTURES, launch, scratchDir } from './app';

type Expected = Record<
  string,
  { records: number; byYear: Record<string, Record<string, Record<string, number>>> }
>;
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Expected;

/** The measures the totals table must show for an expected.json entry, named as in data-measure. */
function asTableCells(e: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(e)) out[k === 'amountWan' ? 'amount' : k] = v;
  return out;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('first run and the demo', () => {
  it('opens over file:// with the welcome card, every view reachable, no console errors', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.getByRole('heading', { name: '欢迎使用台账看板' }).waitFor();
    await app.screenshot('first-run');
    for (const view of ['import', 'ledger', 'dashboard', 'summary', 'report', 'data'] as const) {
      await app.go(view);
      await expect(page.getByTestId(`nav-${view}`).getAttribute('aria-current')).resolves.toBe('page');
    }
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('loads the demo, fills the dashboard, keeps it across a reload, and removes it in one click', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.loadDemo();
    const demo = buildDemo().filter((r) => r.date.startsWith('2023'));
    const visits = demo.filter((r) => r.category === '走访');
    const totals = await app.totals();
    expect(Object.keys(totals)).toEqual(expect.arrayContaining(['走访', '培训', '提案', '资金']));
    expect(totals['走访']?.records).toBe(visits.length);
    expect(totals['走访']?.people).toBe(visits.reduce((n, r) => n + (r.values.people ?? 0), 0));
    expect(totals['提案']?.done).toBe(
      demo.filter((r) => r.category === '提案' && r.status === '已办结').length,
    );
    const fen = demo
      .filter((r) => r.category === '资金')
      .reduce((n, r) => n + Math.round((r.values.amount ?? 0) * 100), 0);
    expect(totals['资金']?.amount).toBe(fen / 1e6);
    await expect(page.getByTestId('period-select').inputValue()).resolves.toBe('y2023');
    await app.screenshot('dashboard-demo');

    await page.reload();
    await page.getByTestId('totals-table').waitFor();
    expect(await app.totals()).toEqual(totals);

    for (const view of ['ledger', 'summary', 'report', 'data', 'import'] as const) {
      await app.go(view);
      await app.screenshot(`view-${view}`);
    }
    await app.go('summary');
    const paragraph = await page.getByTestId('summary-paragraph').innerText();
    expect(paragraph).toContain(`开展走访${visits.length}次`);
    expect(paragraph).not.toMatch(/\D0(?:次|期|件|人次|户|份|万元)/);

    await page.getByTestId('demo-remove').click();
    await page.getByRole('heading', { name: '欢迎使用台账看板' }).waitFor();
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('importing clean ledgers', () => {
  it('opens, after a reload the moment a view was chosen, that view', async () => {
    const app = await App.open(browser);
    const { page } = app;
    for (const view of ['ledger', 'report', 'dashboard']) {
      // The click and the reload in one task: nothing of the page runs between them.
      await Promise.all([
        page.waitForEvent('load'),
        page.evaluate((v) => {
          document.querySelector<HTMLElement>(`[data-testid="nav-${v}"]`)?.click();
          location.reload();
        }, view),
      ]);
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${view}`);
      await expect.poll(() => page.getByTestId(`nav-${view}`).getAttribute('aria-current')).toBe('page');
    }
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('imports an .xlsx with one header row and shows exact totals per year', async () => {
    const app = await App.open(browser);
    const { page } = app;
    const file = 'clean/2023年活动台账.xlsx';
    await app.chooseFiles(join(FIXTURES, file));
    await expect(page.getByTestId('import-verdict').first().innerText()).resolves.toContain(
      `将导入 ${expected[file]?.records} 条记录`,
    );
    await app.screenshot('import-preview');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('totals-table').waitFor();

    const byYear = expected[file]?.byYear ?? {};
    await expect(page.getByTestId('period-select').inputValue()).resolves.toBe('y2023');
    for (const year of ['2023', '2022']) {
      await app.choosePeriod(`${year}年`);
      const totals = await app.totals();
      for (const [category, e] of Object.entries(byYear[year] ?? {})) {
        expect(totals[category], `${year} ${category}`).toMatchObject(asTableCells(e));
      }
      expect(Object.keys(totals).sort()).toEqual(Object.keys(byYear[year] ?? {}).sort());
    }
    await app.choosePeriod('全部');
    const all = await app.totals();
    expect(Object.values(all).reduce((n, c) => n + (c.records ?? 0), 0)).toBe(expected[file]?.records);

    await page.reload();
    await page.getByTestId('totals-table').waitFor();
    await expect(page.getByTestId('period-select').inputValue()).resolves.toBe('y2023');
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('imports several CSV files at once, GBK and UTF-8 with BOM, categories from the column or the file name', async () => {
    const app = await App.open(browser);
    const files = ['clean/走访台账.csv', 'clean/培训台账-GBK.csv', 'clean/资金台账.xlsx'];
    await app.importFiles(...files.map((f) => join(FIXTURES, f)));
    const totals = await app.totals();
    for (const f of files) {
      for (const [category, e] of Object.entries(expected[f]?.byYear['2023'] ?? {})) {
        expect(totals[category], `${f} ${category}`).toMatchObject(asTableCells(e));
      }
    }
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('refuses the same file twice, bad files with a Chinese reason, and stores nothing from them', async () => {
    const app = await App.open(browser);
    const { page } = app;
    const file = join(FIXTURES, 'clean/资金台账.xlsx');
    await app.importFiles(file);
    const before = await app.totals();

    const scratch = scratchDir();
    try {
      const empty = join(scratch.dir, '空文件.xlsx');
      const junk = join(scratch.dir, '乱码.xls');
      const lock = join(scratch.dir, '~$资金台账.xlsx');
      writeFileSync(empty, '');
      writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
      writeFileSync(lock, readFileSync(file));
      await app.chooseFiles(file, empty, junk, lock);
      const errors = page.getByTestId('import-error');
      await expect.poll(() => errors.count()).toBe(4);
      const text = (await errors.allInnerTexts()).join('\n');
      expect(text).toContain('已经导入过');
      expect(text).toContain('文件是空的');
      expect(text).toContain('不是表格文件');
      expect(text).toContain('临时文件');
      await expect(page.getByTestId('import-confirm').isDisabled()).resolves.toBe(true);
      await app.screenshot('import-refused');
    } finally {
      scratch.remove();
    }
    await app.go('dashboard');
    expect(await app.totals()).toEqual(before);
    await app.close();
  });
});

describe('an old browser', () => {
  it('shows a plain Chinese message instead of a blank page when IndexedDB is missing', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(BUILT_FILE).href);
    await page.getByRole('heading', { name: '台账看板无法在此浏览器中运行' }).waitFor();
    await expect(page.getByTestId('nav-dashboard').count()).resolves.toBe(0);
    await context.close();
  });
});
