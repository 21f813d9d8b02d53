import { describe, expect, it } from 'vitest';
import { ArgumentError, parseArgs } from '../../../electron/cli/args';
import {
  checkColumnChoice,
  dataFileArgument,
  FIT_SETTINGS_FLAGS,
  FIT_SETTINGS_SPEC,
} from '../../../electron/cli/fitSettings';

describe('dataFileArgument', () => {
  it('returns the one data file and explains none or several', () => {
    expect(dataFileArgument(['a.csv'], 'mixlab x <file.csv>')).toBe('a.csv');
    expect(() => dataFileArgument([], 'mixlab x <file.csv>')).toThrow(
      new ArgumentError('missing the data file (mixlab x <file.csv>)'),
    );
    expect(() => dataFileArgument(['a.csv', 'b.csv'], 'mixlab x')).toThrow(
      new ArgumentError('expected one data file, got 2: a.csv b.csv'),
    );
  });
});

describe('checkColumnChoice', () => {
  it('refuses --columns together with --all-numeric', () => {
    expect(() => checkColumnChoice({ columns: 'a' })).not.toThrow();
    expect(() => checkColumnChoice({ 'all-numeric': true })).not.toThrow();
    expect(() => checkColumnChoice({ columns: 'a', 'all-numeric': true })).toThrow(
      new ArgumentError('give --columns or --all-numeric, not both'),
    );
  });
});

describe('the shared EM settings', () => {
  it('parse with scikit-learn names and map every request field back to its option', () => {
    const { options } = parseArgs(
      ['--n-init', '3', '--max-iter', '50', '--tol', '1e-6', '--reg-covar', '0', '--init', 'random'],
      FIT_SETTINGS_SPEC,
    );
    expect(options).toEqual({ 'n-init': 3, 'max-iter': 50, tol: 1e-6, 'reg-covar': 0, init: 'random' });
    for (const flag of Object.values(FIT_SETTINGS_FLAGS)) {
      expect(Object.keys(FIT_SETTINGS_SPEC)).toContain(flag.slice(2));
    }
  });
});
