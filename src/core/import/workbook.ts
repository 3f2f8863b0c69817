/** A whole workbook → the tables to confirm and the sheets passed over, with their reasons. */
import { readSheet } from './table';
import type { FilePreview, RawWorkbook, SkipReason, SkippedRow } from './types';

export function previewWorkbook(wb: RawWorkbook, contentHash: string): FilePreview {
  const preview: FilePreview = { fileName: wb.fileName, contentHash, tables: [], skippedSheets: [] };
  for (const sheet of wb.sheets) {
    if (sheet.hidden) {
      preview.skippedSheets.push({ sheet: sheet.name, reason: 'hidden' });
      continue;
    }
    const reading = readSheet(sheet, wb.fileName);
    if (reading.ok) preview.tables.push(reading.table);
    else preview.skippedSheets.push({ sheet: sheet.name, reason: reading.reason });
  }
  return preview;
}

/** Header signature: the same ledger shape next year is recognised by its column names. */
export function headerSignature(headers: readonly string[]): string {
  return headers.filter((h) => h !== '').join('|');
}

/** Skipped rows counted per reason, in the order reasons first occur (标题 1、表头 1、合计 1). */
export function skipSummary(skipped: readonly SkippedRow[]): [SkipReason, number][] {
  const counts = new Map<SkipReason, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts];
}
