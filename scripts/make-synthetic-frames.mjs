// Writes the synthetic sequence of lib/syntheticFrames.mjs as PNG frames and ground-truth masks:
//   node scripts/make-synthetic-frames.mjs <frames-folder> <truth-folder> [--colour] [--width W --height H --frames N]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'fast-png';
import { syntheticSequence } from './lib/syntheticFrames.mjs';

const [framesDir, truthDir, ...rest] = process.argv.slice(2);
if (!framesDir || !truthDir) {
  console.error('usage: node scripts/make-synthetic-frames.mjs <frames-folder> <truth-folder> [--colour]');
  process.exit(2);
}
const flag = (name) => {
  const i = rest.indexOf(name);
  return i >= 0 ? Number(rest[i + 1]) : undefined;
};
const seq = syntheticSequence({
  colour: rest.includes('--colour'),
  width: flag('--width'),
  height: flag('--height'),
  frames: flag('--frames'),
});
mkdirSync(framesDir, { recursive: true });
mkdirSync(truthDir, { recursive: true });
seq.frames.forEach((frame, t) => {
  const name = `frame${String(t + 1).padStart(4, '0')}.png`;
  writeFileSync(
    path.join(framesDir, name),
    encode({ width: seq.width, height: seq.height, channels: seq.channels, depth: 8, data: frame }),
  );
  const truth = seq.truth[t].map((v) => v * 255);
  writeFileSync(
    path.join(truthDir, name),
    encode({ width: seq.width, height: seq.height, channels: 1, depth: 8, data: truth }),
  );
});
console.log(
  JSON.stringify({
    frames: seq.frames.length,
    width: seq.width,
    height: seq.height,
    channels: seq.channels,
    learning: seq.learning,
  }),
);
