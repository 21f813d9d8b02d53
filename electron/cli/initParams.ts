/**
 * `mixlab fit --init-params init.json`: scikit-learn-shaped starting parameters {weights, means,
 * covariances or precisions} (precisions win when both are present, as scikit-learn is given
 * precisions_init), read within the model file limits (shared/project/jsonLimits.ts) and checked
 * in full once K and d are known: shapes by the request schema, then the numbers by the checks a
 * model file gets (shared/project/modelChecks.ts) — weights positive summing to 1 (scikit-learn's
 * tolerance), finite means, covariances or precisions symmetric positive definite.
 */
import path from 'node:path';
import { COVARIANCE_MODELS } from '../../shared/engine/model/covariance/index';
import type { FitOptions, InitParams } from '../../shared/engine/model/types';
import { WEIGHTS_SUM_TOLERANCE } from '../../shared/engine/request/fitRules';
import { INIT_PARAMS_LIMITS } from '../../shared/project/jsonLimits';
import { meansProblem, positiveDefiniteProblem, weightsProblem } from '../../shared/project/modelChecks';
import { readJsonFileText } from '../common/jsonFile';
import { ArgumentError } from './args';

/** Reads the file; other keys (a fixture's `rule`, …) are ignored. */
export async function readInitParams(file: string): Promise<InitParams> {
  const text = await readJsonFileText(path.resolve(file), INIT_PARAMS_LIMITS, {
    cannotRead: (problem) => `cannot read --init-params ${file}: ${problem.reason}`,
    what: `--init-params ${file}`,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ArgumentError(`cannot read --init-params ${file}: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ArgumentError(`--init-params ${file} must hold a JSON object {weights, means, covariances}`);
  }
  const p = parsed as Record<string, unknown>;
  const init: Record<string, unknown> = {};
  for (const key of ['weights', 'means', 'categorical', 'poisson', 'binomial'] as const)
    if (p[key] !== undefined) init[key] = p[key];
  if (p.precisions !== undefined) init.precisions = p.precisions;
  else if (p.covariances !== undefined) init.covariances = p.covariances;
  if (Object.keys(init).length === 0) {
    throw new ArgumentError(
      `--init-params ${file} has none of weights, means, covariances, precisions, categorical, poisson, binomial`,
    );
  }
  return init as InitParams;
}

/**
 * Throws an ArgumentError naming the first problem of well-shaped starting parameters for d
 * features (the request schema has checked the shapes against K and d).
 */
export function checkInitParams(file: string, options: FitOptions, d: number): void {
  const init = options.initParams;
  if (!init) return;
  const K = options.nComponents;
  const type = options.covarianceType;
  const model = COVARIANCE_MODELS[type];
  const problem =
    (init.weights ? weightsProblem(init.weights, WEIGHTS_SUM_TOLERANCE) : null) ??
    (init.means ? meansProblem(init.means.flat(), d) : null) ??
    (init.covariances
      ? positiveDefiniteProblem('covariance', type, model.flatten(init.covariances, K, d)!, K, d)
      : null) ??
    (init.precisions
      ? positiveDefiniteProblem('precision', type, model.flatten(init.precisions, K, d)!, K, d)
      : null);
  if (problem) throw new ArgumentError(`--init-params ${file}: ${problem}`);
}
