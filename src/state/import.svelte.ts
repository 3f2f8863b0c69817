/**
 * One import wizard session: the files chosen, their previews from the workers, the clerk's
 * corrections, and the single confirming write.
 */
import { LedgerFileReader } from '../adapters/reader';
import type { ReadPhase } from '../adapters/read.protocol';
import { duplicatesPerTable } from '../core/import/duplicates';
import type { FileRefusal } from '../core/import/reasons';
import type { FilePreview, TableOptions, TablePreview } from '../core/import/types';
import type { ColumnRole, SavedMapping } from '../core/schema';
import { ledgerDb } from '../db/database';
import {
  addBatches,
  DuplicateImportError,
  findBatchByHash,
  listMappings,
  removeBatches,
  type BatchToAdd,
} from '../db/repository';
import { t } from '../i18n/zh-CN';
import { handleError } from '../lib/errors';
import { nextTask } from '../lib/nextTask';
import { ledger } from './ledger.svelte';
import { nav } from './navigation.svelte';
import { toasts } from './toasts.svelte';

export interface TableState {
  table: TablePreview;
  options: TableOptions;
  /** Hidden sheets are shown but left out unless the clerk includes them. */
  include: boolean;
  busy: boolean;
}

export type FileEntry =
  | { key: number; name: string; status: 'reading'; phase: 'load' | ReadPhase }
  | { key: number; name: string; status: 'refused'; reason: FileRefusal }
  | {
      key: number;
      name: string;
      status: 'ready';
      contentHash: string;
      tables: TableState[];
      skippedSheets: FilePreview['skippedSheets'];
    };

type ReadyFile = Extract<FileEntry, { status: 'ready' }>;

export function needsCategory(ts: TableState): boolean {
  return ts.include && ts.table.records.some((r) => !r.category);
}

class ImportSession {
  // Raw, not deep state: previews hold thousands of records that go straight to IndexedDB, which
  // cannot clone Svelte's proxies (DataCloneError); entries are replaced, never mutated.
  files = $state.raw<FileEntry[]>([]);
  /** Bumped to ask the import view to open the file chooser (from the first-run card). */
  chooserRequests = $state(0);
  saving = $state(false);
  private nextKey = 1;
  private readers = new Map<number, LedgerFileReader>();

  readyFiles = $derived(this.files.filter((f): f is ReadyFile => f.status === 'ready'));
  reading = $derived(this.files.some((f) => f.status === 'reading'));
  busy = $derived(this.readyFiles.some((f) => f.tables.some((ts) => ts.busy)));
  recordCount = $derived(
    this.readyFiles.reduce(
      (n, f) => n + f.tables.reduce((m, ts) => m + (ts.include ? ts.table.records.length : 0), 0),
      0,
    ),
  );
  missingCategory = $derived(this.readyFiles.some((f) => f.tables.some(needsCategory)));
  canConfirm = $derived(
    !this.reading && !this.busy && !this.saving && this.recordCount > 0 && !this.missingCategory,
  );

  /** Records of each included table that equal a stored record, or one in another chosen table. */
  duplicates = $derived.by(() => {
    // While the records are being stored the preview is about to go: comparing them with the stored
    // ledger, which now holds them, would take a third of a second at 100,000 records for nothing.
    if (this.saving) return new Map<TablePreview, number>();
    const included = this.readyFiles.flatMap((f) =>
      f.tables.filter((ts) => ts.include).map((ts) => ts.table),
    );
    const counts = duplicatesPerTable(
      included.map((tb) => tb.records),
      ledger.records,
    );
    return new Map(included.map((tb, i) => [tb, counts[i] ?? 0]));
  });

  requestChooser(): void {
    this.chooserRequests++;
  }

  async addFiles(list: Iterable<File>): Promise<void> {
    const saved = await listMappings(ledgerDb()).catch(() => [] as SavedMapping[]);
    const jobs: Promise<void>[] = [];
    for (const file of list) {
      const key = this.nextKey++;
      this.files = [...this.files, { key, name: file.name, status: 'reading', phase: 'load' }];
      jobs.push(this.read(key, file, saved));
    }
    await Promise.all(jobs);
  }

  private async read(key: number, file: File, saved: SavedMapping[]): Promise<void> {
    const reader = new LedgerFileReader();
    this.readers.set(key, reader);
    try {
      const result = await reader.read(file, saved, (phase) => {
        this.update(key, (f) => (f.status === 'reading' ? { ...f, phase } : f));
      });
      if (!this.files.some((f) => f.key === key)) return; // cancelled meanwhile
      let entry: FileEntry;
      if (!result.ok) entry = { key, name: file.name, status: 'refused', reason: result.reason };
      else if (await this.isDuplicate(key, result.value.contentHash))
        entry = { key, name: file.name, status: 'refused', reason: 'duplicate' };
      else
        entry = {
          key,
          name: file.name,
          status: 'ready',
          contentHash: result.value.contentHash,
          tables: result.value.tables.map((table) => ({
            table,
            options: {},
            include: !table.hiddenSheet,
            busy: false,
          })),
          skippedSheets: result.value.skippedSheets,
        };
      if (entry.status !== 'ready') this.dispose(key);
      this.update(key, () => entry);
    } catch (e) {
      this.dispose(key);
      this.update(key, () => ({ key, name: file.name, status: 'refused', reason: 'unreadable' }));
      handleError(e);
    }
  }

  /** Already stored, or the same content chosen twice in this session. */
  private async isDuplicate(key: number, hash: string): Promise<boolean> {
    if (this.readyFiles.some((f) => f.key !== key && f.contentHash === hash)) return true;
    return (await findBatchByHash(ledgerDb(), hash)) !== undefined;
  }

  private update(key: number, change: (f: FileEntry) => FileEntry): void {
    this.files = this.files.map((f) => (f.key === key ? change(f) : f));
  }

  private updateTable(key: number, index: number, change: (ts: TableState) => TableState): void {
    this.update(key, (f) =>
      f.status === 'ready' ? { ...f, tables: f.tables.map((ts, i) => (i === index ? change(ts) : ts)) } : f,
    );
  }

  private tableState(key: number, index: number): TableState | undefined {
    const f = this.files.find((x) => x.key === key);
    return f?.status === 'ready' ? f.tables[index] : undefined;
  }

  /** Read the sheet again in its worker with new options. */
  private async remap(key: number, index: number, options: TableOptions): Promise<void> {
    const ts = this.tableState(key, index);
    const reader = this.readers.get(key);
    if (!ts || !reader) return;
    this.updateTable(key, index, (s) => ({ ...s, options, busy: true }));
    try {
      const table = await reader.remap(ts.table.sheetIndex, options);
      this.updateTable(key, index, (s) => ({ ...s, table: table ?? s.table, busy: false }));
    } catch (e) {
      this.updateTable(key, index, (s) => ({ ...s, busy: false }));
      handleError(e);
    }
  }

  setRole(key: number, index: number, column: number, role: ColumnRole): void {
    const ts = this.tableState(key, index);
    if (!ts) return;
    const roles = ts.table.roles.map((r, c) => (c === column ? role : r));
    void this.remap(key, index, { ...ts.options, roles });
  }

  /** New header rows change what every column is: the dictionary reads the new names afresh. */
  setHeaderRows(key: number, index: number, start: number, end: number): void {
    const ts = this.tableState(key, index);
    if (!ts || !(start >= 1) || !(end >= start)) return;
    const { roles: _roles, ...rest } = ts.options;
    void this.remap(key, index, { ...rest, headerStart: start, headerEnd: end });
  }

  setCategory(key: number, index: number, category: string): void {
    const ts = this.tableState(key, index);
    if (ts) void this.remap(key, index, { ...ts.options, category });
  }

  setIncludeHidden(key: number, index: number, includeHidden: boolean): void {
    const ts = this.tableState(key, index);
    if (ts) void this.remap(key, index, { ...ts.options, includeHidden });
  }

  setInclude(key: number, index: number, include: boolean): void {
    this.updateTable(key, index, (s) => ({ ...s, include }));
  }

  private dispose(key: number): void {
    this.readers.get(key)?.dispose();
    this.readers.delete(key);
  }

  /** Stop reading a file, or drop it from the preview. */
  remove(key: number): void {
    this.dispose(key);
    this.files = this.files.filter((f) => f.key !== key);
  }

  cancel(): void {
    for (const key of [...this.readers.keys()]) this.dispose(key);
    this.files = [];
  }

  async confirm(): Promise<void> {
    if (!this.canConfirm) return;
    this.saving = true;
    const now = new Date().toISOString();
    const items: BatchToAdd[] = [];
    const mappings: SavedMapping[] = [];
    let tableCount = 0;
    for (const f of this.readyFiles) {
      const tables = f.tables.filter((ts) => ts.include).map((ts) => ts.table);
      if (tables.length === 0) continue;
      tableCount += tables.length;
      const records = tables.flatMap((tb) => tb.records);
      items.push({
        batch: {
          fileName: f.name,
          contentHash: f.contentHash,
          sheets: tables.map((tb) => tb.sheet),
          mappingSignature: tables.map((tb) => tb.signature).join(' / '),
          importedAt: now,
          imported: records.length,
          skipped: tables.reduce((n, tb) => n + tb.skipped.length, 0),
          demo: false,
        },
        records,
      });
      for (const ts of f.tables) {
        if (!ts.include || (ts.table.mappingSource !== 'user' && !ts.options.category)) continue;
        mappings.push({
          signature: ts.table.signature,
          headers: ts.table.headers,
          roles: ts.table.roles,
          category: ts.options.category ?? '',
          headerStart: ts.table.headerStart,
          headerEnd: ts.table.headerEnd,
          updatedAt: now,
        });
      }
    }
    try {
      const ids = await addBatches(ledgerDb(), items, mappings);
      // The stored records reach the ledger in this task, and its figures are worked out; the
      // dashboard is made in the next one, so neither holds the page for long at 100,000 records.
      ledger.prepare('totals');
      await nextTask();
      ledger.prepare('choices');
      await nextTask();
      const total = items.reduce((n, it) => n + it.records.length, 0);
      this.cancel();
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
