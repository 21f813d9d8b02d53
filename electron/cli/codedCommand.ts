/**
 * The frame fit, sweep and apply share: --help (or -h) anywhere prints the usage and exits 0; --json
 * anywhere asks for JSON output, errors included; a thrown error is reported by errors.ts. `run`
 * prints the result and resolves on success (exit 0).
 */
import type { CliCommand, CliContext } from './cliTypes';
import { wantsHelp } from './args';
import { reportError, type ReportErrorOptions } from './errors';

export function codedCommand(
  name: string,
  usage: string,
  run: (ctx: CliContext, json: boolean) => Promise<void>,
  errorOptions: ReportErrorOptions = { oneLine: true },
): CliCommand {
  return async (ctx) => {
    const json = ctx.args.includes('--json');
    if (wantsHelp(ctx.args)) {
      ctx.stdout(usage);
      return 0;
    }
    try {
      await run(ctx, json);
      return 0;
    } catch (err) {
      return reportError(ctx, name, err, json, errorOptions);
    }
  };
}
