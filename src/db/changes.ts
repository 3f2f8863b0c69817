/**
 * Counting the records changed since the last backup, for the 立即备份 reminder (200 changes).
 *
 * Every write to the records goes through src/db/recordStore.ts, which notes on its transaction how
 * many records it added, changed or removed; the database tells `onRecordChanges` listeners once the
 * transaction has committed. So the count is complete by construction (import, grid edit, paste,
 * delete, undo, undoing an import, restore, clear) and counts records, not stored blocks: an import of
 * 500 records is 500 changes, one edited cell is one. A write that aborts counts nothing.
 *
 * The count is kept in memory and added to the stored `backup.changesSince` a moment later, in a
 * transaction of its own (a read-modify-write, so two tabs adding at once lose nothing). Only this
 * tab's writes are counted here, so two tabs never count one change twice.
 */
import Dexie, { liveQuery } from 'dexie';
import { asBackupMeta, BACKUP_META_KEY, isLocalSetting, type BackupMeta } from '../core/backup';
import type { LedgerDatabase } from './database';

const FLUSH_MS = 1000;

/** The stored backup status, and the changes counted since, written back shortly after each write. */
export class ChangeTracker {
  /** Changes counted by this tab and not yet added to the stored count. */
  private pending = 0;
  /** Every change this tab counted, ever: a backup notes it when it starts reading. */
  private total = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly detach: () => void;

  constructor(private readonly db: LedgerDatabase) {
    this.detach = db.onRecordChanges((n) => {
      this.pending += n;
      this.total += n;
      this.timer ??= setTimeout(() => {
        this.timer = null;
        void this.flush().catch((e: unknown) => console.error(e));
      }, FLUSH_MS);
    });
  }

  stop(): void {
    this.detach();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Add the changes counted so far to the stored count now (a tab being closed). */
  async flush(): Promise<void> {
    const n = this.pending;
    if (n === 0) return;
    this.pending = 0;
    await this.update((m) => ({ ...m, changesSince: m.changesSince + n }));
  }

  /** A mark taken just before a backup reads the data: changes after it are not in the backup. */
  mark(): number {
    return this.total;
  }

  /** A backup of the data as it was at `mark` was saved at `at`. */
  async backedUp(at: Date, mark: number): Promise<void> {
    this.pending = 0;
    const after = this.total - mark;
    await this.update(() => ({ lastAt: at.toISOString(), changesSince: after }));
  }

  /** The data was replaced by a backup's: nothing in it is unsaved. The time of the last backup stays. */
  async restored(): Promise<void> {
    this.pending = 0;
    await this.update((m) => ({ ...m, changesSince: 0 }));
  }

  private update(change: (m: BackupMeta) => BackupMeta): Promise<void> {
    const { db } = this;
    return Dexie.ignoreTransaction(() =>
      db.transaction('rw', db.settings, async () => {
        const now = asBackupMeta((await db.settings.get(BACKUP_META_KEY))?.value);
        await db.settings.put({ key: BACKUP_META_KEY, value: change(now) });
      }),
    );
  }
}

/**
 * Call `onChange` whenever anything a backup holds changes, in this tab or another: every record,
 * batch and mapping, and every setting but this browser's own. The kept file is written again after
 * each call; writing the backup status that follows must not count, or it would never stop.
 *
 * Two live queries: counting a whole table subscribes to every row of it (an edited cell re-runs
 * the count though the number stays the same, so every run after the first is a change). Settings
 * are compared by content instead, because Dexie widens a key range to include its bounds: a range
 * that leaves out the `backup` key would still wake up on it.
 */
export function watchDataChanges(
  db: LedgerDatabase,
  onChange: () => void,
  onError: (e: unknown) => void,
): () => void {
  let tablesSeen = false;
  let settingsSeen: string | null = null;
  const tables = liveQuery(
    async () => (await db.blocks.count()) + (await db.batches.count()) + (await db.mappings.count()),
  ).subscribe({
    next: () => {
      if (tablesSeen) onChange();
      tablesSeen = true;
    },
    error: onError,
  });
  const settings = liveQuery(() => db.settings.toArray()).subscribe({
    next: (rows) => {
      const seen = JSON.stringify(rows.filter((s) => !isLocalSetting(s.key)));
      if (settingsSeen !== null && seen !== settingsSeen) onChange();
      settingsSeen = seen;
    },
    error: onError,
  });
  return () => {
    tables.unsubscribe();
    settings.unsubscribe();
  };
}
