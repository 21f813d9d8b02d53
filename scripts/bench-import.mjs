// `npm run bench:import`: import speed and peak memory of the real import code (electron/engine/
// import, bundled here with esbuild) on a generated numeric CSV — 5 000 000 rows × 6 columns,
// ~300 MB, in os.tmpdir(), generated once and reused. Figures, not assertions: the targets (issue 4)
// are ≥ 60 MB/s on the 2-core reference machine and peak memory < 2× the numeric arrays
// (rows × columns × 8 bytes).
//
// Memory is sampled at every progress report (once per 1 MiB chunk): RSS, and heap used + external
// + array buffers (what V8 holds for us; RSS also counts the Node binary and freed-but-kept pages).
//
// Usage: node scripts/bench-import.mjs [--rows N] [--file path.csv] [--runs R]
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COLUMNS = 6;

function parseCli(argv) {
  const o = { rows: 5_000_000, file: null, runs: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rows' && i + 1 < argv.length) o.rows = Number(argv[++i]);
    else if (a === '--file' && i + 1 < argv.length) o.file = argv[++i];
    else if (a === '--runs' && i + 1 < argv.length) o.runs = Number(argv[++i]);
    else {
      console.error(
        `bench-import: unknown argument ${a}\nusage: node scripts/bench-import.mjs [--rows N] [--file path.csv] [--runs R]`,
      );
      process.exit(2);
    }
  }
  return o;
}

/** mulberry32: a tiny seeded PRNG, so the generated file is the same on every machine. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Columns like a measurement export: an id, integers, and floats with 2-6 decimals, some negative. */
async function generate(file, rows) {
  const rand = mulberry32(20261122);
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? null : new Promise((resolve) => out.once('drain', resolve)));
  await write('id,group,x1,x2,x3,x4\n');
  let buf = '';
  for (let r = 1; r <= rows; r++) {
    buf += `${r},${Math.floor(rand() * 8)},${(rand() * 2000 - 1000).toFixed(6)},${(rand() * 5e4).toFixed(4)},${(rand() * 2 - 1).toFixed(8)},${(rand() * 1e5).toFixed(3)}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
}

async function loadImporter() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-bench-import-'));
  const outfile = path.join(dir, 'importFile.cjs');
  await build({
    entryPoints: [path.join(root, 'electron/engine/import/importFile.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  const mod = createRequire(import.meta.url)(outfile);
  rmSync(dir, { recursive: true, force: true });
  return mod.importFile;
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);

/**
 * The floor under any import on this machine right now: stream the file, decode it and touch every
 * character once. Printed next to the import so a loaded machine (other jobs on the 2 cores) is
 * visible in the figures.
 */
async function bareReadMBps(file, size) {
  const { createReadStream } = await import('node:fs');
  const decoder = new TextDecoder('utf-8');
  const t = performance.now();
  let sum = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = decoder.decode(chunk, { stream: true });
    for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  }
  const seconds = (performance.now() - t) / 1000;
  return { mbps: size / 1e6 / seconds, sum };
}

async function main() {
  const o = parseCli(process.argv.slice(2));
  const file = o.file ?? path.join(tmpdir(), `mixlab-bench-import-${o.rows}x${COLUMNS}.csv`);
  if (!existsSync(file)) {
    process.stdout.write(`generating ${file} (${o.rows} rows × ${COLUMNS} columns) … `);
    const t = performance.now();
    await generate(file + '.part', o.rows);
    (await import('node:fs')).renameSync(file + '.part', file);
    console.log(`${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else {
    console.log(`reusing ${file}`);
  }
  const size = statSync(file).size;
  const importFile = await loadImporter();
  globalThis.gc?.();
  const base = process.memoryUsage();
  console.log(
    `file ${mb(size)} MB; baseline RSS ${mb(base.rss)} MB, heap+external ${mb(base.heapUsed + base.external)} MB`,
  );
  const bare = await bareReadMBps(file, size);
  console.log(`reference: read + decode + one charCodeAt per character: ${bare.mbps.toFixed(1)} MB/s`);
  for (let run = 1; run <= o.runs; run++) {
    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed + m.external);
    };
    const t0 = performance.now();
    const { table, summary } = await importFile(
      { path: file },
      { signal: new AbortController().signal, progress: sample },
      `bench${run}`,
    );
    const seconds = (performance.now() - t0) / 1000;
    sample();
    const numericBytes = summary.rows * summary.columns.filter((c) => c.kind === 'numeric').length * 8;
    console.log(
      `run ${run}: ${summary.rows} rows × ${summary.columns.length} columns (${summary.columns.map((c) => c.kind).join(', ')})`,
    );
    console.log(`  ${seconds.toFixed(2)} s, ${(size / 1e6 / seconds).toFixed(1)} MB/s (target ≥ 60)`);
    console.log(
      `  numeric arrays ${mb(numericBytes)} MB; table holds ${mb(table.byteLength)} MB (values + 1 format byte per cell)`,
    );
    console.log(
      `  peak RSS ${mb(peakRss)} MB = ${(peakRss / numericBytes).toFixed(2)}× numeric arrays; ` +
        `above baseline ${mb(peakRss - base.rss)} MB = ${((peakRss - base.rss) / numericBytes).toFixed(2)}× (target < 2×)`,
    );
    console.log(
      `  peak heap+external ${mb(peakHeap)} MB = ${(peakHeap / numericBytes).toFixed(2)}× numeric arrays`,
    );
  }
}

await main();
