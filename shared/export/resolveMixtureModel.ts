/**
 * A stored model of any family (LabelModel: a model file's or a fit's) as the engine's stored
 * mixed model for one table (request/mixtureModel.ts MixtureModel): every column it names — the
 * Gaussian block's, each discrete family's, a binomial column's trials column and the weight
 * column — found in the table by dataset index (the dataset it was fitted on) or by name (another
 * file: display name first, then the raw header, as resolveModelColumns does), with one refusal
 * that lists every missing column, and one that names every column that must hold numbers but
 * does not.
 */
import { EngineError } from '../errors';
import type { DatasetSummary } from '../data/types';
import type { Preprocessing } from '../engine/model/types';
import type { MixtureModel } from '../engine/request/mixtureModel';
import type { DataTable } from '../data/table';
import { ApplyErrorCodes, resolveModelColumns } from './applyModel';
import type { ColumnMatch, LabelModel } from './labelModel';

/** A column as a model names it: its dataset index when known, and its name. */
interface Named {
  column?: number;
  name: string;
}

/** True when the model has more than a Gaussian block: a discrete family, weights, no numeric column. */
export function isMixedModel(model: LabelModel): boolean {
  const pre = model.preprocessing;
  return (
    model.params.nFeatures === 0 ||
    model.params.discrete !== undefined ||
    (pre.categorical?.length ?? 0) + (pre.poisson?.length ?? 0) + (pre.binomial?.length ?? 0) > 0 ||
    pre.weights !== undefined
  );
}

/**
 * True when labelling `table` needs the mixed-type path (applyMixture.ts): a mixed model, or a
 * Gaussian one that models missing cells on a table where a model column has one. Otherwise the
 * plain Gaussian path (applyModel.ts, SIMD kernels) labels the same rows with the same numbers, and
 * an image or a complete table keeps its speed.
 */
export function needsMixedPath(table: DataTable, model: LabelModel, match: ColumnMatch): boolean {
  if (isMixedModel(model)) return true;
  if (model.preprocessing.missing !== 'model') return false;
  const columns = resolveModelColumns(table.summary, model.preprocessing, match);
  return columns.some((c) => {
    const values = table.numeric(c);
    if (!values) return false;
    for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
    return false;
  });
}

export function resolveMixtureModel(
  summary: DatasetSummary,
  model: LabelModel,
  match: ColumnMatch,
): MixtureModel {
  const pre = model.preprocessing;
  const gaussian: Named[] = pre.columnNames.map((name, j) => ({ column: pre.columns?.[j], name }));
  const categorical = pre.categorical ?? [];
  const poisson = pre.poisson ?? [];
  const binomial = pre.binomial ?? [];
  const trials = binomial.flatMap((b) => (typeof b.trials === 'number' ? [] : [b.trials]));
  const weights = pre.weights ? [pre.weights] : [];
  const all = [...gaussian, ...categorical, ...poisson, ...binomial, ...trials, ...weights];
  const index = new Map<Named, number>();
  const missing: string[] = [];
  const width = summary.columns.length;
  for (const c of all) {
    let found: number | undefined;
    if (match === 'index') {
      if (c.column === undefined)
        throw new EngineError(
          ApplyErrorCodes.NoColumnIndices,
          'This model does not say which columns of the dataset it uses; match its columns by name.',
        );
      found = c.column < width ? c.column : undefined;
    } else
      found = (
        summary.columns.find((s) => s.displayName === c.name) ??
        summary.columns.find((s) => s.name === c.name)
      )?.index;
    if (found === undefined) {
      if (!missing.includes(c.name)) missing.push(c.name);
    } else index.set(c, found);
  }
  if (missing.length > 0) {
    const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
    throw new EngineError(
      ApplyErrorCodes.MissingColumns,
      `The file lacks ${missing.length === 1 ? 'the column' : 'columns'} ${quoted(missing)} that the model needs ` +
        `(the file has: ${quoted(summary.columns.map((c) => c.displayName))}).`,
      { missing },
    );
  }
  const at = (c: Named) => index.get(c) as number;
  // Every column but the categorical ones must hold numbers (categories may be text or codes).
  const numeric = [...gaussian, ...poisson, ...binomial, ...trials, ...weights].map(at);
  const notNumeric = numeric.filter((c, i) => {
    const kind = summary.columns[c].kind;
    return kind !== 'numeric' && kind !== 'mixed' && numeric.indexOf(c) === i;
  });
  if (notNumeric.length > 0) {
    const names = notNumeric.map((c) => `"${summary.columns[c].displayName}" (${summary.columns[c].kind})`);
    throw new EngineError(
      ApplyErrorCodes.NotNumeric,
      `The model needs numbers, but ${names.join(', ')} ${notNumeric.length === 1 ? 'is' : 'are'} not numeric in this file.`,
      { columns: notNumeric },
    );
  }
  const name = (c: number) => summary.columns[c].displayName;
  const binomialRoles = binomial.map((b) => ({
    column: at(b),
    trials: typeof b.trials === 'number' ? b.trials : { column: at(b.trials) },
  }));
  const preprocessing: Preprocessing = {
    columns: gaussian.map(at),
    columnNames: gaussian.map((c) => name(at(c))),
    log: [...pre.log],
    standardize: pre.standardize,
    center: [...pre.center],
    scale: [...pre.scale],
    categorical: categorical.map((c) => ({ column: at(c), name: name(at(c)), levels: c.levels })),
    poisson: poisson.map((c) => ({ column: at(c), name: name(at(c)) })),
    binomial: binomialRoles.map((b) => ({
      column: b.column,
      name: name(b.column),
      trials:
        typeof b.trials === 'number' ? b.trials : { column: b.trials.column, name: name(b.trials.column) },
    })),
    ...(weights.length ? { weights: { column: at(weights[0]), name: name(at(weights[0])) } } : {}),
  };
  return {
    roles: {
      columns: [
        ...preprocessing.columns,
        ...preprocessing.categorical!.map((c) => c.column),
        ...preprocessing.poisson!.map((c) => c.column),
        ...binomialRoles.map((b) => b.column),
      ],
      standardize: pre.standardize,
      logColumns: preprocessing.columns.filter((_, j) => pre.log[j]),
      categorical: preprocessing.categorical!.map((c) => c.column),
      counts: preprocessing.poisson!.map((c) => c.column),
      binomial: binomialRoles,
      ...(preprocessing.weights ? { weights: preprocessing.weights.column } : {}),
      // Unsaid: a model with discrete columns comes from a fit that modelled missing cells (its
      // default); a plain Gaussian one from before they were modelled (format 1: rows dropped).
      missing: pre.missing ?? (categorical.length + poisson.length + binomial.length > 0 ? 'model' : 'drop'),
    },
    params: model.params,
    preprocessing,
  };
}
