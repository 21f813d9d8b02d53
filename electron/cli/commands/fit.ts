/**
 * `mixlab fit <file.csv> …`: imports the file and fits one Gaussian mixture through the same engine
 * requests the app sends (`dataset.import`, then `fit`), then prints a readable summary or, with
 * --json, exactly one JSON object (the format the holdout checks read; see FIT_USAGE).
 */
import { collapsedComponents, degeneracyMessage } from '../../../shared/engine/model/degeneracy';
import { fitOptionsSchema, fitRequestSchema } from '../../../shared/engine/request/fitRequest';
import { COVARIANCE_SHAPE } from '../../../shared/engine/request/fitRules';
import { nonGaussianColumns } from '../../../shared/engine/request/familyRoles';
import { FIT_INIT_METHODS, type FitRequest } from '../../../shared/engine/model/types';
import type { FitResponse, Preprocessing } from '../../../shared/engine/model/types';
import { ArgumentError, oneOf, parseArgs, validated, type OptionSpec, type SafeParser } from '../args';
import { codedCommand } from '../codedCommand';
import {
  FAMILY_FLAGS,
  FAMILY_FLAGS_SPEC,
  FAMILY_FLAGS_USAGE,
  maxIterFor,
  resolveFamilies,
} from '../familyFlags';
import {
  checkColumnChoice,
  covarianceName,
  dataFileArgument,
  FIT_SETTINGS_FLAGS,
  FIT_SETTINGS_SPEC,
} from '../fitSettings';
import { existingFile } from '../inputFile';
import { checkInitParams, readInitParams } from '../initParams';
import {
  IMPORT_FLAGS_SPEC,
  IMPORT_FLAGS_USAGE,
  excludedTotalRows,
  importFlags,
  importNotes,
} from '../importFlags';
import { labelOutputOptions, labelsLine, writeLabelOutputs } from './apply';

export const FIT_USAGE = `Usage: mixlab fit <file.csv> [--columns a,b,c | --all-numeric] [--standardize] --k K
                  [--covariance full|tied|diag|spherical|EII…VVV]
                  [--init kmeans|k-means++|random|random_from_data|hc] [--init-params init.json] [--n-init N] [--seed S] [--max-iter N] [--tol T]
                  [--reg-covar R] [--threads N] [--json]
                  [--labels out.csv|out.xlsx|out.png [--probabilities] [--uncertainty] [--impute] [--delimiter D]
                   [--label-colours palette|mean]
                   [--encoding utf-8-bom|utf-8|gbk]] [--model model.json]
                  [--categorical a,b] [--count c] [--binomial d:10|d:trials_column] [--weights w]
                  [--missing model|drop] [--smoothing a]
                  [--header yes|no] [--total-rows exclude|keep] [--colour-space rgb|lab|both] [--xy]

Fits a mixture by EM. An image (PNG, JPEG, BMP, WebP, GIF) is a table of its pixels: columns grey,
or r, g, b (--colour-space lab: CIELAB L*, a*, b*; both: all six), then x, y with --xy. Numeric columns form one Gaussian block (scikit-learn's GaussianMixture
definitions and defaults: covariance full, init kmeans, n-init 1, seed 0, max-iter 100, tol 1e-3,
reg-covar 1e-6); text columns and --categorical ones are categorical (two levels: Bernoulli),
--count columns Poisson, --binomial columns binomial, all independent given the class (latent class
analysis when every column is categorical). Without --columns, every numeric column is used.
Missing cells stay in the model (--missing model): they contribute nothing to their row's density
(the marginal over the observed coordinates for a correlated Gaussian block); only a row with no
observed cell is dropped. A plain Gaussian fit (numeric columns only, no weights, no missing cell)
is scikit-learn's exactly. Mixed models start from k-means on the numeric columns, k-means++ seeds,
random rows, random parameters and (half the starts) two random rows per class in turn, and run
every start a few iterations before the best continue (emEM).
--covariance also takes mclust's names, Σ_k = λ_k D_k A_k D_kᵀ with volume λ, shape A and
orientation D each Equal, Variable or the Identity: EII VII EEI VEI EVI VVI EEE VEE EVE VVE EEV VEV
EVV VVV (E, V for one column); VII, VVI, EEE and VVV are spherical, diag, tied and full. --init hc
starts from mclust's model-based hierarchical clustering (on at most 2000 rows, seeded).
--init-params reads {weights, means, covariances or precisions} shaped as scikit-learn's for the
covariance type (precisions win when both are present, as scikit-learn is given precisions_init),
and categorical {column: {levels, probabilities[K][L]}}, poisson {column: rates[K]} and binomial
{column: {trials, probabilities[K]}}.
--json prints one object: n (rows fitted), d, columns, k, covariance_type, converged, n_iter,
mean_log_likelihood, log_likelihood, n_parameters, bic, aic, icl, weights, means, covariances, trace,
fit_seconds, dropped_rows, n_missing_cells, weights_total (n, or the weights' sum with --weights),
and categorical, poisson, binomial (shaped as in --init-params) when the model has such columns.
${FAMILY_FLAGS_USAGE}
A component whose covariance is held up only by --reg-covar (an eigenvalue below 10 × reg-covar:
it collapsed onto repeated values) is reported as a warning on stderr; the fit is still printed.
--labels writes the file's rows with cluster (1-based) and probability (options as in
"mixlab apply --help"; --impute adds each imputed column and its 0/1 flag); for an image, a name
ending in .png writes the label image, the picture with each pixel in its cluster's colour
(--label-colours mean: the mean colour of its pixels); --model writes the fitted model as JSON for
"mixlab apply", every family with it (format 2 when it has more than a Gaussian block). With --json the
object then also has labels {path, rows, labelled, excluded} and model_file.
How the file is read:
${IMPORT_FLAGS_USAGE}
A first line read as data, and summary rows left out, are noted on stderr; with --json the object
then also has header: false and total_rows_excluded (their 1-based rows).
`;

const SPEC = {
  ...FIT_SETTINGS_SPEC,
  k: 'integer',
  covariance: 'string',
  'init-params': 'string',
  // Label and model files (issue 7): written by apply.ts's writeLabelOutputs.
  labels: 'string',
  'label-colours': 'string',
  model: 'string',
  probabilities: 'flag',
  uncertainty: 'flag',
  impute: 'flag',
  delimiter: 'string',
  encoding: 'string',
  ...IMPORT_FLAGS_SPEC,
  ...FAMILY_FLAGS_SPEC,
} as const satisfies OptionSpec;

/** Request field → the option a user typed; an --init-params error also names the place inside the file. */
const FLAG_OF: Record<string, string> = {
  ...FIT_SETTINGS_FLAGS,
  ...FAMILY_FLAGS,
  nComponents: '--k',
  covarianceType: '--covariance',
  initParams: '--init-params',
};
const fitValidated = <T>(schema: SafeParser<T>, value: unknown): T =>
  validated(schema, value, FLAG_OF, ['initParams']);

/**
 * The missing-cell mode the model travels with, so apply labels rows as this fit kept them: the
 * one asked for, else 'model' (the default) — except for a plain Gaussian fit that met no missing
 * cell (scikit-learn's path), whose model file stays as such files always were: no mode, labelling
 * complete rows only, unless apply is told --missing model.
 */
function recordedMissingMode(
  request: { missing?: 'model' | 'drop' },
  response: { missingCells?: number; preprocessing: Preprocessing },
): { missing?: 'model' | 'drop' } {
  if (request.missing) return { missing: request.missing };
  const pre = response.preprocessing;
  const plain =
    (pre.categorical?.length ?? 0) + (pre.poisson?.length ?? 0) + (pre.binomial?.length ?? 0) === 0 &&
    pre.weights === undefined;
  return plain && !response.missingCells ? {} : { missing: 'model' };
}

export const fit = codedCommand('fit', FIT_USAGE, async (ctx, json) => {
  const { file, request, options } = await parseFitArgs(ctx.args);
  const labelOptions = labelOutputOptions(options);
  const readOptions = importFlags(options);
  const summary = await ctx.engine.call('dataset.import', { path: await existingFile(file), ...readOptions });
  for (const note of importNotes(summary, readOptions)) ctx.stderr(note);
  const families = resolveFamilies(summary, options);
  const fitRequest = fitValidated(fitRequestSchema, {
    ...request,
    options: {
      ...request.options,
      maxIter: maxIterFor(options['max-iter'], families, request.options.maxIter),
    },
    datasetId: summary.datasetId,
    ...families,
  });
  // The Gaussian block's d: the columns that no discrete family claims.
  checkInitParams(
    options['init-params'] ?? '',
    fitRequest.options,
    fitRequest.columns.length - nonGaussianColumns(fitRequest).size,
  );
  const showProgress = !json && process.stderr.isTTY === true;
  const response = await ctx.engine.call('fit', fitRequest, {
    onProgress: showProgress
      ? (p) =>
          ctx.stderr(
            `\rrestart ${p.restart}/${p.nRestarts}  iteration ${p.iteration}/${p.maxIter}  lower bound ${p.lowerBound.toPrecision(10)}   `,
          )
      : undefined,
  });
  if (showProgress) ctx.stderr('\n');
  for (const warning of collapseWarnings(response, fitRequest.options.regCovar)) ctx.stderr(warning);
  const report = fitReport(response);
  // --labels / --model (issue 7): recomputed from the fitted model by the engine's label export.
  const files = await writeLabelOutputs(
    ctx.engine,
    summary.datasetId,
    {
      params: response.fit.params,
      preprocessing: { ...response.preprocessing, ...recordedMissingMode(fitRequest, response) },
    },
    'index',
    { ...labelOptions, labels: options.labels, model: options.model },
  );
  const labels = files.labels;
  const totalRows = excludedTotalRows(summary);
  const extra = {
    ...(labels
      ? {
          labels: {
            path: labels.path,
            rows: labels.rows,
            labelled: labels.labelled,
            excluded: labels.excluded,
          },
        }
      : {}),
    ...(files.model ? { model_file: files.model } : {}),
    ...(summary.header ? {} : { header: false }),
    ...(totalRows.length > 0 ? { total_rows_excluded: totalRows } : {}),
  };
  ctx.stdout(
    json
      ? JSON.stringify({ ...report, ...extra }) + '\n'
      : formatFitSummary(report, fitRequest.options.tol) +
          (files.labels ? labelsLine(files.labels) : '') +
          (files.model ? `Wrote the model to ${files.model}.\n` : ''),
  );
});

type FitArgOptions = ReturnType<typeof parseArgs<typeof SPEC>>['options'];

/** Command line → the fit request without its dataset (known only after the import). */
async function parseFitArgs(
  args: readonly string[],
): Promise<{ file: string; request: Omit<FitRequest, 'datasetId' | 'columns'>; options: FitArgOptions }> {
  const { positionals, options: o } = parseArgs(args, SPEC);
  const file = dataFileArgument(positionals, 'mixlab fit <file.csv> --k K …');
  if (o.k === undefined) throw new ArgumentError('missing --k (the number of components)');
  checkColumnChoice(o);
  oneOf('--init', o.init, FIT_INIT_METHODS);
  const raw = {
    nComponents: o.k,
    covarianceType: o.covariance === undefined ? undefined : covarianceName('--covariance', o.covariance),
    init: o.init,
    initParams: o['init-params'] === undefined ? undefined : await readInitParams(o['init-params']),
    nInit: o['n-init'],
    seed: o.seed,
    maxIter: o['max-iter'],
    tol: o.tol,
    regCovar: o['reg-covar'],
  };
  // Check the options now, before a possibly long import; shapes against d are checked later.
  const fitOptions = fitValidated(fitOptionsSchema, raw);
  return {
    file,
    request: { standardize: o.standardize === true, options: fitOptions, threads: o.threads },
    options: o,
  };
}

/**
 * One stderr line per covariance held up only by reg_covar (degeneracy.ts). The fit is still
 * reported, as scikit-learn reports it, but its likelihood and criteria measure reg_covar; stdout
 * keeps exactly the documented output.
 */
function collapseWarnings(response: FitResponse, regCovar: number): string[] {
  return collapsedComponents(response.fit.params, regCovar).map(
    (c) =>
      `warning: ${degeneracyMessage(c, regCovar)} Try fewer components (--k), a larger --reg-covar, ` +
      'or remove duplicate rows and constant columns.\n',
  );
}

/** The --json object. Field names and shapes are scikit-learn's (covariances nested by type). */
export interface FitReport {
  n: number;
  d: number;
  columns: string[];
  k: number;
  covariance_type: string;
  converged: boolean;
  n_iter: number;
  mean_log_likelihood: number;
  /** Total: n × mean (Σ w_i log p(x_i) with weights). */
  log_likelihood: number;
  n_parameters: number;
  bic: number;
  aic: number;
  icl: number;
  weights: number[];
  means: number[][];
  covariances: unknown[];
  trace: number[];
  fit_seconds: number;
  dropped_rows: number;
  n_missing_cells: number;
  weights_total: number;
  categorical?: Record<string, { levels: string[]; probabilities: number[][] }>;
  poisson?: Record<string, number[]>;
  binomial?: Record<string, { trials: number | string; probabilities: number[] }>;
  /** Only with --standardize: the fitted space is (x − center) / scale per column. */
  preprocessing?: { standardize: true; center: number[]; scale: number[] };
}

function fitReport(response: FitResponse): FitReport {
  const { fit: result, preprocessing } = response;
  const { params } = result;
  const k = params.nComponents;
  const d = params.nFeatures;
  const report: FitReport = {
    n: result.labels.length,
    d,
    columns: preprocessing.columnNames,
    k,
    covariance_type: params.covarianceType,
    converged: result.converged,
    n_iter: result.nIter,
    mean_log_likelihood: result.meanLogLikelihood,
    log_likelihood: result.logLikelihood,
    n_parameters: result.nParameters,
    bic: result.bic,
    aic: result.aic,
    icl: result.icl,
    weights: Array.from(params.weights),
    means: nest(params.means, [k, d]) as number[][],
    covariances: nest(params.covariances, COVARIANCE_SHAPE[params.covarianceType](k, d)) as unknown[],
    trace: Array.from(result.traces[result.bestRestart] ?? []),
    fit_seconds: result.seconds,
    dropped_rows: response.droppedRows,
    n_missing_cells: response.missingCells ?? 0,
    weights_total: response.totalWeight ?? result.labels.length,
    ...discreteReport(response),
  };
  if (preprocessing.standardize) {
    report.preprocessing = { standardize: true, center: preprocessing.center, scale: preprocessing.scale };
  }
  return report;
}

/** The discrete families' parameters by column name, shaped as --init-params takes them. */
function discreteReport(response: FitResponse): Pick<FitReport, 'categorical' | 'poisson' | 'binomial'> {
  const { discrete, nComponents: k } = response.fit.params;
  const pre = response.preprocessing;
  if (!discrete) return {};
  const out: Pick<FitReport, 'categorical' | 'poisson' | 'binomial'> = {};
  if (pre.categorical?.length)
    out.categorical = Object.fromEntries(
      pre.categorical.map((c, j) => [
        c.name,
        {
          levels: c.levels,
          probabilities: nest(discrete.categorical[j], [k, c.levels.length]) as number[][],
        },
      ]),
    );
  const byClass = (flat: Float64Array, j: number, width: number) =>
    Array.from({ length: k }, (_, kk) => flat[kk * width + j]);
  if (pre.poisson?.length)
    out.poisson = Object.fromEntries(
      pre.poisson.map((c, j) => [c.name, byClass(discrete.poisson, j, pre.poisson!.length)]),
    );
  if (pre.binomial?.length)
    out.binomial = Object.fromEntries(
      pre.binomial.map((c, j) => [
        c.name,
        {
          trials: typeof c.trials === 'number' ? c.trials : c.trials.name,
          probabilities: byClass(discrete.binomial, j, pre.binomial!.length),
        },
      ]),
    );
  return out;
}

/** A flat row-major array as nested arrays of shape `dims`. */
function nest(flat: ArrayLike<number>, dims: readonly number[], offset = 0): unknown[] | number[] {
  if (dims.length === 1) return Array.from({ length: dims[0] }, (_, i) => flat[offset + i]);
  const stride = dims.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: dims[0] }, (_, i) => nest(flat, dims.slice(1), offset + i * stride));
}

const fmt = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : String(x));

/** The readable summary printed without --json. */
function formatFitSummary(r: FitReport, tol: number): string {
  const lines: string[] = [];
  const discrete = [
    ...Object.keys(r.categorical ?? {}).map((c) => `${c} (categorical)`),
    ...Object.keys(r.poisson ?? {}).map((c) => `${c} (count)`),
    ...Object.keys(r.binomial ?? {}).map((c) => `${c} (binomial)`),
  ];
  const gaussian = r.d > 0 ? `${r.covariance_type} Gaussian over ${r.columns.join(', ')}` : '';
  lines.push(
    discrete.length === 0
      ? `Gaussian mixture: ${r.k} components, ${r.covariance_type} covariance, ${r.n} rows × ${r.d} columns (${r.columns.join(', ')})`
      : `Mixture of ${r.k} classes, ${r.n} rows: ${[gaussian, ...discrete].filter(Boolean).join('; ')}`,
  );
  if (r.dropped_rows > 0)
    lines.push(`Left out ${r.dropped_rows} rows (no observed cell, or a missing value with --missing drop).`);
  if (r.n_missing_cells > 0)
    lines.push(`No row dropped for its ${r.n_missing_cells} missing cells: they are modelled.`);
  if (r.preprocessing)
    lines.push(
      'Columns standardised (z-score, population standard deviation); parameters are in standard units.',
    );
  lines.push(
    r.converged
      ? `Converged after ${r.n_iter} iterations (tol ${tol}).`
      : `Not converged: stopped after ${r.n_iter} iterations (tol ${tol}); try a larger --max-iter.`,
  );
  lines.push(
    `Mean log-likelihood ${fmt(r.mean_log_likelihood)}   BIC ${fmt(r.bic)}   AIC ${fmt(r.aic)}   ICL ${fmt(r.icl)}`,
  );
  lines.push(`EM time ${r.fit_seconds.toFixed(3)} s`);
  lines.push('');
  const header = ['component', 'weight', ...r.columns.map((c) => `mean ${c}`)];
  const rows = r.means.map((m, i) => [String(i + 1), fmt(r.weights[i]), ...m.map(fmt)]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  for (const row of [header, ...rows]) lines.push(row.map((cell, j) => cell.padStart(widths[j])).join('  '));
  const rounded = (_key: string, v: unknown): unknown =>
    typeof v === 'number' ? Number(v.toPrecision(6)) : v;
  if (r.d > 0) {
    lines.push('');
    lines.push(`Covariances (${r.covariance_type}, shaped as scikit-learn's covariances_):`);
    // One line per top-level entry: a component (full, diag, spherical) or a row of the shared matrix (tied).
    for (const entry of r.covariances) lines.push('  ' + JSON.stringify(entry, rounded));
  }
  for (const [name, c] of Object.entries(r.categorical ?? {})) {
    lines.push('', `${name}: probability of each level (${c.levels.join(', ')}) by component:`);
    c.probabilities.forEach((p, k) => lines.push(`  ${k + 1}  ${p.map(fmt).join('  ')}`));
  }
  for (const [name, rates] of Object.entries(r.poisson ?? {}))
    lines.push('', `${name}: Poisson rate by component: ${rates.map(fmt).join('  ')}`);
  for (const [name, b] of Object.entries(r.binomial ?? {}))
    lines.push(
      '',
      `${name}: success probability (of ${b.trials} trials) by component: ${b.probabilities.map(fmt).join('  ')}`,
    );
  return lines.join('\n') + '\n';
}
