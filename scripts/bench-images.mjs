// `npm run bench:images`: pixels per second of the image paths, next to OpenCV's where Debian's
// python3-opencv is installed (never needed by the tests). Figures, not assertions; on a shared
// machine take the fastest of several --repeat runs.
//
//   fit         `mixlab fit photo.png --k 3` on a generated 512 × 512 colour picture (3 regions plus
//               noise): pixels / EM seconds (fit_seconds, import excluded), and OpenCV's cv2.ml.EM
//               (k-means start, generic covariance: full) on the same pixels
//   background  `mixlab background` on the synthetic sequence (lib/syntheticFrames.mjs) at 320 × 240,
//               200 frames: frames × pixels / seconds, PNG decoding and mask writing included; OpenCV's
//               BackgroundSubtractorMOG2.apply on the same frames already decoded (model only)
//
// Usage: node scripts/bench-images.mjs [--repeat R] [--threads N]   (after node scripts/build.mjs)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode } from 'fast-png';
import { syntheticSequence } from './lib/syntheticFrames.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out/cli/mixlab.cjs');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const repeat = Number(option('--repeat', '1'));
const threads = option('--threads', undefined);
if (!existsSync(cli)) {
  console.error('bench-images: build first (node scripts/build.mjs)');
  process.exit(2);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-bench-images-'));
const fmt = (pps) => `${(pps / 1e6).toFixed(2)} M pixels/s`;

function picture(width, height) {
  const data = new Uint8Array(width * height * 3);
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const region =
        (x - width / 2) ** 2 + (y - height / 2) ** 2 < (width / 4) ** 2 ? 2 : x < width / 2 ? 0 : 1;
      const base = [
        [190, 40, 50],
        [30, 150, 160],
        [230, 210, 40],
      ][region];
      for (let c = 0; c < 3; c++) {
        const noise = (rand() + rand() + rand() - 1.5) * 20;
        data[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(base[c] + noise)));
      }
    }
  return data;
}

try {
  console.log(`bench-images: load average ${loadavg()[0].toFixed(2)}, best of ${repeat}`);
  const W = 512;
  const H = 512;
  const photo = path.join(tmp, 'photo.png');
  writeFileSync(photo, encode({ width: W, height: H, channels: 3, depth: 8, data: picture(W, H) }));
  let fitBest = 0;
  for (let r = 0; r < repeat; r++) {
    const out = JSON.parse(
      execFileSync(
        process.execPath,
        [cli, 'fit', photo, '--k', '3', '--json', ...(threads ? ['--threads', threads] : [])],
        {
          encoding: 'utf8',
        },
      ),
    );
    fitBest = Math.max(fitBest, out.n / out.fit_seconds);
  }
  console.log(`fit (${W}×${H} RGB, K=3 full, EM)         mixlab  ${fmt(fitBest)}`);

  const seq = syntheticSequence({ width: 320, height: 240, frames: 200, learning: 60 });
  const frames = path.join(tmp, 'frames');
  mkdirSync(frames);
  seq.frames.forEach((data, t) =>
    writeFileSync(
      path.join(frames, `f${String(t).padStart(4, '0')}.png`),
      encode({ width: seq.width, height: seq.height, channels: 1, depth: 8, data }),
    ),
  );
  let bgBest = 0;
  for (let r = 0; r < repeat; r++) {
    const out = JSON.parse(
      execFileSync(
        process.execPath,
        [
          cli,
          'background',
          frames,
          '--out',
          path.join(tmp, `masks${r}`),
          '--json',
          ...(threads ? ['--threads', threads] : []),
        ],
        { encoding: 'utf8' },
      ),
    );
    bgBest = Math.max(bgBest, out.pixels_per_second);
  }
  console.log(`background (320×240 grey, 200 frames)    mixlab  ${fmt(bgBest)} (decode and write included)`);

  const python = '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import cv2'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.log('OpenCV: not installed (apt-get install python3-opencv to compare)');
  } else {
    const script = `
import cv2, numpy as np, os, sys, time
repeat = ${repeat}
img = cv2.imread(${JSON.stringify(photo)}, cv2.IMREAD_COLOR)
X = img.reshape(-1, 3).astype(np.float64)
best = 0
for _ in range(repeat):
    em = cv2.ml.EM_create(); em.setClustersNumber(3); em.setCovarianceMatrixType(cv2.ml.EM_COV_MAT_GENERIC)
    t = time.perf_counter(); em.trainEM(X); best = max(best, len(X) / (time.perf_counter() - t))
print(f"fit (512x512 RGB, K=3 generic, cv2.ml.EM)  OpenCV {cv2.__version__} {best/1e6:.2f} M pixels/s")
names = sorted(os.listdir(${JSON.stringify(frames)}))
frames = [cv2.imread(os.path.join(${JSON.stringify(frames)}, n), cv2.IMREAD_GRAYSCALE) for n in names]
best = 0
for _ in range(repeat):
    mog = cv2.createBackgroundSubtractorMOG2()
    t = time.perf_counter()
    for f in frames: mog.apply(f)
    best = max(best, len(frames) * frames[0].size / (time.perf_counter() - t))
print(f"background (320x240 grey, MOG2 apply)      OpenCV {cv2.__version__} {best/1e6:.2f} M pixels/s (model only, {cv2.getNumThreads()} threads)")
`;
    const res = spawnSync(python, ['-c', script], { encoding: 'utf8' });
    process.stdout.write(res.stdout);
    if (res.status !== 0) process.stderr.write(res.stderr);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
