/**
 * `mixlab sweep <file> …`: imports the file and fits every K × covariance-type cell through the same
 * engine requests the app sends (`dataset.import`, then `sweep`), then prints a table of the cells
 * and the best cell per criterion or, with --json, exactly one JSON object (see SWEEP_USAGE).
 */
import { sweepOptionsSchema, sweepRequestSchema } from '../../../shared/engine/request/sweepRequest';
import { COVARIANCE_TYPES, INIT_METHODS, type CovarianceType } from '../../../shared/engine/model/types';
import type {
  SweepCell,
  SweepFitOptions,
  SweepRequest,
  SweepResponse,
} from '../../../shared/engine/sweep/types';
import { ArgumentError, oneOf, parseArgs, validated, type OptionSpec } from '../args';
import { codedCommand } from '../codedCommand';
import {
  FAMILY_FLAGS,
  FAMILY_FLAGS_SPEC,
  FAMILY_FLAGS_USAGE,
  maxIterFor,
  resolveFamilies,
  type FamilyOptions,
} from '../familyFlags';
import { checkColumnChoice, dataFileArgument, FIT_SETTINGS_FLAGS, FIT_SETTINGS_SPEC } from '../fitSettings';
import { existingFile } from '../inputFile';

export const SWEEP_USAGE = `Usage: mixlab sweep <file.csv> [--columns a,b,c | --all-numeric] [--standardize] [--k 1-9]
                    [--covariance full,tied,diag,spherical] [--init kmeans|k-means++|random|random_from_data]
                    [--n-init N] [--seed S] [--max-iter N] [--tol T] [--reg-covar R] [--threads N]
                    [--no-refine] [--json]
                    [--categorical a,b] [--count c] [--binomial d:10|d:trials_column] [--weights w]
                    [--missing model|drop] [--smoothing a]

Fits a Gaussian mixture for every number of components K in --k (a range "1-8", one value "3", or a
list "1,2,5"; default 1-9) and every covariance type in --covariance (default all four), in parallel on
--threads worker threads (default: every core), and compares them by BIC, AIC and ICL (scikit-learn's
sign: lower is better). Every cell uses the same settings and the same --seed, with scikit-learn's
defaults (init kmeans, n-init 1, seed 0, max-iter 100, tol 1e-3, reg-covar 1e-6).
Each cell keeps its best proper restart: a restart whose component collapsed (see "degenerate"
below) counts only when every restart did. On small data a cell runs more restarts than --n-init
(up to 5 ×, while the estimated work stays within a fraction of a second; the first --n-init are
exactly the plain fit's). After the cells' own fits, each cell is also started from splits of its
K − 1 fit and merges of its K + 1 fit (same type) and keeps the better optimum, which repairs poor
k-means starts. --no-refine gives scikit-learn's grid exactly: every cell is a plain best-of-n-init
fit (highest lower bound), with no extra restarts and no second pass.
A cell is "degenerate" when a component's covariance has an eigenvalue below 10 × reg-covar (it
collapsed onto repeated values); such cells are never chosen as best. Cells that cannot be fitted
(singular covariance, fewer rows than K) are listed with the reason.
--json prints one object: results [{k, covariance_type, status, message, mean_log_likelihood,
n_parameters, bic, aic, icl, converged, n_iter, seconds}], best {bic, aic, icl: {k, covariance_type}
or null}, seconds.
A model with categorical, count or binomial columns, weights or missing cells to model (the options
below, as for "mixlab fit") is swept the same way over K (and the Gaussian block's covariance type;
without numeric columns over K alone, reported under the first --covariance). Its cells run
fitMixture's own starts (emEM); the split/merge pass applies to plain Gaussian grids only.
${FAMILY_FLAGS_USAGE}
`;

const SPEC = {
  ...FIT_SETTINGS_SPEC,
  k: 'string',
  covariance: 'string',
  'no-refine': 'flag',
  ...FAMILY_FLAGS_SPEC,
} as const satisfies OptionSpec;

/** Request field → the option a user typed, so schema messages speak the command line's language. */
const FLAG_OF: Record<string, string> = {
  ...FIT_SETTINGS_FLAGS,
  ...FAMILY_FLAGS,
  ks: '--k',
  covarianceTypes: '--covariance',
};

export const sweep = codedCommand('sweep', SWEEP_USAGE, async (ctx, json) => {
  const { file, request, familyOptions, maxIterGiven } = parseSweepArgs(ctx.args);
  const summary = await ctx.engine.call('dataset.import', { path: await existingFile(file) });
  const families = resolveFamilies(summary, familyOptions);
  const options = {
    ...request.options,
    maxIter: maxIterFor(maxIterGiven, families, request.options.maxIter),
  };
  const fullRequest = { ...request, options, datasetId: summary.datasetId, ...families };
  const sweepRequest = validated<SweepRequest>(sweepRequestSchema, fullRequest, FLAG_OF);
  const showProgress = !json && process.stderr.isTTY === true;
  const response = await ctx.engine.call('sweep', sweepRequest, {
    onProgress: showProgress
      ? (p) =>
          ctx.stderr(
            `\rcells ${p.done}/${p.total}  elapsed ${p.elapsedSeconds.toFixed(1)} s` +
              (p.etaSeconds === null ? '' : `  about ${p.etaSeconds.toFixed(0)} s left`) +
              '   ',
          )
      : undefined,
  });
  if (showProgress) ctx.stderr('\n');
  const report = sweepReport(response);
  ctx.stdout(json ? JSON.stringify(report) + '\n' : formatSweepSummary(report, response));
});

/**
 * `--k` as a list of component counts: "1-8" (a range), "3", "1,2,5", or a mix ("1-3,6").
 * Ascending, without repeats; an empty, reversed or non-integer part is an ArgumentError.
 */
export function parseKList(text: string): number[] {
  const ks = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    const from = m ? Number(m[1]) : NaN;
    const to = m && m[2] !== undefined ? Number(m[2]) : from;
    if (!m || from < 1 || to < from || to > 1000)
      throw new ArgumentError(
        `--k: "${part}" is not a component count or range (examples: 1-8, 3, 1,2,5; K from 1 to 1000)`,
      );
    for (let k = from; k <= to; k++) ks.add(k);
  }
  return [...ks].sort((a, b) => a - b);
}

/** `--covariance full,diag` as covariance types, in the order given, without repeats. */
function parseCovarianceList(text: string): CovarianceType[] {
  const types = text.split(',').map((t) => t.trim());
  for (const t of types) {
    if (!COVARIANCE_TYPES.includes(t as CovarianceType))
      throw new ArgumentError(`--covariance: "${t}" is not one of ${COVARIANCE_TYPES.join(', ')}`);
  }
  return [...new Set(types)] as CovarianceType[];
}

/** Command line → the sweep request without its dataset and columns (known only after the import). */
function parseSweepArgs(args: readonly string[]): {
  file: string;
  request: Omit<SweepRequest, 'datasetId' | 'columns'>;
  familyOptions: FamilyOptions;
  /** --max-iter as typed (its default depends on the columns' families: maxIterFor). */
  maxIterGiven: number | undefined;
} {
  const { positionals, options: o } = parseArgs(args, SPEC);
  const file = dataFileArgument(positionals, 'mixlab sweep <file.csv> …');
  checkColumnChoice(o);
  oneOf('--init', o.init, INIT_METHODS);
  // Check the options now, before a possibly long import.
  const options = validated<SweepFitOptions>(
    sweepOptionsSchema,
    {
      init: o.init,
      nInit: o['n-init'],
      seed: o.seed,
      maxIter: o['max-iter'],
      tol: o.tol,
      regCovar: o['reg-covar'],
    },
    FLAG_OF,
  );
  return {
    file,
    request: {
      standardize: o.standardize === true,
      ks: o.k === undefined ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : parseKList(o.k),
      covarianceTypes: o.covariance === undefined ? [...COVARIANCE_TYPES] : parseCovarianceList(o.covariance),
      options,
      refine: o['no-refine'] !== true,
      threads: o.threads,
    },
    familyOptions: o,
    maxIterGiven: o['max-iter'],
  };
}

/** One cell of the --json report. Numbers a cell does not have are null, never NaN. */
export interface SweepReportCell {
  k: number;
  covariance_type: CovarianceType;
  status: SweepCell['status'];
  message: string | null;
  mean_log_likelihood: number | null;
  n_parameters: number;
  bic: number | null;
  aic: number | null;
  icl: number | null;
  converged: boolean | null;
  n_iter: number | null;
  seconds: number;
}

type ReportChoice = { k: number; covariance_type: CovarianceType } | null;

/** The --json object, exactly these keys (issue 6). */
export interface SweepReport {
  results: SweepReportCell[];
  /** Among the non-degenerate ok cells; null when no cell qualifies. */
  best: { bic: ReportChoice; aic: ReportChoice; icl: ReportChoice };
  seconds: number;
}

const finiteOrNull = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

function sweepReport(response: SweepResponse): SweepReport {
  const choice = (c: SweepResponse['best']['bic']): ReportChoice =>
    c && { k: c.k, covariance_type: c.covarianceType };
  return {
    results: response.cells.map((c) => ({
      k: c.k,
      covariance_type: c.covarianceType,
      status: c.status,
      message: c.message,
      mean_log_likelihood: finiteOrNull(c.meanLogLikelihood),
      n_parameters: c.nParameters,
      bic: finiteOrNull(c.bic),
      aic: finiteOrNull(c.aic),
      icl: finiteOrNull(c.icl),
      converged: c.converged,
      n_iter: c.nIter,
      seconds: c.seconds,
    })),
    best: { bic: choice(response.best.bic), aic: choice(response.best.aic), icl: choice(response.best.icl) },
    seconds: response.seconds,
  };
}

const fmt = (x: number | null, digits = 6): string =>
  x === null ? '—' : Number(x.toPrecision(digits)).toString();

/** The readable table printed without --json. */
function formatSweepSummary(r: SweepReport, response: SweepResponse): string {
  const p = response.preprocessing;
  const lines = [
    `Model selection on ${response.nSamples} rows × ${p.columnNames.length} columns (${p.columnNames.join(', ')})` +
      `${p.standardize ? ', standardised' : ''}: ${r.results.length} cells on ${response.threads} threads, ` +
      `${r.seconds.toFixed(2)} s.`,
  ];
  if (response.droppedRows > 0)
    lines.push(`Dropped ${response.droppedRows} rows with a missing value in a selected column.`);
  lines.push('Criteria use scikit-learn\'s sign: lower is better. "*" marks the best BIC.', '');
  const header = ['type', 'K', 'status', 'mean loglik', 'params', 'BIC', 'AIC', 'ICL', 'iter', 'conv', 'sec'];
  const rows = r.results.map((c) => {
    const star = r.best.bic?.k === c.k && r.best.bic.covariance_type === c.covariance_type ? '*' : '';
    return [
      c.covariance_type,
      String(c.k),
      c.status,
      fmt(c.mean_log_likelihood),
      String(c.n_parameters),
      fmt(c.bic, 8) + star,
      fmt(c.aic, 8),
      fmt(c.icl, 8),
      c.n_iter === null ? '—' : String(c.n_iter),
      c.converged === null ? '—' : c.converged ? 'yes' : 'no',
      c.seconds.toFixed(2),
    ];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  for (const row of [header, ...rows]) lines.push(row.map((cell, j) => cell.padStart(widths[j])).join('  '));
  lines.push('');
  for (const key of ['bic', 'aic', 'icl'] as const) {
    const b = r.best[key];
    lines.push(
      `Best ${key.toUpperCase()}: ${b ? `${b.covariance_type}, K = ${b.k}` : 'none (no cell fitted without degeneracy)'}`,
    );
  }
  const notes = r.results.filter((c) => c.message !== null);
  if (notes.length > 0) lines.push('', 'Cells not ok:');
  for (const c of notes) lines.push(`  ${c.covariance_type} K=${c.k} (${c.status}): ${c.message}`);
  return lines.join('\n') + '\n';
}
