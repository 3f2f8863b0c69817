/**
 * One import wizard session: the files chosen, their previews from the worker, the clerk's choices,
 * and the single confirming write.
 */
import { readLedgerFile } from '../adapters/reader';
import type { FileRefusal } from '../core/import/reasons';
import type { FilePreview, TablePreview } from '../core/import/types';
import { headerSignature } from '../core/import/workbook';
import type { NewRecord } from '../core/schema';
import { ledgerDb } from '../db/database';
import {
  addBatches,
  DuplicateImportError,
  findBatchByHash,
  removeBatches,
  type BatchToAdd,
} from '../db/repository';
import { t } from '../i18n/zh-CN';
import { handleError } from '../lib/errors';
import { nav } from './navigation.svelte';
import { toasts } from './toasts.svelte';

export type FileEntry =
  | { key: number; name: string; status: 'reading' }
  | { key: number; name: string; status: 'refused'; reason: FileRefusal }
  | { key: number; name: string; status: 'ready'; preview: FilePreview; categories: string[] };

/** Records of a table with the clerk's category filled in where the ledger named none. */
export function tableRecords(table: TablePreview, chosen: string): NewRecord[] {
  return table.records.map((r) => (r.category ? r : { ...r, category: chosen }));
}

export function tableNeedsCategory(table: TablePreview): boolean {
  return table.records.some((r) => !r.category);
}

class ImportSession {
  // Raw, not deep state: previews hold thousands of records that go straight to IndexedDB, which
  // cannot clone Svelte's proxies (DataCloneError); entries are replaced, never mutated.
  files = $state.raw<FileEntry[]>([]);
  /** Bumped to ask the import view to open the file chooser (from the first-run card). */
  chooserRequests = $state(0);
  saving = $state(false);
  private nextKey = 1;

  readyFiles = $derived(
    this.files.filter((f): f is Extract<FileEntry, { status: 'ready' }> => f.status === 'ready'),
  );
  reading = $derived(this.files.some((f) => f.status === 'reading'));
  recordCount = $derived(
    this.readyFiles.reduce((n, f) => n + f.preview.tables.reduce((m, tb) => m + tb.records.length, 0), 0),
  );
  missingCategory = $derived(
    this.readyFiles.some((f) => f.preview.tables.some((tb, i) => tableNeedsCategory(tb) && !f.categories[i])),
  );
  canConfirm = $derived(!this.reading && !this.saving && this.recordCount > 0 && !this.missingCategory);

  requestChooser(): void {
    this.chooserRequests++;
  }

  async addFiles(list: Iterable<File>): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const file of list) {
      const key = this.nextKey++;
      this.files = [...this.files, { key, name: file.name, status: 'reading' }];
      jobs.push(this.read(key, file));
    }
    await Promise.all(jobs);
  }

  private async read(key: number, file: File): Promise<void> {
    try {
      const result = await readLedgerFile(file);
      let entry: FileEntry;
      if (!result.ok) entry = { key, name: file.name, status: 'refused', reason: result.reason };
      else if (await this.isDuplicate(key, result.value.contentHash))
        entry = { key, name: file.name, status: 'refused', reason: 'duplicate' };
      else
        entry = {
          key,
          name: file.name,
          status: 'ready',
          preview: result.value,
          categories: result.value.tables.map((tb) => tb.category),
        };
      this.replace(entry);
    } catch (e) {
      this.replace({ key, name: file.name, status: 'refused', reason: 'unreadable' });
      handleError(e);
    }
  }

  /** Already stored, or the same content chosen twice in this session. */
  private async isDuplicate(key: number, hash: string): Promise<boolean> {
    if (this.readyFiles.some((f) => f.key !== key && f.preview.contentHash === hash)) return true;
    return (await findBatchByHash(ledgerDb(), hash)) !== undefined;
  }

  private replace(entry: FileEntry): void {
    this.files = this.files.map((f) => (f.key === entry.key ? entry : f));
  }

  setCategory(key: number, tableIndex: number, category: string): void {
    const f = this.files.find((x) => x.key === key);
    if (f?.status !== 'ready') return;
    const categories = f.categories.slice();
    categories[tableIndex] = category;
    this.replace({ ...f, categories });
  }

  remove(key: number): void {
    this.files = this.files.filter((f) => f.key !== key);
  }

  cancel(): void {
    this.files = [];
  }

  async confirm(): Promise<void> {
    if (!this.canConfirm) return;
    this.saving = true;
    const now = new Date().toISOString();
    const items: BatchToAdd[] = this.readyFiles.map((f) => {
      const tables = f.preview.tables;
      const records = tables.flatMap((tb, i) => tableRecords(tb, f.categories[i] ?? ''));
      return {
        batch: {
          fileName: f.name,
          contentHash: f.preview.contentHash,
          sheets: tables.map((tb) => tb.sheet),
          mappingSignature: tables.map((tb) => headerSignature(tb.headers)).join(' / '),
          importedAt: now,
          imported: records.length,
          skipped: tables.reduce((n, tb) => n + tb.skipped.length, 0),
          demo: false,
        },
        records,
      };
    });
    const tableCount = this.readyFiles.reduce((n, f) => n + f.preview.tables.length, 0);
    try {
      const ids = await addBatches(ledgerDb(), items);
      const total = items.reduce((n, it) => n + it.records.length, 0);
      this.files = [];
      nav.go('dashboard');
      toasts.info(t.import.done(tableCount, total), { label: t.import.undo, run: () => void undo(ids) });
    } catch (e) {
      if (e instanceof DuplicateImportError) toasts.error(t.refusal.duplicate);
      else handleError(e);
    } finally {
      this.saving = false;
    }
  }
}

async function undo(ids: number[]): Promise<void> {
  try {
    await removeBatches(ledgerDb(), ids);
    toasts.info(t.import.undone);
  } catch (e) {
    handleError(e);
  }
}

export const importSession = new ImportSession();
