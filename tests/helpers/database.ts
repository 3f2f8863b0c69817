/**
 * Fresh databases for a test file (fake-indexeddb): each test opens its own under a unique name,
 * and every one opened is closed and deleted after each test.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { LedgerDatabase } from '../../src/db/database';

export function freshDatabases(prefix: string): (name?: string) => LedgerDatabase {
  let n = 0;
  const opened: LedgerDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return (name = `${prefix}-${++n}-${Date.now()}`) => {
    const db = new LedgerDatabase(name);
    opened.push(db);
    return db;
  };
}
