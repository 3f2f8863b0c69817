/** The backup status in words: 刚刚, 3天前, 从未备份; and sizes of stored data. */
import { backupAge } from '../core/backup';
import { t } from '../i18n/zh-CN';

export function backupAgeText(lastAt: string | null, now: number): string {
  const age = backupAge(lastAt, now);
  switch (age.kind) {
    case 'never':
      return t.backup.never;
    case 'just-now':
      return t.backup.age.justNow;
    case 'minutes':
      return t.backup.age.minutes(age.n);
    case 'hours':
      return t.backup.age.hours(age.n);
    default:
      return t.backup.age.days(age.n);
  }
}

/** 12.3 MB: bytes in the unit a clerk has seen on a USB stick. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : 1;
  return `${v.toFixed(digits)} ${units[i] ?? ''}`;
}

/** A file offered for download: the backup as UTF-8 JSON. */
export const BACKUP_TYPE = 'application/json;charset=utf-8';
