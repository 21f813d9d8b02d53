// `npm run bench:sweep`: wall time of a model-selection sweep on a generated 200k-row dataset with
// 1 worker thread and with 2, and their ratio (the sweep's target: 2 threads ≤ 0.6 × 1 thread). Figures,
// not assertions. The sweep is the engine's own (electron/engine/sweep/runSweep.ts, bundled here with
// esbuild) running on out/engine/sweepWorker.cjs, with the app's defaults (k-means init, n_init 1,
// max_iter 100, tol 1e-3, reg_covar 1e-6, neighbour refinement on).
//
// Usage: node scripts/bench-sweep.mjs [--n 200000] [--d 4] [--k 1-6] [--cov full,tied,diag,spherical]
//                                     [--threads 1,2] [--repeat R] [--no-refine]
// --repeat R reports the fastest of R runs per thread count (use it on a busy machine).
// Then a second case: mclust's fourteen models × K 1..9 on --mclust-n rows (default 2000) of the same
// generator, on the largest thread count, and — when R with mclust is installed — mclust's own time
// for mclustBIC(x, G = 1:9) on the same rows (one core; hierarchical start, all fourteen models).
// --mclust-n 0 skips that case.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: node scripts/bench-sweep.mjs [--n 200000] [--d 4] [--k 1-6] [--cov full,tied,diag,spherical] [--threads 1,2] [--repeat R] [--no-refine] [--mclust-n 2000]';

function parseCli(argv) {
  const o = {
    n: 200_000,
    d: 4,
    k: '1-6',
    cov: 'full,tied,diag,spherical',
    threads: '1,2',
    repeat: 1,
    refine: true,
    'mclust-n': 2000,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-refine') o.refine = false;
    else if (
      ['--n', '--d', '--k', '--cov', '--threads', '--repeat', '--mclust-n'].includes(a) &&
      i + 1 < argv.length
    )
      o[a.slice(2)] = argv[++i];
    else {
      console.error(`bench-sweep: unknown argument ${a}\n${USAGE}`);
      process.exit(2);
    }
  }
  const [from, to = from] = String(o.k).split('-').map(Number);
  return {
    n: Number(o.n),
    d: Number(o.d),
    ks: Array.from({ length: to - from + 1 }, (_, i) => from + i),
    covarianceTypes: String(o.cov).split(','),
    threads: String(o.threads).split(',').map(Number),
    repeat: Number(o.repeat),
    refine: o.refine,
    mclustN: Number(o['mclust-n']),
  };
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG): uniform doubles in [0, 1). */
function sfc32(seed) {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/**
 * n rows of a 4-component mixture in d dimensions (well separated, correlated components), in a
 * SharedArrayBuffer as the engine's sweep handler builds it. Box–Muller normals.
 */
function generate(n, d, seed = 20261122) {
  const random = sfc32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: 4 }, (_, k) =>
    Array.from({ length: d }, (_, j) => ((k * 7 + j * 3) % 5) * 3),
  );
  const X = new Float64Array(new SharedArrayBuffer(n * d * 8));
  for (let i = 0; i < n; i++) {
    const k = Math.floor(random() * 4);
    let shared = normal();
    for (let j = 0; j < d; j++)
      X[i * d + j] = centres[k][j] + (0.5 + 0.2 * k) * (0.6 * shared + 0.8 * normal());
  }
  return X;
}

const MCLUST_MODELS = 'EII,VII,EEI,VEI,EVI,VVI,EEE,VEE,EVE,VVE,EEV,VEV,EVV,VVV'.split(',');

/** The fourteen-model case: our sweep, then mclust's when Rscript is there. */
async function benchFourteen(runSweep, o, options, dir) {
  const n = o.mclustN;
  const X = generate(n, o.d);
  const threads = Math.max(...o.threads);
  const ks = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const started = performance.now();
  const run = await runSweep(
    X,
    n,
    o.d,
    { ks, covarianceTypes: MCLUST_MODELS, options, refine: o.refine },
    {
      threads,
      workerPath,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `bench:sweep  mclust's 14 models × K 1..9 (${run.cells.length} cells), n=${n} d=${o.d}: ` +
      `${seconds.toFixed(2)} s wall on ${threads} thread(s)`,
  );
  if (spawnSync('Rscript', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.log('  mclust: Rscript not found, not timed');
    return;
  }
  const csv = path.join(dir, 'fourteen.csv');
  const lines = [];
  for (let i = 0; i < n; i++) lines.push(Array.from(X.subarray(i * o.d, (i + 1) * o.d)).join(','));
  writeFileSync(csv, lines.join('\n') + '\n');
  const script =
    'suppressMessages(library(mclust)); x <- as.matrix(read.csv(commandArgs(TRUE)[1], header = FALSE)); ' +
    't0 <- proc.time()[["elapsed"]]; b <- mclustBIC(x, G = 1:9, verbose = FALSE); ' +
    'cat(proc.time()[["elapsed"]] - t0, "\\n")';
  const r = spawnSync('Rscript', ['-e', script, csv], { encoding: 'utf8' });
  if (r.status !== 0) console.log(`  mclust: failed (${(r.stderr || '').trim().split('\n').at(-1)})`);
  else console.log(`  mclust 6 mclustBIC, same rows: ${Number(r.stdout).toFixed(2)} s (one core)`);
}

async function bundleRunSweep(dir) {
  const outfile = path.join(dir, 'runSweep.cjs');
  await build({
    entryPoints: [path.join(root, 'electron/engine/sweep/runSweep.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

const o = parseCli(process.argv.slice(2));
const workerPath = path.join(root, 'out/engine/sweepWorker.cjs');
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--node-only'], { stdio: 'ignore' });
if (!existsSync(workerPath)) throw new Error(`bench-sweep: ${workerPath} was not built`);
const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-bench-sweep-'));
try {
  const { runSweep } = await bundleRunSweep(dir);
  const X = generate(o.n, o.d);
  const options = { init: 'kmeans', nInit: 1, seed: 0, maxIter: 100, tol: 1e-3, regCovar: 1e-6 };
  const grid = { ks: o.ks, covarianceTypes: o.covarianceTypes, options, refine: o.refine };
  console.log(
    `bench:sweep  n=${o.n} d=${o.d} K=${o.ks[0]}..${o.ks.at(-1)} × ${o.covarianceTypes.join(',')} ` +
      `(${o.ks.length * o.covarianceTypes.length} cells), refine ${o.refine ? 'on' : 'off'}, ` +
      `cores ${availableParallelism()}, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const wall = {};
  let reference = null;
  for (const threads of o.threads) {
    let best = null;
    for (let r = 0; r < o.repeat; r++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const run = await runSweep(X, o.n, o.d, grid, { threads, workerPath });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      // Busy share of the pool: Σ task wall time / (threads × sweep wall time). Near 1 means the
      // queue kept every thread working; on a machine busy with other work, wall time and the
      // ratio below mostly measure the other work, and this figure and the CPU seconds do not.
      const busy = run.cells.reduce((s, c) => s + c.seconds, 0) / (run.threads * seconds);
      const line = { seconds, cpu: (used.user + used.system) / 1e6, busy };
      if (best === null || seconds < best.seconds) best = line;
      const summary = run.cells.map((c) => `${c.status}:${c.bic}`).join('|');
      if (reference === null) reference = summary;
      else if (summary !== reference) console.log('  WARNING: cells differ between thread counts');
    }
    wall[threads] = best.seconds;
    console.log(
      `  threads ${String(threads).padStart(2)}: ${best.seconds.toFixed(2)} s wall, ` +
        `${best.cpu.toFixed(2)} s CPU, pool busy ${(100 * best.busy).toFixed(0)} %`,
    );
  }
  const [one, two] = o.threads;
  if (wall[one] && wall[two])
    console.log(
      `  ratio ${two}/${one} threads: ${(wall[two] / wall[one]).toFixed(3)} (target ≤ 0.6 for 2/1)`,
    );
  if (o.mclustN > 0) await benchFourteen(runSweep, o, options, dir);
  console.log(
    `  load after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
