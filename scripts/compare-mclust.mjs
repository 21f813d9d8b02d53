// `node scripts/compare-mclust.mjs`: our sweep against R's mclust on mclust's own example datasets
// (1-D to 6-D). For each dataset R writes the numeric columns to a CSV and mclust's BIC table
// (mclustBIC(x, G = 1:9), every model, mclust's defaults); then `mixlab sweep` fits the same grid
//   --covariance <the 14 models; E,V in 1-D> --k 1-9 --n-init 10 --tol 1e-6 --max-iter 1000 --json
// and every cell mclust fitted must reach a BIC no worse than mclust's (smaller-is-better sign, 1e-6
// relative), and our chosen model must be at least as good as mclust's choice. Prints one line per
// dataset and exits 1 when a check fails; prints a note and exits 0 when Rscript is not installed.
//
// Usage: node scripts/compare-mclust.mjs [--datasets acidity,faithful,…] [--threads N] [--keep DIR]
// Needs out/cli/mixlab.cjs (node scripts/build.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out', 'cli', 'mixlab.cjs');
const MODELS = 'EII,VII,EEI,VEI,EVI,VVI,EEE,VEE,EVE,VVE,EEV,VEV,EVV,VVV'.split(',');
const DATASETS = ['acidity', 'faithful', 'diabetes', 'iris', 'thyroid', 'banknote', 'wreath', 'chevron'];
const REL = 1e-6;

function parseCli(argv) {
  const o = { datasets: DATASETS, threads: undefined, keep: undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--datasets') o.datasets = value.split(',');
    else if (flag === '--threads') o.threads = value;
    else if (flag === '--keep') o.keep = value;
    else throw new Error(`unknown option ${flag}`);
  }
  return o;
}

function haveR() {
  return spawnSync('Rscript', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** R: the numeric columns of `name` (mclust's or base R's data) to csv, mclust's BIC table to bic. */
function runMclust(name, csv, bic) {
  const script = `
suppressMessages(library(mclust))
data(list = "${name}", package = c("mclust", "datasets"))
x <- Filter(is.numeric, as.data.frame(get("${name}")))
write.csv(x, "${csv}", row.names = FALSE)
m <- if (ncol(x) == 1) x[[1]] else as.matrix(x)
t0 <- proc.time()[["elapsed"]]
b <- mclustBIC(m, G = 1:9, verbose = FALSE)
secs <- proc.time()[["elapsed"]] - t0
out <- do.call(rbind, lapply(colnames(b), function(model)
  data.frame(model = model, k = as.integer(rownames(b)), bic = -b[, model])))
write.csv(out, "${bic}", row.names = FALSE)
cat(secs, "\\n")
`;
  const seconds = Number(
    execFileSync('Rscript', ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  const rows = readFileSync(bic, 'utf8').trim().split('\n').slice(1);
  const cells = rows.map((line) => {
    const [model, k, value] = line.split(',');
    return { model: model.replaceAll('"', ''), k: Number(k), bic: value === 'NA' ? null : Number(value) };
  });
  return { cells, seconds };
}

function runSweep(csv, models, threads) {
  const args = [cli, 'sweep', csv, '--all-numeric', '--covariance', models.join(','), '--k', '1-9',
    '--n-init', '10', '--tol', '1e-6', '--max-iter', '1000', '--json']; // prettier-ignore
  if (threads) args.push('--threads', threads);
  const started = Date.now();
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { result: JSON.parse(out), seconds: (Date.now() - started) / 1000 };
}

/** b no worse than a, smaller is better, within REL of |a|. */
const noWorse = (ours, theirs) => ours <= theirs + REL * Math.abs(theirs);

function compare(name, dir, threads) {
  const csv = path.join(dir, `${name}.csv`);
  const mclust = runMclust(name, csv, path.join(dir, `${name}-bic.csv`));
  const d = readFileSync(csv, 'utf8').split('\n')[0].split(',').length;
  const models = d === 1 ? ['E', 'V'] : MODELS;
  const ours = runSweep(csv, models, threads);
  const byCell = new Map(ours.result.results.map((c) => [`${c.covariance_type}${c.k}`, c]));
  let compared = 0;
  let worst = -Infinity;
  const failures = [];
  for (const cell of mclust.cells) {
    if (cell.bic === null || !models.includes(cell.model)) continue;
    compared++;
    const mine = byCell.get(`${cell.model}${cell.k}`);
    const bic = mine?.bic ?? null;
    const gap = bic === null ? Infinity : (bic - cell.bic) / Math.abs(cell.bic);
    worst = Math.max(worst, gap);
    if (bic === null || !noWorse(bic, cell.bic))
      failures.push(`${cell.model} K=${cell.k}: ours ${bic === null ? mine?.status : bic.toFixed(4)} vs mclust ${cell.bic.toFixed(4)}`);
  } // prettier-ignore
  const theirBest = mclust.cells.filter((c) => c.bic !== null).reduce((a, b) => (b.bic < a.bic ? b : a));
  const chosen = ours.result.best.bic;
  const ourBest = chosen && byCell.get(`${chosen.covariance_type}${chosen.k}`);
  const chosenOk = Boolean(ourBest) && noWorse(ourBest.bic, theirBest.bic);
  if (!chosenOk) failures.push(`chosen: ours ${ourBest ? ourBest.bic : 'none'} vs mclust ${theirBest.bic}`);
  const better = mclust.cells.filter((c) => {
    const mine = c.bic !== null && byCell.get(`${c.model}${c.k}`);
    return mine && mine.bic !== null && mine.bic < c.bic - REL * Math.abs(c.bic);
  }).length;
  return {
    name, d, compared, better, worst, failures,
    theirBest: `${theirBest.model},${theirBest.k} ${theirBest.bic.toFixed(3)}`,
    ourBest: ourBest ? `${ourBest.covariance_type},${ourBest.k} ${ourBest.bic.toFixed(3)}` : 'none',
    seconds: { mixlab: ours.seconds, mclust: mclust.seconds },
  }; // prettier-ignore
}

function main() {
  const o = parseCli(process.argv.slice(2));
  if (!haveR()) {
    console.log('compare-mclust: Rscript is not installed; nothing compared.');
    return;
  }
  const dir = o.keep ?? mkdtempSync(path.join(tmpdir(), 'mixlab-mclust-'));
  mkdirSync(dir, { recursive: true });
  let failed = false;
  const lines = [];
  try {
    console.log(
      'dataset    d  cells  better  worst rel gap   mclust best            ours                   mixlab s  mclust s',
    );
    for (const name of o.datasets) {
      const r = compare(name, dir, o.threads);
      const line =
        `${r.name.padEnd(9)} ${String(r.d).padStart(2)} ${String(r.compared).padStart(6)} ${String(r.better).padStart(7)}` +
        `  ${r.worst.toExponential(2).padStart(11)}   ${r.theirBest.padEnd(22)} ${r.ourBest.padEnd(22)}` +
        ` ${r.seconds.mixlab.toFixed(1).padStart(8)} ${r.seconds.mclust.toFixed(1).padStart(9)}`; // prettier-ignore
      console.log(line);
      lines.push(line);
      for (const f of r.failures) console.log(`  FAIL ${f}`);
      failed ||= r.failures.length > 0;
    }
    console.log(
      failed
        ? 'compare-mclust: some cells are worse than mclust'
        : 'compare-mclust: every cell no worse than mclust',
    );
    if (o.keep) writeFileSync(path.join(dir, 'summary.txt'), lines.join('\n') + '\n');
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main();
