/** The 报告 page's choices, kept in IndexedDB: orientation, the charts to print, a custom title. */
import { ledgerDb } from '../db/database';
import { getSetting, putSetting } from '../db/repository';
import { handleError } from '../lib/errors';

const KEY = 'report';
export type Orientation = 'portrait' | 'landscape';

interface Stored {
  orientation: Orientation;
  charts: string[];
  title: string | null;
}

class ReportState {
  orientation = $state<Orientation>('portrait');
  /** Chart ids (see ui/charts/registry.ts) printed in the report, in order. */
  charts = $state<string[]>(['monthly', 'shares', 'proposals']);
  /** The clerk's own title; null follows the data (unit and period). */
  title = $state<string | null>(null);
  loaded = $state(false);

  async load(): Promise<void> {
    try {
      const s = await getSetting<Partial<Stored>>(ledgerDb(), KEY);
      if (s?.orientation === 'portrait' || s?.orientation === 'landscape') this.orientation = s.orientation;
      if (Array.isArray(s?.charts)) this.charts = s.charts.filter((c): c is string => typeof c === 'string');
      if (typeof s?.title === 'string') this.title = s.title;
    } catch (e) {
      handleError(e);
    } finally {
      this.loaded = true;
    }
  }

  private save(): void {
    const stored: Stored = { orientation: this.orientation, charts: [...this.charts], title: this.title };
    putSetting(ledgerDb(), KEY, stored).catch(handleError);
  }

  setOrientation(o: Orientation): void {
    this.orientation = o;
    this.save();
  }

  toggleChart(id: string, on: boolean): void {
    this.charts = on ? [...this.charts.filter((c) => c !== id), id] : this.charts.filter((c) => c !== id);
    this.save();
  }

  setTitle(title: string | null): void {
    this.title = title;
    this.save();
  }
}

export const report = new ReportState();
