import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  asBackupMeta,
  backupAge,
  backupFileName,
  backupLevel,
  makeBackup,
  needsBackup,
  readBackup,
  serializeBackup,
} from '../../src/core/backup';
import { buildDemo } from '../../src/core/demo';
import type { NewRecord } from '../../src/core/schema';
import { ChangeTracker, watchDataChanges } from '../../src/db/changes';
import {
  addBatch,
  addDemo,
  clearEverything,
  deleteRecords,
  getSetting,
  putSetting,
  readEverything,
  recordCount,
  removeBatch,
  replaceEverything,
  updateRecords,
} from '../../src/db/repository';
import { freshDatabases } from '../helpers/database';

const freshDb = freshDatabases('safety-test');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rec(row: number): NewRecord {
  return {
    date: '2023-03-05',
    category: '走访',
    members: ['江峰'],
    place: '青山村',
    subject: '走访',
    status: '',
    satisfaction: '',
    values: { people: row },
    note: '',
    unit: '',
    source: { file: 'a.xlsx', sheet: 'Sheet1', row },
  };
}

const batch = (hash: string, imported: number) => ({
  fileName: `${hash}.xlsx`,
  contentHash: hash,
  sheets: ['Sheet1'],
  mappingSignature: '',
  importedAt: '2024-01-05T08:00:00.000Z',
  imported,
  skipped: 0,
  demo: false,
});

describe("this browser's own settings", () => {
  it('are left out of a backup and kept by a restore and a clear', async () => {
    const db = freshDb();
    await addDemo(db, buildDemo(), new Date('2024-01-05T00:00:00Z'));
    await putSetting(db, 'report', { orientation: 'landscape' });
    await putSetting(db, 'backup', { lastAt: '2024-01-06T00:00:00.000Z', changesSince: 3 });
    await putSetting(db, 'autosave', { name: 'x.json' });
    const data = await readEverything(db);
    expect(data.settings.map((s) => s.key)).toEqual(['report']);

    await replaceEverything(db, { ...data, settings: [] });
    expect(await getSetting(db, 'backup')).toEqual({ lastAt: '2024-01-06T00:00:00.000Z', changesSince: 3 });
    expect(await getSetting(db, 'autosave')).toEqual({ name: 'x.json' });
    expect(await getSetting(db, 'report')).toBeUndefined();

    await clearEverything(db);
    expect(await recordCount(db)).toBe(0);
    expect((await db.settings.toArray()).map((s) => s.key).sort()).toEqual(['autosave', 'backup']);
  });

  it('in a backup file (an older one, another browser) are dropped on reading, never restored', async () => {
    const db = freshDb();
    await addDemo(db, buildDemo(), new Date('2024-01-05T00:00:00Z'));
    const data = await readEverything(db);
    const foreign = {
      ...data,
      settings: [
        { key: 'backup', value: { lastAt: '2020-01-01T00:00:00.000Z', changesSince: 0 } },
        { key: 'autosave', value: {} },
        { key: 'report', value: { orientation: 'portrait' } },
      ],
    };
    const reading = readBackup(serializeBackup(makeBackup(foreign, new Date())));
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.backup.data.settings.map((s) => s.key)).toEqual(['report']);
    expect(reading.backup.counts.settings).toBe(1);
    await putSetting(db, 'backup', { lastAt: '2024-02-01T00:00:00.000Z', changesSince: 0 });
    await replaceEverything(db, foreign);
    expect(await getSetting(db, 'backup')).toEqual({ lastAt: '2024-02-01T00:00:00.000Z', changesSince: 0 });
    expect(await getSetting(db, 'autosave')).toBeUndefined();
  });
});

describe('counting changes since the last backup', () => {
  it('hears every write to the records table, by any path, counted in rows', async () => {
    const db = freshDb();
    const heard: number[] = [];
    db.onRecordChanges((k) => heard.push(k));
    const id = await addBatch(db, batch('h1', 5), [1, 2, 3, 4, 5].map(rec));
    expect(heard).toEqual([5]);
    await updateRecords(db, [{ key: [id, 2], patch: { fields: { place: '石门社区' }, values: {} } }]);
    expect(heard).toEqual([5, 1]);
    await deleteRecords(db, [[id, 3]]);
    expect(heard).toEqual([5, 1, 1]);
    await removeBatch(db, id);
    expect(heard).toEqual([5, 1, 1, 4]);
    // Setting writes are not changes to records.
    await putSetting(db, 'report', {});
    expect(heard).toEqual([5, 1, 1, 4]);
  });

  it('adds the count to the stored status, resets it on a backup and keeps the time on a restore', async () => {
    const db = freshDb();
    const tracker = new ChangeTracker(db);
    try {
      await addBatch(db, batch('h1', 3), [1, 2, 3].map(rec));
      await tracker.flush();
      expect(asBackupMeta(await getSetting(db, 'backup'))).toEqual({ lastAt: null, changesSince: 3 });

      const mark = tracker.mark();
      // A change after the backup started reading is not in the backup: it still counts.
      await addBatch(db, batch('h2', 2), [1, 2].map(rec));
      await tracker.backedUp(new Date('2024-03-01T00:00:00Z'), mark);
      expect(asBackupMeta(await getSetting(db, 'backup'))).toEqual({
        lastAt: '2024-03-01T00:00:00.000Z',
        changesSince: 2,
      });
      await tracker.flush();
      expect(asBackupMeta(await getSetting(db, 'backup')).changesSince).toBe(2);

      const data = await readEverything(db);
      await replaceEverything(db, data);
      await tracker.restored();
      expect(asBackupMeta(await getSetting(db, 'backup'))).toEqual({
        lastAt: '2024-03-01T00:00:00.000Z',
        changesSince: 0,
      });
      // Nothing counted before the restore is added afterwards.
      await sleep(1100);
      expect(asBackupMeta(await getSetting(db, 'backup')).changesSince).toBe(0);
    } finally {
      tracker.stop();
    }
  });

  it('writes the count a moment after the change on its own', async () => {
    const db = freshDb();
    const tracker = new ChangeTracker(db);
    try {
      await addBatch(db, batch('h1', 2), [1, 2].map(rec));
      await sleep(1200);
      expect(asBackupMeta(await getSetting(db, 'backup')).changesSince).toBe(2);
    } finally {
      tracker.stop();
    }
  });
});

describe('the change signal for the kept file', () => {
  it('fires on data and settings, not on the backup status or the kept file itself', async () => {
    const db = freshDb();
    let emissions = 0;
    const stop = watchDataChanges(
      db,
      () => emissions++,
      (e) => {
        throw e;
      },
    );
    const settle = async () => {
      await sleep(80);
      return emissions;
    };
    try {
      expect(await settle()).toBe(0);
      const id = await addBatch(db, batch('h1', 2), [1, 2].map(rec));
      await expect.poll(() => emissions).toBe(1);
      await updateRecords(db, [{ key: [id, 1], patch: { fields: { place: '石门社区' }, values: {} } }]);
      await expect.poll(() => emissions).toBe(2);
      await putSetting(db, 'backup', { lastAt: new Date().toISOString(), changesSince: 0 });
      await putSetting(db, 'autosave', { name: 'x.json' });
      expect(await settle()).toBe(2);
      await putSetting(db, 'narrative', { preset: 'member' });
      await expect.poll(() => emissions).toBe(3);
      await putSetting(db, 'roster', ['江峰']);
      await expect.poll(() => emissions).toBe(4);
    } finally {
      stop();
    }
  });
});

describe('the status in words and colours', () => {
  const now = Date.parse('2024-03-10T12:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const DAY = 86_400_000;

  it('says how long ago in the unit a person would use', () => {
    expect(backupAge(null, now)).toEqual({ kind: 'never' });
    expect(backupAge(ago(20_000), now)).toEqual({ kind: 'just-now' });
    expect(backupAge(ago(-5_000), now)).toEqual({ kind: 'just-now' });
    expect(backupAge(ago(5 * 60_000), now)).toEqual({ kind: 'minutes', n: 5 });
    expect(backupAge(ago(3 * 3_600_000), now)).toEqual({ kind: 'hours', n: 3 });
    expect(backupAge(ago(3 * DAY + 5), now)).toEqual({ kind: 'days', n: 3 });
  });

  it('is amber after 7 days, red after 30, amber when never backed up with data', () => {
    expect(backupLevel(ago(6 * DAY), now, true)).toBe('ok');
    expect(backupLevel(ago(7 * DAY), now, true)).toBe('amber');
    expect(backupLevel(ago(29 * DAY), now, true)).toBe('amber');
    expect(backupLevel(ago(30 * DAY), now, true)).toBe('red');
    expect(backupLevel(null, now, true)).toBe('amber');
    expect(backupLevel(null, now, false)).toBe('ok');
  });

  it('nudges after 7 days or 200 changes, only with data', () => {
    const fresh = { lastAt: ago(DAY), changesSince: 0 };
    expect(needsBackup(fresh, now, ago(100 * DAY))).toBe(false);
    expect(needsBackup({ ...fresh, changesSince: 199 }, now, ago(100 * DAY))).toBe(false);
    expect(needsBackup({ ...fresh, changesSince: 200 }, now, ago(100 * DAY))).toBe(true);
    expect(needsBackup({ lastAt: ago(8 * DAY), changesSince: 0 }, now, ago(100 * DAY))).toBe(true);
    expect(needsBackup({ lastAt: null, changesSince: 10 }, now, ago(DAY))).toBe(false);
    expect(needsBackup({ lastAt: null, changesSince: 10 }, now, ago(8 * DAY))).toBe(true);
    expect(needsBackup({ lastAt: null, changesSince: 500 }, now, null)).toBe(false);
  });

  it('reads a stored status defensively', () => {
    expect(asBackupMeta(undefined)).toEqual({ lastAt: null, changesSince: 0 });
    expect(asBackupMeta({ lastAt: 'yesterday', changesSince: -3 })).toEqual({
      lastAt: null,
      changesSince: 0,
    });
    expect(asBackupMeta({ lastAt: '2024-01-05T00:00:00.000Z', changesSince: 12.7 })).toEqual({
      lastAt: '2024-01-05T00:00:00.000Z',
      changesSince: 12,
    });
  });

  it('names the file by the local calendar day', () => {
    expect(backupFileName(new Date(2024, 0, 5, 23, 59))).toBe('台账看板备份-2024-01-05.json');
  });
});

describe('the checksum', () => {
  it('does not depend on the order the lists were given in', () => {
    const data = { records: [], batches: [], mappings: [], settings: [{ key: 'report', value: 1 }] };
    const reordered = { settings: data.settings, mappings: [], batches: [], records: [] };
    const a = makeBackup(data, new Date(0));
    const b = makeBackup(reordered, new Date(0));
    expect(b.checksum).toBe(a.checksum);
    expect(readBackup(serializeBackup(b)).ok).toBe(true);
  });
});
