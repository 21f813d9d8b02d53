import { describe, expect, it } from 'vitest';
import { ArgumentError, parseArgs } from '../../../electron/cli/args';

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
