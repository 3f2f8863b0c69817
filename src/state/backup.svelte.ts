/**
 * Keeping the clerk's data safe: when it was last backed up (shown in the top bar, the same in every
 * tab: it is read from IndexedDB), the file kept up to date where the browser allows it, persistent
 * storage, and the wholesale operations (restore, clear all) that end with a reload of every tab.
 */
import { liveQuery, type Subscription } from 'dexie';
import {
  askPermission,
  canKeepFile,
  isFileHandle,
  permissionOf,
  pickFile,
  writeText,
} from '../adapters/fileAccess';
import {
  asBackupMeta,
  AUTOSAVE_KEY,
  BACKUP_META_KEY,
  backupFileName,
  backupText,
  NO_BACKUP,
  type BackupData,
  type BackupMeta,
} from '../core/backup';
import { ChangeTracker, watchDataChanges } from '../db/changes';
import type { LedgerDatabase } from '../db/database';
import { clearEverything, readEverythingText, replaceEverything } from '../db/repository';
import { t } from '../i18n/zh-CN';
import { toasts } from './toasts.svelte';

/** Stored under `autosave`: the handle is structured-cloneable, so IndexedDB keeps it. */
interface KeptFile {
  handle: FileSystemFileHandle;
  name: string;
}

const AUTOSAVE_DELAY_MS = 3000;
/** Tells the other tabs that everything was replaced: they reload rather than keep stale state. */
const RESET_CHANNEL = 'taizhang-kanban-reset';
/** A message carried across the reload that follows a restore or a clear. */
const FLASH_KEY = 'taizhang-kanban-flash';

function errorName(e: unknown): string {
  return e instanceof Error || e instanceof DOMException ? e.name : '';
}

class BackupState {
  meta = $state<BackupMeta>(NO_BACKUP);
  /** The clock the relative times are read against, advanced every 30 seconds. */
  now = $state(Date.now());
  /** The answer to navigator.storage.persist(); null while asking or where it cannot be asked. */
  persisted = $state<boolean | null>(null);
  persistApi = typeof navigator !== 'undefined' && typeof navigator.storage?.persist === 'function';
  usage = $state<{ usage: number; quota: number } | null>(null);

  readonly keepFileSupported = canKeepFile();
  kept = $state.raw<KeptFile | null>(null);
  /** Whether the browser lets the app write the kept file now (after a reload it asks again). */
  permission = $state<PermissionState | null>(null);
  keptWrittenAt = $state<string | null>(null);
  keepError = $state<string | null>(null);

  /** A backup download or a file write running. */
  working = $state(false);
  /** The reminder banner hidden until the next reload. */
  snoozed = $state(false);

  private db: LedgerDatabase | null = null;
  private tracker: ChangeTracker | null = null;
  private subs: Subscription[] = [];
  private cleanups: (() => void)[] = [];
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private writing = false;
  private writeAgain = false;
  private channel: BroadcastChannel | null = null;

  start(db: LedgerDatabase, onError: (e: unknown) => void): void {
    this.db = db;
    this.tracker = new ChangeTracker(db);
    this.showFlash();

    this.subs.push(
      liveQuery(() => db.settings.get(BACKUP_META_KEY)).subscribe({
        next: (s) => {
          this.meta = asBackupMeta(s?.value);
          this.now = Date.now();
        },
        error: onError,
      }),
      liveQuery(() => db.settings.get(AUTOSAVE_KEY)).subscribe({
        next: (s) => void this.keptChanged(s?.value),
        error: onError,
      }),
    );
    this.cleanups.push(
      watchDataChanges(
        db,
        () => {
          this.scheduleWrite();
          void this.refreshUsage();
        },
        onError,
      ),
    );
    void this.refreshUsage();

    const tick = setInterval(() => (this.now = Date.now()), 30_000);
    const hide = () => void this.tracker?.flush().catch((e: unknown) => console.error(e));
    window.addEventListener('pagehide', hide);
    this.cleanups.push(
      () => clearInterval(tick),
      () => window.removeEventListener('pagehide', hide),
    );
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(RESET_CHANNEL);
      this.channel.onmessage = () => this.reload(t.backup.resetElsewhere);
    }

    // Asked once, never awaited by the UI: the answer only changes a line on the 数据 page.
    void this.askPersistence();
  }

  stop(): void {
    for (const s of this.subs) s.unsubscribe();
    this.subs = [];
    for (const c of this.cleanups) c();
    this.cleanups = [];
    this.tracker?.stop();
    this.channel?.close();
    if (this.saveTimer) clearTimeout(this.saveTimer);
  }

  private get database(): LedgerDatabase {
    if (!this.db) throw new Error('backup state not started');
    return this.db;
  }

  private async askPersistence(): Promise<void> {
    const storage = navigator.storage;
    if (!this.persistApi) return;
    try {
      this.persisted = (await storage.persisted()) || (await storage.persist());
    } catch {
      this.persisted = false;
    }
  }

  async refreshUsage(): Promise<void> {
    if (typeof navigator.storage?.estimate !== 'function') return;
    try {
      const e = await navigator.storage.estimate();
      if (typeof e.usage === 'number' && typeof e.quota === 'number') {
        this.usage = { usage: e.usage, quota: e.quota };
      }
    } catch {
      // No estimate: the line is simply not shown.
    }
  }

  /** Make a backup of everything as it is now; `mark` notes the changes it will not contain. */
  private async snapshot(): Promise<{ text: string; at: Date; mark: number }> {
    const mark = this.tracker?.mark() ?? 0;
    const at = new Date();
    // Written from the stored blocks' JSON texts: at 100,000 records, parsing every record and
    // stringifying it again held the page for half a second after each change kept in a file.
    const text = backupText(await readEverythingText(this.database), at);
    return { text, at, mark };
  }

  /** 备份到文件 / 立即备份: `save` offers the file (a download), then the status says 刚刚. */
  async download(save: (text: string, fileName: string) => void): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      const { text, at, mark } = await this.snapshot();
      const name = backupFileName(at);
      save(text, name);
      await this.tracker?.backedUp(at, mark);
      this.now = Date.now();
      toasts.info(t.backup.downloaded(name));
    } finally {
      this.working = false;
    }
  }

  // ---- the kept file (自动保存到文件) ----

  private async keptChanged(value: unknown): Promise<void> {
    const v = value as Partial<KeptFile> | undefined;
    if (!v || !isFileHandle(v.handle)) {
      this.kept = null;
      this.permission = null;
      return;
    }
    const kept: KeptFile = { handle: v.handle, name: typeof v.name === 'string' ? v.name : v.handle.name };
    const same = this.kept !== null && (await this.kept.handle.isSameEntry(kept.handle).catch(() => false));
    this.kept = kept;
    if (same) return;
    this.keepError = null;
    try {
      this.permission = await permissionOf(kept.handle);
    } catch {
      this.permission = 'prompt';
    }
  }

  /** 自动保存到文件: pick the file (a click), store its handle, write it at once. */
  async keepFile(): Promise<void> {
    let handle: FileSystemFileHandle;
    try {
      handle = await pickFile(t.autosave.suggestedName, t.autosave.fileType);
    } catch (e) {
      if (errorName(e) === 'AbortError') return;
      throw e;
    }
    const kept: KeptFile = { handle, name: handle.name };
    this.kept = kept;
    this.permission = 'granted';
    this.keepError = null;
    await this.database.settings.put({ key: AUTOSAVE_KEY, value: kept });
    if (await this.writeKept()) toasts.info(t.autosave.started(kept.name));
  }

  /** After a reload the browser asks again; only a click may ask, so this runs from a button. */
  async resumeKeeping(): Promise<void> {
    const kept = this.kept;
    if (!kept) return;
    this.permission = await askPermission(kept.handle);
    if (this.permission === 'granted') await this.writeKept();
    else toasts.error(t.autosave.denied);
  }

  async stopKeeping(quiet = false): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.kept = null;
    this.permission = null;
    this.keptWrittenAt = null;
    this.keepError = null;
    await this.database.settings.delete(AUTOSAVE_KEY);
    if (!quiet) toasts.info(t.autosave.stopped);
  }

  private scheduleWrite(): void {
    if (!this.kept || this.permission !== 'granted') return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.writeKept();
    }, AUTOSAVE_DELAY_MS);
  }

  /** Write a change still waiting out its delay now (before a restore or a clear replaces it). */
  private async writePending(): Promise<void> {
    if (!this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.writeKept();
  }

  /** Write the whole backup to the kept file; true when written. One write at a time. */
  private async writeKept(): Promise<boolean> {
    if (this.writing) {
      this.writeAgain = true;
      return false;
    }
    this.writing = true;
    try {
      // Read again: 停止 in another tab stops this one too.
      const stored = (await this.database.settings.get(AUTOSAVE_KEY))?.value as Partial<KeptFile> | undefined;
      if (!stored || !isFileHandle(stored.handle)) return false;
      const { text, at, mark } = await this.snapshot();
      await writeText(stored.handle, text);
      await this.tracker?.backedUp(at, mark);
      this.keptWrittenAt = at.toISOString();
      this.keepError = null;
      this.now = Date.now();
      return true;
    } catch (e) {
      if (errorName(e) === 'NotAllowedError' || errorName(e) === 'SecurityError') {
        this.permission = 'prompt';
      } else {
        console.warn(e);
        this.keepError = t.autosave.failed;
      }
      return false;
    } finally {
      this.writing = false;
      if (this.writeAgain) {
        this.writeAgain = false;
        this.scheduleWrite();
      }
    }
  }

  // ---- wholesale operations ----

  /**
   * Replace everything with a backup's data, in one transaction. The kept file is written first if a
   * change was waiting, then no longer kept: it holds the data from before, should the wrong backup
   * have been chosen. Every tab reloads, so no view, undo history or setting stays from before.
   */
  async restore(data: BackupData): Promise<void> {
    await this.beforeReplacing();
    await replaceEverything(this.database, data);
    await this.tracker?.restored();
    this.announceReset();
    this.reload(t.backup.restored(data.records.length));
  }

  async clearAll(): Promise<void> {
    await this.beforeReplacing();
    await clearEverything(this.database);
    this.announceReset();
    this.reload(t.clearAll.done);
  }

  private async beforeReplacing(): Promise<void> {
    if (this.kept) {
      if (this.permission === 'granted') await this.writePending();
      await this.stopKeeping(true);
    }
    await this.tracker?.flush();
  }

  private announceReset(): void {
    this.channel?.postMessage('reset');
  }

  private reload(message: string): void {
    try {
      sessionStorage.setItem(FLASH_KEY, message);
    } catch {
      // No session storage: the reload happens without the message.
    }
    location.reload();
  }

  private showFlash(): void {
    try {
      const message = sessionStorage.getItem(FLASH_KEY);
      if (message) {
        sessionStorage.removeItem(FLASH_KEY);
        toasts.info(message);
      }
    } catch {
      // No session storage.
    }
  }
}

export const backup = new BackupState();
