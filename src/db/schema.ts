/**
 * Schema versions of the IndexedDB database. The list only ever grows: a new version adds an entry
 * with its `stores` (only the tables that change) and, if stored data must be reshaped, an `upgrade`.
 * Never edit a shipped entry: clerks' browsers hold data written under it. See docs/architecture.md.
 */
import type { Transaction } from 'dexie';

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
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
