import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackup, readBackup, serializeBackup, type BackupData } from '../../src/core/backup';
import { buildDemo } from '../../src/core/demo';
import { LedgerDatabase } from '../../src/db/database';
import {
  addBatch,
  addDemo,
  clearEverything,
  putSetting,
  readEverything,
  replaceEverything,
} from '../../src/db/repository';

const opened: LedgerDatabase[] = [];
let n = 0;
function freshDb(): LedgerDatabase {
  const db = new LedgerDatabase(`backup-test-${++n}-${Date.now()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

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
