// PLACEHOLDER: replaced by the inspect command.
import type { CliCommand } from '../cliTypes';

export const inspect: CliCommand = async (ctx) => {
  ctx.stderr('mixlab inspect: not built yet\n');
  return 1;
};
