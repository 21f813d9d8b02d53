import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../shared/errors';
import { ArgumentError } from '../../../electron/cli/args';
import { errorInfo, reportError } from '../../../electron/cli/errors';

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    ctx: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) },
  };
}

describe('errorInfo', () => {
  it('keeps the code of argument and engine errors; anything else is internal', () => {
    expect(errorInfo(new ArgumentError('bad --k'))).toEqual({
      code: 'invalid_arguments',
      message: 'bad --k',
    });
    expect(errorInfo(new EngineError('file_not_found', 'gone', { path: 'x' }))).toEqual({
      code: 'file_not_found',
      message: 'gone',
    });
    expect(errorInfo(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect(errorInfo('text')).toEqual({ code: 'internal', message: 'text' });
  });
});

describe('reportError', () => {
  it('with --json prints only {"error": {code, message}} on stdout; exit 2 for argument errors', () => {
    const { out, ctx } = capture();
    expect(reportError(ctx, 'fit', new ArgumentError('bad\n  --k'), true, { oneLine: true })).toBe(2);
    expect(out).toEqual({
      stdout: '{"error":{"code":"invalid_arguments","message":"bad\\n  --k"}}\n',
      stderr: '',
    });
  });

  it('without --json prints one line on stderr, or the message as it is; exit 1 otherwise', () => {
    const a = capture();
    expect(
      reportError(a.ctx, 'sweep', new EngineError('singular', 'line one\n  line two'), false, {
        oneLine: true,
      }),
    ).toBe(1);
    expect(a.out).toEqual({ stdout: '', stderr: 'mixlab sweep: line one line two\n' });
    const b = capture();
    expect(reportError(b.ctx, 'apply', new Error('line one\nline two'), false, { oneLine: false })).toBe(1);
    expect(b.out.stderr).toBe('mixlab apply: line one\nline two\n');
  });
});

describe('reportError: a data file the import refuses', () => {
  it('exits 2 for every import refusal code and a file that cannot be read, 1 for a fit failure or a bug', () => {
    const { ctx } = capture();
    for (const code of [
      'unterminated_quote',
      'not_text',
      'xlsx_invalid',
      'xlsx_too_large',
      'xlsx_dtd',
      'no_data_rows',
      'file_not_found',
      'not_a_file',
      'special_file',
      'symlink_loop',
      'permission_denied',
      'too_large',
      'model_corrupt',
      'model_invalid',
      'save_failed',
    ])
      expect(reportError(ctx, 'fit', new EngineError(code, 'refused'), true, { oneLine: true }), code).toBe(
        2,
      );
    for (const code of ['constant_column', 'singular_component', 'internal'])
      expect(reportError(ctx, 'fit', new EngineError(code, 'failed'), true, { oneLine: true }), code).toBe(1);
  });
});
