/**
 * A realistic project for the project-file tests: scikit-learn's fitted iris models (full and diag,
 * from test/fixtures/em) as fits, with awkward doubles mixed in so an inexact serialiser would show.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COVARIANCE_MODELS } from '../../../shared/engine/model/covariance/index';
import type { CovarianceType, GaussianMixtureParams } from '../../../shared/engine/model/types';
import {
  PROJECT_FORMAT,
  PROJECT_VERSION,
  type MixlabProject,
  type ProjectFit,
  type ProjectState,
} from '../../../shared/project/schema';

const fixtureDir = new URL('../../fixtures/em/', import.meta.url);

export function sklearnParams(file: string): GaussianMixtureParams {
  const fx = JSON.parse(readFileSync(fileURLToPath(new URL(file, fixtureDir)), 'utf8'));
  const type = fx.covariance_type as CovarianceType;
  const K = fx.n_components;
  const d = fx.n_features;
  const model = COVARIANCE_MODELS[type];
  const covariances = model.flatten(fx.final.covariances, K, d)!;
  return {
    covarianceType: type,
    nComponents: K,
    nFeatures: d,
    weights: Float64Array.from(fx.final.weights),
    means: Float64Array.from(fx.final.means.flat()),
    covariances,
    precisionsCholesky: model.precisionCholesky(covariances, K, d) as Float64Array,
  };
}

function fit(id: string, file: string): ProjectFit {
  const params = sklearnParams(file);
  const d = params.nFeatures;
  return {
    id,
    settings: {
      nComponents: params.nComponents,
      covarianceType: params.covarianceType,
      init: 'kmeans',
      nInit: 3,
      seed: 4242,
      maxIter: 200,
      tol: 1e-4,
      regCovar: 1e-6,
    },
    params,
    summary: {
      converged: true,
      nIter: 17,
      lowerBound: -1.2345678901234567,
      meanLogLikelihood: -1.2,
      logLikelihood: -180.1,
      nParameters: 44,
      bic: 580.8474,
      aic: 0.1 + 0.2,
      icl: Number.MIN_VALUE,
      nSamples: 150,
      droppedRows: 0,
      seconds: 0.012,
    },
    preprocessing: {
      columns: [0, 1, 2, 3].slice(0, d),
      columnNames: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'].slice(0, d),
      log: new Array(d).fill(false),
      standardize: true,
      center: [5.843333333333334, 3.0573333333333332, 3.758, 1.1993333333333334].slice(0, d),
      scale: [0.8253012917851409, 0.4344109677354946, 1.759404065775303, 0.7596926279021594].slice(0, d),
    },
    trace: [-3.1, -2.5, -2.2, 1e-300, Number.MAX_VALUE, -Infinity],
  };
}

export function sampleState(dataPath: string | null): ProjectState {
  return {
    dataSource: dataPath ? { path: dataPath } : null,
    importOptions: { encoding: 'utf-8', delimiter: ',' },
    selection: {
      columns: [0, 1, 2, 3],
      columnNames: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
      standardize: true,
      logColumns: [],
    },
    modelSettings: {
      nComponents: 3,
      covarianceType: 'full',
      init: 'kmeans',
      nInit: 3,
      seed: 4242,
      maxIter: 200,
      tol: 1e-4,
      regCovar: 1e-6,
    },
    fits: [
      fit('fit-1', 'iris__full__k3.json'),
      fit('fit-2', 'iris__diag__k3.json'),
      fit('fit-3', 'iris__spherical__k3.json'),
      fit('fit-4', 'iris__tied__k3.json'),
    ],
    currentFitId: 'fit-2',
    sweep: {
      request: { kRange: [1, 6], covarianceTypes: ['full', 'diag'] },
      cells: [
        { k: 1, covarianceType: 'full', bic: 829.98, status: 'ok' },
        { k: 2, covarianceType: 'full', bic: 574.02, status: 'ok' },
      ],
    },
    viewState: { tab: 'scatter', axes: { x: 2, y: 3 }, showEllipses: true, sigma: 2, theme: '暗色' },
  };
}

export function sampleProject(): MixlabProject {
  const { dataSource: _path, ...state } = sampleState(null);
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: '2026-11-22T10:42:00.000Z',
    appVersion: '0.1.0',
    dataSource: { path: '/data/iris.csv', size: 4551, mtimeMs: 1763800000000.5, sha256: 'ab'.repeat(32) },
    ...state,
  };
}

/** Exact equality of two doubles arrays, element by element (=== : the sign of zero is not compared). */
export function sameDoubles(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (!(a[i] === b[i] || (Number.isNaN(a[i]) && Number.isNaN(b[i])))) return false;
  return true;
}
