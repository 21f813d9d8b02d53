// PLACEHOLDER: replaced by the fit command.
import type { CliCommand } from '../cliTypes';

export const fit: CliCommand = async (ctx) => {
  ctx.stderr('mixlab fit: not built yet\n');
  return 1;
};
