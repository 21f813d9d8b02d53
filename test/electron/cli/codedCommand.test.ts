import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../electron/cli/cliTypes';
import type { EngineCaller } from '../../../electron/engine/engineCaller';
import { ArgumentError } from '../../../electron/cli/args';
import { codedCommand } from '../../../electron/cli/codedCommand';

function context(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const ctx: CliContext = {
    args,
    engine: {} as EngineCaller,
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
  };
  return { ctx, out };
}

describe('codedCommand', () => {
  const seen: boolean[] = [];
  const command = codedCommand('demo', 'Usage: mixlab demo\n', async (ctx, json) => {
    seen.push(json);
    if (ctx.args.includes('fail')) throw new ArgumentError('no good');
    ctx.stdout('done\n');
  });

  it('prints the usage for --help or -h without running', async () => {
    for (const flag of ['--help', '-h']) {
      const { ctx, out } = context(['fail', flag, '--json']);
      expect(await command(ctx)).toBe(0);
      expect(out).toEqual({ stdout: 'Usage: mixlab demo\n', stderr: '' });
    }
    expect(seen).toEqual([]);
  });

  it('runs with json set by --json anywhere, exit 0', async () => {
    const { ctx, out } = context(['x', '--json']);
    expect(await command(ctx)).toBe(0);
    expect(out.stdout).toBe('done\n');
    expect(seen.at(-1)).toBe(true);
  });

  it('reports a thrown error with its exit code, as JSON with --json', async () => {
    const plain = context(['fail']);
    expect(await command(plain.ctx)).toBe(2);
    expect(plain.out).toEqual({ stdout: '', stderr: 'mixlab demo: no good\n' });
    const json = context(['fail', '--json']);
    expect(await command(json.ctx)).toBe(2);
    expect(JSON.parse(json.out.stdout)).toEqual({ error: { code: 'invalid_arguments', message: 'no good' } });
  });
});
