import { describe, expect, it } from 'vitest';
import {
  parameterCells,
  parameterRows,
  toCsv,
  toTsv,
  type ParameterTableText,
} from '../../../../renderer/src/lib/parameterTable';
import { displayParameters } from '../../../../shared/stats/componentParameters';
import { identityPreprocessing } from '../../../../shared/stats/displaySpace';
import type { GaussianMixtureParams } from '../../../../shared/engine/model/types';

/** Two components on (x, y), full covariances. */
const params: GaussianMixtureParams = {
  covarianceType: 'full',
  nComponents: 2,
  nFeatures: 2,
  weights: Float64Array.of(0.25, 0.75),
  means: Float64Array.of(1, 2, -3, 4.5),
  covariances: Float64Array.of(4, 1, 1, 1, 9, -3, -3, 4),
  precisionsCholesky: new Float64Array(8),
};
const names = ['x', '=HYPERLINK("a")'];
const text: ParameterTableText = {
  parameter: 'Parameter',
  column: 'Column',
  column2: 'Column 2',
  kind: (k) => k,
  featureName: (j) => names[j],
  clusterName: (k) => `Cluster ${k + 1}`,
};

describe('parameterRows', () => {
  const rows = parameterRows(displayParameters(params, identityPreprocessing(['x', 'y'])), 2);

  it('lists weight, mean/sd/variance per column, the covariances a ≤ b and correlations a < b', () => {
    expect(rows.map((r) => `${r.kind}:${r.features.join('-')}`)).toEqual([
      'weight:',
      'mean:0',
      'sd:0',
      'variance:0',
      'mean:1',
      'sd:1',
      'variance:1',
      'covariance:0-0',
      'covariance:0-1',
      'covariance:1-1',
      'correlation:0-1',
    ]);
  });

  it('holds each cluster’s values', () => {
    const at = (kind: string, f: string) =>
      rows.find((r) => r.kind === kind && r.features.join('-') === f)!.values;
    expect(at('weight', '')).toEqual([0.25, 0.75]);
    expect(at('mean', '1')).toEqual([2, 4.5]);
    expect(at('sd', '0')).toEqual([2, 3]);
    expect(at('covariance', '0-1')).toEqual([1, -3]);
    expect(at('correlation', '0-1')).toEqual([0.5, -0.5]);
  });

  it('has no matrix rows for a single column', () => {
    const one = parameterRows(
      displayParameters(
        { ...params, nFeatures: 1, means: Float64Array.of(1, 2), covariances: Float64Array.of(4, 9) },
        identityPreprocessing(['x']),
      ),
      1,
    );
    expect(one.map((r) => r.kind)).toEqual(['weight', 'mean', 'sd', 'variance']);
  });
});

describe('toTsv and toCsv', () => {
  const cells = parameterCells(
    parameterRows(displayParameters(params, identityPreprocessing(['x', 'y'])), 2),
    2,
    text,
  );

  it('writes a header and one line per parameter with numbers in full', () => {
    const lines = toTsv(cells).split('\n');
    expect(lines[0]).toBe('Parameter\tColumn\tColumn 2\tCluster 1\tCluster 2');
    expect(lines[1]).toBe('weight\t\t\t0.25\t0.75');
    expect(lines).toHaveLength(12);
  });

  it('neutralises a column name that a spreadsheet would run as a formula, keeps negative numbers', () => {
    const tsv = toTsv(cells);
    expect(tsv).toContain(`\t'=HYPERLINK("a")\t`);
    expect(tsv).toMatch(/\t1\t-3$/m);
    const csv = toCsv(cells);
    expect(csv).toContain(`"'=HYPERLINK(""a"")"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
