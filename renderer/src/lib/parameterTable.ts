/**
 * The fitted parameters as one tidy table — a row per parameter, a column per cluster — for the
 * Parameters view, the clipboard (TSV) and the CSV export:
 *   weight
 *   mean, standard deviation, variance            per modelled column
 *   covariance                                    per pair a ≤ b (d ≥ 2)
 *   correlation                                   per pair a < b (d ≥ 2)
 * Values come from shared/stats/componentParameters.ts in the units asked for. Exports print each
 * number in full (shortest round-trip decimal), so nothing is lost on the way to a spreadsheet.
 */
import { csvRow, formatNumber, neutralizeFormula } from '../../../shared/export/csvFormat';
import type { ComponentParameters } from '../../../shared/stats/componentParameters';

export type ParameterKind = 'weight' | 'mean' | 'sd' | 'variance' | 'covariance' | 'correlation';

export interface ParameterRow {
  kind: ParameterKind;
  /** Feature positions (model order): none for the weight, one for a mean, two for a matrix entry. */
  features: number[];
  /** K values, one per cluster. */
  values: number[];
}

export function parameterRows(components: readonly ComponentParameters[], d: number): ParameterRow[] {
  const per = (f: (c: ComponentParameters) => number) => components.map(f);
  const rows: ParameterRow[] = [{ kind: 'weight', features: [], values: per((c) => c.weight) }];
  for (let j = 0; j < d; j++) {
    rows.push({ kind: 'mean', features: [j], values: per((c) => c.mean[j]) });
    rows.push({ kind: 'sd', features: [j], values: per((c) => c.sd[j]) });
    rows.push({ kind: 'variance', features: [j], values: per((c) => c.variance[j]) });
  }
  if (d >= 2) {
    for (let a = 0; a < d; a++)
      for (let b = a; b < d; b++)
        rows.push({ kind: 'covariance', features: [a, b], values: per((c) => c.covariance[a * d + b]) });
    for (let a = 0; a < d; a++)
      for (let b = a + 1; b < d; b++)
        rows.push({ kind: 'correlation', features: [a, b], values: per((c) => c.correlation[a * d + b]) });
  }
  return rows;
}

export interface ParameterTableText {
  parameter: string;
  /** Column headers "Column" and "Column 2". */
  column: string;
  column2: string;
  kind: (kind: ParameterKind) => string;
  featureName: (j: number) => string;
  clusterName: (k: number) => string;
}

/** Header and cells as text: names as given, numbers in full. */
export function parameterCells(
  rows: readonly ParameterRow[],
  K: number,
  text: ParameterTableText,
): string[][] {
  const header = [
    text.parameter,
    text.column,
    text.column2,
    ...Array.from({ length: K }, (_, k) => text.clusterName(k)),
  ];
  const body = rows.map((r) => [
    text.kind(r.kind),
    r.features.length > 0 ? text.featureName(r.features[0]) : '',
    r.features.length > 1 ? text.featureName(r.features[1]) : '',
    ...r.values.map((v) => (Number.isFinite(v) ? formatNumber(v) : '')),
  ]);
  return [header, ...body];
}

/**
 * Tab-separated, for pasting into a spreadsheet: tabs and line breaks inside a name become spaces
 * (a TSV cell cannot hold them), and text that a spreadsheet would read as a formula is
 * neutralised as in the CSV exports.
 */
export function toTsv(cells: readonly string[][]): string {
  return cells
    .map((row) => row.map((c) => neutralizeFormula(c.replace(/[\t\r\n]+/g, ' '), isNumeric(c))).join('\t'))
    .join('\n');
}

/** RFC 4180 CSV with CRLF line endings, formula-neutralised names. */
export function toCsv(cells: readonly string[][]): string {
  return (
    cells
      .map((row) =>
        csvRow(
          row.map((c) => neutralizeFormula(c, isNumeric(c))),
          ',',
        ),
      )
      .join('\r\n') + '\r\n'
  );
}

const isNumeric = (c: string) => c !== '' && Number.isFinite(Number(c));
