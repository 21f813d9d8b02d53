import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { EngineClient } from '../../../electron/main/engineClient';
import { nodeEngineSpawner } from '../../../electron/main/nodeEngineSpawner';
import { enginePath } from '../../support/paths';
import { createIpcRouter } from '../../../electron/main/ipcRouter';
import { createServices } from '../../../electron/main/services';
import type { ApiResultOf, ArgOf, MixlabEvent, MixlabMethod } from '../../../shared/api';
import type { SweepProgress, SweepRequest } from '../../../shared/engine/sweep/types';

const faithfulCsv = fileURLToPath(new URL('../../fixtures/data/faithful.csv', import.meta.url));
const events: MixlabEvent[] = [];
let route: ReturnType<typeof createIpcRouter>;
// The engine as the app runs it: a separate process (the built bundle).
const engine = new EngineClient(nodeEngineSpawner(enginePath));

async function api<M extends MixlabMethod>(method: M, arg: ArgOf<M>): Promise<ApiResultOf<M>> {
  const envelope = await route(method, arg);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  return envelope.value as ApiResultOf<M>;
}

const progressOf = (jobId: string): SweepProgress[] =>
  events.flatMap((e) => (e.type === 'progress' && e.jobId === jobId ? [e.progress as SweepProgress] : []));

const options = { init: 'kmeans' as const, nInit: 2, seed: 3, maxIter: 200, tol: 1e-3, regCovar: 1e-6 };

let datasetId: string;
beforeAll(async () => {
  const services = createServices({
    engine,
    dialogs: { chooseDataFile: async () => null },
    samplesDir: '/nowhere',
    appInfo: () => ({
      name: 'Mixture Lab',
      version: '0.1.0-test',
      platform: 'linux',
      locale: 'en',
      prefersDark: false,
    }),
    emit: (e) => events.push(e),
  });
  route = createIpcRouter(services);
  datasetId = (await api('importDataset', { jobId: 'imp', options: { path: faithfulCsv } })).datasetId;
});
afterAll(() => engine.dispose());

function request(over: Partial<SweepRequest> = {}): SweepRequest {
  return {
    datasetId,
    columns: [0, 1],
    standardize: true,
    ks: [1, 2, 3, 4],
    covarianceTypes: ['full', 'tied', 'diag', 'spherical'],
    options,
    threads: 2,
    ...over,
  };
}

describe('window.mixlab.sweep (services over a real engine process)', () => {
  it('streams every finished cell with partial counts, then answers the whole grid and its best cells', async () => {
    const result = await api('sweep', { jobId: 'sw1', request: request() });
    expect(result.cells).toHaveLength(16);
    expect(result.nSamples).toBe(272);
    expect(result.preprocessing.columnNames).toEqual(['eruptions', 'waiting']);

    const progress = progressOf('sw1');
    const withCell = progress.filter((p) => p.cell);
    // Each of the 16 cells is reported at least once, the first before the sweep is done.
    const reported = new Set(withCell.map((p) => `${p.cell!.covarianceType}/${p.cell!.k}`));
    expect(reported.size).toBe(16);
    expect(withCell[0].done).toBeLessThan(withCell[0].total);
    // Cells cross the process boundary with their fitted parameters as typed arrays.
    expect(withCell[0].cell!.params?.means).toBeInstanceOf(Float64Array);
    // Old Faithful has two eruption regimes: no criterion should prefer a single Gaussian.
    expect(result.best.bic).not.toBeNull();
    expect(result.best.bic!.k).toBeGreaterThanOrEqual(2);
  });

  it("a cell's params under applyModel (no refit) give one label per fitted row and K clusters", async () => {
    const result = await api('sweep', {
      jobId: 'sw2',
      request: request({ ks: [3], covarianceTypes: ['full'] }),
    });
    const cell = result.cells[0];
    expect(cell.status).toBe('ok');
    const applied = await api('applyModel', {
      datasetId,
      model: { params: cell.params!, preprocessing: result.preprocessing },
    });
    expect(applied.labels).toHaveLength(result.nSamples);
    expect(new Set(applied.labels).size).toBe(3);
    for (let i = 0; i < applied.labels.length; i += 37) {
      const row = Array.from(applied.resp.subarray(i * 3, i * 3 + 3));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(row.indexOf(Math.max(...row))).toBe(applied.labels[i]);
    }
  });

  it('cancelJob stops a running sweep with the code "cancelled"', async () => {
    const running = api('sweep', {
      jobId: 'sw3',
      request: request({
        ks: Array.from({ length: 30 }, (_, i) => i + 1),
        options: { ...options, nInit: 5 },
        refine: true,
      }),
    }).catch((e: { code?: string }) => e);
    await expect.poll(() => progressOf('sw3').length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect(api('cancelJob', { jobId: 'sw3' })).resolves.toEqual({ cancelled: true });
    const outcome = (await running) as { code?: string };
    expect(outcome.code).toBe('cancelled');
  });

  it('the router refuses an invalid grid before the engine sees it', async () => {
    const bad = await route('sweep', { jobId: 'sw4', request: { ...request(), ks: [2, 2] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_payload');
  });
});
