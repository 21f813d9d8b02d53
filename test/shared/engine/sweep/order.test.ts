import { describe, expect, it } from 'vitest';
import {
  compareGridOrder,
  estimatedCellCost,
  gridCells,
  schedulingOrder,
} from '../../../../shared/engine/sweep/order';

describe('grid order', () => {
  it('lists covariance types in COVARIANCE_TYPES order, then ascending K, whatever the input order', () => {
    const cells = gridCells([3, 1, 2], ['spherical', 'full']);
    expect(cells.map((c) => `${c.covarianceType}${c.k}`)).toEqual([
      'full1',
      'full2',
      'full3',
      'spherical1',
      'spherical2',
      'spherical3',
    ]);
    expect(compareGridOrder({ k: 9, covarianceType: 'full' }, { k: 1, covarianceType: 'tied' })).toBeLessThan(
      0,
    );
  });
});

describe('scheduling order (largest first)', () => {
  it('starts the costliest cells first: more components and dense covariances before diagonal ones', () => {
    const order = schedulingOrder(gridCells([1, 2, 3], ['full', 'tied', 'diag', 'spherical']), 4);
    const costs = order.map((c) => estimatedCellCost(c, 4));
    expect([...costs].sort((a, b) => b - a)).toEqual(costs);
    expect(order[0]).toEqual({ k: 3, covarianceType: 'full' });
    expect(order.at(-1)).toEqual({ k: 1, covarianceType: 'spherical' });
  });

  it('breaks cost ties by grid order, so the order is the same on every run', () => {
    const order = schedulingOrder(gridCells([2], ['tied', 'full']), 3);
    expect(order.map((c) => c.covarianceType)).toEqual(['full', 'tied']);
  });

  it('grows linearly with K and faster with d for dense types than diagonal ones', () => {
    const full = (k: number, d: number) => estimatedCellCost({ k, covarianceType: 'full' }, d);
    const diag = (k: number, d: number) => estimatedCellCost({ k, covarianceType: 'diag' }, d);
    expect(full(4, 5)).toBe(2 * full(2, 5));
    expect(full(1, 10) / full(1, 2)).toBeGreaterThan(diag(1, 10) / diag(1, 2));
  });
});
