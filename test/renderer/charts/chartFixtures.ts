/**
 * Plain inputs for the option-builder tests, from the scikit-learn iris fixture (K = 3, full):
 * the fitted model, its labels and responsibilities, the data, and translated strings.
 */
import type { GaussianMixtureParams } from '../../../shared/engine/model/types';
import { flat, loadEmFixture, loadMatrix } from '../../shared/engine/emFixtures';
import { identityPreprocessing } from '../../../shared/stats/displaySpace';
import { componentGeometry2d } from '../../../shared/stats/componentGeometry';
import { maxPosterior } from '../../../shared/stats/certainty';
import type { ScatterText } from '../../../renderer/src/charts/scatterOption';

export function irisModel() {
  const f = loadEmFixture('iris__full__k3');
  const { X, n, d } = loadMatrix(f.csv, f.columns);
  const params: GaussianMixtureParams = {
    covarianceType: 'full',
    nComponents: 3,
    nFeatures: d,
    weights: Float64Array.from(f.final.weights),
    means: Float64Array.from(flat(f.final.means)),
    covariances: Float64Array.from(flat(f.final.covariances)),
    precisionsCholesky: new Float64Array(3 * d * d),
  };
  const pre = identityPreprocessing(f.columns);
  const labels = Int32Array.from(f.final.labels);
  const resp = Float64Array.from(flat(f.final.proba));
  return { f, X, n, d, params, pre, labels, resp, certainty: maxPosterior(resp, n, 3) };
}

export const scatterText: ScatterText = {
  title: 'Clusters',
  sampleNote: (shown, total) => `Showing a sample of ${shown} of ${total} points`,
  largeNote: (total) => `All ${total} points, fast drawing`,
  centroid: 'Centroid',
  certainty: 'Certainty',
  weight: 'Weight',
};

/** Scatter input on petal length × petal width of iris. */
export function irisScatterInput() {
  const m = irisModel();
  const column = (j: number) => Float64Array.from({ length: m.n }, (_, i) => m.X[i * m.d + j]);
  return {
    model: m,
    input: {
      x: column(2),
      y: column(3),
      labels: m.labels,
      certainty: m.certainty,
      components: componentGeometry2d(m.params, m.pre, { kind: 'features', x: 2, y: 3 }),
      clusterNames: ['Cluster 1', 'Cluster 2', 'Cluster 3'],
      axisNames: ['petal_length', 'petal_width'] as [string, string],
      text: scatterText,
    },
  };
}

/** n synthetic points in K clusters (row i in cluster i mod K) with their geometry. */
export function syntheticScatterInput(n: number, K = 3) {
  const { input } = irisScatterInput();
  const labels = Int32Array.from({ length: n }, (_, i) => i % K);
  const x = Float64Array.from({ length: n }, (_, i) => (i % K) * 10 + (i % 97) / 97);
  const y = Float64Array.from({ length: n }, (_, i) => (i % 89) / 89);
  return {
    ...input,
    x,
    y,
    labels,
    certainty: new Float64Array(n).fill(0.95),
    components: input.components.slice(0, K),
  };
}
