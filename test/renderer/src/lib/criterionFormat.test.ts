import { describe, expect, it } from 'vitest';
import { criterionDelta, formatCriterion, formatDelta } from '../../../../renderer/src/lib/criterionFormat';
import { formatStat } from '../../../../renderer/src/lib/format';

describe('formatCriterion', () => {
  it('tells apart BICs that four significant digits cannot', () => {
    const bics = [2_712_345.61, 2_713_120.4, 2_709_876.05];
    expect(new Set(bics.map((b) => formatStat(b))).size).toBe(1);
    expect(bics.map((b) => formatCriterion(b))).toEqual(['2,712,345.6', '2,713,120.4', '2,709,876.1']);
  });

  it('uses the locale and marks a missing value', () => {
    expect(formatCriterion(-1234.56, 'zh-CN')).toBe('-1,234.6');
    expect(formatCriterion(null)).toBe('–');
  });
});

describe('criterionDelta and formatDelta', () => {
  it('is 0 for the best cell and the excess for the others', () => {
    expect(formatDelta(criterionDelta(825.5, 825.5))).toBe('0');
    expect(formatDelta(criterionDelta(860.25, 825.5))).toBe('+34.8');
    expect(formatDelta(criterionDelta(null, 825.5))).toBe('–');
  });
});
