/**
 * The sweep cell behind a click on the model-selection chart. ECharts reports the series by its
 * name — the model's display name in the UI language — and the point's value as [K, criterion].
 */
import type { CovarianceType } from '../../../shared/engine/model/types';
import { COVARIANCE_MODEL_NAMES } from '../../../shared/engine/model/types';

export function pickedCell<C extends { k: number; covarianceType: CovarianceType }>(
  cells: readonly C[],
  point: { seriesName: string; value: unknown },
  typeName: (type: CovarianceType) => string,
): C | null {
  const type = COVARIANCE_MODEL_NAMES.find((c) => typeName(c) === point.seriesName);
  const k = Array.isArray(point.value) ? Number(point.value[0]) : NaN;
  return cells.find((c) => c.k === k && c.covarianceType === type) ?? null;
}
