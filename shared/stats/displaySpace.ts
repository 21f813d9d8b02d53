/**
 * Fitted space ↔ display space. The engine fits on z = (t − center) / scale per feature, where
 * t = x for a plain feature and t = ln x for a log-transformed one (shared/engine/request/buildFitMatrix.ts:
 * log first, then standardise). Charts show t: the original units, or the log of them.
 *
 * The map z → t is affine, t = center + D z with D = diag(scale), so a Gaussian stays Gaussian:
 * μ_t = center + scale ∘ μ_z and Σ_t = D Σ_z D. The map back to x is not affine for a log feature
 * (the component is log-normal in x and has no ellipse), so a log feature is drawn in log units
 * and its axis is labelled "log(name)" — see `displayFeatureName`.
 */
import type { Preprocessing } from '../engine/model/types';

/** Axis label of feature j: its column name, or "log(name)" when it was log-transformed. */
export function displayFeatureName(pre: Preprocessing, j: number): string {
  return pre.log[j] ? `log(${pre.columnNames[j]})` : pre.columnNames[j];
}

/** A raw data value of feature j in display units (ln x for a log feature; NaN when x ≤ 0 there). */
export function toDisplayValue(pre: Preprocessing, j: number, x: number): number {
  return pre.log[j] ? (x > 0 ? Math.log(x) : Number.NaN) : x;
}

/** A raw data value of feature j in the fitted space, (t − center) / scale. */
export function toFittedValue(pre: Preprocessing, j: number, x: number): number {
  return (toDisplayValue(pre, j, x) - pre.center[j]) / pre.scale[j];
}

/**
 * A fitted-space value of feature j back in the data's original units: t = center + scale·z, then
 * e^t for a log feature (the inverse of `toFittedValue`). Used for rows drawn from a model.
 */
export function fromFittedValue(
  pre: Pick<Preprocessing, 'log' | 'center' | 'scale'>,
  j: number,
  z: number,
): number {
  const t = pre.center[j] + pre.scale[j] * z;
  return pre.log[j] ? Math.exp(t) : t;
}

/** μ_t = center + scale ∘ μ_z for a fitted-space mean (d). */
export function meanToDisplay(pre: Preprocessing, meanZ: ArrayLike<number>): Float64Array {
  const d = pre.scale.length;
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) out[j] = pre.center[j] + pre.scale[j] * meanZ[j];
  return out;
}

/** Σ_t = D Σ_z D, D = diag(scale), for a fitted-space covariance (d × d, row-major). */
export function covarianceToDisplay(pre: Preprocessing, covZ: Float64Array): Float64Array {
  const d = pre.scale.length;
  const out = new Float64Array(d * d);
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) out[a * d + b] = pre.scale[a] * covZ[a * d + b] * pre.scale[b];
  return out;
}

/** The identity preprocessing for d features (no log, centre 0, scale 1): fitted = display. */
export function identityPreprocessing(columnNames: string[]): Preprocessing {
  const d = columnNames.length;
  return {
    columns: columnNames.map((_, j) => j),
    columnNames: [...columnNames],
    log: new Array<boolean>(d).fill(false),
    standardize: false,
    center: new Array<number>(d).fill(0),
    scale: new Array<number>(d).fill(1),
  };
}
