import { describe, expect, it } from 'vitest';
import { measureInfo, TOTALS_MEASURES } from '../../src/core/measures';
import type { MeasureKey } from '../../src/core/schema';

describe('measureInfo', () => {
  it.each<[MeasureKey, string | undefined, string, string]>([
    ['count', undefined, '次数', '次'],
    ['count', '培训', '期数', '期'],
    ['count', '提案', '件数', '件'],
    ['count', '资金', '项数', '项'],
    ['count', '社情民意', '条数', '条'],
    ['people', '走访', '人数（人次）', '人次'],
    ['households', undefined, '户数', '户'],
    ['items', undefined, '份数', '份'],
    ['amount', '资金', '金额（万元）', '万元'],
    ['custom:吨', undefined, '吨', ''],
  ])('%s of %s → %s / %s', (key, category, label, unit) => {
    expect(measureInfo(key, category)).toEqual({ key, label, unit });
  });

  it('lists the totals columns in reading order', () => {
    expect(TOTALS_MEASURES).toEqual(['count', 'people', 'households', 'items', 'amount']);
  });
});
