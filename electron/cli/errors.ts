/**
 * How fit, sweep, apply and sample report a failure: an ArgumentError or EngineError keeps its code,
 * anything else is `internal`. With --json the error is the one object on stdout ({"error": {code,
 * message}}); without, one line on stderr.
 *
 * Exit code 2 when the user's input is refused — the command line (invalid_arguments), a data file
 * the import refuses (rejections.ts IMPORT_REFUSALS, as with `mixlab inspect`), a path that is no
 * readable file (fileRefusal.ts: missing, a folder, a FIFO or device, a link loop, forbidden, too
 * large), a model file that is not a valid model, a data file without the model's columns (or with
 * text where the model wants numbers), an output file that could not be written — and
 * 1 otherwise: the fit itself failed (a singular component, too few rows) or, with `internal`, a bug.
 */
import { EngineError, type EngineErrorInfo } from '../../shared/errors';
import { ModelFileCodes } from '../../shared/project/modelFile';
import { ApplyErrorCodes } from '../../shared/export/applyModel';
import { ArgumentError } from './args';
import type { CliContext } from './cliTypes';
import { IMPORT_REFUSALS } from '../engine/import/rejections';
import { FILE_REFUSALS } from '../common/fileRefusal';
import { SAVE_FAILED } from '../common/atomicWrite';
import { NOT_AN_IMAGE } from '../engine/export/writeLabelImage';
import { FrameCodes } from '../engine/background/frameSource';

/** Cells a model's columns refuse (request/buildMixedRows.ts): the file's fault, named by row. */
const DATA_REFUSALS = ['invalid_count', 'invalid_binomial', 'invalid_weight'];

/** A model file `mixlab sample` cannot draw from (commands/sample.ts). */
const SAMPLE_REFUSALS = ['sample_trials_unknown'];

/** Codes that exit 2: the user's command line or files were refused. */
export const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'invalid_arguments',
  ...IMPORT_REFUSALS,
  ...DATA_REFUSALS,
  ...SAMPLE_REFUSALS,
  ...FILE_REFUSALS,
  ...Object.values(ModelFileCodes),
  ...Object.values(ApplyErrorCodes),
  SAVE_FAILED,
  NOT_AN_IMAGE,
  ...Object.values(FrameCodes),
]);

export function errorInfo(err: unknown): EngineErrorInfo {
  if (err instanceof ArgumentError) return { code: err.code, message: err.message };
  if (err instanceof EngineError) return { code: err.code, message: err.message };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** The exit code of a reported error (see the header). */
export function exitCodeOf(code: string): number {
  return REFUSAL_CODES.has(code) ? 2 : 1;
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
  return exitCodeOf(info.code);
}
