/**
 * The pivot (汇总表) and the members' 履职 on the built file: the pivot by category is the totals
 * table, the column totals of the pivot by month are too, every number leads to its records, the
 * pivot goes out as .xlsx; a roster finds the members with nothing recorded and checks the office's
 * targets; the category filter and a custom range change every figure.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEMBERS } from '../../src/core/demo';
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

interface PivotCells {
  /** row key → 'category·measure' → data-value; row totals under '合计·records' and '合计·events'. */
  rows: Record<string, Record<string, number>>;
  totals: Record<string, number>;
  keys: string[];
}

async function pivotBy(page: Page, by: string): Promise<void> {
  await page.getByTestId('pivot-by').locator(`button[data-by="${by}"]`).click();
  await page.locator(`[data-testid="pivot"][data-by="${by}"]`).waitFor();
}

async function readPivot(page: Page): Promise<PivotCells> {
  return page.getByTestId('pivot').evaluate((table) => {
    const read = (tr: Element) => {
      const out: Record<string, number> = {};
      for (const td of tr.querySelectorAll('td[data-measure]')) {
        const v = td.getAttribute('data-value');
        if (v === null) continue;
        const cat = td.getAttribute('data-category') ?? '合计';
        out[`${cat}·${td.getAttribute('data-measure') ?? ''}`] = Number(v);
      }
      return out;
    };
    const rows: Record<string, Record<string, number>> = {};
    const keys: string[] = [];
    for (const tr of table.querySelectorAll('tbody tr[data-key]')) {
      const key = tr.getAttribute('data-key') ?? '';
      keys.push(key);
      rows[key] = read(tr);
    }
    const foot = table.querySelector('tfoot tr');
    return { rows, keys, totals: foot ? read(foot) : {} };
  });
}

async function gridCount(page: Page): Promise<number> {
  const text = await page.getByTestId('grid-count').innerText();
  return Number(/共\s*(\d+)\s*条/.exec(text)?.[1] ?? NaN);
}

/** No horizontal page scroll: wide tables scroll inside their own boxes. */
async function pageWidthFits(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

describe('the pivot (汇总表)', () => {
  it('by category is the totals table, by month adds up to it, and exports to Excel', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.loadDemo();
    const totals = await app.totals();

    await pivotBy(page, 'category');
    const byCategory = await readPivot(page);
    expect(byCategory.keys).toEqual(Object.keys(totals));
    for (const [category, figures] of Object.entries(totals)) {
      const row = byCategory.rows[category] ?? {};
      for (const [measure, value] of Object.entries(figures)) {
        const cell = row[`${category}·${measure}`];
        if (cell !== undefined) expect([category, measure, cell]).toEqual([category, measure, value]);
        else if (measure === 'records') expect(row['合计·records']).toBe(value);
        // A measure the category does not carry: '—' in the totals table, no column in the pivot.
        else expect([category, measure, value]).toEqual([category, measure, 0]);
      }
      // Nothing in the pivot that the totals table does not have.
      for (const [key, value] of Object.entries(row)) {
        const [cat, measure] = key.split('·') as [string, string];
        if (cat === '合计') continue;
        expect(cat).toBe(category);
        expect(figures[measure]).toBe(value);
      }
    }

    await pivotBy(page, 'month');
    const byMonth = await readPivot(page);
    expect(byMonth.keys).toEqual([
      '2023-01',
      '2023-02',
      '2023-03',
      '2023-04',
      '2023-05',
      '2023-06',
      '2023-07',
      '2023-08',
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
    ]);
    for (const [key, value] of Object.entries(byMonth.totals)) {
      const [cat, measure] = key.split('·') as [string, string];
      if (cat === '合计') continue;
      expect([cat, measure, value]).toEqual([cat, measure, totals[cat]?.[measure]]);
    }
    const records = Object.values(totals).reduce((n, c) => n + (c.records ?? 0), 0);
    expect(byMonth.totals['合计·records']).toBe(records);
    await expect(page.getByTestId('pivot').locator('thead').innerText()).resolves.toContain('走访');
    expect(await pageWidthFits(page)).toBe(true);
    await page.getByTestId('pivot').scrollIntoViewIfNeeded();
    await app.screenshot('dashboard-pivot');

    // The Excel file: title, the 合计 row, the same totals.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('pivot-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/2023年汇总表（按月）\.xlsx$/);
    const path = join(scratch.dir, download.suggestedFilename());
    await download.saveAs(path);
    const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
    const ws = wb.Sheets[wb.SheetNames[0] ?? ''] as XLSX.WorkSheet;
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null, raw: true });
    expect(String(aoa[0]?.[0])).toMatch(/2023年各类工作汇总表（按月）$/);
    expect(aoa[2]?.[0]).toBe('月份');
    expect(aoa[4]?.[0]).toBe('2023年1月');
    const totalRow = aoa.find((r) => r[0] === '合计') ?? [];
    expect(totalRow.at(-2)).toBe(records);
    expect(totalRow.at(-1)).toBe(byMonth.totals['合计·events']);
    const header = aoa[3] ?? [];
    const groups = aoa[2] ?? [];
    // 走访's 人次 in the file is the totals table's.
    let group = '';
    const columns = header.map((h, i) => {
      if (typeof groups[i] === 'string' && groups[i]) group = groups[i];
      return `${group}·${String(h)}`;
    });
    expect(totalRow[columns.indexOf('走访·人数（人次）')]).toBe(totals['走访']?.people);
    expect(totalRow[columns.indexOf('资金·金额（万元）')]).toBe(totals['资金']?.amount);
    await page.getByText('已导出汇总表').waitFor();
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('leads from a number to exactly the records behind it', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.loadDemo();
    await pivotBy(page, 'month');
    const byMonth = await readPivot(page);
    const march = byMonth.rows['2023-03'] ?? {};

    // A cell: the month becomes the period, the grid shows that category's records.
    await page
      .locator(
        '[data-testid="pivot"] tr[data-key="2023-03"] td[data-category="走访"][data-measure="count"] button',
      )
      .click();
    await page.getByTestId('grid-count').waitFor();
    await expect.poll(() => gridCount(page)).toBe(march['走访·count']);
    await expect(page.getByTestId('grid-drill').innerText()).resolves.toContain(
      `（${march['走访·count']}条）`,
    );
    await expect(page.getByTestId('period-select').inputValue()).resolves.toBe('m2023-3');
    await app.screenshot('pivot-drill');

    // A row total: every record of the row.
    await app.go('dashboard');
    await app.choosePeriod('2023年');
    await pivotBy(page, 'place');
    const byPlace = await readPivot(page);
    const place = byPlace.keys[0] ?? '';
    await page
      .locator(`[data-testid="pivot"] tr[data-key="${place}"] td.total[data-measure="records"] button`)
      .click();
    await expect.poll(() => gridCount(page)).toBe(byPlace.rows[place]?.['合计·records']);
    await expect(page.getByTestId('filter-place').inputValue()).resolves.toBe(place);

    // A column total of the pivot by member: the records behind the totals table's figure.
    await app.go('dashboard');
    await page.getByTestId('filter-clear').click();
    const totals = await app.totals();
    await pivotBy(page, 'member');
    await page
      .locator('[data-testid="pivot"] tfoot td[data-category="提案"][data-measure="count"] button')
      .click();
    await expect.poll(() => gridCount(page)).toBe(totals['提案']?.records);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('members (委员履职)', () => {
  it('lists a member of the roster with no records as 未履职, and checks the targets', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.loadDemo();
    const panel = page.getByTestId('members-panel');
    await panel.waitFor();
    await expect(panel.getByTestId('members-inactive').innerText()).resolves.toContain('还没有委员名单');

    const roster = [...DEMO_MEMBERS, '张新民'].join('\n');
    await page.getByTestId('roster-text').fill(roster);
    await page.getByTestId('roster-save').click();
    await page.getByText(`已保存委员名单，共 ${DEMO_MEMBERS.length + 1} 人`).waitFor();
    const inactive = page.getByTestId('members-inactive');
    await expect.poll(() => inactive.innerText()).toContain('张新民');

    const table = page.getByTestId('members-table');
    const row = table.locator('tr[data-member="张新民"]');
    await expect(row.locator('td[data-measure="records"]').getAttribute('data-value')).resolves.toBe('0');
    await expect(row.locator('li[data-target="proposals"]').getAttribute('data-met')).resolves.toBe('false');
    await expect(row.locator('li[data-target="proposals"]').innerText()).resolves.toContain('还差 2 件');
    await expect(row.locator('li[data-target="quarters"]').innerText()).resolves.toContain(
      '一季度、二季度、三季度、四季度没有活动记录',
    );
    await expect(row.innerText()).resolves.toContain('✘');
    // Some member meets the targets: the marks are not all ✘.
    await expect(table.locator('li[data-met="true"]').count()).resolves.toBeGreaterThan(0);
    // The figures add up to the pivot by member.
    await pivotBy(page, 'member');
    const byMember = await readPivot(page);
    const first = DEMO_MEMBERS[0] ?? '';
    await expect(
      table.locator(`tr[data-member="${first}"] td[data-measure="records"]`).getAttribute('data-value'),
    ).resolves.toBe(String(byMember.rows[first]?.['合计·records']));

    // A stricter rule is applied at once, and kept after a reload.
    await page.getByTestId('rule-proposals').fill('50');
    await page.getByTestId('rule-proposals').press('Enter');
    await expect.poll(() => table.locator('li[data-target="proposals"][data-met="true"]').count()).toBe(0);
    expect(await pageWidthFits(page)).toBe(true);
    await panel.scrollIntoViewIfNeeded();
    await app.screenshot('dashboard-members');
    await page.reload();
    await page.getByTestId('members-table').waitFor();
    // The roster arrives from IndexedDB a moment after the table: wait for it, not for the default.
    await expect.poll(() => page.getByTestId('rule-proposals').inputValue()).toBe('50');
    await expect.poll(() => page.getByTestId('members-inactive').innerText()).toContain('张新民');

    // A figure leads to the member's records.
    const visits = await page
      .locator(`[data-testid="members-table"] tr[data-member="${first}"] td[data-measure="visits"]`)
      .getAttribute('data-value');
    await page
      .locator(`[data-testid="members-table"] tr[data-member="${first}"] td[data-measure="visits"] button`)
      .click();
    await expect.poll(() => gridCount(page)).toBe(Number(visits));
    await expect(page.getByTestId('filter-member').inputValue()).resolves.toBe(first);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('imports a roster from a sheet through the worker, and adds the members of the ledger', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.loadDemo();
    const ws = XLSX.utils.aoa_to_sheet([
      ['青山镇政协委员名单'],
      ['序号', '姓名', '界别'],
      [1, '江峰', '农业'],
      [2, '王霞美', '教育'],
      [3, '李新', '经济'],
      ['填表人：张丽'],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '名单');
    const file = join(scratch.dir, '委员名单.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await page.getByTestId('roster-file').setInputFiles(file);
    await page.getByText('表格中有 3 个姓名，新添加 3 个').waitFor();
    await expect(page.getByTestId('roster-text').inputValue()).resolves.toBe('江峰\n王霞美\n李新');
    await expect.poll(() => page.getByTestId('members-inactive').innerText()).toContain('李新');

    await page.getByTestId('roster-from-ledger').click();
    await page.getByText(`从台账中添加了 ${DEMO_MEMBERS.length - 2} 位委员`).waitFor();
    const names = (await page.getByTestId('roster-text').inputValue()).split('\n');
    expect(names).toHaveLength(DEMO_MEMBERS.length + 1);
    expect(new Set(names)).toEqual(new Set([...DEMO_MEMBERS, '李新']));
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('the shared filters', () => {
  it('a category filter and a custom range change every figure', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.loadDemo();
    const before = await app.totals();
    await pivotBy(page, 'month');
    const byMonth = await readPivot(page);

    await page.getByTestId('filter-category').selectOption('走访');
    await expect.poll(async () => Object.keys(await app.totals())).toEqual(['走访']);
    expect((await app.totals())['走访']).toEqual(before['走访']);
    const onlyVisits = await readPivot(page);
    expect(Object.keys(onlyVisits.totals).filter((k) => !k.startsWith('合计'))).toEqual(
      Object.keys(byMonth.totals).filter((k) => k.startsWith('走访·')),
    );
    await app.go('ledger');
    await expect.poll(() => gridCount(page)).toBe(before['走访']?.records);
    await app.go('dashboard');

    // 自定义: the second half of 2023, typed as two dates.
    await page.getByTestId('period-select').selectOption({ label: '自定义…' });
    await expect(page.getByTestId('period-from').inputValue()).resolves.toBe('2023-01-01');
    await expect(page.getByTestId('period-to').inputValue()).resolves.toBe('2023-12-31');
    await page.getByTestId('period-from').fill('2023-07-01');
    const secondHalf = ['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12'].reduce(
      (n, m) => n + (byMonth.rows[m]?.['走访·count'] ?? 0),
      0,
    );
    await expect.poll(async () => (await app.totals())['走访']?.count).toBe(secondHalf);
    expect(secondHalf).toBeLessThan(before['走访']?.count ?? 0);
    expect(await pageWidthFits(page)).toBe(true);
    await app.screenshot('filters-custom-range');

    await page.getByTestId('filter-clear').click();
    await expect.poll(async () => Object.keys(await app.totals()).length).toBe(Object.keys(before).length);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
