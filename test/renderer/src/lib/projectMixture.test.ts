import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../../../shared/data/types';
import type { FitRequest, FitResponse } from '../../../../shared/engine/model/types';
import { parseProject, serializeProject } from '../../../../shared/project/parseProject';
import { PROJECT_FORMAT, PROJECT_VERSION, type MixlabProject } from '../../../../shared/project/schema';
import { defaultAnalysisState, type CurrentFit } from '../../../../renderer/src/lib/analysisState';
import {
  currentMixtureFit,
  isMixtureFit,
  restoredMixtureFit,
} from '../../../../renderer/src/lib/projectMixture';
import { analysisStateOf, buildProjectState } from '../../../../renderer/src/lib/projectState';
import { defaultSweepState } from '../../../../renderer/src/stores/sweep';
import { sampleProject } from '../../../shared/project/projectFixture';

const summary = {
  datasetId: 'ds-1',
  file: '/data/mall.csv',
  encoding: 'utf-8',
  decimal: '.',
  delimiter: ',',
  columns: [
    { index: 0, name: 'Gender', displayName: 'Gender', kind: 'categorical', missing: 0, distinct: 2 },
    { index: 1, name: 'Age', displayName: 'Age', kind: 'numeric', missing: 3 },
    { index: 2, name: 'Freq', displayName: 'Freq', kind: 'numeric', missing: 0 },
  ],
} as unknown as DatasetSummary;

/** Gender as categories beside Age (diag, with 3 modelled missing cells), rows weighted by Freq. */
function mixedFit(): CurrentFit {
  const request: FitRequest = {
    datasetId: 'ds-1',
    columns: [0, 1],
    standardize: false,
    categorical: [0],
    weights: 2,
    options: {
      nComponents: 2,
      covarianceType: 'diag',
      init: 'kmeans',
      nInit: 1,
      maxIter: 100,
      tol: 1e-3,
      regCovar: 1e-6,
      seed: 0,
    },
  } as FitRequest;
  const response = {
    fit: {
      params: {
        covarianceType: 'diag',
        nComponents: 2,
        nFeatures: 1,
        weights: Float64Array.of(0.4, 0.6),
        means: Float64Array.of(30.5, 51.25),
        covariances: Float64Array.of(20, 31),
        precisionsCholesky: Float64Array.of(1 / Math.sqrt(20), 1 / Math.sqrt(31)),
        discrete: {
          categorical: [Float64Array.of(0.1, 0.9, 0.7, 0.3)],
          poisson: new Float64Array(0),
          binomial: new Float64Array(0),
        },
      },
      converged: true,
      nIter: 7,
      lowerBound: -4.5,
      meanLogLikelihood: -4.5,
      logLikelihood: -900,
      nParameters: 7,
      bic: 1840.1,
      aic: 1814,
      icl: 1850,
      traces: [Float64Array.of(-5, -4.6, -4.5)],
      bestRestart: 0,
      labels: Int32Array.of(0, 1),
      resp: Float64Array.of(1, 0, 0, 1),
      logDensity: new Float64Array(2),
      seconds: 0.1,
    },
    preprocessing: {
      columns: [1],
      columnNames: ['Age'],
      log: [false],
      standardize: false,
      center: [0],
      scale: [1],
      categorical: [{ column: 0, name: 'Gender', levels: ['Female', 'Male'] }],
      weights: { column: 2, name: 'Freq' },
    },
    rowIndex: Uint32Array.of(0, 1),
    droppedRows: 0,
    missingCells: 3,
    totalWeight: 200,
  } as FitResponse;
  return { id: 4, request, response };
}

function saved(current: CurrentFit): MixlabProject {
  const analysis = {
    ...defaultAnalysisState(),
    selection: [0, 1],
    roles: { categorical: [0], counts: [], binomial: [], weights: 2, missing: 'model' as const },
  };
  const state = buildProjectState({ summary, analysis, current, sweep: defaultSweepState() });
  const project: MixlabProject = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: '2026-01-01T00:00:00Z',
    appVersion: '0.1.0',
    ...state,
    dataSource: { path: '/data/mall.csv', size: 1, mtimeMs: 0, sha256: '0'.repeat(64) },
  };
  return parseProject(serializeProject(project));
}

describe('mixed-type fits in a project file', () => {
  it('saves a fit with categories, weights and modelled missing cells as a mixture fit and reopens it alike', () => {
    const fit = mixedFit();
    expect(isMixtureFit(fit)).toBe(true);
    const project = saved(fit);
    expect(project.fits).toEqual([]);
    const stored = currentMixtureFit(project);
    expect(stored?.id).toBe('fit-4');
    expect(stored?.model.roles).toEqual({
      columns: [0, 1],
      standardize: false,
      categorical: [0],
      weights: 2,
    });
    expect(Array.from(stored!.model.params.discrete!.categorical[0])).toEqual([0.1, 0.9, 0.7, 0.3]);
    expect(stored?.summary).toMatchObject({ missingCells: 3, totalWeight: 200, nSamples: 2 });

    const prediction = {
      rowIndex: Uint32Array.of(0, 1),
      labels: Int32Array.of(0, 1),
      resp: Float64Array.of(1, 0, 0, 1),
      droppedRows: 0,
      missingCells: 3,
    };
    const restored = restoredMixtureFit(stored!, prediction, 'ds-2');
    expect(restored.request).toEqual({ ...fit.request, datasetId: 'ds-2' });
    expect(restored.response.preprocessing).toEqual(fit.response.preprocessing);
    expect(restored.response.missingCells).toBe(3);
    expect(restored.response.totalWeight).toBe(200);
    expect(Array.from(restored.response.fit.params.means)).toEqual([30.5, 51.25]);
    // The column roles come back with the workspace state.
    expect(analysisStateOf(project).roles).toEqual({
      categorical: [0],
      counts: [],
      binomial: [],
      weights: 2,
      missing: 'model',
    });
  });

  it('keeps a plain Gaussian fit where it always was, and a version-1 file still opens', () => {
    const fit = mixedFit();
    const plain: CurrentFit = {
      ...fit,
      request: { ...fit.request, categorical: undefined, weights: undefined },
      response: {
        ...fit.response,
        fit: { ...fit.response.fit, params: { ...fit.response.fit.params, discrete: undefined } },
        missingCells: 0,
      },
    };
    delete plain.request.categorical;
    delete plain.request.weights;
    expect(isMixtureFit(plain)).toBe(false);
    const project = saved(plain);
    expect(project.fits.map((f) => f.id)).toEqual(['fit-4']);
    expect(project.mixtureFits).toBeUndefined();
    const v1 = parseProject(serializeProject(sampleProject()));
    expect(v1.version).toBe(1);
    expect(currentMixtureFit(v1)).toBeNull();
  });
});
