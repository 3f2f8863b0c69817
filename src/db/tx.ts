/**
 * The tables of one running transaction, bound to it. Code that runs inside a transaction uses these,
 * never `db.table`: Dexie finds the transaction of a `db.table` call from its zone, which does not
 * survive a chain of native async functions awaiting each other (a write there would silently run
 * in a transaction of its own, outside the one that was to make it all-or-nothing).
 */
import type { EntityTable, Table, Transaction } from 'dexie';
import type { ImportBatch, SavedMapping, Setting } from '../core/schema';
import type { LedgerDatabase } from './database';
import type { BlockKey, RecordBlock } from './recordStore';

export interface Tx {
  trans: Transaction;
  db: LedgerDatabase;
  blocks: Table<RecordBlock, BlockKey>;
  batches: EntityTable<ImportBatch, 'id'>;
  mappings: Table<SavedMapping, string>;
  settings: Table<Setting, string>;
}

export function tablesOf(trans: Transaction): Tx {
  // Getters: Dexie refuses a table outside the transaction's scope, so each is bound when used.
  return {
    trans,
    db: trans.db as LedgerDatabase,
    get blocks() {
      return trans.table<RecordBlock, BlockKey>('blocks');
    },
    get batches() {
      return trans.table('batches') as EntityTable<ImportBatch, 'id'>;
    },
    get mappings() {
      return trans.table<SavedMapping, string>('mappings');
    },
    get settings() {
      return trans.table<Setting, string>('settings');
    },
  };
}
