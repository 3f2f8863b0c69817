/**
 * The page's ledger state (src/state/ledger.svelte.ts) after imports and edits: its totals, filtered
 * records and last year's totals always equal what counting the stored records afresh gives, also
 * when they were brought up to date through edited figures instead of counted again.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { totalsByCategory } from '../../src/core/aggregate';
import { applyFilter } from '../../src/core/filters';
import type { NewRecord } from '../../src/core/schema';
import { LedgerDatabase } from '../../src/db/database';
import { addBatch, allRecords, deleteRecords, updateRecords } from '../../src/db/repository';
import { LedgerState } from '../../src/state/ledger.svelte';
import { importBatch as batch } from '../helpers/records';

const opened: LedgerDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function rec(i: number, year: number): NewRecord {
  return {
    date: `${year}-${String((i % 12) + 1).padStart(2, '0')}-05`,
    category: ['走访', '培训', '提案'][i % 3] ?? '走访',
    members: [['江峰', '王霞美'][i % 2] ?? '江峰'],
    place: '青山村',
    subject: `事项${i}`,
    status: i % 3 === 2 ? '已答复' : '',
    satisfaction: '',
    values: i % 3 === 2 ? {} : { people: i % 7, households: (i % 5) / 10 },
    note: '',
    unit: '',
    source: { file: 'a.xlsx', sheet: 'S', row: i + 2 },
  };
}

/** Until the state has heard of the last committed write and settled. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 5));
  flushSync();
}

describe('the ledger state after edits', () => {
  it('keeps totals, filtered records and last year’s totals equal to counting afresh', async () => {
    const db = new LedgerDatabase(`test-ledger-state-${Date.now()}`);
    opened.push(db);
    const a = await addBatch(
      db,
      batch('a', 300),
      Array.from({ length: 300 }, (_, i) => rec(i, 2023)),
    );
    await addBatch(
      db,
      batch('b', 240),
      Array.from({ length: 240 }, (_, i) => rec(i, 2022)),
    );
    const state = new LedgerState();
    const check = async () => {
      await settle();
      const stored = await allRecords(db);
      const filtered = applyFilter(stored, state.filter);
      expect(state.records).toEqual(stored);
      expect(state.filtered).toEqual(filtered);
      expect(state.totals).toEqual(totalsByCategory(filtered));
      const before = applyFilter(stored, { ...state.filter, period: { kind: 'year', year: 2022 } });
      expect(state.previousTotals).toEqual(totalsByCategory(before));
    };
    state.start(db, (e) => {
      throw e;
    });
    try {
      await check();
      expect(state.period).toEqual({ kind: 'year', year: 2023 });
      const first = state.totals;
      // Figures edited, one at a time and several at once: totals follow without a recount.
      await updateRecords(db, [{ key: [a, 1], patch: { fields: {}, values: { people: 100 } } }]);
      await check();
      expect(state.totals).not.toEqual(first);
      await updateRecords(db, [
        { key: [a, 1], patch: { fields: {}, values: { people: 3 } } },
        { key: [a, 2], patch: { fields: { note: '补' }, values: { households: 0.3 } } },
        { key: [a, 3], patch: { fields: { status: '已办结' }, values: {} } },
      ]);
      await check();
      // Last year's figure: 同比 changes, this year's totals do not.
      await updateRecords(db, [{ key: [a + 1, 4], patch: { fields: {}, values: { people: 50 } } }]);
      await check();
      // A figure added where there was none, a place and a date changed, a record deleted: recounted.
      await updateRecords(db, [{ key: [a, 4], patch: { fields: {}, values: { items: 5 } } }]);
      await check();
      await updateRecords(db, [{ key: [a, 5], patch: { fields: { date: '2022-06-01' }, values: {} } }]);
      await check();
      await deleteRecords(db, [[a, 6]]);
      await check();
      // A narrower filter, then more edits under it.
      state.category = '走访';
      await check();
      await updateRecords(db, [{ key: [a, 7], patch: { fields: {}, values: { people: 9 } } }]);
      await check();
    } finally {
      state.stop();
    }
  });
});
