import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, FIXTURES, launch, scratchDir } from './app';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the import wizard', () => {
  it('lets the clerk correct a column, remembers it, and applies it next time', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.chooseFiles(join(FIXTURES, 'clean/走访台账.csv'));
    const household = page.getByRole('combobox', { name: '第 5 列“户数”的用途' });
    await expect(household.inputValue()).resolves.toBe('measure:households:1');
    // The clerk decides 户数 should not be imported: the preview is read again without it.
    await household.selectOption({ label: '忽略' });
    await expect.poll(() => household.inputValue()).toBe('ignore');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('totals-table').waitFor();
    const totals = await app.totals();
    expect(totals['走访']?.households).toBe(0);
    expect(totals['走访']?.people).toBeGreaterThan(0);

    // Undo the import; the same file again comes up with the saved mapping.
    await app.go('data');
    await page.getByRole('button', { name: '撤销' }).first().click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('还没有导入任何台账。').waitFor();
    await app.chooseFiles(join(FIXTURES, 'clean/走访台账.csv'));
    await page.getByText('已按上次保存的对应关系识别').waitFor();
    await expect(page.getByRole('combobox', { name: '第 5 列“户数”的用途' }).inputValue()).resolves.toBe(
      'ignore',
    );
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('asks for the category when nothing names it, and cancel leaves nothing stored', async () => {
    const app = await App.open(browser);
    const { page } = app;
    const scratch = scratchDir();
    try {
      const file = join(scratch.dir, '台账.csv');
      writeFileSync(file, '\ufeff日期,委员,人数\n2023-03-05,江峰,12\n2023-04-01,王霞美,8\n');
      await app.chooseFiles(file);
      const confirm = page.getByTestId('import-confirm');
      await page.getByTestId('import-verdict').waitFor();
      await expect(confirm.isDisabled()).resolves.toBe(true);
      await page.getByTestId('import-category').selectOption('调研');
      await expect.poll(() => confirm.isEnabled()).toBe(true);
      await page.getByTestId('import-cancel').click();
      await expect(page.getByTestId('import-verdict').count()).resolves.toBe(0);
      await app.go('data');
      await page.getByText('还没有导入任何台账。').waitFor();

      await app.chooseFiles(file);
      await page.getByTestId('import-category').selectOption('调研');
      await expect.poll(() => confirm.isEnabled()).toBe(true);
      await confirm.click();
      await page.getByTestId('totals-table').waitFor();
      expect((await app.totals())['调研']).toMatchObject({ records: 2, people: 20 });
    } finally {
      scratch.remove();
    }
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

type Expected = Record<
  string,
  { tally?: boolean; byYear: Record<string, Record<string, Record<string, number>>> }
>;

describe('importing every messy ledger shape at once', () => {
  it('gives the exact totals of all of them with one click on 确认导入', async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Expected;
    const files = Object.keys(expected).filter((k) => k.startsWith('messy/'));
    const want: Record<string, Record<string, number>> = {};
    const tallied = new Set<string>();
    for (const f of files) {
      for (const [category, measures] of Object.entries(expected[f]?.byYear['2023'] ?? {})) {
        const into = (want[category] ??= {});
        if (expected[f]?.tally) tallied.add(category);
        for (const [k, v] of Object.entries(measures)) {
          const key = k === 'amountWan' ? 'amount' : k;
          // Money adds in fen, so the expected sum is as exact as the app's.
          into[key] =
            key === 'amount' ? Math.round(((into[key] ?? 0) + v) * 1e6) / 1e6 : (into[key] ?? 0) + v;
        }
      }
    }
    const app = await App.open(browser);
    await app.importFiles(...files.map((f) => join(FIXTURES, f)));
    await app.choosePeriod('2023年');
    const totals = await app.totals();
    for (const [category, measures] of Object.entries(want)) {
      for (const [k, v] of Object.entries(measures)) {
        if (k === 'records' && tallied.has(category)) continue;
        expect(totals[category]?.[k], `${category} ${k}`).toBe(v);
      }
    }
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
