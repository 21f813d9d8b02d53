// `npm run bench:engine`: seconds per EM iteration of the engine (1 thread and all threads) on
// generated Gaussian mixtures, next to scikit-learn's GaussianMixture on the same data and start
// (OMP_NUM_THREADS=1 and unrestricted) when /usr/bin/python3 has scikit-learn. Figures, not
// assertions: the engine's speed targets are ≤ 0.5× scikit-learn's single-threaded time with
// 1 thread and ≤ 0.3× with all threads, for d ≤ 10.
//
// Every run does exactly ITERS iterations: explicit start (weights 1/K, means = K data rows,
// precisions = diag(1/variance of each column)), tol 0. Seconds per iteration = EM seconds / ITERS
// (the engine's own `seconds`, scikit-learn's timed warm-start fit; both include the final E-step).
//
// Usage: node scripts/bench-engine.mjs [--quick] [--n 1e5,1e6] [--d 2,5,10] [--k 3,8]
//                                      [--cov full,diag] [--threads N] [--repeat R] [--no-sklearn] [--js]
// --repeat R reports the fastest of R runs on each side (use it on a busy machine).
// Then the missing-data case: 10 % of the cells of a 1e6 × 10, K = 3 mixture missing at random
// (full and diag), fitted with every row kept (the marginal over each row's observed cells, rows
// grouped by missingness pattern), next to the same data complete; --missing-only runs just it,
// --no-missing skips it, --missing-n N changes its rows.
// --js runs the plain JavaScript loops (the SIMD kernels' reference and fallback, same bits)
// instead of the WebAssembly SIMD kernels; the 'kernels' column says which ran (simd or javascript).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ITERS = 20;
const PYTHON = '/usr/bin/python3';

function parseCli(argv) {
  const o = {
    n: [1e5, 1e6],
    d: [2, 5, 10],
    k: [3, 8],
    cov: ['full', 'diag'],
    threads: availableParallelism(),
    repeat: 1,
    sklearn: true,
    wasm: true,
    missing: true,
    missingOnly: false,
    missingN: 1e6,
  };
  const list = (text, num = true) => text.split(',').map((s) => (num ? Number(s) : s.trim()));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') Object.assign(o, { n: [1e5], d: [2, 5], k: [3], cov: ['full', 'diag'] });
    else if (a === '--no-sklearn') o.sklearn = false;
    else if (a === '--js') o.wasm = false;
    else if (a === '--no-missing') o.missing = false;
    else if (a === '--missing-only') o.missingOnly = true;
    else if (a === '--missing-n' && i + 1 < argv.length) o.missingN = Number(argv[++i]);
    else if (['--n', '--d', '--k', '--cov', '--threads', '--repeat'].includes(a) && i + 1 < argv.length) {
      const key = a.slice(2);
      o[key] = key === 'threads' || key === 'repeat' ? Number(argv[++i]) : list(argv[++i], key !== 'cov');
    } else {
      console.error(
        `bench-engine: unknown argument ${a}\nusage: node scripts/bench-engine.mjs [--quick] [--n 1e5,1e6] [--d 2,5,10] [--k 3,8] [--cov full,diag] [--threads N] [--repeat R] [--no-sklearn] [--js] [--missing-only | --no-missing] [--missing-n N]`,
      );
      process.exit(2);
    }
  }
  return o;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, PractRand-tested): 32-bit state words. */
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
  return () => (next() + 0.5) / 4294967296; // uniform in (0, 1)
}

/**
 * n rows of a K-component mixture in d dimensions, row-major: component means uniform in [-4, 4]^d,
 * covariance L·Lᵀ with L lower triangular (diagonal in [0.5, 1.5], below it in [-0.3, 0.3]).
 * Normals by Box–Muller, both outputs used.
 */
function generateMixture(n, d, K, seed) {
  const u = sfc32(seed);
  const means = Array.from({ length: K }, () => Array.from({ length: d }, () => 8 * u() - 4));
  const chol = Array.from({ length: K }, () => {
    const L = new Float64Array(d * d);
    for (let r = 0; r < d; r++)
      for (let c = 0; c <= r; c++) L[r * d + c] = r === c ? 0.5 + u() : 0.6 * u() - 0.3;
    return L;
  });
  const X = new Float64Array(n * d);
  const z = new Float64Array(d + 1);
  for (let i = 0; i < n; i++) {
    const k = Math.min(K - 1, Math.floor(u() * K));
    for (let j = 0; j < d; j += 2) {
      const r = Math.sqrt(-2 * Math.log(u()));
      const t = 2 * Math.PI * u();
      z[j] = r * Math.cos(t);
      z[j + 1] = r * Math.sin(t);
    }
    const L = chol[k];
    const m = means[k];
    for (let r = 0; r < d; r++) {
      let s = m[r];
      for (let c = 0; c <= r; c++) s += L[r * d + c] * z[c];
      X[i * d + r] = s;
    }
  }
  return X;
}

/** The explicit start, shaped as scikit-learn's weights_init / means_init / precisions_init. */
function explicitStart(X, n, d, K, cov) {
  const mean = new Float64Array(d);
  const variance = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) variance[j] += (X[i * d + j] - mean[j]) ** 2;
  const precisionDiag = Array.from(variance, (v) => n / v);
  const weights = new Array(K).fill(1 / K);
  const means = Array.from({ length: K }, (_, k) => {
    const row = Math.floor(((k + 0.5) * n) / K);
    return Array.from(X.subarray(row * d, row * d + d));
  });
  const fullPrecision = () =>
    Array.from({ length: d }, (_, r) =>
      Array.from({ length: d }, (_, c) => (r === c ? precisionDiag[r] : 0)),
    );
  const precisions =
    cov === 'full'
      ? Array.from({ length: K }, fullPrecision)
      : Array.from({ length: K }, () => [...precisionDiag]);
  return { weights, means, precisions };
}

/**
 * Bundles runFit and the EM worker from the current sources into `dir` and loads runFit, bound to
 * that worker. A private pair, not out/engine: a rebuild of out/ by someone else mid-run would
 * otherwise pair this runFit with a worker of another version.
 */
async function loadRunFit(dir) {
  const bundle = (src, out) =>
    build({
      entryPoints: [path.join(root, src)],
      outfile: path.join(dir, out),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'warning',
    });
  await Promise.all([
    bundle('electron/engine/runFit.ts', 'runFit.cjs'),
    bundle('electron/engine/emWorker.ts', 'worker.cjs'),
    bundle('shared/engine/families/rows.ts', 'rows.cjs'),
  ]);
  const require = createRequire(import.meta.url);
  const { runFit, runMixtureFit } = require(path.join(dir, 'runFit.cjs'));
  const { createMixedRows } = require(path.join(dir, 'rows.cjs'));
  const workerPath = path.join(dir, 'worker.cjs');
  const fit = (X, n, d, options, runtime) => runFit(X, n, d, options, { ...runtime, workerPath });
  fit.mixed = (rows, options, runtime) => runMixtureFit(rows, options, { ...runtime, workerPath });
  fit.createMixedRows = createMixedRows;
  return fit;
}

function hasSklearn() {
  return spawnSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
}

function runSklearn(dataFile, initFile, n, d, cov, threads, repeat) {
  const env = { ...process.env };
  for (const v of ['OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS']) {
    if (threads === 1) env[v] = '1';
    else delete env[v];
  }
  const args = [
    path.join(root, 'scripts/bench_sklearn.py'),
    '--data',
    dataFile,
    '--init',
    initFile,
    '--n',
    String(n),
    '--d',
    String(d),
    '--covariance',
    cov,
    '--iters',
    String(ITERS),
    '--repeat',
    String(repeat),
  ];
  const res = spawnSync(PYTHON, args, { env, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (res.status !== 0) return { error: res.stderr.trim().split('\n').pop() };
  return JSON.parse(res.stdout.trim().split('\n').pop());
}

/**
 * The engine's fastest of `repeat` runs: seconds per iteration (its own EM `seconds`, so the
 * one-off bundle load is not counted) and the final lower bound; an engine error is shown, not thrown.
 */
async function timeEngine(runFit, X, n, d, options, threads, repeat, wasmKernels) {
  let best;
  let kernels = '?';
  for (let r = 0; r < repeat; r++) {
    let result;
    try {
      result = await runFit(X, n, d, options, {
        threads,
        wasm: wasmKernels,
        onKernels: (k) => (kernels = k),
      });
    } catch (err) {
      console.error(`engine failed (${threads} threads): ${err.code ?? ''} ${err.message}`);
      return { error: err.code ?? 'error' };
    }
    if (result.nIter !== ITERS) throw new Error(`engine ran ${result.nIter} iterations, expected ${ITERS}`);
    const perIter = result.seconds / ITERS;
    if (!best || perIter < best.perIter) best = { perIter, lowerBound: result.lowerBound, kernels };
  }
  return best;
}

const fmt = (x, digits = 4) => (x === undefined ? '—' : x < 0.01 ? x.toExponential(2) : x.toFixed(digits));
const ratio = (a, b) => (a === undefined || b === undefined ? '—' : (a / b).toFixed(2) + '×');

async function main() {
  const o = parseCli(process.argv.slice(2));
  const sklearn = o.sklearn && hasSklearn();
  const all = o.threads;
  const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-bench-'));
  const runFit = await loadRunFit(dir);
  console.log(
    `mixlab engine benchmark: ${ITERS} EM iterations from an explicit start, tol 0; seconds per iteration.`,
  );
  console.log(
    `threads: 1 and ${all}; scikit-learn: ${sklearn ? 'yes (OMP_NUM_THREADS=1 and unrestricted)' : 'not run'}. Targets: 1T ≤ 0.5×, ${all}T ≤ 0.3× scikit-learn 1T.\n`,
  );
  // Timings of a shared machine mean little: say how busy it was.
  const busy = () => `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
  console.log(
    `${busy()} at start${loadavg()[0] > 0.5 ? ' (other work is running: figures will be noisy; try --repeat 3)' : ''}.\n`,
  );
  const header = [
    'n',
    'd',
    'K',
    'cov',
    'mixlab 1T',
    `mixlab ${all}T`,
    'sklearn 1T',
    'sklearn all',
    '1T/sk1T',
    `${all}T/sk1T`,
    'Δ lower bound',
    'gen s',
    'kernels',
  ];
  const widths = [7, 3, 3, 5, 10, 10, 10, 11, 8, 8, 13, 6, 10];
  const line = (cells) => console.log(cells.map((c, i) => String(c).padStart(widths[i])).join(' '));
  if (!o.missingOnly) line(header);
  try {
    for (const n of o.missingOnly ? [] : o.n) {
      for (const d of o.d) {
        for (const K of o.k) {
          const t0 = performance.now();
          const X = generateMixture(n, d, K, 1000 * d + K);
          const dataFile = path.join(dir, `x_${n}_${d}_${K}.f64`);
          if (sklearn) writeFileSync(dataFile, new Uint8Array(X.buffer, X.byteOffset, X.byteLength));
          const genSeconds = (performance.now() - t0) / 1000;
          for (const cov of o.cov) {
            const init = explicitStart(X, n, d, K, cov);
            const options = {
              nComponents: K,
              covarianceType: cov,
              init: 'kmeans',
              initParams: init,
              nInit: 1,
              seed: 0,
              maxIter: ITERS,
              tol: 0,
              regCovar: 1e-6,
            };
            const ours = {};
            for (const threads of [1, all])
              ours[threads] = await timeEngine(runFit, X, n, d, options, threads, o.repeat, o.wasm);
            let sk1, skAll;
            if (sklearn) {
              const initFile = path.join(dir, `init_${n}_${d}_${K}_${cov}.json`);
              writeFileSync(initFile, JSON.stringify(init));
              sk1 = runSklearn(dataFile, initFile, n, d, cov, 1, o.repeat);
              skAll = runSklearn(dataFile, initFile, n, d, cov, all, o.repeat);
              if (sk1.error || skAll.error) console.error(`scikit-learn failed: ${sk1.error ?? skAll.error}`);
            }
            const sk1Iter = sk1?.seconds === undefined ? undefined : sk1.seconds / ITERS;
            const dLb =
              sk1?.lower_bound !== undefined && ours[1].lowerBound !== undefined
                ? Math.abs(ours[1].lowerBound - sk1.lower_bound) / Math.abs(sk1.lower_bound)
                : undefined;
            line([
              n.toExponential(0),
              d,
              K,
              cov,
              fmt(ours[1].perIter),
              fmt(ours[all].perIter),
              fmt(sk1Iter),
              fmt(skAll?.seconds === undefined ? undefined : skAll.seconds / ITERS),
              ratio(ours[1].perIter, sk1Iter),
              ratio(ours[all].perIter, sk1Iter),
              dLb === undefined ? '—' : dLb.toExponential(1),
              genSeconds.toFixed(2),
              ours[1].kernels ?? '—',
            ]);
          }
          rmSync(dataFile, { force: true });
        }
      }
    }
    if (o.missing) await missingCase(runFit, o, all);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!o.missingOnly) {
    console.log(
      `\nΔ lower bound: relative difference of the final lower bound, engine (1 thread) vs scikit-learn 1T (same start, same ${ITERS} iterations).`,
    );
    console.log('gen s: data generation and file writing for the case (not part of any timing).');
  }
  console.log(`${busy()} at the end.`);
}

/**
 * The missing-data case: the same mixture with 10 % of its cells missing at random (each cell
 * independently, seeded), every row kept, next to the complete data on the same start (weights
 * 1/K, means = K rows of the complete data, covariances = the columns' variances).
 */
async function missingCase(runFit, o, all) {
  const [n, d, K, share] = [o.missingN, 10, 3, 0.1];
  const X = generateMixture(n, d, K, 1000 * d + K);
  const u = sfc32(7);
  const holed = Float64Array.from(X, (x) => (u() < share ? NaN : x));
  let cells = 0;
  for (const x of holed) if (x !== x) cells++;
  console.log(
    `\nMissing cells: ${n.toExponential(0)} × ${d}, K = ${K}, ${((100 * cells) / (n * d)).toFixed(1)} % of the cells missing at random, every row kept; ${ITERS} iterations, seconds per iteration.`,
  );
  const widths = [5, 12, 12, 12, 12, 9, 9, 10];
  const line = (cells) => console.log(cells.map((c, i) => String(c).padStart(widths[i])).join(' '));
  line([
    'cov',
    'missing 1T',
    `missing ${all}T`,
    'complete 1T',
    `complete ${all}T`,
    'ratio 1T',
    `ratio ${all}T`,
    'patterns',
  ]);
  for (const cov of ['full', 'diag']) {
    const start = explicitStart(X, n, d, K, cov);
    const variance = start.precisions.map((p) =>
      cov === 'full' ? p.map((row, r) => row.map((v, c) => (r === c ? 1 / v : 0))) : p.map((v) => 1 / v),
    );
    const init = {
      weights: Float64Array.from(start.weights),
      means: Float64Array.from(start.means.flat()),
      covariances: Float64Array.from(variance.flat(2)),
    };
    const options = {
      nComponents: K,
      covarianceType: cov,
      init: 'kmeans',
      nInit: 1,
      seed: 0,
      maxIter: ITERS,
      tol: 0,
      regCovar: 1e-6,
    };
    const rows = runFit.createMixedRows({ nSamples: n, X: holed, d, patternsFor: 'dense' });
    const missing = {};
    const complete = {};
    for (const threads of [1, all]) {
      let best;
      for (let r = 0; r < o.repeat; r++) {
        const result = await runFit.mixed(rows, { ...options, initParams: init }, { threads, wasm: o.wasm });
        if (result.nIter !== ITERS)
          throw new Error(`missing-data fit ran ${result.nIter} iterations, expected ${ITERS}`);
        best = Math.min(best ?? Infinity, result.seconds / ITERS);
      }
      missing[threads] = best;
      complete[threads] = (
        await timeEngine(runFit, X, n, d, { ...options, initParams: start }, threads, o.repeat, o.wasm)
      ).perIter;
    }
    line([
      cov,
      fmt(missing[1]),
      fmt(missing[all]),
      fmt(complete[1]),
      fmt(complete[all]),
      ratio(missing[1], complete[1]),
      ratio(missing[all], complete[all]),
      rows.patterns.length / d,
    ]);
  }
  console.log(
    'ratio: seconds per iteration with the missing cells over the same data complete (same start).',
  );
}

await main();
// The engine's worker pool may keep the event loop alive.
process.exit(0);
