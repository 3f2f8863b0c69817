/**
 * The 总结 page on the built file: the statistics paragraph of the clean 2023 ledger, its figures and
 * the records behind them, 概数, the presets, the Word export, hand edits with the checker, the
 * template editor and the period menu.
 */
import * as XLSX from '@e965/xlsx';
import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, FIXTURES, launch, scratchDir } from './app';

const FILE = 'clean/2023年活动台账.xlsx';

type Expected = Record<string, { byYear: Record<string, Record<string, Record<string, number>>> }>;
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Expected;
const year2023 = expected[FILE]?.byYear['2023'] ?? {};
function want(category: string, measure: string): number {
  const v = year2023[category]?.[measure];
  if (v === undefined) throw new Error(`expected.json has no 2023 ${category}.${measure}`);
  return v;
}

/** One data row of the clean ledger, read straight from the .xlsx with SheetJS (not with app code). */
interface Row {
  year: number;
  month: number;
  category: string;
  members: string[];
  people?: number;
  households?: number;
  items?: number;
  wan?: number;
  status?: string;
  satisfaction?: string;
}

function fixtureRows(): Row[] {
  const wb = XLSX.read(readFileSync(join(FIXTURES, FILE)));
  const ws = wb.Sheets[wb.SheetNames[0] ?? ''];
  if (!ws) throw new Error(`${FILE} has no sheet`);
  const raw = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws, { raw: true });
  return raw.map((r) => {
    const date = XLSX.SSF.parse_date_code(Number(r['日期']));
    const num = (k: string) => (typeof r[k] === 'number' ? r[k] : undefined);
    const str = (k: string) => (typeof r[k] === 'string' ? r[k] : undefined);
    return {
      year: date.y,
      month: date.m,
      category: String(r['类别']),
      members: String(r['委员'] ?? '')
        .split('、')
        .filter(Boolean),
      people: num('人数'),
      households: num('户数'),
      items: num('份数'),
      wan: num('金额(万元)'),
      status: str('办理状态'),
      satisfaction: str('满意度'),
    };
  });
}
const rows = fixtureRows();

function sum(list: Row[], key: 'people' | 'households' | 'items'): number {
  return list.reduce((n, r) => n + (r[key] ?? 0), 0);
}
/** 万元 added in fen (the app adds money exactly too). */
function sumWan(list: Row[]): number {
  return list.reduce((n, r) => n + Math.round((r.wan ?? 0) * 1e6), 0) / 1e6;
}
/** A percentage as the paragraph writes it: one decimal, a trailing .0 dropped. */
function pct(n: number, d: number): string {
  return String(Math.round((n / d) * 1000) / 10);
}

/** The underlined figures of a paragraph: what they say and what they stand for. */
async function figures(
  paragraph: Locator,
): Promise<{ text: string; category: string; measure: string; value: number; tag: string }[]> {
  return paragraph.locator('[data-measure]').evaluateAll((els) =>
    els.map((el) => ({
      text: el.textContent ?? '',
      category: el.getAttribute('data-category') ?? '',
      measure: el.getAttribute('data-measure') ?? '',
      value: Number(el.getAttribute('data-value')),
      tag: el.tagName,
    })),
  );
}

async function openSummary(browser: Browser): Promise<App> {
  const app = await App.open(browser);
  await app.importFiles(join(FIXTURES, FILE));
  await app.go('summary');
  await app.page.getByTestId('summary-paragraph').waitFor();
  return app;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the statistics paragraph of the clean 2023 ledger', () => {
  it('states every 2023 figure exactly, each a button leading to the records behind it', async () => {
    const app = await openSummary(browser);
    const { page } = app;
    await expect(page.getByTestId('period-select').inputValue()).resolves.toBe('y2023');
    const paragraph = page.getByTestId('summary-paragraph');
    const text = await paragraph.innerText();

    expect(text.startsWith('2023年，')).toBe(true);
    expect(text).toContain(`开展走访${want('走访', 'count')}次`);
    expect(text).toContain(`走访群众${want('走访', 'people')}人次`);
    expect(text).toContain(`上户${want('走访', 'households')}户`);
    expect(text).toContain(`宣传资料${want('走访', 'items')}份`);
    expect(text).toContain(`举办各类培训${want('培训', 'count')}期`);
    expect(text).toContain(`培训${want('培训', 'people')}人次`);
    expect(text).toContain(`开展专题调研${want('调研', 'count')}次`);
    const proposals = want('提案', 'count');
    const done = want('提案', 'done');
    expect(text).toContain(`提交提案${proposals}件`);
    expect(text).toContain(`已办结${done}件，办结率${pct(done, proposals)}%`);
    expect(text).toContain(`资金${want('资金', 'amountWan').toFixed(2)}万元`);
    // No figure of nothing (培训0期), no stray separators left by omitted clauses.
    expect(text).not.toMatch(/\D0(?:次|期|件|人次|户|份|万元)/);
    expect(text).not.toMatch(/[，；、][，；。]|。。/);
    expect(text.endsWith('。')).toBe(true);

    // Every underlined number is a button that says which figure it is.
    const shown = await figures(paragraph);
    expect(shown.length).toBeGreaterThanOrEqual(10);
    for (const f of shown) {
      expect(f.tag, f.text).toBe('BUTTON');
      expect(f.category, f.text).not.toBe('');
      expect(f.measure, f.text).not.toBe('');
      expect(Number.isFinite(f.value) && f.value > 0, `${f.category}.${f.measure}`).toBe(true);
    }
    const one = (category: string, measure: string) =>
      shown.find((f) => f.category === category && f.measure === measure);
    expect(one('走访', 'count')?.value).toBe(want('走访', 'count'));
    expect(one('走访', 'people')).toMatchObject({ value: want('走访', 'people'), text: '1259' });
    expect(one('走访', 'households')?.value).toBe(want('走访', 'households'));
    expect(one('走访', 'items')?.value).toBe(want('走访', 'items'));
    expect(one('培训', 'count')?.value).toBe(want('培训', 'count'));
    expect(one('培训', 'people')?.value).toBe(want('培训', 'people'));
    expect(one('提案', 'count')?.value).toBe(proposals);
    expect(one('提案', 'done')?.value).toBe(done);
    expect(one('提案', '办结率')?.text).toBe(pct(done, proposals));
    expect(one('资金', 'amount')?.text).toBe(want('资金', 'amountWan').toFixed(2));

    // The visits people figure leads to the 2023 visit records that carry a number of people.
    const visitsWithPeople = rows.filter(
      (r) => r.year === 2023 && r.category === '走访' && r.people !== undefined,
    ).length;
    await paragraph.locator('button[data-category="走访"][data-measure="people"]').click();
    const panel = page.getByTestId('records-panel');
    await panel.waitFor();
    await expect(panel.getByRole('heading').innerText()).resolves.toBe(
      `走访·人次：共 ${visitsWithPeople} 条记录`,
    );
    await expect(panel.locator('tbody tr').count()).resolves.toBe(visitsWithPeople);
    await app.screenshot('summary-records');
    await panel.getByRole('button', { name: '关闭' }).click();
    await expect(panel.count()).resolves.toBe(0);
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('writes 走访·人次 as 概数（多） when asked, never above the true value, and keeps it after a reload', async () => {
    const app = await openSummary(browser);
    const { page } = app;
    const people = want('走访', 'people');
    const choice = page.getByRole('combobox', { name: '走访·人次', exact: true });
    await expect(choice.inputValue()).resolves.toBe('exact');
    await choice.selectOption({ label: '概数（多）' });
    const paragraph = page.getByTestId('summary-paragraph');
    const figure = paragraph.locator('[data-category="走访"][data-measure="people"]');
    await expect.poll(() => figure.innerText()).toMatch(/多$/);
    const written = await figure.innerText();
    const base = Number(written.replace(/多$/, ''));
    expect(base).toBeLessThanOrEqual(people);
    expect(base).toBe(Number(String(people)[0]) * 10 ** (String(people).length - 1));
    await expect(paragraph.innerText()).resolves.toContain(`走访群众${base}多人次`);
    await expect(figure.getAttribute('data-value')).resolves.toBe(String(people));
    // Other figures stay exact.
    await expect(paragraph.innerText()).resolves.toContain(`上户${want('走访', 'households')}户`);
    await app.screenshot('summary-approx');

    await page.reload();
    await page.getByTestId('summary-paragraph').waitFor();
    await expect(page.getByRole('combobox', { name: '走访·人次', exact: true }).inputValue()).resolves.toBe(
      'duo',
    );
    await expect(page.getByTestId('summary-paragraph').innerText()).resolves.toContain(
      `走访群众${base}多人次`,
    );
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('the presets', () => {
  it('提案办理 gives 立案率, 办复率, 办结率 and 满意率 from the proposals', async () => {
    const app = await openSummary(browser);
    const { page } = app;
    await page.getByTestId('summary-preset').selectOption({ label: '提案办理' });
    const paragraph = page.getByTestId('summary-paragraph');
    await expect.poll(() => paragraph.innerText()).toContain('共收到委员提案');
    const text = await paragraph.innerText();

    const count = want('提案', 'count');
    const answered = want('提案', 'answered');
    const done = want('提案', 'done');
    const satisfied = want('提案', 'satisfied');
    const accepted = rows.filter(
      (r) =>
        r.year === 2023 && r.category === '提案' && ['已立案', '已答复', '已办结'].includes(r.status ?? ''),
    ).length;
    expect(text.startsWith(`2023年，共收到委员提案${count}件`)).toBe(true);
    expect(text).toContain(`其中立案${accepted}件，立案率${pct(accepted, count)}%`);
    expect(text).toContain(`已答复${answered}件，办复率${pct(answered, count)}%`);
    expect(text).toContain(`已办结${done}件，办结率${pct(done, count)}%`);
    expect(text).toContain(
      `在已答复的${answered}件中，委员表示满意或基本满意的${satisfied}件，满意率${pct(satisfied, answered)}%`,
    );
    // Not every proposal was answered with satisfaction: the data may not say 均已得到满意答复.
    expect(text).not.toContain('均已得到满意答复');
    expect(text).not.toMatch(/\D0(?:件|%)/);
    const rates = (await figures(paragraph)).filter((f) => f.measure.endsWith('率'));
    expect(rates.map((f) => f.measure).sort()).toEqual(['办复率', '办结率', '满意率', '立案率'].sort());
    await app.screenshot('summary-proposals');
    expect(app.errors).toEqual([]);
    await app.close();
  });

  it('委员个人 asks for a member first, then speaks of 本人 for that member only', async () => {
    const app = await openSummary(browser);
    const { page } = app;
    await page.getByTestId('summary-preset').selectOption({ label: '委员个人' });
    const paragraph = page.getByTestId('summary-paragraph');
    await expect.poll(() => paragraph.innerText()).toBe('“委员个人”段落需要先选择一位委员。');
    await expect(page.getByTestId('summary-docx').count()).resolves.toBe(0);

    // The member with the most 2023 visits.
    const visits = new Map<string, number>();
    for (const r of rows)
      if (r.year === 2023 && r.category === '走访')
        for (const m of r.members) visits.set(m, (visits.get(m) ?? 0) + 1);
    const [member, n] = [...visits].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    expect(n).toBeGreaterThan(0);
    await page.getByTestId('summary-member').selectOption(member);
    await expect.poll(() => paragraph.innerText()).toContain('本人');
    const text = await paragraph.innerText();
    expect(text.startsWith('2023年，本人')).toBe(true);
    expect(text).toContain(`参加走访${n}次`);
    expect(text).not.toContain('全镇');
    expect(text).not.toMatch(/\D0(?:次|期|件|人次|户|份|万元)/);
    // The member is the page's filter: the filter bar shows the same choice.
    await expect(page.getByTestId('filter-member').inputValue()).resolves.toBe(member);
    await app.screenshot('summary-member');
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('the Word export', () => {
  it('downloads a .docx with the title, the paragraph and the totals table', async () => {
    const app = await openSummary(browser);
    const { page } = app;
    const paragraph = (await page.getByTestId('summary-paragraph').innerText()).trim();
    const scratch = scratchDir();
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('summary-docx').click(),
      ]);
      const title = '政协2023年工作情况统计';
      expect(download.suggestedFilename()).toBe(`${title}.docx`);
      const path = join(scratch.dir, download.suggestedFilename());
      await download.saveAs(path);

      const { value: html } = await mammoth.convertToHtml({ path });
      expect(html).toContain(paragraph);
      const table = /<table>[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
      expect(table).not.toBe('');
      for (const category of Object.keys(year2023)) expect(table).toContain(category);
      // The table writes thousands with a separator (1,259), as the dashboard does.
      expect(table).toContain(want('走访', 'people').toLocaleString('en-US'));
      const { value: raw } = await mammoth.extractRawText({ path });
      expect(raw).toContain(title);
      expect(raw).toContain('（2023年）');
      expect(raw).toContain('2023年各月活动次数');
    } finally {
      scratch.remove();
    }
    await page.getByText('已生成Word文件').waitFor();
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('editing the paragraph by hand', () => {
  it('checks the edited text against the ledger and restores the generated one', async () => {
    const app = await openSummary(browser);
    const { page } = app;
    const paragraph = page.getByTestId('summary-paragraph');
    const generated = await paragraph.innerText();
    const people = want('走访', 'people');
    await expect(page.getByTestId('summary-check').count()).resolves.toBe(0);

    await page.getByRole('button', { name: '修改文字' }).click();
    const area = page.getByRole('textbox', { name: '修改文字' });
    const draft = await area.inputValue();
    expect(draft).toBe(generated);
    const edited = `${draft.replace(`${people}人次`, `${people + 41}人次`)}另组织义诊活动，服务群众约50人左右。`;
    await area.fill(edited);
    await page.getByRole('button', { name: '完成修改' }).click();

    await expect(paragraph.innerText()).resolves.toBe(edited);
    await page.getByText('以下为手工修改后的文字').waitFor();
    const check = page.getByTestId('summary-check');
    // Exactly what the clerk got wrong, and nothing the app itself wrote (its 同比 percentages too).
    await expect(check.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      `“${people + 41}人次”与台账数据不符`,
      '“约50人左右”：约…左右同时使用，语义矛盾',
      '“50人”与台账数据不符',
    ]);
    // The hand-edited text has no figures to choose 概数 for.
    await expect(page.getByRole('heading', { name: '数字写法' }).count()).resolves.toBe(0);
    await app.screenshot('summary-edited');

    await page.getByRole('button', { name: '恢复自动生成' }).click();
    await expect.poll(() => paragraph.innerText()).toBe(generated);
    await expect(check.count()).resolves.toBe(0);
    await expect(paragraph.locator('button[data-measure]').count()).resolves.toBeGreaterThan(0);

    // Words changed, every figure kept: the check finds nothing to report.
    await page.getByRole('button', { name: '修改文字' }).click();
    await area.fill(generated.replace('积极履职尽责', '认真履职尽责'));
    await page.getByRole('button', { name: '完成修改' }).click();
    await expect(check.innerText()).resolves.toBe('核对无误：数字与台账一致。');
    await page.getByRole('button', { name: '恢复自动生成' }).click();
    await expect.poll(() => paragraph.innerText()).toBe(generated);
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('the template editor', () => {
  it('previews a template with the real numbers, saves it for the paragraph, and restores the preset', async () => {
    const app = await openSummary(browser);
    const { page } = app;
    const paragraph = page.getByTestId('summary-paragraph');
    const preset = await paragraph.innerText();

    await page.getByText('段落模板（全镇年度）').click();
    const editor = page.getByTestId('template-editor');
    await editor.waitFor();
    await expect(editor.inputValue()).resolves.toContain('{走访.count}');
    await editor.fill('{期间}共走访{走访.count}次[，培训{培训.people}人次][，视察{视察.count}次]。');
    const mine = `2023年共走访${want('走访', 'count')}次，培训${want('培训', 'people')}人次。`;
    const preview = page.getByTestId('template-preview');
    await expect.poll(() => preview.innerText()).toBe(mine);
    await app.screenshot('summary-template');

    await page.getByRole('button', { name: '保存模板' }).click();
    await expect.poll(() => paragraph.innerText()).toBe(mine);
    const shown = await figures(paragraph);
    expect(shown.map((f) => `${f.category}.${f.measure}`)).toEqual(['走访.count', '培训.people']);

    // An unclosed bracket is pointed out and cannot be saved.
    await editor.fill('{期间}共走访{走访.count}次[，培训');
    await page.getByRole('alert').filter({ hasText: '有未闭合的方括号' }).waitFor();
    await expect(page.getByRole('button', { name: '保存模板' }).isDisabled()).resolves.toBe(true);

    await page.getByRole('button', { name: '恢复默认模板' }).click();
    await expect.poll(() => paragraph.innerText()).toBe(preset);
    await expect.poll(() => editor.inputValue()).toContain('全镇政协委员围绕中心');
    expect(app.errors).toEqual([]);
    await app.close();
  });
});

describe('the period menu', () => {
  it('2023年上半年 gives the first-half totals of the fixture', async () => {
    const app = await openSummary(browser);
    const { page } = app;
    await app.choosePeriod('2023年上半年');
    const paragraph = page.getByTestId('summary-paragraph');
    await expect.poll(() => paragraph.innerText()).toMatch(/^2023年上半年，/);

    const half = rows.filter((r) => r.year === 2023 && r.month <= 6);
    const of = (c: string) => half.filter((r) => r.category === c);
    const want1: Record<string, number> = {
      '走访.count': of('走访').length,
      '走访.people': sum(of('走访'), 'people'),
      '走访.households': sum(of('走访'), 'households'),
      '走访.items': sum(of('走访'), 'items'),
      '培训.count': of('培训').length,
      '培训.people': sum(of('培训'), 'people'),
      '调研.count': of('调研').length,
      '提案.count': of('提案').length,
      '提案.done': of('提案').filter((r) => r.status === '已办结').length,
    };
    const shown = await figures(paragraph);
    const value = (key: string) => shown.find((f) => `${f.category}.${f.measure}` === key)?.value;
    for (const [key, v] of Object.entries(want1)) {
      if (v === 0) expect(value(key), key).toBeUndefined();
      else expect(value(key), key).toBe(v);
      const [category = '', measure = ''] = key.split('.');
      const year = want(category, measure);
      expect(v, key).toBeLessThanOrEqual(year);
    }
    expect(want1['走访.count']).toBeGreaterThan(0);
    expect(want1['走访.count']).toBeLessThan(want('走访', 'count'));
    const wan = sumWan(of('资金'));
    expect(shown.find((f) => f.measure === 'amount')?.text).toBe(String(Math.round(wan * 100) / 100));
    const text = await paragraph.innerText();
    expect(text).toContain(`开展走访${want1['走访.count']}次`);
    expect(text).not.toMatch(/\D0(?:次|期|件|人次|户|份|万元)/);
    // The first half of 2022 has no data: no 同比 for it.
    expect(text).not.toContain('同比');
    await app.screenshot('summary-half');
    expect(app.errors).toEqual([]);
    await app.close();
  });
});
