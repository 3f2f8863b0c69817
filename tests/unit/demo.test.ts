import { describe, it, expect } from 'vitest';
import { buildDemo, buildDemoRecords, DEMO_FILE_NAME, DEMO_MEMBERS, DEMO_PLACES } from '../../src/core/demo';
import { KNOWN_CATEGORIES } from '../../src/core/categories';
import { PROPOSAL_STATUSES, SATISFACTION_LEVELS, type NewRecord } from '../../src/core/schema';

const OFFICE = '镇政协联络办';
const latest = buildDemoRecords(2023);
const both = buildDemo(2023);

function countBy<T>(items: readonly T[], key: (item: T) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const k of key(item)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

const byCategory = (records: readonly NewRecord[]) => countBy(records, (r) => [r.category]);

describe('buildDemo / buildDemoRecords', () => {
  it('is deterministic', () => {
    expect(buildDemoRecords(2023)).toEqual(latest);
    expect(buildDemo(2023)).toEqual(both);
    expect(buildDemo()).toEqual(both);
  });

  it('gives a full latest year of at least 200 records', () => {
    expect(latest.length).toBeGreaterThanOrEqual(200);
    expect(both.slice(0, latest.length)).toEqual(latest);
  });

  it('adds a lighter previous year for 同比 comparisons', () => {
    const years = countBy(both, (r) => [r.date.slice(0, 4)]);
    expect([...years.keys()].sort()).toEqual(['2022', '2023']);
    const prev = years.get('2022') ?? 0;
    expect(prev).toBeGreaterThan(latest.length * 0.5);
    expect(prev).toBeLessThan(latest.length * 0.7);
    expect(buildDemo(2025).map((r) => r.date.slice(0, 4))).toContain('2024');
  });

  it('uses exactly the 12 demo members, each at least twice, one of them barely', () => {
    expect(new Set(DEMO_MEMBERS).size).toBe(12);
    const perMember = countBy(latest, (r) => r.members);
    expect([...perMember.keys()].sort()).toEqual([...DEMO_MEMBERS].sort());
    const counts = [...perMember.values()];
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(counts.filter((c) => c <= 2)).toHaveLength(1);
    for (const r of both) {
      expect(r.members.length).toBeGreaterThanOrEqual(1);
      expect(r.members.length).toBeLessThanOrEqual(3);
      expect(new Set(r.members).size).toBe(r.members.length);
    }
  });

  it('uses all 8 villages, and otherwise only the office', () => {
    expect(new Set(DEMO_PLACES).size).toBe(8);
    const places = new Set(latest.map((r) => r.place));
    expect(DEMO_PLACES.filter((p) => places.has(p))).toHaveLength(8);
    for (const r of both) expect([...DEMO_PLACES, OFFICE]).toContain(r.place);
  });

  it('covers every known category with visits the most', () => {
    const counts = byCategory(latest);
    expect([...counts.keys()].sort()).toEqual(KNOWN_CATEGORIES.map((c) => c.name).sort());
    const visits = counts.get('走访') ?? 0;
    for (const [category, n] of counts) if (category !== '走访') expect(n).toBeLessThan(visits);
    expect(counts.get('提案')).toBeGreaterThanOrEqual(15);
    expect(counts.get('资金')).toBeGreaterThanOrEqual(12);
  });

  it('gives every proposal a status, and a satisfaction only once answered or closed', () => {
    const proposals = both.filter((r) => r.category === '提案');
    for (const p of proposals) {
      expect(PROPOSAL_STATUSES).toContain(p.status);
      const answered = p.status === '已答复' || p.status === '已办结';
      if (answered) expect(SATISFACTION_LEVELS).toContain(p.satisfaction);
      else expect(p.satisfaction).toBe('');
      expect(p.subject).toMatch(/^关于.+的建议$/);
    }
    const latestProposals = latest.filter((r) => r.category === '提案');
    const done = latestProposals.filter((p) => p.status === '已答复' || p.status === '已办结');
    expect(done.length).toBeGreaterThan(latestProposals.length / 2);
    // A demo where every answer is 满意 would hide the 满意率 logic.
    expect(done.some((p) => p.satisfaction !== '满意')).toBe(true);
    for (const r of both.filter((x) => x.category !== '提案')) {
      expect(r.status).toBe('');
      expect(r.satisfaction).toBe('');
    }
  });

  it('dates every record inside its year with a valid ISO date, fewer around 春节', () => {
    for (const year of [2023, 2024]) {
      for (const r of buildDemoRecords(year)) {
        expect(r.date).toMatch(new RegExp(`^${year}-\\d{2}-\\d{2}$`));
        expect(new Date(`${r.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.date);
      }
    }
    const perMonth = countBy(latest, (r) => [r.date.slice(5, 7)]);
    const janFeb = (perMonth.get('01') ?? 0) + (perMonth.get('02') ?? 0);
    const octNov = (perMonth.get('10') ?? 0) + (perMonth.get('11') ?? 0);
    expect(janFeb).toBeLessThan(octNov / 2);
  });

  it('keeps amounts exact to the fen, funds in a realistic range, some with 角/分', () => {
    const amounts = both.flatMap((r) => (r.values.amount === undefined ? [] : [r.values.amount]));
    expect(amounts.length).toBeGreaterThan(0);
    for (const a of amounts) {
      expect(Math.round(a * 100) / 100).toBe(a);
      expect(a).toBeGreaterThan(0);
    }
    const funds = latest.filter((r) => r.category === '资金');
    for (const f of funds) {
      expect(f.values.amount).toBeGreaterThanOrEqual(20000);
      expect(f.values.amount).toBeLessThanOrEqual(800000);
    }
    expect(funds.some((f) => !Number.isInteger(f.values.amount))).toBe(true);
  });

  it('counts every record once and carries only positive measures', () => {
    for (const r of both) {
      expect(r.values.count).toBe(1);
      for (const v of Object.values(r.values)) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThan(0);
      }
      expect(r.unit).toBe('青山镇政协联络办');
    }
    for (const v of latest.filter((r) => r.category === '走访')) {
      expect(v.values.people).toBeGreaterThanOrEqual(1);
      expect(v.values.people).toBeLessThanOrEqual(12);
      expect(v.values.households).toBeGreaterThanOrEqual(1);
      expect(v.values.households).toBeLessThanOrEqual(6);
      if (v.values.items !== undefined) expect(v.values.items).toBeGreaterThanOrEqual(5);
    }
  });

  it('traces every record to a unique sheet row, numbered from 2 without gaps', () => {
    const seen = new Set<string>();
    const rowsPerSheet = new Map<string, number[]>();
    for (const r of both) {
      expect(r.source.file).toBe(DEMO_FILE_NAME);
      expect(r.source.sheet).toBe(`${r.date.slice(0, 4)}年${r.category}台账`);
      expect(Number.isInteger(r.source.row)).toBe(true);
      expect(r.source.row).toBeGreaterThanOrEqual(2);
      const key = `${r.source.sheet}#${r.source.row}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      rowsPerSheet.set(r.source.sheet, [...(rowsPerSheet.get(r.source.sheet) ?? []), r.source.row]);
    }
    for (const rows of rowsPerSheet.values()) {
      expect([...rows].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 2));
    }
  });
});
