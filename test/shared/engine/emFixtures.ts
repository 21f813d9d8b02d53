/**
 * Loads the scikit-learn EM trajectories in test/fixtures/em (see test/fixtures/README.md, "em/")
 * and their CSV data, and compares arrays the way that README prescribes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FitOptions, SklearnCovarianceType } from '../../../shared/engine/model/types';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

type Nested = number | Nested[];

export interface EmFixture {
  name: string;
  csv: string;
  columns: string[];
  n_samples: number;
  n_features: number;
  covariance_type: SklearnCovarianceType;
  n_components: number;
  reg_covar: number;
  init: { weights: number[]; means: number[][]; covariances: Nested; precisions: Nested };
  iterations: {
    iter: number;
    mean_log_likelihood: number;
    mean_log_likelihood_post: number;
    weights: number[];
    means: number[][];
    covariances: Nested;
  }[];
  final: {
    weights: number[];
    means: number[][];
    covariances: Nested;
    n_iter: number;
    mean_log_likelihood: number;
    log_likelihood: number;
    n_parameters: number;
    bic: number;
    aic: number;
    labels: number[];
    proba: number[][];
  };
}

export function emFixtureNames(): string[] {
  return readdirSync(path.join(FIXTURES, 'em'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function loadEmFixture(name: string): EmFixture {
  return { name, ...JSON.parse(readFileSync(path.join(FIXTURES, 'em', `${name}.json`), 'utf8')) };
}

/** The fixture's columns of its CSV as a row-major matrix (plain numeric CSV with a header). */
export function loadMatrix(csv: string, columns: string[]): { X: Float64Array; n: number; d: number } {
  const lines = readFileSync(path.join(FIXTURES, 'data', csv), 'utf8')
    .trim()
    .split('\n');
  const header = lines[0].split(',');
  const idx = columns.map((c) => header.indexOf(c));
  const n = lines.length - 1;
  const d = columns.length;
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const cells = lines[i + 1].split(',');
    idx.forEach((c, j) => (X[i * d + j] = Number(cells[c])));
  }
  return { X, n, d };
}

/** Options that replay a fixture from its explicit start for `maxIter` iterations (tol 0). */
export function replayOptions(
  f: EmFixture,
  maxIter: number,
  start: 'covariances' | 'precisions' = 'precisions',
): FitOptions {
  return {
    nComponents: f.n_components,
    covarianceType: f.covariance_type,
    init: 'kmeans',
    initParams: { weights: f.init.weights, means: f.init.means, [start]: f.init[start] },
    nInit: 1,
    seed: 0,
    maxIter,
    tol: 0,
    regCovar: f.reg_covar,
  };
}

export function flat(v: Nested): number[] {
  return Array.isArray(v) ? v.flatMap(flat) : [v];
}

/** max|a − b| / max|b| (the README's per-array relative error). */
export function arrayRelError(actual: ArrayLike<number>, expected: Nested): number {
  const b = flat(expected);
  if (actual.length !== b.length) return Infinity;
  let scale = 0;
  let err = 0;
  for (let i = 0; i < b.length; i++) {
    scale = Math.max(scale, Math.abs(b[i]));
    err = Math.max(err, Math.abs(actual[i] - b[i]));
  }
  return err / scale;
}

export function relError(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}
