/**
 * The `sweep` engine kind over mclust's fourteen models against mclust 6.0.0's own BIC grids
 * (test/fixtures/mclust/grid, README "mclust/"): every cell mclust fitted is reached or beaten.
 * mclust starts each cell once from its hierarchical start; the sweep also starts every cell of an
 * mclust-named model from that start (next to its k-means restarts and the neighbours' splits and
 * merges), so one restart of its own is enough. reg_covar 0 as mclust; a tight tolerance so that
 * scikit-learn's absolute stopping rule does not stop short of mclust's relative one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { EngineClient } from '../../../../electron/main/engineClient';
import { nodeEngineSpawner } from '../../../../electron/main/nodeEngineSpawner';
import type { SweepRequest, SweepResponse } from '../../../../shared/engine/sweep/types';
import { MCLUST_MODEL_NAMES, type CovarianceType } from '../../../../shared/engine/model/types';
import { enginePath, fixturesDir } from '../../../support/paths';
import { loadMclustGrid } from '../../../shared/engine/mclustFixtures';

let client: EngineClient;
beforeAll(() => {
  client = new EngineClient(nodeEngineSpawner(enginePath));
});
afterAll(() => client.dispose());

const OPTIONS = { init: 'kmeans', nInit: 1, seed: 0, maxIter: 1000, tol: 1e-9, regCovar: 0 } as const;
const KS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

describe.each(['two_gauss_1d', 'faithful', 'iris'])('sweep of every mclust model on %s, K 1..9', (name) => {
  const fx = loadMclustGrid(name);
  const models: CovarianceType[] = fx.columns.length === 1 ? ['E', 'V'] : [...MCLUST_MODEL_NAMES];
  let response: SweepResponse;

  beforeAll(async () => {
    const summary = await client.call('dataset.import', { path: path.join(fixturesDir, 'data', fx.csv) });
    const columns = fx.columns.map((c) => summary.columns.findIndex((s) => s.name === c));
    expect(columns.every((c) => c >= 0)).toBe(true);
    const request: SweepRequest = {
      datasetId: summary.datasetId,
      columns,
      ks: KS,
      covarianceTypes: models,
      options: OPTIONS,
      threads: 2,
    } as SweepRequest;
    response = await client.call('sweep', request);
  }, 600_000);

  it("reaches a BIC no worse than mclust's (1e-6 relative) in every cell mclust fitted", () => {
    const short: string[] = [];
    let compared = 0;
    for (const ref of fx.results) {
      if (ref.bic === null || !models.includes(ref.model)) continue;
      compared++;
      const cell = response.cells.find((c) => c.covarianceType === ref.model && c.k === ref.k);
      const bic = cell?.bic ?? null;
      if (bic === null || (bic - ref.bic) / Math.abs(ref.bic) > 1e-6)
        short.push(`${ref.model} K=${ref.k}: ${bic ?? cell?.status} vs ${ref.bic}`);
    }
    expect(compared).toBeGreaterThanOrEqual(models.length * 6);
    expect(short).toEqual([]);
  });

  it("chooses a model at least as good as mclust's choice", () => {
    const fitted = fx.results.filter((r) => r.bic !== null && models.includes(r.model));
    const theirs = Math.min(...fitted.map((r) => r.bic as number));
    const choice = response.best.bic;
    const ours = response.cells.find((c) => c.k === choice?.k && c.covarianceType === choice?.covarianceType);
    expect(ours?.bic as number).toBeLessThanOrEqual(theirs + 1e-6 * Math.abs(theirs));
  });
});
