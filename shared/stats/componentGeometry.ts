/**
 * Where each mixture component sits on the scatter's two axes: its centre, its projected 2 × 2
 * covariance and its 1σ/2σ ellipses (./ellipse.ts for what "kσ" means).
 *
 * Two kinds of axes:
 *   features  two selected columns, shown in display units (./displaySpace.ts): the component is
 *             first mapped out of the standardised space (μ_t = center + scale∘μ, Σ_t = DΣD),
 *             then the pair (x, y) is picked — P = rows e_x, e_y.
 *   pca       the first two principal components of the fitted data (./pca.ts): the component
 *             stays in the fitted space and is projected, P(μ − x̄) and PΣPᵀ.
 */
import type { GaussianMixtureParams, Preprocessing } from '../engine/model/types';
import type { Covariance2 } from './ellipse';
import {
  componentCovariance,
  ellipsePolyline,
  featurePairProjection,
  projectCovariance,
  projectVector,
} from './ellipse';
import { covarianceToDisplay, meanToDisplay } from './displaySpace';
import type { Pca2 } from './pca';
import { pcaProjectCovariance, pcaProjectMean } from './pca';

export type ScatterAxes = { kind: 'features'; x: number; y: number } | { kind: 'pca'; pca: Pca2 };

export interface EllipseRing {
  /** k in (x − μ)ᵀ Σ₂⁻¹ (x − μ) = k². */
  sigma: number;
  points: [number, number][];
}

export interface ComponentGeometry2d {
  component: number;
  weight: number;
  center: [number, number];
  covariance: Covariance2;
  rings: EllipseRing[];
}

/** Centre, projected covariance and rings of every component on the chosen axes. */
export function componentGeometry2d(
  params: GaussianMixtureParams,
  pre: Preprocessing,
  axes: ScatterAxes,
  sigmas: readonly number[] = [1, 2],
  segments = 96,
): ComponentGeometry2d[] {
  const d = params.nFeatures;
  const out: ComponentGeometry2d[] = [];
  for (let k = 0; k < params.nComponents; k++) {
    const meanZ = params.means.subarray(k * d, (k + 1) * d);
    const covZ = componentCovariance(params, k);
    let center: [number, number];
    let covariance: Covariance2;
    if (axes.kind === 'features') {
      const P = featurePairProjection(d, axes.x, axes.y);
      center = projectVector(meanToDisplay(pre, meanZ), d, P);
      covariance = projectCovariance(covarianceToDisplay(pre, covZ), d, P);
    } else {
      center = pcaProjectMean(axes.pca, meanZ);
      covariance = pcaProjectCovariance(axes.pca, covZ);
    }
    const rings = sigmas.map((sigma) => ({
      sigma,
      points: ellipsePolyline(center, covariance, sigma, segments),
    }));
    out.push({ component: k, weight: params.weights[k], center, covariance, rings });
  }
  return out;
}
