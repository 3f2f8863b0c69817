/** The one IndexedDB database of the app, and the only module that opens it. */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ImportBatch, LedgerRecord, SavedMapping, Setting } from '../core/schema';
import { recordChangeCounter } from './changes';
import { SCHEMA_VERSIONS } from './schema';

/**
 * Every page opened from a file:// URL shares one origin and so one set of databases: a name no
 * other local page would pick keeps our data apart from theirs.
 */
export const DB_NAME = 'taizhang-kanban-cppcc-ledger-board';

export class LedgerDatabase extends Dexie {
  records!: Table<LedgerRecord, [number, number]>;
  batches!: EntityTable<ImportBatch, 'id'>;
  mappings!: Table<SavedMapping, string>;
  settings!: Table<Setting, string>;

  private readonly recordListeners = new Set<(n: number) => void>();

  constructor(name: string = DB_NAME, versions = SCHEMA_VERSIONS) {
    super(name);
    for (const v of versions) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    // Registered before the database opens: Dexie builds its middleware stack on open.
    this.use(recordChangeCounter((n) => this.recordListeners.forEach((f) => f(n))));
  }

  /** Hear how many records each write of this tab added, changed or removed (see changes.ts). */
  onRecordChanges(listener: (n: number) => void): () => void {
    this.recordListeners.add(listener);
    return () => this.recordListeners.delete(listener);
  }
}

let shared: LedgerDatabase | null = null;

/** The app's database, opened on first use. */
export function ledgerDb(): LedgerDatabase {
  shared ??= new LedgerDatabase();
  return shared;
}
