/**
 * The 总结 page's choices, kept in IndexedDB: the preset, the clerk's own templates, the precision
 * of each figure (精确 or 概数), and text the clerk edited by hand.
 */
import type { Precision } from '../core/narrative/approx';
import { PRESET_TEMPLATES, type PresetId } from '../core/narrative/presets';
import { ledgerDb } from '../db/database';
import { getSetting, putSetting } from '../db/repository';
import { handleError } from '../lib/errors';

const KEY = 'narrative';

interface Stored {
  preset: PresetId;
  templates: Partial<Record<PresetId, string>>;
  precision: Record<string, Precision>;
  edited: Record<string, string>;
}

class NarrativeState {
  preset = $state<PresetId>('township');
  templates = $state<Partial<Record<PresetId, string>>>({});
  precision = $state<Record<string, Precision>>({});
  /** Hand-edited paragraphs, per preset, period and member. */
  edited = $state<Record<string, string>>({});
  loaded = $state(false);

  template = $derived(this.templates[this.preset] ?? PRESET_TEMPLATES[this.preset]);
  customised = $derived(this.templates[this.preset] !== undefined);

  async load(): Promise<void> {
    try {
      const s = await getSetting<Partial<Stored>>(ledgerDb(), KEY);
      if (s) {
        if (s.preset && s.preset in PRESET_TEMPLATES) this.preset = s.preset;
        this.templates = s.templates ?? {};
        this.precision = s.precision ?? {};
        this.edited = s.edited ?? {};
      }
    } catch (e) {
      handleError(e);
    } finally {
      this.loaded = true;
    }
  }

  private save(): void {
    // Plain copies, not $state.snapshot: that calls structuredClone, which Chromium 87 lacks; every
    // value here is a string, so one level of spreading leaves no proxy behind.
    const snapshot: Stored = {
      preset: this.preset,
      templates: { ...this.templates },
      precision: { ...this.precision },
      edited: { ...this.edited },
    };
    putSetting(ledgerDb(), KEY, snapshot).catch(handleError);
  }

  choose(preset: PresetId): void {
    this.preset = preset;
    this.save();
  }

  setTemplate(text: string): void {
    this.templates = { ...this.templates, [this.preset]: text };
    this.save();
  }

  restorePreset(): void {
    const { [this.preset]: _dropped, ...rest } = this.templates;
    this.templates = rest;
    this.save();
  }

  setPrecision(key: string, p: Precision): void {
    this.precision = { ...this.precision, [key]: p };
    this.save();
  }

  /** The key of a hand-edited paragraph: the same preset, period and filters. */
  editKey(filterKey: string): string {
    return `${this.preset}|${filterKey}`;
  }

  setEdited(key: string, text: string | null): void {
    const { [key]: _old, ...rest } = this.edited;
    this.edited = text === null ? rest : { ...rest, [key]: text };
    this.save();
  }
}

export const narrative = new NarrativeState();
