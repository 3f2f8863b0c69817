import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupText, makeBackup, readBackup, serializeBackup, type BackupData } from '../../src/core/backup';
import { buildDemo } from '../../src/core/demo';
import { LedgerDatabase } from '../../src/db/database';
import {
  addBatch,
  addDemo,
  clearEverything,
  putSetting,
  deleteRecords,
  readEverything,
  readEverythingText,
  replaceEverything,
  updateRecords,
} from '../../src/db/repository';
import { freshDatabases } from '../helpers/database';

const freshDb = freshDatabases('backup-test');

async function filled(): Promise<LedgerDatabase> {
  const db = freshDb();
  await addDemo(db, buildDemo(), new Date('2024-01-05T00:00:00Z'));
  await db.mappings.put({
    signature: '日期|人数',
    headers: ['日期', '人数'],
    roles: [{ kind: 'date' }, { kind: 'measure', measure: 'people', scale: 1 }],
    category: '走访',
    headerStart: 1,
    headerEnd: 1,
    updatedAt: '2024-01-05T00:00:00Z',
  });
  await putSetting(db, 'narrative', { preset: 'member' });
  return db;
}

describe('backup and restore', () => {
  it('round-trips every record, batch, mapping and setting exactly', async () => {
    const source = await filled();
    const before = await readEverything(source);
    const text = serializeBackup(makeBackup(before, new Date('2024-02-01T00:00:00Z')));
    const reading = readBackup(text);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.backup.counts).toEqual({
      records: before.records.length,
      batches: 1,
      mappings: 1,
      settings: 1,
    });
    const target = freshDb();
    await addBatch(
      target,
      {
        fileName: 'x',
        contentHash: 'x',
        sheets: [],
        mappingSignature: '',
        importedAt: '',
        imported: 0,
        skipped: 0,
        demo: false,
      },
      [],
    );
    await replaceEverything(target, reading.backup.data);
    expect(await readEverything(target)).toEqual(before);
  });

  it.each<[string, (text: string) => string, string]>([
    ['random text', () => '这不是备份文件', 'not-json'],
    ['another JSON file', () => JSON.stringify({ hello: 1 }), 'foreign'],
    ['a newer version', (t) => t.replace('"version":1', '"version":99'), 'newer-version'],
    [
      'an edited figure',
      (t) => t.replace(/"people":(\d+)/, (_m, d: string) => `"people":${Number(d) + 1}`),
      'checksum',
    ],
    ['a file cut short', (t) => t.slice(0, Math.floor(t.length / 2)), 'not-json'],
  ])('refuses %s', async (_name, damage, reason) => {
    const db = await filled();
    const text = serializeBackup(makeBackup(await readEverything(db), new Date()));
    const reading = readBackup(damage(text));
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toBe(reason);
  });

  it('refuses rows of the wrong shape even with a matching checksum', () => {
    const data: BackupData = {
      records: [{ batchId: 1, rowNo: 1 } as never],
      batches: [],
      mappings: [],
      settings: [],
    };
    const reading = readBackup(serializeBackup(makeBackup(data, new Date())));
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toBe('malformed');
  });

  it('rolls back a restore that fails midway, leaving the data as it was', async () => {
    const db = await filled();
    const before = await readEverything(db);
    const bad: BackupData = {
      ...before,
      // Two records with one primary key: the bulk add fails after the tables were cleared.
      records: [...before.records, { ...(before.records[0] as (typeof before.records)[number]) }],
    };
    await expect(replaceEverything(db, bad)).rejects.toThrow();
    expect(await readEverything(db)).toEqual(before);
  });

  it('clears everything in one step', async () => {
    const db = await filled();
    await clearEverything(db);
    const after = await readEverything(db);
    expect([
      after.records.length,
      after.batches.length,
      after.mappings.length,
      after.settings.length,
    ]).toEqual([0, 0, 0, 0]);
  });

  it('never throws on arbitrary text (fuzz)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = readBackup(s);
        expect(r.ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(() => readBackup(JSON.stringify(v))).not.toThrow();
      }),
    );
  });
});

describe('a backup written from the stored blocks’ texts', () => {
  it('is, to the byte, the file made from the records themselves', async () => {
    const db = freshDb();
    const demo = buildDemo();
    // Several blocks, several batches, edits, a deletion, decimals, and settings of both kinds.
    const many = Array.from({ length: 1200 }, (_, i) => ({
      ...(demo[i % demo.length] as (typeof demo)[number]),
      values: { people: i % 7, amount: (i * 37) / 100 },
      note: i % 9 === 0 ? '含"引号"与\\反斜杠\n换行' : '',
    }));
    const a = await addBatch(
      db,
      {
        fileName: 'a.xlsx',
        contentHash: 'a',
        sheets: ['S'],
        mappingSignature: '',
        importedAt: '2024-01-05T00:00:00.000Z',
        imported: 1200,
        skipped: 0,
        demo: false,
      },
      many,
    );
    await addDemo(db, demo, new Date('2024-01-06T00:00:00Z'));
    await updateRecords(db, [
      { key: [a, 600], patch: { fields: { place: '新村' }, values: { people: 0.1 } } },
    ]);
    await deleteRecords(db, [
      [a, 3],
      [a, 1200],
    ]);
    await putSetting(db, 'report', { orientation: 'landscape' });
    await putSetting(db, 'backup', { lastAt: '2024-01-06T00:00:00.000Z', changesSince: 3 });
    const now = new Date('2024-02-01T08:00:00Z');
    const text = backupText(await readEverythingText(db), now);
    expect(text).toBe(serializeBackup(makeBackup(await readEverything(db), now)));
    const read = readBackup(text);
    expect(read.ok && read.backup.counts.records).toBe(1198 + demo.length);
  });

  it('of an empty ledger is the same too', async () => {
    const db = freshDb();
    const now = new Date('2024-02-01T08:00:00Z');
    expect(backupText(await readEverythingText(db), now)).toBe(
      serializeBackup(makeBackup(await readEverything(db), now)),
    );
  });
});
