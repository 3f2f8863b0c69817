/**
 * The backup file: everything the app stores, with a format version and a checksum, so that a
 * damaged or foreign file is refused before anything is replaced. Pure: no DOM, no Dexie.
 */
import { contentHash } from './hash';
import type { ImportBatch, LedgerRecord, SavedMapping, Setting } from './schema';

export const BACKUP_FORMAT = 'taizhang-kanban-backup';
export const BACKUP_VERSION = 1;

export interface BackupData {
  records: LedgerRecord[];
  batches: ImportBatch[];
  mappings: SavedMapping[];
  settings: Setting[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  counts: { records: number; batches: number; mappings: number; settings: number };
  /** Hash of the canonical JSON of `data`: a file cut short or edited by hand no longer matches. */
  checksum: string;
  data: BackupData;
}

export type BackupRefusal = 'not-json' | 'foreign' | 'newer-version' | 'checksum' | 'malformed';

export type BackupReading =
  { ok: true; backup: BackupFile } | { ok: false; reason: BackupRefusal; detail?: string };

/** The four lists in one fixed order: the checksum must not depend on how a caller built `data`. */
function canonical(data: BackupData): BackupData {
  return { records: data.records, batches: data.batches, mappings: data.mappings, settings: data.settings };
}

/**
 * The data of a backup with its records already as JSON text (the stored blocks' texts joined):
 * a backup of 100,000 records is then written without parsing and stringifying them again.
 */
export interface BackupDataText {
  /** JSON of the records array, exactly as JSON.stringify would write it. */
  recordsJson: string;
  recordCount: number;
  batches: ImportBatch[];
  mappings: SavedMapping[];
  settings: Setting[];
}

/**
 * serializeBackup(makeBackup(data, now)), to the byte, from `recordsJson` instead of the records:
 * the same keys in the same order, so files written either way are one format and one checksum.
 */
export function backupText(d: BackupDataText, now: Date): string {
  const dataText = `{"records":${d.recordsJson},"batches":${JSON.stringify(d.batches)},"mappings":${JSON.stringify(d.mappings)},"settings":${JSON.stringify(d.settings)}}`;
  const head = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    counts: {
      records: d.recordCount,
      batches: d.batches.length,
      mappings: d.mappings.length,
      settings: d.settings.length,
    },
    checksum: contentHash(new TextEncoder().encode(dataText)),
  };
  const headText = JSON.stringify(head);
  return `${headText.slice(0, -1)},"data":${dataText}}`;
}

function checksumOf(data: BackupData): string {
  return contentHash(new TextEncoder().encode(JSON.stringify(canonical(data))));
}

export function makeBackup(given: BackupData, now: Date): BackupFile {
  const data = canonical(given);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    counts: {
      records: data.records.length,
      batches: data.batches.length,
      mappings: data.mappings.length,
      settings: data.settings.length,
    },
    checksum: checksumOf(data),
    data,
  };
}

export function serializeBackup(b: BackupFile): string {
  return JSON.stringify(b);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isRecord(v: unknown): v is LedgerRecord {
  if (!isObject(v)) return false;
  const source = v.source;
  const values = v.values;
  return (
    isNumber(v.batchId) &&
    isNumber(v.rowNo) &&
    isString(v.date) &&
    isString(v.category) &&
    Array.isArray(v.members) &&
    v.members.every(isString) &&
    isString(v.place) &&
    isString(v.subject) &&
    isString(v.status) &&
    isString(v.satisfaction) &&
    isString(v.note) &&
    isString(v.unit) &&
    isObject(values) &&
    Object.values(values).every(isNumber) &&
    isObject(source) &&
    isString(source.file) &&
    isString(source.sheet) &&
    isNumber(source.row)
  );
}

function isBatch(v: unknown): v is ImportBatch {
  return (
    isObject(v) &&
    isNumber(v.id) &&
    isString(v.fileName) &&
    isString(v.contentHash) &&
    Array.isArray(v.sheets) &&
    isString(v.importedAt) &&
    isNumber(v.imported) &&
    typeof v.demo === 'boolean'
  );
}

function isMapping(v: unknown): v is SavedMapping {
  return isObject(v) && isString(v.signature) && Array.isArray(v.roles) && Array.isArray(v.headers);
}

function isSetting(v: unknown): v is Setting {
  return isObject(v) && isString(v.key);
}

/**
 * Read a backup file's text. Every refusal is data with a reason; nothing is thrown, and nothing
 * about the file is trusted until its checksum and every row's shape have been checked.
 */
export function readBackup(text: string): BackupReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { ok: false, reason: 'not-json', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT) return { ok: false, reason: 'foreign' };
  if (!isNumber(parsed.version) || parsed.version > BACKUP_VERSION)
    return { ok: false, reason: 'newer-version' };
  const data = parsed.data;
  if (
    !isObject(data) ||
    !Array.isArray(data.records) ||
    !Array.isArray(data.batches) ||
    !Array.isArray(data.mappings) ||
    !Array.isArray(data.settings)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const typed: BackupData = {
    records: data.records as LedgerRecord[],
    batches: data.batches as ImportBatch[],
    mappings: data.mappings as SavedMapping[],
    settings: data.settings as Setting[],
  };
  if (parsed.checksum !== checksumOf(typed)) return { ok: false, reason: 'checksum' };
  if (
    !typed.records.every(isRecord) ||
    !typed.batches.every(isBatch) ||
    !typed.mappings.every(isMapping) ||
    !typed.settings.every(isSetting)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  // Every record must belong to a batch of the file: an undo or a backup summary depends on it.
  const batchIds = new Set(typed.batches.map((b) => b.id));
  if (!typed.records.every((r) => batchIds.has(r.batchId))) return { ok: false, reason: 'malformed' };
  // Another browser's backup status or kept file is no business of this one.
  typed.settings = typed.settings.filter((s) => !isLocalSetting(s.key));
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: parsed.version,
      createdAt: isString(parsed.createdAt) ? parsed.createdAt : '',
      counts: {
        records: typed.records.length,
        batches: typed.batches.length,
        mappings: typed.mappings.length,
        settings: typed.settings.length,
      },
      checksum: parsed.checksum,
      data: typed,
    },
  };
}

/**
 * Settings that belong to this browser, never to the data: when the last backup was made and the
 * file kept up to date (a FileSystemFileHandle, meaningless on another computer). A backup leaves
 * them out, and a restore or a clear keeps this browser's own.
 */
export const BACKUP_META_KEY = 'backup';
export const AUTOSAVE_KEY = 'autosave';
export const LOCAL_SETTING_KEYS: readonly string[] = [AUTOSAVE_KEY, BACKUP_META_KEY];

export function isLocalSetting(key: string): boolean {
  return LOCAL_SETTING_KEYS.includes(key);
}

/** Stored under `backup` in the settings table. */
export interface BackupMeta {
  /** ISO time of the last backup downloaded or written to the kept file; null: never. */
  lastAt: string | null;
  /** Records added, changed or removed since then (counted by src/db/changes.ts). */
  changesSince: number;
}

export const NO_BACKUP: BackupMeta = { lastAt: null, changesSince: 0 };

export function asBackupMeta(v: unknown): BackupMeta {
  if (!isObject(v)) return NO_BACKUP;
  return {
    lastAt: isString(v.lastAt) && !Number.isNaN(Date.parse(v.lastAt)) ? v.lastAt : null,
    changesSince: isNumber(v.changesSince) && v.changesSince > 0 ? Math.floor(v.changesSince) : 0,
  };
}

const DAY = 24 * 60 * 60 * 1000;
export const NUDGE_DAYS = 7;
export const NUDGE_CHANGES = 200;
export const RED_DAYS = 30;

export type BackupAge =
  { kind: 'never' } | { kind: 'just-now' } | { kind: 'minutes' | 'hours' | 'days'; n: number };

/** How long ago the last backup was, in the unit a person would say it. */
export function backupAge(lastAt: string | null, now: number): BackupAge {
  if (lastAt === null) return { kind: 'never' };
  const ms = Math.max(0, now - Date.parse(lastAt));
  if (ms < 60_000) return { kind: 'just-now' };
  if (ms < 3_600_000) return { kind: 'minutes', n: Math.floor(ms / 60_000) };
  if (ms < DAY) return { kind: 'hours', n: Math.floor(ms / 3_600_000) };
  return { kind: 'days', n: Math.floor(ms / DAY) };
}

/** The colour of the top bar's status: amber after 7 days, red after 30; never backed up is amber. */
export function backupLevel(lastAt: string | null, now: number, hasData: boolean): 'ok' | 'amber' | 'red' {
  if (lastAt === null) return hasData ? 'amber' : 'ok';
  const days = (now - Date.parse(lastAt)) / DAY;
  if (days >= RED_DAYS) return 'red';
  return days >= NUDGE_DAYS ? 'amber' : 'ok';
}

/**
 * Whether to show the 立即备份 banner: there is data, and the last backup (or, never backed up, the
 * oldest data) is a week old, or 200 records changed since.
 */
export function needsBackup(meta: BackupMeta, now: number, oldestData: string | null): boolean {
  if (oldestData === null) return false;
  if (meta.changesSince >= NUDGE_CHANGES) return true;
  const since = Date.parse(meta.lastAt ?? oldestData);
  return Number.isFinite(since) && now - since >= NUDGE_DAYS * DAY;
}

/** `台账看板备份-2024-01-05.json`, in the clerk's own calendar day. */
export function backupFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `台账看板备份-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}.json`;
}
