/**
 * `mixlab sample <model.json> --n N --out rows.csv`: draws rows from a saved model
 * (scikit-learn's GaussianMixture.sample, shared/engine/sample.ts) and writes them in the data's
 * original units — for simulation, for checking a model against the data it came from, or to give
 * someone rows that look like confidential data without being it.
 */
import path from 'node:path';
import { sampleMixture } from '../../../shared/engine/model/sample';
import { Rng } from '../../../shared/engine/model/rng';
import { csvRow, formatNumber, neutralizeFormula } from '../../../shared/export/csvFormat';
import { EngineError } from '../../../shared/errors';
import { fromFittedValue } from '../../../shared/stats/displaySpace';
import { openAtomic } from '../../common/atomicWrite';
import { ArgumentError, parseArgs, type OptionSpec } from '../args';
import { codedCommand } from '../codedCommand';
import { readModelFile } from './apply';

/** Stable codes of sample's own refusals (exit 2: the model file cannot be sampled). */
export const SampleErrorCodes = {
  TrialsUnknown: 'sample_trials_unknown',
} as const;

/** Rows drawn at most. */
export const MAX_SAMPLE_ROWS = 10_000_000;
/** n × d drawn values at most: they are held in memory (8 bytes each, 400 MB) before writing. */
export const MAX_SAMPLE_VALUES = 50_000_000;
/** The column naming each row's component; renamed when a model column already has the name. */
const COMPONENT_COLUMN = 'component';
/** Rows formatted per write, so a 10-million-row file never becomes one string. */
const ROWS_PER_WRITE = 8192;

export const SAMPLE_USAGE = `Usage: mixlab sample <model.json> --n N --out rows.csv [--seed S] [--json]

Draws N rows from a model saved by Mixture Lab ("mixlab fit --model", File → Export model) as
scikit-learn's GaussianMixture.sample does: the rows per component follow a multinomial draw with
the model's weights, each component's rows come from its Gaussian, and rows are grouped by
component in component order. Values are in the data's original units: a stored standardisation is
undone and a log-transformed column exponentiated. A mixed-type model's other columns are drawn
given the row's component: a categorical column's level (written as its text, e.g. "Female"), a
count from its Poisson rate, successes from its binomial (a model whose trials came from a column
has no trials to draw with and is refused, code sample_trials_unknown). The file has the model's
numeric columns, then its categorical, count and binomial columns, and a last column
"${COMPONENT_COLUMN}" (1-based). The same --seed (default 0) gives the same rows. N is at most
${MAX_SAMPLE_ROWS.toLocaleString('en')}, and N × the model's columns at most ${MAX_SAMPLE_VALUES.toLocaleString('en')}. --json prints one object: rows, path, columns, counts (rows per component).
`;

const SPEC = {
  n: 'integer',
  out: 'string',
  seed: 'integer',
  json: 'flag',
  help: 'flag',
} as const satisfies OptionSpec;

export const sample = codedCommand('sample', SAMPLE_USAGE, async (ctx, json) => {
  const { positionals, options: o } = parseArgs(ctx.args, SPEC);
  if (positionals.length !== 1) {
    throw new ArgumentError(
      `expected one model file (mixlab sample <model.json> --n N --out rows.csv), got ${positionals.length} arguments`,
    );
  }
  if (o.n === undefined) throw new ArgumentError('missing --n (the number of rows to draw)');
  if (o.n < 1 || o.n > MAX_SAMPLE_ROWS)
    throw new ArgumentError(`--n must be from 1 to ${MAX_SAMPLE_ROWS} (got ${o.n})`);
  if (o.out === undefined) throw new ArgumentError('missing --out (the CSV file to write)');
  const seed = o.seed ?? 0;
  if (seed < 0) throw new ArgumentError(`--seed must be ≥ 0 (got ${seed})`);

  const model = await readModelFile(positionals[0]);
  const { params, preprocessing: pre } = model;
  const d = params.nFeatures;
  const categorical = pre.categorical ?? [];
  const poisson = pre.poisson ?? [];
  const binomial = pre.binomial ?? [];
  const width = d + categorical.length + poisson.length + binomial.length;
  if (o.n * width > MAX_SAMPLE_VALUES)
    throw new ArgumentError(
      `--n ${o.n} × the model's ${width} columns is more than ${MAX_SAMPLE_VALUES} values; draw at most ${Math.floor(MAX_SAMPLE_VALUES / width)} rows`,
    );
  const trialsColumn = binomial.find((b) => typeof b.trials !== 'number');
  if (trialsColumn)
    throw new EngineError(
      SampleErrorCodes.TrialsUnknown,
      `The model's binomial column "${trialsColumn.name}" counts successes out of the trials in another column, so there are no trials to draw with.`,
    );
  const trials = binomial.map((b) => b.trials as number);
  const { X, labels, discrete } = sampleMixture(params, o.n, new Rng(seed), trials);
  const names = [
    ...pre.columnNames,
    ...categorical.map((c) => c.name),
    ...poisson.map((c) => c.name),
    ...binomial.map((c) => c.name),
  ];
  let componentColumn = COMPONENT_COLUMN;
  while (names.includes(componentColumn)) componentColumn = `${componentColumn}_`;
  const columns = [...names, componentColumn];

  const target = path.resolve(o.out);
  const file = await openAtomic(target);
  try {
    await file.write(csvRow(columns, ',') + '\n');
    const cells = new Array<string>(width + 1);
    const [m, q, b] = [categorical.length, poisson.length, binomial.length];
    // Level names as cells: text a spreadsheet would run as a formula is neutralised, as in exports.
    const levelCells = categorical.map((c) => c.levels.map((level) => neutralizeFormula(level)));
    for (let start = 0; start < o.n; start += ROWS_PER_WRITE) {
      let text = '';
      for (let i = start; i < Math.min(o.n, start + ROWS_PER_WRITE); i++) {
        for (let j = 0; j < d; j++) cells[j] = formatNumber(fromFittedValue(pre, j, X[i * d + j]));
        if (discrete) {
          for (let j = 0; j < m; j++) cells[d + j] = levelCells[j][discrete.codes[i * m + j]];
          for (let j = 0; j < q; j++) cells[d + m + j] = String(discrete.counts[i * q + j]);
          for (let j = 0; j < b; j++) cells[d + m + q + j] = String(discrete.successes[i * b + j]);
        }
        cells[width] = String(labels[i] + 1);
        text += csvRow(cells, ',') + '\n';
      }
      await file.write(text);
    }
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }

  const counts = new Array<number>(params.nComponents).fill(0);
  for (const k of labels) counts[k]++;
  ctx.stdout(
    json
      ? JSON.stringify({ rows: o.n, path: target, columns, counts }) + '\n'
      : `Wrote ${o.n} rows drawn from the ${params.nComponents}-component model to ${target} ` +
          `(rows per component: ${counts.join(', ')}).\n`,
  );
});
