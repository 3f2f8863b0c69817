/** A whole workbook → the tables to confirm and the sheets passed over, with their reasons. */
import type { SavedMapping } from '../schema';
import { isSummarySheetName } from './labels';
import { headerSignature, readHead, readSheet, readTable } from './table';
import type { FilePreview, RawWorkbook, SkipReason, SkippedRow, TableOptions, TablePreview } from './types';

export { headerSignature };

/** The options a saved mapping gives a table of the same header signature. */
export function optionsFromMapping(m: SavedMapping): TableOptions {
  return { headerStart: m.headerStart, headerEnd: m.headerEnd, roles: m.roles, category: m.category };
}

/**
 * Read every sheet. A table whose header signature has a saved mapping is read again with it, so a
 * ledger of last year's shape needs no adjustment.
 */
export function previewWorkbook(
  wb: RawWorkbook,
  contentHash: string,
  saved: readonly SavedMapping[] = [],
): FilePreview {
  const preview: FilePreview = { fileName: wb.fileName, contentHash, tables: [], skippedSheets: [] };
  const bySignature = new Map(saved.map((m) => [m.signature, m]));
  wb.sheets.forEach((sheet, index) => {
    // The header first: when a saved mapping applies, the rows are read once, its way, rather than
    // once as detected and again as saved.
    const head = readHead(sheet);
    if (!head.ok) {
      if (!sheet.hidden) preview.skippedSheets.push({ sheet: sheet.name, reason: head.reason });
      return;
    }
    let table: TablePreview | null = null;
    const mapping = bySignature.get(headerSignature(head.head.headers));
    if (mapping && mapping.roles.length === head.head.headers.length) {
      const again = readSheet(sheet, wb.fileName, optionsFromMapping(mapping), index);
      if (again.ok) table = { ...again.table, mappingSource: 'saved' };
    }
    preview.tables.push(table ?? readTable(head.head, sheet, wb.fileName, {}, index).table);
  });
  // A 汇总 sheet beside sheets of records holds their totals: passed over, with its reason shown.
  const summaries = preview.tables.filter(
    (tb) =>
      isSummarySheetName(tb.sheet) &&
      preview.tables.some((other) => other !== tb && !other.hiddenSheet && other.records.length > 0),
  );
  for (const tb of summaries) {
    preview.tables.splice(preview.tables.indexOf(tb), 1);
    if (!tb.hiddenSheet) preview.skippedSheets.push({ sheet: tb.sheet, reason: 'summary' });
  }
  return preview;
}

/** Skipped rows counted per reason, in the order reasons first occur (标题 1、表头 1、合计 1). */
export function skipSummary(skipped: readonly SkippedRow[]): [SkipReason, number][] {
  const counts = new Map<SkipReason, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts];
}
