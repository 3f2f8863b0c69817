/**
 * Schema versions of the IndexedDB database. The list only ever grows: a new version adds an entry
 * with its `stores` (only the tables that change) and, if stored data must be reshaped, an `upgrade`.
 * Never edit a shipped entry: clerks' browsers hold data written under it. See docs/architecture.md.
 */
import type { Transaction } from 'dexie';
import type { LedgerRecord } from '../core/schema';
import { toBlocks } from './recordStore';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Few indexes keep a 100,000-row import fast; the compound primary key makes undoing a batch a
      // single key-range delete, and `date` serves the period filter.
      records: '[batchId+rowNo], date',
      batches: '++id, contentHash',
      mappings: 'signature',
      settings: 'key',
    },
  },
  {
    // Records move into blocks of 500 per row (recordStore.ts): a 100,000-row import wrote for 5 s
    // one row at a time, and reopening read for 1 s. The `date` index went unused and goes too.
    version: 2,
    stores: { records: null, blocks: '[batchId+block]' },
    upgrade: async (tx) => {
      const records = (await tx.table('records').toArray()) as LedgerRecord[];
      await tx.table('blocks').bulkAdd(toBlocks(records));
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
