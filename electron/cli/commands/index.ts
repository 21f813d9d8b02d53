import type { CliCommand } from '../cliTypes';
import { inspect } from './inspect';
import { fit } from './fit';
import { sweep } from './sweep';
import { apply } from './apply';
import { sample } from './sample';
import { background } from './background';

export interface CommandEntry {
  summary: string;
  run: CliCommand;
}

/** One entry per command; each command's module owns its option parsing and output. */
export const commands: Record<string, CommandEntry> = {
  inspect: {
    summary: 'Read a CSV/XLSX file and report its columns, kinds, statistics and problems.',
    run: inspect,
  },
  fit: { summary: 'Fit a Gaussian mixture by EM and print the model.', run: fit },
  sweep: { summary: 'Compare models across K and covariance types by BIC, AIC and ICL.', run: sweep },
  apply: { summary: 'Label the rows of a file with a saved model (labels CSV or .xlsx).', run: apply },
  sample: { summary: 'Draw rows from a saved model into a CSV file (original units).', run: sample },
  background: {
    summary: 'Learn a per-pixel background model from frames and write foreground masks.',
    run: background,
  },
};
