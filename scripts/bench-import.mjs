// `npm run bench:import`: import speed and peak memory of the real import code (electron/engine/
// import, bundled here with esbuild) on a generated numeric CSV — 5 000 000 rows × 6 columns,
// ~270 MB, in os.tmpdir(), generated once and reused. Figures, not assertions: the import's targets
// are ≥ 60 MB/s on the 2-core reference machine and peak memory < 2× the numeric arrays
// (rows × columns × 8 bytes).
//
// Memory is sampled at every progress report (once per 4 MiB read): RSS, and heap used + external
// (what V8 holds for us; RSS also counts the Node binary and freed-but-kept pages). Garbage is
// collected before each run, so a run's peak does not include the previous run's table.
//
// Other jobs share the 2 cores, so each run also prints its CPU time (user + system: MB per CPU
// second barely depends on the load), the load average, and a bare read loop measured just before
// it under the same load: the import's MB/s is best read next to that reference.
//
// With --xlsx the file is a workbook instead (default 200 000 rows × 5 columns: an id, a text group
// held in shared strings as Excel writes it, three decimals), written by exceljs' streaming writer.
//
// Usage: node scripts/bench-import.mjs [--rows N] [--file path.csv|path.xlsx] [--runs R] [--xlsx]
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COLUMNS = 6;

function parseCli(argv) {
  const o = { rows: null, file: null, runs: 1, xlsx: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rows' && i + 1 < argv.length) o.rows = Number(argv[++i]);
    else if (a === '--file' && i + 1 < argv.length) o.file = argv[++i];
    else if (a === '--runs' && i + 1 < argv.length) o.runs = Number(argv[++i]);
    else if (a === '--xlsx') o.xlsx = true;
    else {
      console.error(
        `bench-import: unknown argument ${a}\nusage: node scripts/bench-import.mjs [--rows N] [--file path.csv|path.xlsx] [--runs R] [--xlsx]`,
      );
      process.exit(2);
    }
  }
  o.rows ??= o.xlsx ? 200_000 : 5_000_000;
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

/** The --xlsx workbook: id, group (shared strings), three decimals; streamed by exceljs' writer. */
async function generateXlsx(file, rows) {
  const { default: ExcelJS } = await import('exceljs');
  const rand = mulberry32(20261122);
  const groups = ['north', 'south', 'east', 'west', 'centre', 'coast', 'hills', 'plain'];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['id', 'group', 'x1', 'x2', 'x3']).commit();
  for (let r = 1; r <= rows; r++) {
    sheet
      .addRow([
        r,
        groups[Math.floor(rand() * 8)],
        Number((rand() * 2000 - 1000).toFixed(6)),
        Number((rand() * 5e4).toFixed(4)),
        Number((rand() * 2 - 1).toFixed(8)),
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
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

/** A gc() without --expose-gc on the command line (npm run passes no node flags). */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

/** Wall seconds and CPU seconds (user + system) of `run`. */
async function timed(run) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await run();
  const cpu = process.cpuUsage(cpu0);
  return { result, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/**
 * The floor under any import on this machine right now: stream the file, decode it and touch every
 * character once. Printed next to the import so a loaded machine (other jobs on the 2 cores) is
 * visible in the figures.
 */
async function bareRead(file) {
  const { createReadStream } = await import('node:fs');
  const decoder = new TextDecoder('utf-8');
  let sum = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = decoder.decode(chunk, { stream: true });
    for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  }
  return sum;
}

async function main() {
  const o = parseCli(process.argv.slice(2));
  const file =
    o.file ??
    path.join(
      tmpdir(),
      o.xlsx ? `mixlab-bench-import-${o.rows}x5.xlsx` : `mixlab-bench-import-${o.rows}x${COLUMNS}.csv`,
    );
  if (!existsSync(file)) {
    process.stdout.write(`generating ${file} (${o.rows} rows × ${o.xlsx ? 5 : COLUMNS} columns) … `);
    const t = performance.now();
    const part = o.xlsx ? file.replace(/\.xlsx$/, '.part.xlsx') : file + '.part';
    await (o.xlsx ? generateXlsx : generate)(part, o.rows);
    (await import('node:fs')).renameSync(part, file);
    console.log(`${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else {
    console.log(`reusing ${file}`);
  }
  const size = statSync(file).size;
  const importFile = await loadImporter();
  gc();
  console.log(`file ${mb(size)} MB; load average ${load()}`);
  // One function call per run: an async function's frame would keep the previous run's table
  // alive (and in the memory figures) across the next run's awaits.
  for (let run = 1; run <= o.runs; run++) await benchRun(run, file, size, importFile);
}

async function benchRun(run, file, size, importFile) {
  gc();
  const bare = await timed(() => bareRead(file));
  gc();
  const base = process.memoryUsage();
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external);
  };
  const loadBefore = load();
  const { result, seconds, cpuSeconds } = await timed(() =>
    importFile({ path: file }, { signal: new AbortController().signal, progress: sample }, `bench${run}`),
  );
  sample();
  const { table, summary } = result;
  const numericBytes = summary.rows * summary.columns.filter((c) => c.kind === 'numeric').length * 8;
  console.log(
    `run ${run}: ${summary.rows} rows × ${summary.columns.length} columns (${summary.columns.map((c) => c.kind).join(', ')}); load average ${loadBefore} → ${load()}`,
  );
  console.log(
    `  import ${seconds.toFixed(2)} s, ${(size / 1e6 / seconds).toFixed(1)} MB/s (target ≥ 60); CPU ${cpuSeconds.toFixed(2)} s, ${(size / 1e6 / cpuSeconds).toFixed(1)} MB per CPU-second`,
  );
  console.log(
    `  reference just before (read + decode + one charCodeAt per character): ${(size / 1e6 / bare.seconds).toFixed(1)} MB/s, ${(size / 1e6 / bare.cpuSeconds).toFixed(1)} MB per CPU-second`,
  );
  console.log(
    `  numeric arrays ${mb(numericBytes)} MB; table holds ${mb(table.byteLength)} MB (values + 1 format byte per cell)`,
  );
  console.log(
    `  peak RSS ${mb(peakRss)} MB = ${(peakRss / numericBytes).toFixed(2)}× numeric arrays; ` +
      `above the run's baseline ${mb(base.rss)} MB: ${mb(peakRss - base.rss)} MB = ${((peakRss - base.rss) / numericBytes).toFixed(2)}× (target < 2×)`,
  );
  console.log(
    `  peak heap+external ${mb(peakHeap)} MB = ${(peakHeap / numericBytes).toFixed(2)}× numeric arrays`,
  );
}

await main();
