/**
 * Loads mclust's fixtures in test/fixtures/mclust (see test/fixtures/README.md, "mclust/"): one EM
 * run per model from a stored start classification (em/) and mclustBIC's grids (grid/).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CovarianceType } from '../../../shared/engine/model/types';
import { FIXTURES, loadMatrix } from './emFixtures';

type Nested = number | Nested[];

export interface McLustEmFixture {
  name: string;
  dataset: string;
  csv: string;
  columns: string[];
  model: CovarianceType;
  k: number;
  /** 1-based classes: hclass(hc(x, "VVV", use = "SVD"), G), or qclass in one dimension. */
  start: { rule: string; classification: number[] };
  log_likelihood: number;
  n_iter: number;
  n_parameters: number;
  pro: number[];
  /** [G][d], or [G] for one column. */
  mean: Nested;
  /** [G][d][d], or [G] variances for one column. */
  sigma: Nested;
}

export interface McLustGridFixture {
  dataset: string;
  csv: string;
  columns: string[];
  n: number;
  /** bic in scikit-learn's sign (smaller is better); null where mclust's fit was singular. */
  results: { model: CovarianceType; k: number; bic: number | null; degenerate: boolean }[];
}

const dir = (kind: 'em' | 'grid') => path.join(FIXTURES, 'mclust', kind);

export function mclustFixtureNames(kind: 'em' | 'grid'): string[] {
  return readdirSync(dir(kind))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** R writes a one-column vector unboxed: columns become a list either way. */
function load<T extends { columns: string[] }>(kind: 'em' | 'grid', name: string): T {
  const raw = JSON.parse(readFileSync(path.join(dir(kind), `${name}.json`), 'utf8'));
  return { ...raw, name, columns: [raw.columns].flat() };
}

export const loadMclustEm = (name: string): McLustEmFixture => load('em', name);
export const loadMclustGrid = (name: string): McLustGridFixture => load('grid', name);

export function fixtureMatrix(f: { csv: string; columns: string[] }): {
  X: Float64Array;
  n: number;
  d: number;
} {
  return loadMatrix(f.csv, f.columns);
}
