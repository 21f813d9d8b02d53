import { describe, expect, it } from 'vitest';
import { buildCriteriaOption, type CriteriaCell } from '../../../renderer/src/charts/criteriaOption';
import { criteriaRange, withCriteriaRange } from '../../../renderer/src/charts/criteriaRange';
import { CHART_THEMES } from '../../../renderer/src/charts/theme';

const cell = (k: number, bic: number, status: CriteriaCell['status'] = 'ok'): CriteriaCell => ({
  k,
  covarianceType: 'full',
  status,
  bic,
  aic: bic,
  icl: bic,
});
// The shape of the report: K = 1 at 1,600, K ≥ 2 between 825 and 980.
const cells = [cell(1, 1600), cell(2, 980), cell(3, 825), cell(4, 860), cell(5, 1e9, 'failed')];

describe('criteriaRange', () => {
  it('leaves K = 1 out and fits the y-range to K ≥ 2', () => {
    const r = criteriaRange(cells, 'bic')!;
    expect(r.leftOutK1).toBe(true);
    expect(r.kMin).toBe(2);
    expect(r.min).toBeLessThan(825);
    expect(r.max).toBeGreaterThan(980);
    expect(r.max).toBeLessThan(1100);
  });

  it('keeps K = 1 when asked, or when it is all there is', () => {
    expect(criteriaRange(cells, 'bic', { includeK1: true })!.max).toBeGreaterThan(1600);
    const only = criteriaRange([cell(1, 5)], 'bic')!;
    expect(only.leftOutK1).toBe(false);
    expect(only.kMin).toBe(1);
  });

  it('leaves head-room above the best cell when higher is better, for its pin', () => {
    const r = criteriaRange(cells, 'bic', { higherIsBetter: true })!;
    // Chart values are −BIC: −980 … −825; the best (−825) is at the top.
    expect(r.max - -825).toBeGreaterThan(0.25 * (980 - 825));
    expect(-980 - r.min).toBeLessThan(0.1 * (980 - 825));
  });

  it('is null when no cell has a value', () => {
    expect(criteriaRange([cell(2, 1, 'singular')], 'bic')).toBeNull();
  });
});

describe('withCriteriaRange', () => {
  const text = {
    title: 'BIC',
    k: 'K',
    criterionName: () => 'BIC',
    signNote: () => 'lower is better',
    typeName: (t: string) => t,
    status: (s: string) => s,
    best: 'Best',
    notFitted: (l: string) => l,
  };
  it('sets the axes and takes the K = 1 points out of every series', () => {
    const o = withCriteriaRange(
      buildCriteriaOption({ cells, criterion: 'bic', text }, CHART_THEMES.light),
      criteriaRange(cells, 'bic'),
    );
    expect((o.xAxis as { min: number }).min).toBe(2);
    const y = o.yAxis as { min: number; max: number };
    expect(y.max).toBeLessThan(1100);
    for (const s of o.series as { data: unknown[] }[])
      for (const item of s.data) {
        const v = Array.isArray(item) ? item : (item as { value: unknown[] }).value;
        if (v[0] === 1) expect(v[1]).toBe('-');
      }
  });
});
