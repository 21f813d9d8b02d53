import { describe, expect, it } from 'vitest';
import { ArgumentError, oneOf, parseArgs, validated, wantsHelp } from '../../../electron/cli/args';

const spec = { k: 'integer', tol: 'number', columns: 'string', json: 'flag' } as const;

describe('parseArgs', () => {
  it('reads --name value, --name=value, flags and positionals in any order', () => {
    const { positionals, options } = parseArgs(
      ['data.csv', '--k', '3', '--tol=1e-10', '--json', '--columns', 'a,b'],
      spec,
    );
    expect(positionals).toEqual(['data.csv']);
    expect(options).toEqual({ k: 3, tol: 1e-10, json: true, columns: 'a,b' });
  });

  it('takes a negative number as a value and treats everything after -- as positional', () => {
    expect(parseArgs(['--tol', '-1', '--', '--k'], spec)).toEqual({
      positionals: ['--k'],
      options: { tol: -1 },
    });
  });

  it.each([
    [['--colour', 'red'], /unknown option "--colour"/],
    [['-x'], /unknown option "-x"/],
    [['--k'], /--k needs a value/],
    [['--k', '2.5'], /--k expects an integer, got "2.5"/],
    [['--tol', 'abc'], /--tol expects a number, got "abc"/],
    [['--tol', ''], /--tol expects a number/],
    [['--k', '2', '--k', '3'], /--k is given twice/],
    [['--json=yes'], /--json takes no value/],
  ])('rejects %j with a message naming the problem', (args, message) => {
    expect(() => parseArgs(args, spec)).toThrow(ArgumentError);
    expect(() => parseArgs(args, spec)).toThrow(message);
  });
});

describe('wantsHelp', () => {
  it('sees --help or -h anywhere, and nothing else', () => {
    expect(wantsHelp(['data.csv', '--k', '2', '-h'])).toBe(true);
    expect(wantsHelp(['--help'])).toBe(true);
    expect(wantsHelp(['--helpful', '-hx', 'help'])).toBe(false);
  });
});

describe('oneOf', () => {
  it('accepts an absent or allowed value and names the allowed ones otherwise', () => {
    expect(() => oneOf('--init', undefined, ['kmeans', 'random'])).not.toThrow();
    expect(() => oneOf('--init', 'random', ['kmeans', 'random'])).not.toThrow();
    expect(() => oneOf('--init', 'magic', ['kmeans', 'random'])).toThrow(
      new ArgumentError('--init must be one of kmeans, random (got "magic")'),
    );
  });
});

describe('validated', () => {
  /** A schema that fails with one issue at `path`, or passes `value` through. */
  const failingAt = (path: PropertyKey[]) => ({
    safeParse: () => ({ success: false as const, error: { issues: [{ path, message: 'Too small' }] } }),
  });
  const flags = { nComponents: '--k', initParams: '--init-params' };
  const message = (path: PropertyKey[], withPath: string[] = []) => {
    try {
      validated(failingAt(path), {}, flags, withPath);
    } catch (err) {
      expect(err).toBeInstanceOf(ArgumentError);
      return (err as Error).message;
    }
    throw new Error('did not throw');
  };

  it('returns the parsed data', () => {
    const schema = { safeParse: (v: unknown) => ({ success: true as const, data: { parsed: v } }) };
    expect(validated(schema, 3, flags)).toEqual({ parsed: 3 });
  });

  it('names the option of the first mapped field in the path', () => {
    expect(message(['options', 'nComponents'])).toBe('--k: Too small');
    expect(message(['initParams', 'means', 0])).toBe('--init-params: Too small');
  });

  it('adds the place inside the value for a field in withPath', () => {
    expect(message(['initParams', 'means', 0, 1], ['initParams'])).toBe('--init-params means.0.1: Too small');
  });

  it('falls back to the schema path, then to "options"', () => {
    expect(message(['datasetId'])).toBe('datasetId: Too small');
    expect(message([])).toBe('options: Too small');
  });
});
