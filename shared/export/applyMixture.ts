/**
 * Labels from a stored model of any family — the mixed-type counterpart of applyModel.ts, for a
 * model with discrete columns, weights or missing cells modelled: resolve its columns in the table
 * (resolveMixtureModel.ts), treat levels it does not know as missing (unknownLevels.ts), build the
 * rows as the fit built them with the STORED preprocessing (request/storedModelRows.ts), then one
 * E-step at the stored parameters (model/predictMixed.ts). Nothing is refitted.
 *
 * `imputedColumns` adds, for an export, each model column that has missing cells among the
 * labelled rows: its values with those cells filled by their expected value given the row's
 * observed cells (families/impute.ts; a categorical cell gets its most probable level), in the
 * column's own units, and a 0/1 flag per row saying which were filled.
 */
import type { DataTable } from '../data/table';
import { predictMixed } from '../engine/model/predictMixed';
import { imputeMissing } from '../engine/families/impute';
import type { MixedRows } from '../engine/families/rows';
import type { MixtureModel } from '../engine/request/mixtureModel';
import { storedModelRows } from '../engine/request/storedModelRows';
import type { AppliedModel } from './applyModel';
import type { ColumnMatch, LabelModel } from './labelModel';
import { resolveMixtureModel } from './resolveMixtureModel';
import { maskUnknownLevels, type UnknownLevels } from './unknownLevels';

export interface AppliedMixture extends AppliedModel {
  /** Levels the model did not know, treated as missing (empty when none). */
  unknownLevels: UnknownLevels[];
  /** The labelled rows in the model's units, for imputation. */
  rows: MixedRows;
  mixture: MixtureModel;
}

export function applyMixture(table: DataTable, model: LabelModel, match: ColumnMatch): AppliedMixture {
  const mixture = resolveMixtureModel(table.summary, model, match);
  const masked = maskUnknownLevels(table, mixture.preprocessing.categorical ?? []);
  const built = storedModelRows(masked.table, mixture);
  const { labels, resp } = predictMixed(mixture.params, built.rows);
  return {
    columns: mixture.roles.columns,
    rowIndex: built.rowIndex,
    labels,
    resp,
    excludedMissing: built.droppedMissing + built.droppedZeroWeight,
    excludedNonPositive: built.droppedNonPositive,
    unknownLevels: masked.unknown,
    rows: built.rows,
    mixture,
  };
}

/** One model column with missing cells among the labelled rows, filled. */
export interface ImputedColumn {
  /** The column's name as the table shows it. */
  name: string;
  /** Per labelled row: the observed value, or the filled one (a level's name for a category). */
  values: (number | string)[];
  /** Per labelled row: 1 where the value was filled. */
  filled: Uint8Array;
}

/** The imputed columns of an applied mixture, in the model's column order (roles.columns). */
export function imputedColumns(table: DataTable, applied: AppliedMixture): ImputedColumn[] {
  const { mixture, rows, rowIndex } = applied;
  const pre = mixture.preprocessing;
  const imputed = imputeMissing(mixture.params, rows, applied.resp);
  const n = rows.nSamples;
  const { d, q, b } = rows;
  const categorical = pre.categorical ?? [];
  const m = categorical.length;
  const byColumn = new Map<number, ImputedColumn>();
  /** Adds column `c` when any of its cells was filled; `value(i, filled)` gives row i's value. */
  const add = (
    c: number,
    flags: Uint8Array,
    j: number,
    width: number,
    value: (i: number, filled: boolean) => number | string,
  ) => {
    let any = false;
    for (let i = 0; i < n && !any; i++) any = flags[i * width + j] === 1;
    if (!any) return;
    const filled = new Uint8Array(n);
    const values = new Array<number | string>(n);
    for (let i = 0; i < n; i++) {
      filled[i] = flags[i * width + j];
      values[i] = value(i, filled[i] === 1);
    }
    byColumn.set(c, { name: table.summary.columns[c].displayName, values, filled });
  };
  const original = (c: number) => table.numeric(c) as Float64Array;
  pre.columns.forEach((c, j) => {
    const x = original(c);
    add(c, imputed.filledX, j, d, (i, filled) => {
      if (!filled) return x[rowIndex[i]];
      // Back to the column's units: t = centre + scale·z, then e^t for a log column.
      const t = pre.center[j] + pre.scale[j] * imputed.X[i * d + j];
      return pre.log[j] ? Math.exp(t) : t;
    });
  });
  categorical.forEach((c, j) =>
    add(c.column, imputed.filledCodes, j, m, (i) => levelValue(c.levels[imputed.codes[i * m + j]])),
  );
  (pre.poisson ?? []).forEach((c, j) =>
    add(c.column, imputed.filledCounts, j, q, (i) => imputed.counts[i * q + j]),
  );
  (pre.binomial ?? []).forEach((c, j) =>
    add(c.column, imputed.filledSuccesses, j, b, (i, filled) =>
      filled ? imputed.successes[i * b + j] : original(c.column)[rowIndex[i]],
    ),
  );
  return mixture.roles.columns.flatMap((c) => byColumn.get(c) ?? []);
}

/** A level as a cell: a numeric code as the number it names (categoryCodes keys numbers by String(v)). */
function levelValue(level: string): number | string {
  const v = Number(level);
  return level !== '' && String(v) === level ? v : level;
}
