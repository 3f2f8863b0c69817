/**
 * The office's roster of members (委员名单) and its 履职 rules, kept in the settings under 'roster',
 * and the per-member figures and targets of the shared period and filters.
 */
import { liveQuery, type Subscription } from 'dexie';
import {
  EMPTY_ROSTER,
  evaluateTargets,
  inactiveMembers,
  memberFigures,
  normaliseRoster,
  targetWindow,
  type MemberTargets,
  type Roster,
  type RosterRules,
} from '../core/members';
import { applyFilter } from '../core/filters';
import { ledgerDb } from '../db/database';
import { getSetting, putSetting } from '../db/repository';
import { handleError } from '../lib/errors';
import { ledger } from './ledger.svelte';

export const ROSTER_KEY = 'roster';

/** Today as an ISO day in the clerk's own time zone (a target is judged on the days passed). */
function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

class RosterState {
  roster = $state.raw<Roster>(EMPTY_ROSTER);
  loaded = $state(false);
  private subscription: Subscription | null = null;

  /**
   * The members table follows the shared period and filters, except the one-member filter: it is a
   * table of all members.
   */
  private records = $derived(applyFilter(ledger.records, { ...ledger.filter, member: '' }));
  figures = $derived(memberFigures(this.records, this.roster.names));
  inactive = $derived(inactiveMembers(this.records, this.roster.names));
  /**
   * Targets are about a member's year, whatever the category or place chosen: all records of the
   * reporting unit chosen, from 1 January of the period's year to the period's end (or today).
   */
  window = $derived(targetWindow(ledger.period, ledger.years[0], todayIso()));
  targets = $derived.by(() => {
    const w = this.window;
    if (!w) return new Map<string, MemberTargets>();
    const records = ledger.unit ? ledger.records.filter((r) => r.unit === ledger.unit) : ledger.records;
    const names = this.figures.map((f) => f.name);
    return new Map(evaluateTargets(records, names, this.roster.rules, w).map((t) => [t.name, t]));
  });

  /**
   * Follow the stored roster (also when a backup is restored or another tab edits it). Called by the
   * views that show it; the first call subscribes, later ones do nothing.
   */
  start(): void {
    if (this.subscription) return;
    this.subscription = liveQuery(() => getSetting<unknown>(ledgerDb(), ROSTER_KEY)).subscribe({
      next: (v) => {
        this.roster = normaliseRoster(v);
        this.loaded = true;
      },
      error: handleError,
    });
  }

  async save(roster: Roster): Promise<void> {
    const clean = normaliseRoster(roster);
    this.roster = clean;
    // A plain copy, not $state.snapshot (which calls structuredClone, missing in Chromium 87).
    await putSetting(ledgerDb(), ROSTER_KEY, { names: [...clean.names], rules: { ...clean.rules } });
  }

  setNames(names: string[]): Promise<void> {
    return this.save({ ...this.roster, names });
  }

  setRules(rules: RosterRules): Promise<void> {
    return this.save({ ...this.roster, rules });
  }
}

export const roster = new RosterState();
