import { describe, expect, it } from 'vitest';
import { createCellPool } from '../../../../electron/engine/sweep/cellPool';
import type { SweepTask } from '../../../../electron/engine/sweep/messages';
import { fitSweepCell } from '../../../../shared/engine/sweep/cell';
import { SWEEP_WORKER, fixtureMatrix } from './sweepData';

const options = { init: 'kmeans', nInit: 1, seed: 0, maxIter: 100, tol: 1e-3, regCovar: 1e-6 } as const;
const { X, n, d } = fixtureMatrix('faithful', ['eruptions', 'waiting']);
const fit = (k: number, covarianceType: 'full' | 'diag'): SweepTask => ({
  kind: 'fit',
  k,
  covarianceType,
  options,
  search: 'plain',
});

describe('cell pool', () => {
  it('answers each submitted task with its cell, the same as an in-thread fit', async () => {
    const pool = createCellPool(X, n, d, { threads: 2, workerPath: SWEEP_WORKER });
    try {
      const cells = await Promise.all([
        pool.submit(fit(3, 'full'), 3),
        pool.submit(fit(1, 'diag'), 1),
        pool.submit(fit(2, 'full'), 2),
      ]);
      expect(cells.map((c) => `${c.covarianceType}${c.k}`)).toEqual(['full3', 'diag1', 'full2']);
      const local = await fitSweepCell(X, n, d, 3, 'full', options);
      expect({ ...cells[0], seconds: 0 }).toEqual({ ...local, seconds: 0 });
      // The same workers take tasks submitted later.
      expect((await pool.submit(fit(2, 'diag'), 0)).k).toBe(2);
    } finally {
      await pool.dispose();
      await pool.dispose();
    }
  });

  it('runs waiting tasks highest priority first (one thread: strictly in priority order)', async () => {
    const pool = createCellPool(X, n, d, { threads: 1, workerPath: SWEEP_WORKER });
    try {
      const finished: string[] = [];
      const submit = (k: number, priority: number) =>
        pool.submit(fit(k, 'diag'), priority).then((c) => finished.push(`K${c.k}`));
      // The first task starts at once; the other three wait and are taken by priority, then age.
      await Promise.all([submit(1, 0), submit(2, 1), submit(3, 5), submit(4, 1)]);
      expect(finished).toEqual(['K1', 'K3', 'K2', 'K4']);
    } finally {
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
      await expect(pool.submit(fit(1, 'full'), 0)).rejects.toThrow(/Sweep worker/);
    } finally {
      await pool.dispose();
    }
  });

  it('rejects running and waiting tasks with cancelled when the signal aborts, and refuses later ones', async () => {
    const controller = new AbortController();
    const pool = createCellPool(X, n, d, { threads: 2, workerPath: SWEEP_WORKER, signal: controller.signal });
    try {
      const slow = { ...options, nInit: 200, maxIter: 1000, tol: 0 };
      const running = pool.submit(
        { kind: 'fit', k: 6, covarianceType: 'full', options: slow, search: 'plain' },
        1,
      );
      const waiting = pool.submit(
        { kind: 'fit', k: 5, covarianceType: 'full', options: slow, search: 'plain' },
        0,
      );
      const third = pool.submit(
        { kind: 'fit', k: 4, covarianceType: 'full', options: slow, search: 'plain' },
        0,
      );
      setTimeout(() => controller.abort(), 200);
      const started = performance.now();
      await expect(running).rejects.toMatchObject({ code: 'cancelled' });
      await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
      await expect(third).rejects.toMatchObject({ code: 'cancelled' });
      expect(performance.now() - started).toBeLessThan(2000);
      await expect(pool.submit(fit(1, 'full'), 0)).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      await pool.dispose();
    }
  });
});
