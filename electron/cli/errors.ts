/**
 * How fit, sweep and apply report a failure: an ArgumentError or EngineError keeps its code, anything
 * else is `internal`. With --json the error is the one object on stdout ({"error": {code, message}});
 * without, one line on stderr. Exit code 2 for invalid_arguments (the user's command line) and for a
 * data file the import refuses (rejections.ts IMPORT_REFUSALS: the file's fault, as with `mixlab
 * inspect`), 1 otherwise.
 */
import { EngineError, type EngineErrorInfo } from '../../shared/errors';
import { ArgumentError } from './args';
import type { CliContext } from './cliTypes';
import { IMPORT_REFUSALS } from '../engine/import/rejections';

/** Cells a model's columns refuse (request/buildMixedRows.ts): the file's fault, named by row. */
const DATA_REFUSALS = new Set(['invalid_count', 'invalid_binomial', 'invalid_weight']);

export function errorInfo(err: unknown): EngineErrorInfo {
  if (err instanceof ArgumentError) return { code: err.code, message: err.message };
  if (err instanceof EngineError) return { code: err.code, message: err.message };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

export interface ReportErrorOptions {
  /** Print a multi-line message on one line (fit, sweep); apply prints it as it is. */
  oneLine: boolean;
}

/** Prints `err` for `mixlab <command>` and returns the exit code. */
export function reportError(
  ctx: Pick<CliContext, 'stdout' | 'stderr'>,
  command: string,
  err: unknown,
  json: boolean,
  { oneLine }: ReportErrorOptions,
): number {
  const info = errorInfo(err);
  if (json) ctx.stdout(JSON.stringify({ error: { code: info.code, message: info.message } }) + '\n');
  else ctx.stderr(`mixlab ${command}: ${oneLine ? info.message.replace(/\s*\n\s*/g, ' ') : info.message}\n`);
  return info.code === 'invalid_arguments' || IMPORT_REFUSALS.has(info.code) || DATA_REFUSALS.has(info.code)
    ? 2
    : 1;
}
