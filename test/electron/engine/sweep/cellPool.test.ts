import { describe, expect, it } from 'vitest';
import { createCellPool } from '../../../../electron/engine/sweep/cellPool';
import type { SweepTask } from '../../../../electron/engine/sweep/messages';
import { fitSweepCell } from '../../../../shared/engine/sweepCell';
import { SWEEP_WORKER, fixtureMatrix } from './sweepData';

const options = { init: 'kmeans', nInit: 1, seed: 0, maxIter: 100, tol: 1e-3, regCovar: 1e-6 } as const;
const { X, n, d } = fixtureMatrix('faithful', ['eruptions', 'waiting']);
const fit = (k: number, covarianceType: 'full' | 'diag'): SweepTask => ({
  kind: 'fit',
  k,
  covarianceType,
  options,
});

describe('cell pool', () => {
  it('returns results in task order, reports each once as it finishes, and matches an in-thread fit', async () => {
    const pool = createCellPool(X, n, d, { threads: 2, workerPath: SWEEP_WORKER });
    try {
      const tasks = [fit(3, 'full'), fit(1, 'diag'), fit(2, 'full')];
      const seen: number[] = [];
      const cells = await pool.run(tasks, (_cell, index) => seen.push(index));
      expect(cells.map((c) => `${c.covarianceType}${c.k}`)).toEqual(['full3', 'diag1', 'full2']);
      expect([...seen].sort()).toEqual([0, 1, 2]);
      const local = await fitSweepCell(X, n, d, 3, 'full', options);
      expect({ ...cells[0], seconds: 0 }).toEqual({ ...local, seconds: 0 });
      // The same workers serve a second pass.
      expect((await pool.run([fit(2, 'diag')]))[0].k).toBe(2);
    } finally {
      await pool.dispose();
      await pool.dispose();
    }
  });

  it('refuses data that is not in shared memory (the workers map it, never copy it)', () => {
    expect(() => createCellPool(new Float64Array(4), 2, 2, { threads: 1, workerPath: SWEEP_WORKER })).toThrow(
      /SharedArrayBuffer/,
    );
  });

  it('rejects a pass when a worker cannot start', async () => {
    const pool = createCellPool(X, n, d, { threads: 1, workerPath: '/nonexistent/sweepWorker.cjs' });
    try {
      await expect(pool.run([fit(1, 'full')])).rejects.toThrow(/Sweep worker/);
    } finally {
      await pool.dispose();
    }
  });

  it('rejects with cancelled when the signal aborts, and refuses later passes', async () => {
    const controller = new AbortController();
    const pool = createCellPool(X, n, d, { threads: 2, workerPath: SWEEP_WORKER, signal: controller.signal });
    try {
      const slow = { ...options, nInit: 200, maxIter: 1000, tol: 0 };
      const running = pool.run([{ kind: 'fit', k: 6, covarianceType: 'full', options: slow }]);
      setTimeout(() => controller.abort(), 200);
      const started = performance.now();
      await expect(running).rejects.toMatchObject({ code: 'cancelled' });
      expect(performance.now() - started).toBeLessThan(2000);
      await expect(pool.run([fit(1, 'full')])).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      await pool.dispose();
    }
  });
});
