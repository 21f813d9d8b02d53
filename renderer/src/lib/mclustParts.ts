/**
 * mclust's parts of each cluster's covariance, Σ_k = λ_k D_k A_k D_kᵀ (Banfield & Raftery 1993;
 * Celeux & Govaert 1995), for the Parameters view of a fit under one of mclust's model names:
 * volume λ_k = |Σ_k|^{1/d}, shape A_k (diagonal, det 1) and orientation D_k (orthogonal, column j
 * the axis of shape j). The parts come from shared/engine/model/covariance/decompose.ts, which
 * follows the model's structure, so parts the name calls equal are shown equal. They are parts of
 * the fitted covariances: standardising rescales each column differently, which would break the
 * structure the name states, so they are not back-transformed to data units.
 */
import { decomposeCovariances } from '../../../shared/engine/model/covariance/decompose';
import type { GaussianMixtureParams } from '../../../shared/engine/model/types';
import { isMclustName } from '../../../shared/engine/model/types';

/** E: equal for every cluster, V: varies by cluster, I: identity (round shape, axes along the columns). */
export type PartLetter = 'E' | 'V' | 'I';
export type PartName = 'volume' | 'shape' | 'orientation';

export interface MclustPartsTable {
  /** The model's mclust name, e.g. "VEV". */
  name: string;
  letters: Record<PartName, PartLetter>;
  /** λ_k, K. */
  volume: number[];
  /** diag A_k, K rows of d, in the order of D_k's columns. */
  shape: number[][];
  /** D_k as K d × d row-major matrices (row: column of the data, column: axis); null for identity. */
  orientation: Float64Array[] | null;
}

/** The letters of an mclust name; E and V (one column) are the volume alone. */
export function partLetters(name: string): Record<PartName, PartLetter> {
  const at = (i: number) => (name.length === 3 ? name[i] : 'I') as PartLetter;
  return { volume: name[0] as PartLetter, shape: at(1), orientation: at(2) };
}

/** null unless the fit was asked for under an mclust name (scikit-learn's names get no parts). */
export function mclustPartsTable(params: GaussianMixtureParams): MclustPartsTable | null {
  const type = params.covarianceType;
  const K = params.nComponents;
  const d = params.nFeatures;
  if (!isMclustName(type) || K === 0 || d === 0) return null;
  const parts = decomposeCovariances(type, params.covariances, K, d);
  const letters = partLetters(type);
  return {
    name: type,
    letters,
    volume: Array.from(parts.scale),
    shape: Array.from({ length: K }, (_, k) => Array.from(parts.shape.subarray(k * d, (k + 1) * d))),
    orientation:
      parts.orientation === null || letters.orientation === 'I'
        ? null
        : Array.from({ length: K }, (_, k) => parts.orientation!.slice(k * d * d, (k + 1) * d * d)),
  };
}
