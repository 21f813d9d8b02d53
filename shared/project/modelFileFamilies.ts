/**
 * The parts of a model file (format 2) beyond scikit-learn's Gaussian attributes: the discrete
 * families of a mixed-type model, the weight column and what happens to missing cells. Columns are
 * named, as the Gaussian block's `preprocessing.columns` are, so a file applies to any table with
 * those columns:
 *
 *   categorical     [{column, levels[L], probabilities[K][L]}]   (each class's row sums to 1)
 *   poisson         [{column, rates[K]}]                          (rates ≥ 0)
 *   binomial        [{column, trials, probabilities[K]}]          (trials: a number, or {column})
 *   weights_column  the frequency-weight column's name (rows of weight 0 get no label)
 *   missing         "model" (a row with missing cells is labelled from its observed cells) or
 *                   "drop" (it gets no label); a plain Gaussian model writes it in format 1
 *                   too (modelFile.ts), and a format-1 file without it means "drop"
 *
 * The shapes and the in-memory form are those of the engine's stored mixed model
 * (request/mixtureModel.ts: params.discrete, Preprocessing's families); its caps bound every array.
 */
import { z } from 'zod';
import type { DiscreteParams } from '../engine/model/types';
import { MIXTURE_MODEL_LIMITS } from '../engine/request/mixtureModel';
import type { LabelModel, ModelPreprocessing } from '../export/labelModel';
import {
  binomialProblem,
  categoricalProblem,
  levelsProblem,
  poissonRatesProblem,
  type ModelProblem,
} from './modelChecks';

const name = z.string().max(MIXTURE_MODEL_LIMITS.name);
const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(MIXTURE_MODEL_LIMITS.discreteColumns);

export const modelFileFamiliesSchema = z.object({
  categorical: list(
    z.object({
      column: name,
      levels: z.array(name).max(MIXTURE_MODEL_LIMITS.levels),
      probabilities: z.array(z.array(finite).max(MIXTURE_MODEL_LIMITS.levels)),
    }),
  ).optional(),
  poisson: list(z.object({ column: name, rates: z.array(finite) })).optional(),
  binomial: list(
    z.object({
      column: name,
      trials: z.union([z.number().int().min(1).max(1e9), z.object({ column: name })]),
      probabilities: z.array(finite),
    }),
  ).optional(),
  weights_column: name.optional(),
  missing: z.enum(['model', 'drop']).optional(),
});

export type ModelFileFamilies = z.output<typeof modelFileFamiliesSchema>;

/**
 * True when the model needs format 2 to be read as it is (a format-1 reader would drop a part): a
 * discrete column, no numeric one, or a weight column. A plain Gaussian model stays format 1,
 * readable by every Mixture Lab; its missing-cell mode is the one key of these it writes too
 * (modelFile.ts), since a reader that does not know the key loses nothing it could use.
 */
export function needsFamilies(model: LabelModel): boolean {
  const pre = model.preprocessing;
  return (
    model.params.nFeatures === 0 ||
    (pre.categorical?.length ?? 0) + (pre.poisson?.length ?? 0) + (pre.binomial?.length ?? 0) > 0 ||
    pre.weights !== undefined
  );
}

/** The model's families as the file writes them (only the parts it has). */
export function familiesToFile(model: LabelModel): ModelFileFamilies {
  const { params, preprocessing: pre } = model;
  const K = params.nComponents;
  const discrete = params.discrete;
  const out: ModelFileFamilies = {};
  const byClass = (flat: Float64Array, j: number, width: number) =>
    Array.from({ length: K }, (_, k) => flat[k * width + j]);
  if (discrete && pre.categorical?.length)
    out.categorical = pre.categorical.map((c, j) => {
      const L = c.levels.length;
      const theta = discrete.categorical[j];
      return {
        column: c.name,
        levels: [...c.levels],
        probabilities: Array.from({ length: K }, (_, k) => Array.from(theta.subarray(k * L, k * L + L))),
      };
    });
  if (discrete && pre.poisson?.length) {
    const q = pre.poisson.length;
    out.poisson = pre.poisson.map((c, j) => ({ column: c.name, rates: byClass(discrete.poisson, j, q) }));
  }
  if (discrete && pre.binomial?.length) {
    const b = pre.binomial.length;
    out.binomial = pre.binomial.map((c, j) => ({
      column: c.name,
      trials: typeof c.trials === 'number' ? c.trials : { column: c.trials.name },
      probabilities: byClass(discrete.binomial, j, b),
    }));
  }
  if (pre.weights) out.weights_column = pre.weights.name;
  if (pre.missing) out.missing = pre.missing;
  return out;
}

/**
 * The file's families, checked: shapes against K and the levels, then the numbers
 * (modelChecks.ts). Returns the parameters and the preprocessing's family parts, or the first
 * problem as a phrase naming where it is.
 */
export function readFamilies(
  f: ModelFileFamilies,
  K: number,
):
  | { problem: ModelProblem }
  | {
      discrete?: DiscreteParams;
      preprocessing: Pick<ModelPreprocessing, 'categorical' | 'poisson' | 'binomial' | 'weights' | 'missing'>;
    } {
  const categorical = f.categorical ?? [];
  const poisson = f.poisson ?? [];
  const binomial = f.binomial ?? [];
  let numbers = 0;
  const tables: Float64Array[] = [];
  for (const [j, c] of categorical.entries()) {
    const L = c.levels.length;
    const at = `categorical[${j}]`;
    const levels = levelsProblem(c.column, c.levels);
    if (levels) return { problem: `${at}: ${levels}` };
    numbers += K * L;
    if (numbers > MIXTURE_MODEL_LIMITS.categoricalNumbers)
      return { problem: `categorical: more than ${MIXTURE_MODEL_LIMITS.categoricalNumbers} probabilities` };
    if (c.probabilities.length !== K || c.probabilities.some((row) => row.length !== L))
      return { problem: `${at}.probabilities: expected ${K} rows (classes) of ${L} (levels)` };
    const theta = Float64Array.from(c.probabilities.flat());
    const problem = categoricalProblem(c.column, theta, K, L);
    if (problem) return { problem: `${at}: ${problem}` };
    tables.push(theta);
  }
  for (const [j, c] of poisson.entries()) {
    if (c.rates.length !== K)
      return { problem: `poisson[${j}].rates: expected ${K} entries, got ${c.rates.length}` };
    const problem = poissonRatesProblem(c.column, c.rates);
    if (problem) return { problem: `poisson[${j}]: ${problem}` };
  }
  for (const [j, c] of binomial.entries()) {
    if (c.probabilities.length !== K)
      return {
        problem: `binomial[${j}].probabilities: expected ${K} entries, got ${c.probabilities.length}`,
      };
    const problem = binomialProblem(c.column, c.probabilities);
    if (problem) return { problem: `binomial[${j}]: ${problem}` };
  }
  const names = [...categorical, ...poisson, ...binomial].map((c) => c.column);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) return { problem: `the column "${twice}" is given two families` };
  // Parameters laid out as the engine holds them: K × q rates and K × b probabilities, class-major.
  const classMajor = (columns: number[][]) =>
    Float64Array.from(
      { length: K * columns.length },
      (_, e) => columns[e % columns.length][Math.floor(e / columns.length)],
    );
  const any = categorical.length + poisson.length + binomial.length > 0;
  return {
    ...(any
      ? {
          discrete: {
            categorical: tables,
            poisson: classMajor(poisson.map((c) => c.rates)),
            binomial: classMajor(binomial.map((c) => c.probabilities)),
          },
        }
      : {}),
    preprocessing: {
      ...(categorical.length
        ? { categorical: categorical.map((c) => ({ name: c.column, levels: c.levels })) }
        : {}),
      ...(poisson.length ? { poisson: poisson.map((c) => ({ name: c.column })) } : {}),
      ...(binomial.length
        ? {
            binomial: binomial.map((c) => ({
              name: c.column,
              trials: typeof c.trials === 'number' ? c.trials : { name: c.trials.column },
            })),
          }
        : {}),
      ...(f.weights_column !== undefined ? { weights: { name: f.weights_column } } : {}),
      ...(f.missing !== undefined ? { missing: f.missing } : {}),
    },
  };
}
