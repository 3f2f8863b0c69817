/**
 * The page model of the built single file: how a clerk reaches each part of the app. Tests speak in
 * these terms (open, go to a view, choose files, read the totals) and locate by role, label and the
 * data-testid contract, never by CSS structure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUILT_FILE = join(ROOT, 'dist', '台账看板.html');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary.`,
    );
  }
  return path;
}

export async function launch(): Promise<Browser> {
  if (!existsSync(BUILT_FILE)) throw new Error(`${BUILT_FILE} is missing: run npm run build first.`);
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // The machine has no network: Chromium's background services would only log refused connections.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--allow-file-access-from-files',
    ],
  });
}

export class App {
  readonly errors: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  /** A new browser profile (empty IndexedDB), a 1366×768 office screen, the built file opened over file://. */
  static async open(browser: Browser, context?: BrowserContext): Promise<App> {
    const ctx =
      context ??
      (await browser.newContext({
        viewport: { width: 1366, height: 768 },
        locale: 'zh-CN',
        acceptDownloads: true,
      }));
    const page = await ctx.newPage();
    const app = new App(ctx, page);
    await page.goto(pathToFileURL(BUILT_FILE).href);
    await page.getByRole('heading', { name: '台账看板', level: 1 }).waitFor();
    return app;
  }

  async go(view: 'import' | 'ledger' | 'dashboard' | 'summary' | 'report' | 'data'): Promise<void> {
    await this.page.getByTestId(`nav-${view}`).click();
  }

  async loadDemo(): Promise<void> {
    await this.page.getByTestId('demo-load').click();
    await this.page.getByTestId('totals-table').waitFor();
  }

  async chooseFiles(...paths: string[]): Promise<void> {
    await this.go('import');
    await this.page.getByTestId('import-input').setInputFiles(paths);
  }

  /** Choose files, wait for their previews, confirm, and wait for the dashboard. */
  async importFiles(...paths: string[]): Promise<void> {
    await this.chooseFiles(...paths);
    const confirm = this.page.getByTestId('import-confirm');
    await expectEnabled(confirm);
    await confirm.click();
    await this.page.getByTestId('totals-table').waitFor();
  }

  /** The totals table as numbers: category → measure → data-value. */
  async totals(): Promise<Record<string, Record<string, number>>> {
    return this.page.getByTestId('totals-table').evaluate((table) => {
      const out: Record<string, Record<string, number>> = {};
      for (const row of table.querySelectorAll('tr[data-category]')) {
        const cat = row.getAttribute('data-category') ?? '';
        const cells: Record<string, number> = {};
        for (const cell of row.querySelectorAll('[data-measure]')) {
          cells[cell.getAttribute('data-measure') ?? ''] = Number(cell.getAttribute('data-value'));
        }
        out[cat] = cells;
      }
      return out;
    });
  }

  async choosePeriod(label: string): Promise<void> {
    await this.page.getByTestId('period-select').selectOption({ label });
  }

  /** A full-page screenshot for a person to look at (transient toasts hidden). */
  async screenshot(name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.screenshot({
      path: join(ARTIFACTS, `${name}.png`),
      fullPage: true,
      style: '.toasts { display: none !important; }',
    });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

async function expectEnabled(locator: ReturnType<Page['getByTestId']>): Promise<void> {
  await locator.waitFor();
  for (let i = 0; i < 200; i++) {
    if (await locator.isEnabled()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import-confirm stayed disabled');
}

/** A scratch folder for files a test makes (bad inputs), removed by the caller. */
export function scratchDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
