/**
 * `mixlab background <folder|gif> --out <folder>`: the per-pixel background model (Stauffer &
 * Grimson; Zivkovic's adaptive version, OpenCV's MOG2) over a sequence of frames, through the
 * engine's `background` request; one mask PNG per frame (255 foreground, 0 background), named
 * after its frame, and a summary.
 */
import path from 'node:path';
import { BACKGROUND_DEFAULTS } from '../../../shared/engine/background/backgroundOptions';
import { backgroundRequestSchema } from '../../../shared/engine/background/backgroundRequest';
import type { BackgroundSummary } from '../../../shared/engine/background/backgroundRequest';
import { stat } from 'node:fs/promises';
import { fileRefusalError, problemFromErrno } from '../../common/fileRefusal';
import { existingFile } from '../inputFile';
import { ArgumentError, parseArgs, validated, type OptionSpec } from '../args';
import { codedCommand } from '../codedCommand';

const D = BACKGROUND_DEFAULTS;

export const BACKGROUND_USAGE = `Usage: mixlab background <folder|animation.gif> --out <folder> [--components K]
                         [--learning-rate a|auto] [--history N] [--threshold T]
                         [--background-ratio B] [--match-threshold G] [--no-shadows]
                         [--estimates <folder>] [--threads N] [--json]

Learns a background model of every pixel from a sequence of frames — a folder of PNG, JPEG, BMP or
WebP images taken in the order of their names (numbers in names compared as numbers), or the frames
of an animated GIF — and marks each pixel of each frame that no background Gaussian explains as
foreground. Per pixel the model is up to K weighted Gaussians (grey or colour) updated online
(Stauffer & Grimson 1999; Zivkovic 2004, Zivkovic & van der Heijden 2006 — OpenCV's
BackgroundSubtractorMOG2, whose defaults these are):
  --components K         Gaussians per pixel at most (default ${D.components})
  --learning-rate a      weight of each new frame, 0 < a ≤ 1; auto (default): 1/min(2n, history) at
                         frame n, fast at first, then 1/history
  --history N            frames the automatic rate settles to averaging over (default ${D.history})
  --threshold T          squared Mahalanobis distance under which a background Gaussian explains a
                         pixel (default ${D.threshold}, i.e. 4 standard deviations)
  --background-ratio B   the heaviest Gaussians whose weights sum to B are background (default ${D.backgroundRatio})
  --match-threshold G    squared distance under which a sample updates a Gaussian instead of starting
                         a new one (default ${D.matchThreshold}, 3 standard deviations)
  --no-shadows           mark as foreground a pixel that is a darker copy of the background
                         (brightness ratio ≥ 0.5); by default it is a shadow and background
                         (Prati et al. 2003; OpenCV's detectShadows)
Masks are written to --out with the frame's name and .png (a GIF's frames as <name>_00001.png, …):
255 foreground, 0 background. --estimates writes each frame's background estimate there too.
--json prints one object: frames, width, height, channels, threads, options, out, masks,
foreground_fraction (per frame), shadow_pixels (per frame), seconds, pixels_per_second.
`;

const SPEC = {
  out: 'string',
  estimates: 'string',
  components: 'integer',
  'learning-rate': 'string',
  history: 'integer',
  threshold: 'number',
  'background-ratio': 'number',
  'match-threshold': 'number',
  'no-shadows': 'flag',
  threads: 'integer',
  json: 'flag',
  help: 'flag',
} as const satisfies OptionSpec;

const FLAG_OF: Record<string, string> = {
  components: '--components',
  learningRate: '--learning-rate',
  history: '--history',
  threshold: '--threshold',
  backgroundRatio: '--background-ratio',
  matchThreshold: '--match-threshold',
  threads: '--threads',
};

export const background = codedCommand('background', BACKGROUND_USAGE, async (ctx, json) => {
  const { positionals, options: o } = parseArgs(ctx.args, SPEC);
  if (positionals.length !== 1)
    throw new ArgumentError(
      `expected one folder of frames or animated GIF (mixlab background <folder|gif> --out <folder>), got ${positionals.length} arguments`,
    );
  if (o.out === undefined) throw new ArgumentError('missing --out (the folder the masks are written to)');
  const rate = o['learning-rate'];
  const learningRate = rate === undefined || rate === 'auto' ? 'auto' : Number(rate);
  if (learningRate !== 'auto' && !Number.isFinite(learningRate))
    throw new ArgumentError(`--learning-rate must be a number or auto (got "${rate}")`);
  const request = validated(
    backgroundRequestSchema,
    {
      source: await frameSource(positionals[0]),
      out: path.resolve(o.out),
      ...(o.estimates !== undefined ? { estimates: path.resolve(o.estimates) } : {}),
      options: {
        learningRate,
        ...(o.components !== undefined ? { components: o.components } : {}),
        ...(o.history !== undefined ? { history: o.history } : {}),
        ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
        ...(o['background-ratio'] !== undefined ? { backgroundRatio: o['background-ratio'] } : {}),
        ...(o['match-threshold'] !== undefined ? { matchThreshold: o['match-threshold'] } : {}),
        ...(o['no-shadows'] ? { shadows: false } : {}),
      },
      ...(o.threads !== undefined ? { threads: o.threads } : {}),
    },
    FLAG_OF,
  );
  const showProgress = !json && process.stderr.isTTY === true;
  const summary = await ctx.engine.call('background', request, {
    onProgress: showProgress ? (p) => ctx.stderr(`\rframe ${p.frame}/${p.frames}   `) : undefined,
  });
  if (showProgress) ctx.stderr('\n');
  ctx.stdout(json ? JSON.stringify(report(summary)) + '\n' : readable(summary));
});

function report(s: BackgroundSummary) {
  return {
    frames: s.frames,
    width: s.width,
    height: s.height,
    channels: s.channels,
    threads: s.threads,
    options: s.options,
    out: s.out,
    masks: s.masks,
    foreground_fraction: s.foregroundFraction,
    shadow_pixels: s.shadowPixels,
    seconds: s.seconds,
    pixels_per_second: s.pixelsPerSecond,
  };
}

function readable(s: BackgroundSummary): string {
  const mean = s.foregroundFraction.reduce((a, b) => a + b, 0) / Math.max(1, s.frames);
  return (
    `Background model over ${s.frames} frames of ${s.width} × ${s.height} (${s.channels === 1 ? 'grey' : 'colour'}), ` +
    `up to ${s.options.components} Gaussians a pixel, ${s.threads} thread${s.threads === 1 ? '' : 's'}.\n` +
    `Wrote ${s.masks.length} masks to ${s.out}; on average ${(100 * mean).toFixed(2)} % of a frame is foreground.\n` +
    `${(s.pixelsPerSecond / 1e6).toFixed(1)} M pixels per second (${s.seconds.toFixed(2)} s).\n`
  );
}

/** The frames' folder, or a GIF that is a readable file, as an absolute path; refused in the words typed. */
async function frameSource(typed: string): Promise<string> {
  const absolute = path.resolve(typed);
  try {
    if ((await stat(absolute)).isDirectory()) return absolute;
  } catch (err) {
    const problem = problemFromErrno(err);
    throw fileRefusalError(problem, `cannot read ${typed}: ${problem.reason}`, absolute);
  }
  return existingFile(typed);
}
