/**
 * mclust's fourteen covariance models as the app groups and explains them. A name's three letters
 * are the volume, shape and orientation of the clusters' ellipsoids (Σ_k = λ_k D_k A_k D_kᵀ), each
 * Equal across clusters, Variable, or the Identity (round shape, axis-aligned orientation). The
 * groups are mclust's own: spherical (…II), diagonal (…I) and ellipsoidal (the rest).
 */
import {
  COVARIANCE_TYPES,
  MCLUST_MODEL_NAMES,
  type CovarianceType,
  type McLustModelName,
} from '../../../shared/engine/model/types';

export type ModelPart = 'volume' | 'shape' | 'orientation';
export type PartLetter = 'E' | 'V' | 'I';
export const MODEL_PARTS: readonly ModelPart[] = ['volume', 'shape', 'orientation'];

export type ModelGroup = 'spherical' | 'diagonal' | 'ellipsoidal';
export const MODEL_GROUPS: readonly { group: ModelGroup; models: readonly McLustModelName[] }[] = [
  { group: 'spherical', models: ['EII', 'VII'] },
  { group: 'diagonal', models: ['EEI', 'VEI', 'EVI', 'VVI'] },
  { group: 'ellipsoidal', models: ['EEE', 'VEE', 'EVE', 'VVE', 'EEV', 'VEV', 'EVV', 'VVV'] },
];

/** The letter of each part: volume, shape, orientation (one column's E and V: the volume only). */
export function modelLetters(name: McLustModelName): Record<ModelPart, PartLetter> {
  const [volume, shape = 'I', orientation = 'I'] = name.split('') as PartLetter[];
  return { volume, shape, orientation };
}

/** The two sets the model-selection view sweeps and plots. */
export type ModelSet = 'sklearn' | 'mclust';
export const MODEL_SETS: Record<ModelSet, readonly CovarianceType[]> = {
  sklearn: COVARIANCE_TYPES,
  mclust: MCLUST_MODEL_NAMES,
};

/** mclust's names for scikit-learn's four: the same models. */
export const SKLEARN_AS_MCLUST: Record<(typeof COVARIANCE_TYPES)[number], McLustModelName> = {
  spherical: 'VII',
  diag: 'VVI',
  tied: 'EEE',
  full: 'VVV',
};

/**
 * Whether a cell of `type` belongs on the chart of `set`: scikit-learn's four show under their
 * names or as mclust's VII, VVI, EEE, VVV; the fourteen show every model.
 */
export function inModelSet(type: CovarianceType, set: ModelSet): boolean {
  if (set === 'mclust') return true;
  return (
    (COVARIANCE_TYPES as readonly string[]).includes(type) ||
    (Object.values(SKLEARN_AS_MCLUST) as string[]).includes(type)
  );
}

/** The set a grid of types was chosen from: the fourteen as soon as one mclust name is in it. */
export function modelSetOf(types: readonly CovarianceType[]): ModelSet {
  return types.some((t) => !(COVARIANCE_TYPES as readonly string[]).includes(t)) ? 'mclust' : 'sklearn';
}

type Translate = (key: string, params: Record<string, unknown>) => string;

/** "Volume: equal · shape: varies · orientation: along the axes", in the UI's language. */
export function describeModel(t: Translate, name: McLustModelName): string {
  const letters = modelLetters(name);
  return t('model.mclust.describe', {
    volume: t(`model.mclust.letter.volume.${letters.volume}`, {}),
    shape: t(`model.mclust.letter.shape.${letters.shape}`, {}),
    orientation: t(`model.mclust.letter.orientation.${letters.orientation}`, {}),
  });
}
