/**
 * The 看板 charts on the built file: every chart of the demo drawn, downloaded as a sharp PNG,
 * following the filters, and saying so plainly when it has nothing to draw.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/core/demo';
import { App, launch } from './app';

const IDS = ['monthly', 'quarterly', 'shares', 'members', 'places', 'proposals', 'funds', 'yoy'];
const demo2023 = buildDemo().filter((r) => r.date.startsWith('2023'));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A chart's figures as its data table gives them: row label → cells. */
async function chartRows(card: Locator): Promise<Record<string, string[]>> {
  return card.getByTestId('chart-data').evaluate((table) => {
    const out: Record<string, string[]> = {};
    for (const row of table.querySelectorAll('tbody tr')) {
      const label = row.querySelector('th')?.textContent ?? '';
      out[label] = [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
    }
    return out;
  });
}

async function openDemo(): Promise<App> {
  const app = await App.open(browser);
  await app.loadDemo();
  await app.go('dashboard');
  await app.page.getByTestId('chart-card').first().waitFor();
  return app;
}

const card = (app: App, id: string) => app.page.locator(`[data-testid="chart-card"][data-chart="${id}"]`);

describe('the dashboard charts', () => {
  it('draws every chart of the demo, two columns at 1366×768 without horizontal scrolling', async () => {
    const app = await openDemo();
    const { page } = app;
    const cards = page.getByTestId('chart-card');
    await expect(cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')))).resolves.toEqual(
      IDS,
    );
    for (const id of IDS) {
      // The cards come at once with their buttons; each chart follows in an idle moment.
      await expect(card(app, id).getByTestId('chart-download').count(), id).resolves.toBe(1);
      await expect.poll(() => card(app, id).locator('canvas').count(), { message: id }).toBe(1);
      await expect(card(app, id).getByTestId('chart-empty').count(), id).resolves.toBe(0);
    }
    await page.getByTestId('monthly-chart').waitFor();
    // The narrow charts sit side by side, the wide ones span the row.
    const box = async (id: string) => (await card(app, id).boundingBox()) ?? { x: 0, y: 0, width: 0 };
    const [quarterly, shares, monthly] = [await box('quarterly'), await box('shares'), await box('monthly')];
    expect(shares.y).toBe(quarterly.y);
    expect(shares.x).toBeGreaterThan(quarterly.x + quarterly.width - 1);
    expect(monthly.width).toBeGreaterThan(quarterly.width * 1.9);
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

    // The figures behind the charts are the ledger's: 2023 proposals by stage, the ranking's leader.
    const proposals = demo2023.filter((r) => r.category === '提案');
    const stages = await chartRows(card(app, 'proposals'));
    expect(stages['提交']).toEqual([String(proposals.length)]);
    expect(Object.entries(stages).find(([k]) => k.startsWith('办结'))?.[1]).toEqual([
      String(proposals.filter((r) => r.status === '已办结').length),
    ]);
    await app.screenshot('dashboard-charts');
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('downloads a chart as a PNG at twice its size on screen, named after its title', async () => {
    const app = await openDemo();
    const { page } = app;
    for (const id of ['quarterly', 'monthly']) {
      const c = card(app, id);
      const title = await c.locator('h3').innerText();
      const cssWidth = (await c.locator('canvas').boundingBox())?.width ?? 0;
      expect(cssWidth).toBeGreaterThan(300);
      const download = page.waitForEvent('download');
      await c.getByTestId('chart-download').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`${title}.png`);
      const path = await file.path();
      const bytes = readFileSync(path);
      const size = pngSize(bytes);
      expect(size.width, id).toBeGreaterThanOrEqual(2 * cssWidth);
      expect(size.height, id).toBeGreaterThanOrEqual(2 * 300);
      // A blank canvas compresses to almost nothing; a drawn chart does not.
      expect(bytes.length, id).toBeGreaterThan(20_000);
    }
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('follows the member filter: the ranking becomes that member’s events per category', async () => {
    const app = await openDemo();
    const { page } = app;
    const members = card(app, 'members');
    const before = await chartRows(members);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['江峰', '王霞美']));

    await page.getByTestId('filter-member').selectOption('江峰');
    await expect.poll(() => members.locator('h3').innerText()).toContain('江峰');
    const mine = demo2023.filter((r) => r.members.includes('江峰'));
    const want: Record<string, string[]> = {};
    for (const r of mine) want[r.category] = [String(Number(want[r.category]?.[0] ?? 0) + 1)];
    await expect.poll(() => chartRows(members)).toEqual(want);

    // The other charts follow the same filter: the places add up to this member's events.
    const places = await chartRows(card(app, 'places'));
    expect(Object.values(places).reduce((n, [v]) => n + Number(v), 0)).toBe(mine.length);

    await page.getByTestId('filter-member').selectOption('');
    await expect.poll(() => chartRows(members)).toEqual(before);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('says plainly when a chart has nothing to draw', async () => {
    const app = await openDemo();
    const { page } = app;
    // 全部 has no "same period last year" to compare with.
    await app.choosePeriod('全部');
    const yoy = card(app, 'yoy');
    await expect(yoy.getByTestId('chart-empty').innerText()).resolves.toContain('没有上年同期的数据');
    await expect(yoy.locator('canvas').count()).resolves.toBe(0);
    await expect(yoy.getByTestId('chart-download').count()).resolves.toBe(0);

    // A month of 2023 without proposals: the proposals chart says so, the others still draw.
    const month = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find(
      (m) =>
        demo2023.some((r) => Number(r.date.slice(5, 7)) === m) &&
        !demo2023.some((r) => r.category === '提案' && Number(r.date.slice(5, 7)) === m),
    );
    expect(month).toBeDefined();
    await page.getByTestId('period-select').selectOption(`m2023-${month}`);
    const proposals = card(app, 'proposals');
    await expect(proposals.getByTestId('chart-empty').innerText()).resolves.toBe('所选范围内没有提案记录。');
    await expect(card(app, 'shares').locator('canvas').count()).resolves.toBe(1);
    await app.screenshot('dashboard-charts-empty');
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
