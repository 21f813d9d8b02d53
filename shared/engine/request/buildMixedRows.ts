/**
 * The rows a mixed-type fit runs on (families/rows.ts), made from an imported table as a request
 * assigns its columns to families:
 *   Gaussian     numeric columns not named below (log and standardisation as for a plain fit)
 *   categorical  text columns, and numeric columns named in `categorical` (numeric codes)
 *   Poisson      `counts`: non-negative integer counts
 *   binomial     `binomial`: successes out of a constant number of trials or a trials column
 * plus an optional frequency-weight column. Missing cells stay missing (NaN, or −1 for a category)
 * unless `missing` is 'drop'; a row with no observed cell in the selected columns, or with weight
 * 0, is left out and counted. Invalid counts, trials and weights are refused with the row named.
 */
import { EngineError, ErrorCodes } from '../../errors';
import type { DataTable } from '../../data/table';
import { missingTokenIndex } from '../../data/missingTokens';
import type { Preprocessing } from '../model/types';
import { createMixedRows, type MixedRows } from '../families/rows';

export interface ColumnRoles {
  /** Every model column (dataset indices), in the user's order. */
  columns: number[];
  /** Numeric columns to treat as categories (text columns are categorical without being named). */
  categorical?: number[];
  counts?: number[];
  binomial?: { column: number; trials: number | { column: number } }[];
  standardize: boolean;
  logColumns?: number[];
  /** A column of frequency weights. */
  weights?: number;
  /** 'model' (default): missing cells stay in the model; 'drop': rows with one are left out. */
  missing?: 'model' | 'drop';
}

export interface MixedMatrix {
  /** Raw (not centred) rows of the kept table rows. */
  rows: MixedRows;
  preprocessing: Preprocessing;
  /** Table row (0-based) of each kept row. */
  rowIndex: Uint32Array;
  /** Rows left out: every selected cell missing (or any, with missing 'drop'). */
  droppedMissing: number;
  /** Rows left out because a log-transformed column is ≤ 0 there. */
  droppedNonPositive: number;
  /** Rows of weight 0 (absent by definition). */
  droppedZeroWeight: number;
  /** Missing cells in the kept rows (they are modelled, not imputed). */
  missingCells: number;
}

export interface CategoryCodes {
  /** Per table row: the level index, −1 where the cell is missing. */
  codes: Int32Array;
  /** Level names: numbers ascending (as their shortest text), then texts in natural order. */
  levels: string[];
}

/** A column's cells as category codes (numbers by value, so 1 and 1.0 are one level). */
export function categoryCodes(table: DataTable, column: number): CategoryCodes {
  const n = table.rowCount;
  const values = table.numeric(column);
  const keys: string[] = new Array(n);
  const numbers = new Map<string, number>();
  const texts = new Set<string>();
  for (let i = 0; i < n; i++) {
    const v = values ? values[i] : NaN;
    if (v === v) {
      const key = String(v);
      keys[i] = key;
      numbers.set(key, v);
      continue;
    }
    const text = table.text(column, i).trim();
    if (missingTokenIndex(text) >= 0) continue;
    keys[i] = text;
    texts.add(text);
  }
  const levels = [
    ...[...numbers.entries()].sort((a, b) => a[1] - b[1]).map(([key]) => key),
    ...[...texts]
      .filter((t) => !numbers.has(t))
      .sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
  ];
  const index = new Map(levels.map((l, i) => [l, i]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = keys[i] === undefined ? -1 : (index.get(keys[i]) as number);
  return { codes, levels };
}

export function buildMixedRows(table: DataTable, roles: ColumnRoles): MixedMatrix {
  const summary = table.summary.columns;
  const name = (c: number): string => summary[c]?.displayName ?? `column ${c}`;
  const numericOf = (c: number, what: string): Float64Array => {
    const v = c < summary.length ? table.numeric(c) : null;
    if (!v)
      throw new EngineError(
        ErrorCodes.InvalidPayload,
        c < summary.length
          ? `"${name(c)}" is not a numeric column, so it cannot be ${what}.`
          : `There is no column ${c}.`,
        { column: c },
      );
    return v;
  };
  const declared = new Set(roles.categorical ?? []);
  const countSet = new Set(roles.counts ?? []);
  const binomialSet = new Set((roles.binomial ?? []).map((b) => b.column));
  const categorical: number[] = [];
  const gaussian: number[] = [];
  for (const c of roles.columns) {
    if (c >= summary.length)
      throw new EngineError(ErrorCodes.InvalidPayload, `There is no column ${c}.`, { column: c });
    if (countSet.has(c) || binomialSet.has(c)) continue;
    if (declared.has(c) || table.numeric(c) === null) categorical.push(c);
    else gaussian.push(c);
  }
  const counts = roles.counts ?? [];
  const binomial = roles.binomial ?? [];

  const n0 = table.rowCount;
  const d = gaussian.length;
  const logSet = new Set(roles.logColumns ?? []);
  const gValues = gaussian.map((c) => numericOf(c, 'a Gaussian column'));
  const cats = categorical.map((c) => categoryCodes(table, c));
  const cValues = counts.map((c) => numericOf(c, 'counted'));
  const bValues = binomial.map((b) => numericOf(b.column, 'a number of successes'));
  const tValues = binomial.map((b) =>
    typeof b.trials === 'number' ? b.trials : numericOf(b.trials.column, 'a number of trials'),
  );
  const weights = roles.weights === undefined ? null : numericOf(roles.weights, 'a weight');

  for (const [j, v] of cValues.entries()) checkIntegers(v, name(counts[j]), 'count', (i) => `row ${i + 1}`);
  for (const [j, v] of bValues.entries()) {
    const t = tValues[j];
    for (let i = 0; i < n0; i++) {
      const x = v[i];
      const m = typeof t === 'number' ? t : t[i];
      if (x !== x || m !== m) continue;
      if (!Number.isInteger(m) || m < 0 || !Number.isInteger(x) || x < 0 || x > m)
        throw new EngineError(
          'invalid_binomial',
          `Row ${i + 1}: "${name(binomial[j].column)}" is ${x} successes out of ${m} trials; binomial columns need whole numbers 0 ≤ successes ≤ trials.`,
          { row: i, column: binomial[j].column },
        );
    }
  }
  if (weights)
    for (let i = 0; i < n0; i++) {
      const w = weights[i];
      if (!(w >= 0) || !Number.isFinite(w))
        throw new EngineError(
          'invalid_weight',
          `Row ${i + 1}: the weight in "${name(roles.weights as number)}" is ${w !== w ? 'missing' : w}; weights must be finite numbers ≥ 0.`,
          { row: i, column: roles.weights },
        );
    }

  // Which rows are kept.
  const keep = new Uint8Array(n0);
  let kept = 0;
  let droppedMissing = 0;
  let droppedNonPositive = 0;
  let droppedZeroWeight = 0;
  let missingCells = 0;
  const total = d + cats.length + counts.length + binomial.length;
  const summaryRows = excludedRows(table);
  for (let i = 0; i < n0; i++) {
    if (summaryRows.has(i)) {
      // Left out at import (a "Total" row): absent from every fit, as buildFitMatrix drops it.
      droppedMissing++;
      continue;
    }
    if (weights && weights[i] === 0) {
      droppedZeroWeight++;
      continue;
    }
    let observed = 0;
    let nonPositive = false;
    for (let j = 0; j < d; j++) {
      const x = gValues[j][i];
      if (x !== x) continue;
      observed++;
      if (logSet.has(gaussian[j]) && x <= 0) nonPositive = true;
    }
    for (const c of cats) if (c.codes[i] >= 0) observed++;
    for (const v of cValues) if (v[i] === v[i]) observed++;
    for (let j = 0; j < binomial.length; j++) {
      const t = tValues[j];
      if (bValues[j][i] === bValues[j][i] && (typeof t === 'number' || t[i] === t[i])) observed++;
    }
    if (nonPositive) droppedNonPositive++;
    else if (observed === 0 || (roles.missing === 'drop' && observed < total)) droppedMissing++;
    else {
      keep[i] = 1;
      kept++;
      missingCells += total - observed;
    }
  }

  const rowIndex = new Uint32Array(kept);
  const X = new Float64Array(kept * d);
  const codes = new Int32Array(kept * cats.length);
  const countArr = new Float64Array(kept * counts.length);
  const successes = new Float64Array(kept * binomial.length);
  const trials = new Float64Array(kept * binomial.length);
  const rowWeights = weights ? new Float64Array(kept) : null;
  for (let i = 0, r = 0; i < n0; i++) {
    if (!keep[i]) continue;
    rowIndex[r] = i;
    for (let j = 0; j < d; j++) {
      const x = gValues[j][i];
      X[r * d + j] = logSet.has(gaussian[j]) ? Math.log(x) : x;
    }
    cats.forEach((c, j) => (codes[r * cats.length + j] = c.codes[i]));
    cValues.forEach((v, j) => (countArr[r * counts.length + j] = v[i]));
    for (let j = 0; j < binomial.length; j++) {
      const t = tValues[j];
      const m = typeof t === 'number' ? t : t[i];
      const x = bValues[j][i];
      const both = x === x && m === m;
      successes[r * binomial.length + j] = both ? x : NaN;
      trials[r * binomial.length + j] = both ? m : NaN;
    }
    if (rowWeights && weights) rowWeights[r] = weights[i];
    r++;
  }

  const center = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  if (roles.standardize) {
    for (let j = 0; j < d; j++) {
      const { mean, std } = observedMeanStd(X, kept, d, j);
      center[j] = mean;
      scale[j] = std > 0 ? std : 1;
      for (let r = 0; r < kept; r++) X[r * d + j] = (X[r * d + j] - mean) / scale[j];
    }
  }

  const rows = createMixedRows({
    nSamples: kept,
    X,
    d,
    codes,
    levels: cats.map((c) => c.levels.length),
    counts: countArr,
    q: counts.length,
    successes,
    trials,
    b: binomial.length,
    weights: rowWeights,
    patternsFor: 'dense',
  });
  return {
    rows,
    rowIndex,
    droppedMissing,
    droppedNonPositive,
    droppedZeroWeight,
    missingCells,
    preprocessing: {
      columns: gaussian,
      columnNames: gaussian.map(name),
      log: gaussian.map((c) => logSet.has(c)),
      standardize: roles.standardize,
      center,
      scale,
      categorical: categorical.map((c, j) => ({ column: c, name: name(c), levels: cats[j].levels })),
      poisson: counts.map((c) => ({ column: c, name: name(c) })),
      binomial: binomial.map((b) => ({
        column: b.column,
        name: name(b.column),
        trials:
          typeof b.trials === 'number' ? b.trials : { column: b.trials.column, name: name(b.trials.column) },
      })),
      ...(roles.weights !== undefined
        ? { weights: { column: roles.weights, name: name(roles.weights) } }
        : {}),
    },
  };
}

/** Table rows (0-based) left out of every column at import: summary rows (shared/data/totalRows.ts). */
export function excludedRows(table: DataTable): Set<number> {
  const rows = new Set<number>();
  for (const problem of table.summary.errors ?? [])
    if (problem.kind === 'total_row' && problem.excluded === true) rows.add(problem.row - 1);
  return rows;
}

function checkIntegers(v: Float64Array, column: string, what: string, where: (i: number) => string): void {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== x) continue;
    if (!Number.isInteger(x) || x < 0)
      throw new EngineError(
        'invalid_count',
        `${where(i)[0].toUpperCase()}${where(i).slice(1)}: "${column}" holds ${x}; a ${what} column needs whole numbers ≥ 0.`,
        { row: i, column },
      );
  }
}

/** Mean and population standard deviation of the observed cells of column j (two-pass). */
function observedMeanStd(X: Float64Array, n: number, d: number, j: number): { mean: number; std: number } {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = X[i * d + j];
    if (x !== x) continue;
    sum += x;
    count++;
  }
  const mean = count > 0 ? sum / count : 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const x = X[i * d + j];
    if (x === x) sq += (x - mean) ** 2;
  }
  return { mean, std: count > 0 ? Math.sqrt(sq / count) : 0 };
}
