import { describe, expect, it } from 'vitest';
import { runSweep } from '../../../../electron/engine/sweep/runSweep';
import type { SweepCell, SweepProgress } from '../../../../shared/engine/sweep/types';
import { SWEEP_WORKER, fixtureMatrix, shared } from './sweepData';

const quick = { init: 'kmeans', nInit: 2, seed: 0, maxIter: 300, tol: 1e-4, regCovar: 1e-6 } as const;
const faithful = fixtureMatrix('faithful', ['eruptions', 'waiting']);
const grid = {
  ks: [1, 2, 3, 4],
  covarianceTypes: ['full', 'tied', 'diag', 'spherical'] as const,
  options: quick,
};
const withoutTime = (cells: SweepCell[]) => cells.map((c) => ({ ...c, seconds: 0 }));

describe('runSweep', () => {
  it('gives the same cells with 1 and 2 threads (each cell seeded alike, each round from the previous one)', async () => {
    const { X, n, d } = faithful;
    const one = await runSweep(
      X,
      n,
      d,
      { ...grid, covarianceTypes: [...grid.covarianceTypes] },
      {
        threads: 1,
        workerPath: SWEEP_WORKER,
      },
    );
    const two = await runSweep(
      X,
      n,
      d,
      { ...grid, covarianceTypes: [...grid.covarianceTypes] },
      {
        threads: 2,
        workerPath: SWEEP_WORKER,
      },
    );
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    expect(withoutTime(two.cells)).toEqual(withoutTime(one.cells));
    // The refinement ran and changed some cells, so its rounds are covered by the comparison too.
    expect(one.cells.some((c) => c.origin === 'split' || c.origin === 'merge')).toBe(true);
    expect(one.cells.map((c) => `${c.covarianceType}${c.k}`)).toEqual(
      ['full', 'tied', 'diag', 'spherical'].flatMap((t) => [1, 2, 3, 4].map((k) => `${t}${k}`)),
    );
  });

  it('streams every cell as it finishes, counts to the total, and the last report of a cell is its result', async () => {
    const { X, n, d } = faithful;
    const seen: SweepProgress[] = [];
    const run = await runSweep(
      X,
      n,
      d,
      { ...grid, covarianceTypes: [...grid.covarianceTypes] },
      {
        threads: 2,
        workerPath: SWEEP_WORKER,
        onProgress: (p) => seen.push(p),
      },
    );
    expect(seen[0]).toEqual({ done: 0, total: 16 * 3, pass: 'fit', elapsedSeconds: 0, etaSeconds: null });
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].done).toBeGreaterThan(seen[i - 1].done);
      expect(seen[i].elapsedSeconds).toBeGreaterThanOrEqual(seen[i - 1].elapsedSeconds);
      expect(seen[i].total).toBe(48);
    }
    expect(seen.at(-1)?.done).toBe(48);
    expect(seen.at(-1)?.etaSeconds).toBe(0);
    // The first pass reports each cell exactly once, before any refinement.
    const firstPass = seen.filter((p) => p.pass === 'fit' && p.cell);
    expect(firstPass).toHaveLength(16);
    expect(new Set(firstPass.map((p) => `${p.cell?.covarianceType}${p.cell?.k}`)).size).toBe(16);
    // Round 1 of a cell waits for its own and its neighbours' fits; skipped revisits carry no cell.
    expect(seen.filter((p) => p.pass === 'refine')).toHaveLength(32);
    const latest = new Map<string, SweepCell>();
    for (const p of seen) if (p.cell) latest.set(`${p.cell.covarianceType}${p.cell.k}`, p.cell);
    for (const cell of run.cells) expect(latest.get(`${cell.covarianceType}${cell.k}`)).toEqual(cell);
    for (const p of seen.slice(1, -1))
      if (p.etaSeconds !== null) expect(p.etaSeconds).toBeGreaterThanOrEqual(0);
  });

  it('keeps cells that cannot be fitted (K > n) in the results with their reason', async () => {
    const X = shared([0.1, 2.5, 3.1, 7.2, 9.9]);
    const run = await runSweep(
      X,
      5,
      1,
      { ks: [1, 2, 3, 4, 5, 6, 7], covarianceTypes: ['full'], options: quick },
      {
        threads: 2,
        workerPath: SWEEP_WORKER,
      },
    );
    expect(run.cells.map((c) => c.k)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(run.cells.slice(5).map((c) => [c.status, c.code])).toEqual([
      ['failed', 'too_few_samples'],
      ['failed', 'too_few_samples'],
    ]);
    expect(run.cells[0].status).toBe('ok');
  });

  it('without refinement every cell is its own best-of-n_init fit', async () => {
    const { X, n, d } = faithful;
    const run = await runSweep(
      X,
      n,
      d,
      { ...grid, covarianceTypes: ['diag'], refine: false },
      {
        threads: 2,
        workerPath: SWEEP_WORKER,
      },
    );
    expect(run.cells.every((c) => c.origin === 'restarts')).toBe(true);
  });

  it('stops promptly and rejects with cancelled when the signal aborts', async () => {
    const { X, n, d } = faithful;
    const controller = new AbortController();
    const slow = { ...quick, nInit: 100, maxIter: 1000, tol: 0 };
    const seen: SweepProgress[] = [];
    const running = runSweep(
      X,
      n,
      d,
      { ks: [5, 6, 7, 8], covarianceTypes: ['full', 'tied'], options: slow },
      {
        threads: 2,
        workerPath: SWEEP_WORKER,
        signal: controller.signal,
        onProgress: (p) => seen.push(p),
      },
    );
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(2000);
    const count = seen.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.length).toBe(count);
  });
});
