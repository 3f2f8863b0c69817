/** The one IndexedDB database of the app, and the only module that opens it. */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ImportBatch, SavedMapping, Setting } from '../core/schema';
import type { BlockKey, RecordBlock, RecordChanges } from './recordStore';
import { SCHEMA_VERSIONS } from './schema';

/**
 * Every page opened from a file:// URL shares one origin and so one set of databases: a name no
 * other local page would pick keeps our data apart from theirs.
 */
export const DB_NAME = 'taizhang-kanban-cppcc-ledger-board';

type ChangeListener = (changes: RecordChanges, fromAnotherTab: boolean) => void;

export class LedgerDatabase extends Dexie {
  /** Records, in blocks of up to 500 per row: see recordStore.ts. Read and write them only there. */
  blocks!: Table<RecordBlock, BlockKey>;
  batches!: EntityTable<ImportBatch, 'id'>;
  mappings!: Table<SavedMapping, string>;
  settings!: Table<Setting, string>;

  private readonly listeners = new Set<ChangeListener>();
  /**
   * Other tabs on the same file hear of this tab's record writes here (and this tab of theirs). A
   * channel of our own, not Dexie's live queries: those would make every tab read all records again
   * after each of its own edits, which at 100,000 records is a second per keystroke.
   */
  private channel: BroadcastChannel | null = null;

  constructor(name: string = DB_NAME, versions = SCHEMA_VERSIONS) {
    super(name);
    for (const v of versions) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }

  /**
   * Hear of every committed change to the records: this tab's, with what changed, and another tab's,
   * as a `reset` (read everything again). Returns the function that stops listening.
   */
  onRecordChangeSets(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    this.openChannel();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.closeChannel();
    };
  }

  /** Hear how many records each committed write of this tab added, changed or removed. */
  onRecordChanges(listener: (n: number) => void): () => void {
    return this.onRecordChangeSets((changes, fromAnotherTab) => {
      if (!fromAnotherTab && changes.count > 0) listener(changes.count);
    });
  }

  /** Called by recordStore when a transaction that wrote records has committed. */
  announceRecordChanges(changes: RecordChanges): void {
    for (const f of [...this.listeners]) f(changes, false);
    this.channel?.postMessage({ count: changes.count });
  }

  override close(options?: { disableAutoOpen: boolean }): void {
    this.closeChannel();
    super.close(options);
  }

  private openChannel(): void {
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(`${this.name}:records`);
    channel.onmessage = () => {
      for (const f of [...this.listeners]) f({ changes: [{ kind: 'reset' }], count: 0 }, true);
    };
    // Node's channel would keep a test process alive; browsers have no unref.
    (channel as { unref?: () => void }).unref?.();
    this.channel = channel;
  }

  private closeChannel(): void {
    this.channel?.close();
    this.channel = null;
  }
}

let shared: LedgerDatabase | null = null;

/** The app's database, opened on first use. */
export function ledgerDb(): LedgerDatabase {
  shared ??= new LedgerDatabase();
  return shared;
}
