// `npm run bench:lca`: seconds per latent class fit (every column categorical) of `mixlab fit`
// next to R's poLCA on the same data, when Rscript with poLCA is installed (otherwise only the
// mixlab columns are printed, with a note). Figures, not assertions; never run by the tests.
//
// Data: poLCA's own examples (carcinoma, values, gss82, and election's 12 candidate ratings with
// their missing answers kept, poLCA's na.rm = FALSE), exported to CSV at run time by
// scripts/bench_polca.R as poLCA's codes 1..L, and a generated larger dataset (seeded: --n rows ×
// 10 items of 3 or 4 levels from 5 classes) so the scaling shows. Both tools read the same CSV.
//
// Block 1, same start: both start from the same class-conditional probabilities (drawn here,
// uniform then normalised per class as poLCA draws its own) and equal class shares (poLCA's prior
// starts at 1/K): poLCA's probs.start, our --init-params {weights, categorical}. The stopping rules
// differ in scale: poLCA stops when the log-likelihood gains less than tol, mixlab when the MEAN
// log-likelihood per row does, so mixlab gets tol / n. Each side reports its iterations (poLCA
// counts updates; mixlab counts E-steps, the last one being the check that stops it), seconds and
// final log-likelihood.
//
// Block 2, best of 40 random starts: each tool with its own starts (poLCA nrep = 40: random
// probabilities, each run to convergence; mixlab --n-init 40: random probabilities and random
// two-row subsets per class, emEM — 5 × 40
// starts of 20 iterations, the best 8 run to convergence), same tol and max-iter as block 1.
//
// Seconds are each tool's own fit time: mixlab's fit_seconds (EM and starts; not the process
// start or the CSV import), poLCA's elapsed time of the poLCA() call (the CSV is read before).
// mixlab runs with --threads 1 (poLCA is single-threaded) unless --threads is given.
//
// Usage: node scripts/bench-lca.mjs [--quick] [--n 20000] [--k 3,5] [--threads N] [--no-r]
//                                   [--tol 1e-10] [--max-iter 10000]
// --quick: the generated dataset with 5 000 rows and only block 1 on it (block 2 on the
// examples only). Needs the CLI built (npm run build).
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(root, 'out/cli/mixlab.cjs');
const R_SIDE = path.join(root, 'scripts/bench_polca.R');
const RESTARTS = 40;
const USAGE =
  'usage: node scripts/bench-lca.mjs [--quick] [--n 20000] [--k 3,5] [--threads N] [--no-r] [--tol 1e-10] [--max-iter 10000]';

/** The poLCA examples are fitted at these K (their documented models, and one more). */
const EXAMPLE_K = { carcinoma: [2, 3], values: [2, 3], gss82: [3, 4], election: [3, 4] };

function parseCli(argv) {
  const o = { n: 20_000, k: [3, 5], threads: 1, r: true, tol: 1e-10, maxIter: 10_000, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') Object.assign(o, { quick: true, n: 5_000 });
    else if (a === '--no-r') o.r = false;
    else if (a === '--k' && i + 1 < argv.length) o.k = argv[++i].split(',').map(Number);
    else if (a === '--max-iter' && i + 1 < argv.length) o.maxIter = Number(argv[++i]);
    else if (['--n', '--threads', '--tol'].includes(a) && i + 1 < argv.length)
      o[a.slice(2)] = Number(argv[++i]);
    else {
      console.error(`bench-lca: unknown argument ${a}\n${USAGE}`);
      process.exit(2);
    }
  }
  return o;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, PractRand-tested): uniform in (0, 1). */
function sfc32(seed) {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next();
  return () => (next() + 0.5) / 4294967296;
}

/**
 * n rows × 10 items (levels 3, 4, 3, 4, …, coded 1..L) from a 5-class latent class model: class
 * shares 0.3, 0.25, 0.2, 0.15, 0.1; each class's item probabilities are uniform draws sharpened
 * (cubed) and normalised, so classes differ but overlap. Written as a CSV with a header I1..I10.
 */
function generateLca(file, n, seed) {
  const u = sfc32(seed);
  const shares = [0.3, 0.25, 0.2, 0.15, 0.1];
  const levels = Array.from({ length: 10 }, (_, j) => 3 + (j % 2));
  const probs = shares.map(() =>
    levels.map((L) => {
      const p = Array.from({ length: L }, () => u() ** 3);
      const s = p.reduce((x, y) => x + y, 0);
      return p.map((x) => x / s);
    }),
  );
  const draw = (p) => {
    let r = u();
    for (let l = 0; l < p.length - 1; l++) if ((r -= p[l]) < 0) return l;
    return p.length - 1;
  };
  const lines = [levels.map((_, j) => `I${j + 1}`).join(',')];
  for (let i = 0; i < n; i++) {
    const k = draw(shares);
    lines.push(probs[k].map((p) => draw(p) + 1).join(','));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return { name: `generated ${n}`, file, items: lines[0].split(','), na_rm: true };
}

/** Each item's levels (codes 1..L, L its largest code) and the number of rows with any answer. */
function readCodes(file, items) {
  const text = readFileSync(file, 'utf8');
  const rows = text.trim().split('\n').slice(1);
  const header = text.slice(0, text.indexOf('\n')).replace(/"/g, '').split(',');
  const cols = items.map((it) => header.indexOf(it));
  const levels = items.map(() => 0);
  let n = 0;
  for (const row of rows) {
    const cells = row.split(',');
    let any = false;
    cols.forEach((c, j) => {
      if (cells[c] === '') return;
      any = true;
      levels[j] = Math.max(levels[j], Number(cells[c]));
    });
    if (any) n++;
  }
  return { levels, n };
}

/** K × L_j starting probabilities per item, as poLCA draws them: uniform, normalised per class. */
function startProbabilities(levels, K, seed) {
  const u = sfc32(seed);
  return levels.map((L) =>
    Array.from({ length: K }, () => {
      const p = Array.from({ length: L }, () => u());
      const s = p.reduce((x, y) => x + y, 0);
      return p.map((x) => x / s);
    }),
  );
}

function runMixlab(data, K, extra, threads) {
  const args = [
    CLI,
    'fit',
    data.file,
    '--columns',
    data.items.join(','),
    '--categorical',
    data.items.join(','),
    '--covariance',
    'diag',
    '--k',
    String(K),
    '--threads',
    String(threads),
    '--json',
    ...extra,
  ];
  const res = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (res.status !== 0) return { error: res.stderr.trim().split('\n').pop() };
  const out = JSON.parse(res.stdout);
  return { seconds: out.fit_seconds, logLikelihood: out.log_likelihood, nIter: out.n_iter, n: out.n };
}

function runPolca(dir, job) {
  const jobFile = path.join(dir, 'polca-job.json');
  writeFileSync(jobFile, JSON.stringify(job));
  const res = spawnSync('Rscript', [R_SIDE, 'fit', jobFile], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (res.status !== 0) return { error: res.stderr.trim().split('\n').pop() };
  const out = JSON.parse(res.stdout.trim().split('\n').pop());
  const attempts = [out.attempts].flat();
  const reached = attempts.filter((a) => out.log_likelihood - a < 1e-6 * Math.abs(out.log_likelihood)).length;
  return { seconds: out.seconds, logLikelihood: out.log_likelihood, nIter: out.n_iter, n: out.n, reached };
}

function hasPolca() {
  return spawnSync('Rscript', ['-e', 'library(poLCA); library(jsonlite)'], { stdio: 'ignore' }).status === 0;
}

const fmtS = (s) => (s === undefined ? '—' : s < 10 ? s.toFixed(3) : s.toFixed(1));
const fmtLl = (x) => (x === undefined ? '—' : x.toFixed(4));
const ratio = (a, b) => (a === undefined || b === undefined || !(b > 0) ? '—' : (a / b).toFixed(2) + '×');
const diff = (a, b) => (a === undefined || b === undefined ? '—' : (a - b).toExponential(1));

function table(header, widths) {
  const line = (cells) => console.log(cells.map((c, i) => String(c ?? '—').padStart(widths[i])).join(' '));
  line(header);
  return line;
}

async function main() {
  const o = parseCli(process.argv.slice(2));
  if (!existsSync(CLI)) {
    console.error(`bench-lca: ${CLI} was not built (npm run build)`);
    process.exit(2);
  }
  const polca = o.r && hasPolca();
  const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-bench-lca-'));
  const busy = () => `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
  console.log('mixlab vs poLCA: latent class fits (every column categorical), seconds per fit.');
  console.log(
    `mixlab --threads ${o.threads}; poLCA: ${polca ? 'yes' : o.r ? 'not run (Rscript with poLCA and jsonlite not found)' : 'not run (--no-r)'}. ` +
      `Stopping rule: poLCA tol ${o.tol} on the log-likelihood, mixlab --tol ${o.tol}/n on the mean log-likelihood; max-iter ${o.maxIter} for both.`,
  );
  console.log(
    `${busy()} at start${loadavg()[0] > 0.5 ? ' (other work is running: figures will be noisy)' : ''}.\n`,
  );
  try {
    const datasets = [];
    if (polca) {
      const res = spawnSync('Rscript', [R_SIDE, 'export', dir], { encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`bench_polca.R export failed: ${res.stderr}`);
      for (const d of JSON.parse(res.stdout.trim().split('\n').pop()))
        datasets.push({ ...d, ...readCodes(d.file, d.items), ks: EXAMPLE_K[d.name], block2: true });
    } else
      console.log("poLCA's example datasets come from R: without R only the generated data are fitted.\n");
    const gen = generateLca(path.join(dir, 'generated.csv'), o.n, 20240601);
    datasets.push({ ...gen, ...readCodes(gen.file, gen.items), ks: o.k, block2: !o.quick });

    console.log('Block 1 — same start (equal shares, the same random item probabilities):');
    const w1 = [16, 6, 3, 8, 9, 13, 8, 9, 13, 8, 10];
    const row1 = table(
      [
        'dataset',
        'n',
        'K',
        'mx iter',
        'mx s',
        'mx loglik',
        'pl iter',
        'pl s',
        'pl loglik',
        'mx/pl',
        'mx−pl ll',
      ],
      w1,
    );
    for (const data of datasets) {
      for (const K of data.ks) {
        const probs = startProbabilities(data.levels, K, 1000 * K + data.items.length);
        const init = {
          weights: new Array(K).fill(1 / K),
          categorical: Object.fromEntries(
            data.items.map((it, j) => [
              it,
              { levels: probs[j][0].map((_, l) => String(l + 1)), probabilities: probs[j] },
            ]),
          ),
        };
        const initFile = path.join(dir, 'init.json');
        writeFileSync(initFile, JSON.stringify(init));
        const stop = ['--tol', String(o.tol / data.n), '--max-iter', String(o.maxIter)];
        const ours = runMixlab(data, K, ['--init-params', initFile, ...stop], o.threads);
        const theirs = polca ? runPolca(dir, { ...job(data, K, o), nrep: 1, probs_start: probs }) : undefined;
        for (const r of [ours, theirs]) if (r?.error) console.error(`  ${data.name} K=${K}: ${r.error}`);
        row1([
          data.name,
          data.n,
          K,
          ours.nIter,
          fmtS(ours.seconds),
          fmtLl(ours.logLikelihood),
          theirs?.nIter,
          fmtS(theirs?.seconds),
          fmtLl(theirs?.logLikelihood),
          ratio(ours.seconds, theirs?.seconds),
          diff(ours.logLikelihood, theirs?.logLikelihood),
        ]);
      }
    }

    console.log(
      `\nBlock 2 — best of ${RESTARTS} random starts, each tool's own (poLCA nrep, mixlab --n-init):`,
    );
    const w2 = [16, 6, 3, 9, 13, 9, 13, 7, 8, 10];
    const row2 = table(
      ['dataset', 'n', 'K', 'mx s', 'mx best ll', 'pl s', 'pl best ll', 'pl hits', 'mx/pl', 'mx−pl ll'],
      w2,
    );
    for (const data of datasets.filter((d) => d.block2)) {
      for (const K of data.ks) {
        const stop = ['--tol', String(o.tol / data.n), '--max-iter', String(o.maxIter)];
        const ours = runMixlab(data, K, ['--n-init', String(RESTARTS), '--seed', '0', ...stop], o.threads);
        const theirs = polca ? runPolca(dir, { ...job(data, K, o), nrep: RESTARTS }) : undefined;
        for (const r of [ours, theirs]) if (r?.error) console.error(`  ${data.name} K=${K}: ${r.error}`);
        row2([
          data.name,
          data.n,
          K,
          fmtS(ours.seconds),
          fmtLl(ours.logLikelihood),
          fmtS(theirs?.seconds),
          fmtLl(theirs?.logLikelihood),
          theirs ? `${theirs.reached}/${RESTARTS}` : '—',
          ratio(ours.seconds, theirs?.seconds),
          diff(ours.logLikelihood, theirs?.logLikelihood),
        ]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    '\nmx = mixlab, pl = poLCA; s = seconds of the fit; mx/pl = time ratio (below 1: mixlab faster);',
  );
  console.log(
    'mx−pl ll = log-likelihood difference (positive: mixlab higher); pl hits = poLCA starts that reached',
  );
  console.log(
    'its best log-likelihood (within 1e-6 relative). mixlab iterations count E-steps (one more than',
  );
  console.log("poLCA's count of updates for the same path).");
  console.log(`${busy()} at the end.`);
}

/** The poLCA job common to both blocks. */
function job(data, K, o) {
  return { file: data.file, items: data.items, k: K, na_rm: data.na_rm, tol: o.tol, maxiter: o.maxIter };
}

await main();
