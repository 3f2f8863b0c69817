/**
 * Storing the grid's edits: each edit, paste, added or deleted row is written at once to IndexedDB in
 * one transaction and kept as one undoable command. Writes run one after another.
 */
import { SvelteMap } from 'svelte/reactivity';
import {
  commandWrite,
  invertCommand,
  keyString,
  type EditPlan,
  type GridCommand,
  type RecordChange,
  type RecordKey,
} from '../core/grid/commands';
import { UndoStack } from '../core/grid/undo';
import type { LedgerRecord } from '../core/schema';
import { ledgerDb } from '../db/database';
import { addManualRecords, applyRecordWrite, deleteRecords, updateRecords } from '../db/repository';
import { t } from '../i18n/zh-CN';
import { handleError } from '../lib/errors';
import { toasts } from './toasts.svelte';

/**
 * An edit shown before IndexedDB has answered with it: with 100,000 records the live query takes a
 * moment, and the next cell of the same row must start from the edited record, not the old one.
 */
interface Pending {
  record: LedgerRecord;
  /** The stored record the edit was made over. */
  base: LedgerRecord | undefined;
  seq: number;
  committed: boolean;
}

/** Records by key (`batchId:rowNo`): all an edit needs of the stored ledger. */
export interface RecordLookup {
  get(key: string): LedgerRecord | undefined;
  has(key: string): boolean;
}

export class GridEdits {
  private historyVersion = $state(0);
  /** Writes queued or running: the grid says it is busy until they are on the disk. */
  private writing = $state(0);
  private readonly history = new UndoStack<GridCommand>();
  private readonly pending = new SvelteMap<string, Pending>();
  private seq = 0;
  /** Writes of new records not yet back from the live query. */
  private adding = 0;
  /** This session's 手工录入 batch, made on the first added row. */
  private manualBatchId: number | null = null;
  private queue: Promise<void> = Promise.resolve();

  canUndo = $derived.by(() => this.historyVersion >= 0 && this.history.canUndo);
  canRedo = $derived.by(() => this.historyVersion >= 0 && this.history.canRedo);

  constructor(
    /** The stored records as the page last heard of them, by key (`batchId:rowNo`). */
    private readonly stored: () => RecordLookup,
    /** Rows added: the grid shows them whether or not they match its filters. */
    private readonly onAdded: (records: readonly LedgerRecord[]) => void,
  ) {}

  get saving(): boolean {
    return this.writing > 0;
  }

  get addingRows(): boolean {
    return this.adding > 0;
  }

  /** A stored record with the edits not yet back from IndexedDB laid over it. */
  laidOver(r: LedgerRecord): LedgerRecord {
    const p = this.pending.get(keyString(r));
    if (!p || (p.committed && p.base !== r)) return r;
    return p.record;
  }

  /** Show a plan's cell changes at once, then store the plan (changes and new rows in one write). */
  carryOut(plan: EditPlan): void {
    if (plan.changes.length === 0 && plan.newRows.length === 0) return;
    // Shown at once, and what the next edit of the same record starts from.
    const seq = this.overlay(plan.changes);
    const adds = plan.newRows.length > 0 ? 1 : 0;
    this.adding += adds;
    this.run(async () => {
      try {
        await this.store(plan, seq);
      } finally {
        this.adding -= adds;
      }
    });
  }

  /** An edit planned only once the writes before it are stored (and their new rows are shown). */
  later(plan: () => EditPlan | null): void {
    this.run(async () => {
      const p = plan();
      if (p && (p.changes.length || p.newRows.length)) await this.store(p);
    });
  }

  remove(keys: readonly RecordKey[]): void {
    this.run(async () => {
      const deleted = await deleteRecords(ledgerDb(), keys);
      if (deleted.length === 0) return;
      this.remember({ changes: [], added: [], deleted });
      toasts.info(t.grid.removed(deleted.length), { label: t.grid.undo, run: () => this.undo() });
    });
  }

  undo(): void {
    this.run(async () => {
      const c = this.history.undo();
      this.historyVersion++;
      if (c) await this.write(invertCommand(c));
    });
  }

  redo(): void {
    this.run(async () => {
      const c = this.history.redo();
      this.historyVersion++;
      if (c) await this.write(c);
    });
  }

  private async store(plan: EditPlan, seq = this.overlay(plan.changes)): Promise<void> {
    try {
      const patches = commandWrite({ changes: plan.changes, added: [], deleted: [] }).patches;
      let added: LedgerRecord[] = [];
      if (plan.newRows.length) {
        const res = await addManualRecords(ledgerDb(), this.manualBatchId, plan.newRows, patches);
        this.manualBatchId = res.batchId;
        added = res.records;
        this.onAdded(added);
        await this.arrival(added);
      } else {
        await updateRecords(ledgerDb(), patches);
      }
      this.settle(seq);
      this.remember({ changes: plan.changes, added, deleted: [] });
    } catch (e) {
      this.unlay(seq);
      throw e;
    }
  }

  /**
   * Wait (a few seconds at most) until the ledger holds the records just added. It hears of a write
   * before the write's caller resumes, so this normally returns at once; the wait covers a ledger
   * reading everything again at that moment (another tab, a restore).
   */
  private async arrival(records: readonly LedgerRecord[]): Promise<void> {
    const keys = records.map(keyString);
    for (let i = 0; i < 300 && !keys.every((k) => this.stored().has(k)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
  }

  private async write(c: GridCommand): Promise<void> {
    const seq = this.overlay(c.changes);
    try {
      this.onAdded(c.added);
      await applyRecordWrite(ledgerDb(), commandWrite(c));
      this.settle(seq);
    } catch (e) {
      this.unlay(seq);
      throw e;
    }
  }

  private overlay(changes: readonly RecordChange[]): number {
    const seq = ++this.seq;
    for (const ch of changes) {
      const k = keyString(ch.after);
      this.pending.set(k, { record: ch.after, base: this.stored().get(k), seq, committed: false });
    }
    // Edits whose records IndexedDB has answered with need no overlay any more.
    for (const [k, p] of this.pending)
      if (p.committed && p.base !== this.stored().get(k)) this.pending.delete(k);
    return seq;
  }

  private settle(seq: number): void {
    for (const [k, p] of this.pending) if (p.seq === seq) this.pending.set(k, { ...p, committed: true });
  }

  private unlay(seq: number): void {
    for (const [k, p] of this.pending) if (p.seq === seq) this.pending.delete(k);
  }

  private remember(c: GridCommand): void {
    this.history.push(c);
    this.historyVersion++;
  }

  /** Writes run one after another, so an undo always finds the edit before it stored. */
  private run(op: () => Promise<void>): void {
    this.writing++;
    this.queue = this.queue
      .then(op)
      .catch(handleError)
      .finally(() => this.writing--);
  }
}
