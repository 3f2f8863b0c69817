/**
 * Exports on the built file: the Excel ledger goes out and comes back in with the same totals, the
 * totals .csv opens as UTF-8, and a blank template filled in by a clerk imports with no adjustment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate } from '../helpers/fillTemplate';
import { App, launch, scratchDir } from './app';

let browser: Browser;
const scratch = scratchDir();
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  scratch.remove();
});

/** Click a download button and save what it gives under its own name in the scratch folder. */
async function download(page: Page, testId: string, category?: string): Promise<string> {
  const button = category
    ? page.locator(`[data-testid="${testId}"][data-category="${category}"]`)
    : page.getByTestId(testId);
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = join(scratch.dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe('exports', () => {
  it('exports the demo to Excel and imports the file back with exactly the same totals', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.loadDemo();
    const before = await app.totals();
    const records = Object.values(before).reduce((n, c) => n + (c.records ?? 0), 0);

    await app.go('data');
    await expect(page.getByTestId('exports').innerText()).resolves.toContain(`${records} 条记录`);
    const xlsx = await download(page, 'export-xlsx');
    expect(xlsx).toMatch(/2023年台账\.xlsx$/);
    await page.getByText(`已导出 ${records} 条记录到Excel台账`).waitFor();

    await page.getByTestId('demo-remove').click();
    await page.getByText('共有记录 0 条').waitFor();

    await app.chooseFiles(xlsx);
    await expect(page.getByTestId('import-verdict').first().innerText()).resolves.toContain(
      `将导入 ${records} 条记录`,
    );
    await page.getByText('汇总表（其他工作表的合计），不重复导入').waitFor();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('totals-table').waitFor();
    await expect(page.getByTestId('period-select').inputValue()).resolves.toBe('y2023');
    expect(await app.totals()).toEqual(before);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('exports the totals as a UTF-8 .csv with a BOM that Excel and WPS open', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.loadDemo();
    const totals = await app.totals();
    await app.go('data');
    await app.screenshot('data-exports');
    const csvPath = await download(page, 'export-csv');
    expect(csvPath).toMatch(/2023年各类工作统计\.csv$/);
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('类别,记录数,次数,人数（人次）,户数,份数,金额（万元）,已答复,已办结,满意');
    const v = totals['走访'] ?? {};
    expect(lines).toContain(`走访,${v.records},${v.count},${v.people},${v.households},${v.items},,,,`);
    const p = totals['提案'] ?? {};
    expect(lines.find((l) => l.startsWith('提案,'))).toBe(
      `提案,${p.records},${p.count},,,,,${p.answered},${p.done},${p.satisfied}`,
    );
    expect(lines).toHaveLength(Object.keys(totals).length + 2);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('gives a blank template that, filled in, imports with no adjustment', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.go('data');
    await expect(page.getByTestId('template-download').count()).resolves.toBe(11);
    const year = new Date().getFullYear() + 1;
    const blank = await download(page, 'template-download', '走访');
    expect(blank).toMatch(new RegExp(`${year}年走访台账（空白）\\.xlsx$`));
    await page.getByText('已生成“走访”空白台账模板').waitFor();

    const filled = join(scratch.dir, `${year}年青山镇走访台账.xlsx`);
    writeFileSync(
      filled,
      fillTemplate(new Uint8Array(readFileSync(blank)), [
        {
          日期: `${year}-01-08`,
          委员: '江峰、王霞美',
          地点: '东山村',
          走访内容: '走访困难群众',
          '人数（人次）': 12,
          户数: 5,
          '发放资料（份）': 30,
        },
        {
          日期: `${year}.2.3`,
          委员: '陈国强',
          地点: '西岭村',
          走访内容: '宣传医保政策',
          '人数（人次）': 8,
          户数: 4,
        },
        {
          日期: `${year}-03-15`,
          委员: '刘桂芳',
          地点: '南溪村',
          走访内容: '走访留守老人',
          '人数（人次）': 6,
          户数: 6,
        },
        {
          日期: '3月20日',
          委员: '赵建华',
          地点: '北坪村',
          走访内容: '走访种养大户',
          '人数（人次）': 15,
          户数: 3,
          '发放资料（份）': 50,
        },
        {
          日期: `${year}-04-02`,
          委员: '孙晓燕',
          地点: '东山村',
          走访内容: '收集意见',
          '人数（人次）': 9,
          户数: 2,
        },
      ]),
    );
    await app.chooseFiles(filled);
    const verdict = await page.getByTestId('import-verdict').first().innerText();
    expect(verdict).toContain('将导入 5 条记录');
    expect(verdict).toContain('示例 1');
    expect(verdict).toContain('合计 1');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('totals-table').waitFor();
    expect(await app.totals()).toEqual({
      走访: { records: 5, count: 5, people: 50, households: 20, items: 80, amount: 0 },
    });
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
