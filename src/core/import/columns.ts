/**
 * Column roles for a flattened header, and the shape of the table they make:
 * - rows: one event per row (the usual 台账);
 * - wide: items down, months across (走访群众 | 人次 | 1月 … 12月 | 全年合计);
 * - stats: one row per village (or month) with measures of several categories across.
 */
import type { ColumnRole } from '../schema';
import { isRowTotalHeader, monthHeader } from './labels';
import { categoryFromName, suggestRole } from './synonyms';
import type { ImportWarning, TableShape } from './types';

export interface ColumnPlan {
  shape: TableShape;
  roles: ColumnRole[];
  /** How sure the dictionary was of each role (0 = a guess, 1 = a known word). */
  confidence: number[];
}

const ITEM_HEADERS =
  /^(?:项目|指标|指标名称|工作项目|工作内容|内容|名称|类别|事项|活动|项目名称|统计项目|工作)$/;
const UNIT_HEADERS = /^(?:计量)?单位$/;
const INDEX_HEADERS = /^(?:序号|编号|序|No\.?|NO\.?|行次)$/;

function leafOf(header: string): string {
  const parts = header.split('·');
  return parts[parts.length - 1] ?? '';
}

/** A role for one column from its full name: the leaf decides, the groups above add a category. */
function columnRole(
  header: string,
  moneyScale: number | null,
): { role: ColumnRole; confidence: number; assumedYuan: boolean } {
  const leaf = leafOf(header);
  if (!header || INDEX_HEADERS.test(leaf))
    return { role: { kind: 'ignore' }, confidence: header ? 1 : 0, assumedYuan: false };
  let s = suggestRole(leaf);
  if (s.role.kind === 'ignore' && header !== leaf) s = suggestRole(header.replace(/·/g, ''));
  if (s.role.kind !== 'measure') return { role: s.role, confidence: s.confidence, assumedYuan: false };
  const role = { ...s.role };
  let assumedYuan = false;
  if (role.measure === 'amount' && s.assumedUnit) {
    if (moneyScale !== null) role.scale = moneyScale;
    else assumedYuan = true;
  }
  const category = categoryFromName(header.replace(/[(（][^()（）]*[)）]/g, ''));
  return { role: category ? { ...role, category } : role, confidence: s.confidence, assumedYuan };
}

/**
 * Give every column a role and decide the table's shape. `moneyScale` comes from a 单位：万元 line
 * above the header and applies to money columns whose header names no unit.
 */
export function planColumns(
  headers: readonly string[],
  moneyScale: number | null,
  warnings: ImportWarning[],
): ColumnPlan {
  const months = headers.map((h) => monthHeader(leafOf(h)));
  if (months.filter((m) => m !== null).length >= 3) return planWide(headers, months);

  const planned = headers.map((h) => columnRole(h, moneyScale));
  const roles = planned.map((p) => p.role);
  const confidence = planned.map((p) => p.confidence);
  const hasCategoryColumn = roles.some((r) => r.kind === 'category');
  const columnCategories = new Set(
    roles.flatMap((r) => (r.kind === 'measure' && r.category ? [r.category] : [])),
  );
  const shape: TableShape = !hasCategoryColumn && columnCategories.size >= 2 ? 'stats' : 'rows';

  // One column per role; in a statistics table one per measure and category.
  const taken = new Set<string>();
  roles.forEach((role, c) => {
    if (role.kind === 'ignore') return;
    const key =
      role.kind === 'measure'
        ? `m:${role.measure}:${shape === 'stats' ? (role.category ?? '') : ''}`
        : role.kind;
    if (taken.has(key) && role.kind === 'subject' && !taken.has('note')) {
      // 走访对象 then 走访内容: the second description is kept as a note, not lost.
      roles[c] = { kind: 'note' };
      taken.add('note');
      return;
    }
    if (taken.has(key)) {
      warnings.push({ kind: 'duplicate-role', column: headers[c] ?? '' });
      roles[c] = { kind: 'ignore' };
      return;
    }
    taken.add(key);
    if (planned[c]?.assumedYuan) warnings.push({ kind: 'assumed-yuan', column: headers[c] ?? '' });
  });
  if (shape === 'rows') {
    // In an event ledger a column's category word (走访人数) is a hint for the table, not a split.
    for (let c = 0; c < roles.length; c++) {
      const r = roles[c];
      if (r?.kind === 'measure' && r.category)
        roles[c] = { kind: 'measure', measure: r.measure, scale: r.scale };
    }
  }
  return { shape, roles, confidence };
}

function planWide(headers: readonly string[], months: ReturnType<typeof monthHeader>[]): ColumnPlan {
  const firstMonth = months.findIndex((m) => m !== null);
  const roles: ColumnRole[] = [];
  const confidence: number[] = [];
  let item = -1;
  headers.forEach((h, c) => {
    const leaf = leafOf(h);
    const m = months[c];
    if (m) {
      roles.push(
        m.quarter ? { kind: 'month', month: m.month, quarter: true } : { kind: 'month', month: m.month },
      );
      confidence.push(1);
    } else if (c > firstMonth && isRowTotalHeader(leaf)) {
      roles.push({ kind: 'rowTotal' });
      confidence.push(1);
    } else if (UNIT_HEADERS.test(leaf)) {
      roles.push({ kind: 'itemUnit' });
      confidence.push(1);
    } else if (c < firstMonth && item < 0 && ITEM_HEADERS.test(leaf)) {
      item = c;
      roles.push({ kind: 'item' });
      confidence.push(1);
    } else {
      roles.push({ kind: 'ignore' });
      confidence.push(h ? 0.6 : 0);
    }
  });
  if (item < 0) {
    // No 项目 header: the first named column left of the months that is not a unit or an index.
    for (let c = 0; c < firstMonth; c++) {
      const leaf = leafOf(headers[c] ?? '');
      if (roles[c]?.kind === 'ignore' && !INDEX_HEADERS.test(leaf)) {
        roles[c] = { kind: 'item' };
        confidence[c] = 0.6;
        break;
      }
    }
  }
  return { shape: 'wide', roles, confidence };
}

/** Kept here too for the readers of wide tables: the unit of a row names its measure. */
export { measureOfUnit } from './synonyms';
