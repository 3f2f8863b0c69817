/**
 * Data safety: nothing lost, nothing let in. Backup and restore round-trip exactly; damaged or
 * foreign files are refused with a reason and change nothing; two tabs see each other's changes;
 * clearing needs the typed word; the top bar always says when the last backup was made.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupFile } from '../../src/core/backup';
import { App, launch, scratchDir } from './app';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Click a button that downloads the backup; return the file's name and text. */
async function downloadBackup(
  page: Page,
  testId = 'backup-download',
): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Run something that ends with the page reloading itself (restore, clear all). */
async function expectReload(page: Page, act: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), act()]);
  await page.getByRole('heading', { name: '台账看板', level: 1 }).waitFor();
}

/** A plain ledger as clerks keep it, `rows` visits long. */
function visitsCsv(rows: number, firstDay = 1): string {
  const lines = ['日期,类别,委员,地点,事项,人数'];
  for (let i = 0; i < rows; i++) {
    const day = ((firstDay + i) % 28) + 1;
    const month = (i % 12) + 1;
    lines.push(
      `2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},走访,江峰,青山村,走访群众${i + 1},${(i % 7) + 1}`,
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

async function importCsv(app: App, path: string): Promise<void> {
  await app.chooseFiles(path);
  const confirm = app.page.getByTestId('import-confirm');
  await expect.poll(() => confirm.isEnabled(), { timeout: 20_000 }).toBe(true);
  await confirm.click();
  await app.page.getByTestId('totals-table').waitFor();
}

async function recordCount(page: Page): Promise<string> {
  return page
    .getByTestId('nav-data')
    .click()
    .then(() => page.getByText(/共有记录 \d+ 条/).innerText());
}

describe('backup and restore', () => {
  it('backs up, clears (typed 清空), restores, and the second backup holds exactly the same data', async () => {
    const app = await App.open(browser);
    const { page } = app;
    const status = page.getByTestId('backup-status');
    await expect(status.innerText()).resolves.toContain('从未备份');

    await app.loadDemo();
    const scratch = scratchDir();
    try {
      // No category anywhere in the file: the clerk picks one, and the mapping is remembered.
      const csv = join(scratch.dir, '台账一.csv');
      writeFileSync(
        csv,
        '\ufeff日期,委员,地点,事项,人数\r\n2023-04-02,江峰,青山村,调研茶叶销路,6\r\n2023-05-09,王霞美,石门社区,调研养老服务,4\r\n',
      );
      await app.chooseFiles(csv);
      await app.page.getByTestId('import-category').selectOption('调研');
      const confirm = app.page.getByTestId('import-confirm');
      await expect.poll(() => confirm.isEnabled()).toBe(true);
      await confirm.click();
      await app.page.getByTestId('totals-table').waitFor();
    } finally {
      scratch.remove();
    }
    // A setting of the 报告 page, so that the backup holds settings too.
    await app.go('report');
    await page.getByRole('radio', { name: '横向' }).check();
    await app.go('dashboard');
    await app.choosePeriod('全部');
    const totals = await app.totals();

    await app.go('data');
    const first = await downloadBackup(page);
    expect(first.name).toMatch(/^台账看板备份-\d{4}-\d{2}-\d{2}\.json$/);
    await expect.poll(() => status.innerText()).toContain('刚刚');
    const before = JSON.parse(first.text) as BackupFile;
    expect(before.format).toBe('taizhang-kanban-backup');
    expect(before.counts.records).toBe(before.data.records.length);
    expect(before.data.batches).toHaveLength(2);
    expect(before.data.mappings.length).toBeGreaterThan(0);
    expect(before.data.settings.map((s) => s.key)).toContain('report');
    // This browser's backup status is not part of the data.
    expect(before.data.settings.map((s) => s.key)).not.toContain('backup');

    // Clearing needs the typed word: a near miss keeps the button disabled.
    await page.getByTestId('clear-all').click();
    const confirm = page.getByTestId('clear-all-confirm');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await page.getByTestId('clear-all-input').fill('清除');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await page.getByTestId('clear-all-input').fill('清空');
    await expect(confirm.isEnabled()).resolves.toBe(true);
    await app.screenshot('data-clear-confirm');
    await expectReload(page, () => confirm.click());
    await expect(recordCount(page)).resolves.toContain('共有记录 0 条');
    await page.getByText('已清空全部数据').waitFor();
    // The time of the last backup stays: that file still exists.
    await expect.poll(() => status.innerText()).toContain('刚刚');

    // Restore: the file's contents and what they replace are shown before anything happens.
    const scratch2 = scratchDir();
    try {
      const file = join(scratch2.dir, first.name);
      writeFileSync(file, first.text);
      await page.getByTestId('restore-input').setInputFiles(file);
      const preview = page.getByTestId('restore-preview');
      await preview.waitFor();
      await expect(
        preview.locator('tr[data-kind="records"] [data-testid="restore-file-count"]').innerText(),
      ).resolves.toBe(before.data.records.length.toLocaleString('zh-CN'));
      await expect(
        preview.locator('tr[data-kind="records"] [data-testid="restore-current-count"]').innerText(),
      ).resolves.toBe('0');
      await app.screenshot('data-restore-preview');
      await expectReload(page, () => page.getByTestId('restore-confirm').click());
    } finally {
      scratch2.remove();
    }
    await page.getByText(`已从备份恢复 ${before.data.records.length} 条记录`).waitFor();
    await expect(page.getByTestId('restore-preview').count()).resolves.toBe(0);

    await app.go('dashboard');
    await app.choosePeriod('全部');
    expect(await app.totals()).toEqual(totals);
    await app.go('report');
    await expect(page.getByRole('radio', { name: '横向' }).isChecked()).resolves.toBe(true);

    await app.go('data');
    const second = JSON.parse((await downloadBackup(page)).text) as BackupFile;
    expect(second.data).toEqual(before.data);
    expect(JSON.stringify(second.data)).toBe(JSON.stringify(before.data));
    expect(second.checksum).toBe(before.checksum);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('refuses a damaged or foreign file with its reason, and changes nothing', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.loadDemo();
    await app.choosePeriod('全部');
    const totals = await app.totals();
    await app.go('data');
    const { text } = await downloadBackup(page);
    await expect.poll(() => page.getByTestId('backup-status').innerText()).toContain('刚刚');
    const statusBefore = await page.getByTestId('backup-status').innerText();

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)),
    ]);
    const edited = text.replace(/"people":(\d+)/, (_m, d: string) => `"people":${Number(d) + 1}`);
    expect(edited).not.toBe(text);
    const cases: [string, string | Buffer, string, string][] = [
      ['截断的备份.json', text.slice(0, Math.floor(text.length * 0.6)), 'not-json', '不完整'],
      ['改过数字的备份.json', edited, 'checksum', '校验不符'],
      ['图片.png', png, 'not-json', '不是台账看板的备份文件'],
      [
        'package.json',
        JSON.stringify({ name: 'something-else', version: '1.0.0' }),
        'foreign',
        '不是台账看板的备份文件',
      ],
      ['新版本的备份.json', text.replace('"version":1', '"version":9'), 'newer-version', '更新版本'],
    ];
    const scratch = scratchDir();
    try {
      for (const [name, content, reason, words] of cases) {
        const file = join(scratch.dir, name);
        writeFileSync(file, content);
        await page.getByTestId('restore-input').setInputFiles(file);
        const error = page.getByTestId('restore-error');
        await expect.poll(() => error.getAttribute('data-reason'), { message: name }).toBe(reason);
        const shown = await error.innerText();
        expect(shown, name).toContain(name);
        expect(shown, name).toContain(words);
        expect(shown, name).toContain('当前数据没有任何改动');
        await expect(page.getByTestId('restore-confirm').count()).resolves.toBe(0);
        if (reason === 'checksum') await app.screenshot('data-restore-refused');
      }
    } finally {
      scratch.remove();
    }
    await app.go('dashboard');
    await app.choosePeriod('全部');
    expect(await app.totals()).toEqual(totals);
    await expect(page.getByTestId('backup-status').innerText()).resolves.toBe(statusBefore);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('reminders', () => {
  it('nudges on 看板 after 200 changes never backed up; 立即备份 makes the status say 刚刚', async () => {
    const app = await App.open(browser);
    const { page } = app;
    const scratch = scratchDir();
    try {
      const csv = join(scratch.dir, '全年走访.csv');
      writeFileSync(csv, visitsCsv(210));
      await importCsv(app, csv);
    } finally {
      scratch.remove();
    }
    await app.go('dashboard');
    const nudge = page.getByTestId('backup-nudge');
    await nudge.waitFor();
    await expect(nudge.innerText()).resolves.toContain('还没有备份过');
    await expect(page.getByTestId('backup-status').getAttribute('data-level')).resolves.toBe('amber');
    await app.screenshot('dashboard-backup-nudge');
    const { name, text } = await downloadBackup(page, 'backup-now');
    expect(name).toMatch(/^台账看板备份-/);
    expect((JSON.parse(text) as BackupFile).data.records).toHaveLength(210);
    await expect.poll(() => nudge.count()).toBe(0);
    await expect.poll(() => page.getByTestId('backup-status').innerText()).toContain('刚刚');
    await expect.poll(() => page.getByTestId('backup-status').getAttribute('data-level')).toBe('ok');
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('turns amber after 7 days and red after 30', async () => {
    const app = await App.open(browser);
    const { page } = app;
    await app.loadDemo();
    const status = page.getByTestId('backup-status');
    for (const [days, level] of [
      [10, 'amber'],
      [40, 'red'],
      [3, 'ok'],
    ] as const) {
      const lastAt = new Date(Date.now() - days * 86_400_000 - 60_000).toISOString();
      // Written behind the app's back, as an old backup would have left it; read on reload.
      await page.evaluate(
        (value) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('taizhang-kanban-cppcc-ledger-board');
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction('settings', 'readwrite');
              tx.objectStore('settings').put({ key: 'backup', value });
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
            open.onerror = () => reject(open.error);
          }),
        { lastAt, changesSince: 0 },
      );
      await page.reload();
      await page.getByTestId('totals-table').waitFor();
      await expect.poll(() => status.innerText()).toBe(`上次备份：${days}天前`);
      await expect.poll(() => status.getAttribute('data-level')).toBe(level);
      if (days === 40) await app.screenshot('topbar-backup-red');
    }
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('two tabs on the same file', () => {
  it('shows a change made in one tab in the other without reload, and loses no write', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const a = await App.open(browser, context);
    const b = await App.open(browser, context);
    await b.page.getByRole('heading', { name: '欢迎使用台账看板' }).waitFor();

    await a.loadDemo();
    await b.page.getByTestId('totals-table').waitFor();
    await b.choosePeriod('全部');
    await a.choosePeriod('全部');
    expect(await b.totals()).toEqual(await a.totals());

    // Both tabs write at once, an import in each: both are kept, and both tabs show both.
    const scratch = scratchDir();
    try {
      const csvA = join(scratch.dir, '走访台账-甲.csv');
      const csvB = join(scratch.dir, '走访台账-乙.csv');
      writeFileSync(csvA, visitsCsv(30));
      writeFileSync(csvB, visitsCsv(20, 5));
      await Promise.all([importCsv(a, csvA), importCsv(b, csvB)]);
    } finally {
      scratch.remove();
    }
    const records = (app: App) => app.page.getByText(/共有记录 \d+ 条/).innerText();
    const batches = (app: App) => app.page.getByTestId('batch-table').locator('tbody tr').count();
    await a.go('data');
    await b.go('data');
    for (const app of [a, b]) {
      await expect.poll(() => batches(app)).toBe(3);
      await expect.poll(() => records(app)).toBe('共有记录 375 条');
    }

    // Remove the demo in B: A follows.
    await b.page.getByTestId('demo-remove').click();
    await expect.poll(() => batches(a)).toBe(2);
    await expect.poll(() => records(a)).toBe('共有记录 50 条');

    // A backup made in A is the backup status of B too.
    await expect(b.page.getByTestId('backup-status').innerText()).resolves.toContain('从未备份');
    await downloadBackup(a.page);
    await expect.poll(() => b.page.getByTestId('backup-status').innerText()).toContain('刚刚');

    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await context.close();
  });

  it('reloads the other tab after a clear, so nothing stale is written back', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const a = await App.open(browser, context);
    const b = await App.open(browser, context);
    await a.loadDemo();
    await b.page.getByTestId('totals-table').waitFor();
    await a.go('data');
    await a.page.getByTestId('clear-all').click();
    await a.page.getByTestId('clear-all-input').fill('清空');
    await Promise.all([
      b.page.waitForEvent('load'),
      expectReload(a.page, () => a.page.getByTestId('clear-all-confirm').click()),
    ]);
    await b.page.getByRole('heading', { name: '欢迎使用台账看板' }).waitFor();
    await b.page.getByText('数据已在另一个窗口中恢复或清空').waitFor();
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await context.close();
  });
});

describe('keeping a file up to date', () => {
  it('writes every change to the chosen file a few seconds later, and stops on 停止', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    // No save dialog can be driven headless: the picker hands out a file of the origin's private
    // file system instead, a real FileSystemFileHandle that IndexedDB stores like any other.
    await context.addInitScript(() => {
      (window as unknown as { showSaveFilePicker: () => Promise<FileSystemFileHandle> }).showSaveFilePicker =
        async () => (await navigator.storage.getDirectory()).getFileHandle('自动备份.json', { create: true });
    });
    const app = await App.open(browser, context);
    const { page } = app;
    const readKept = () =>
      page.evaluate(async () => {
        const dir = await navigator.storage.getDirectory();
        const file = await (await dir.getFileHandle('自动备份.json')).getFile();
        return file.text();
      });
    await app.go('data');
    await page.getByTestId('autosave-start').click();
    await expect(page.getByTestId('autosave-file').innerText()).resolves.toContain('自动备份.json');
    await expect.poll(readKept).toContain('taizhang-kanban-backup');
    expect((JSON.parse(await readKept()) as BackupFile).data.records).toHaveLength(0);

    await app.go('dashboard');
    await app.loadDemo();
    await expect
      .poll(async () => (JSON.parse(await readKept()) as BackupFile).data.records.length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('backup-status').innerText()).toContain('刚刚');
    await app.go('data');
    await expect(page.getByTestId('autosave-written').innerText()).resolves.toContain('最近一次写入');

    // Kept across a reload: the handle lives in IndexedDB.
    await page.reload();
    await app.go('data');
    await expect(page.getByTestId('autosave-file').innerText()).resolves.toContain('自动备份.json');
    await app.screenshot('data-view-safety');
    await page.getByTestId('autosave-stop').click();
    await page.getByTestId('autosave-start').waitFor();
    expect(app.errors).toEqual([]);
    await context.close();
  });
});
