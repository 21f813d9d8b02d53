import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode as decodePng } from 'fast-png';
import { runMixlab, runMixlabJson } from '../support/mixlabCli';
import { fixturesDir } from '../support/paths';
import { imageExpectations, imagePath } from '../support/imageFixtures';
import { LABEL_PALETTE } from '../../shared/export/labelImage';

const expected = imageExpectations();

/** max |a − b| over max |b| (entries near 0 judged on the array's scale). */
function relToScale(a: unknown, b: unknown): number {
  const fa = [a].flat(3) as number[];
  const fb = [b].flat(3) as number[];
  expect(fa.length).toBe(fb.length);
  let err = 0;
  let scale = 0;
  for (let i = 0; i < fb.length; i++) {
    err = Math.max(err, Math.abs(fa[i] - fb[i]));
    scale = Math.max(scale, Math.abs(fb[i]));
  }
  return err / scale;
}

const hexRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-images-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('mixlab fit <image>: the pixel fit is scikit-learn’s on the same pixel values', () => {
  it.each(Object.keys(expected.fits))('%s from the fixture’s fixed start, to 1e-9', (name) => {
    const fx = expected.fits[name];
    const init = path.join(tmp, `${name}.init.json`);
    writeFileSync(init, JSON.stringify(fx.init));
    const labels = path.join(tmp, `${name}.labels.csv`);
    const { status, json } = runMixlabJson([
      'fit',
      imagePath(name),
      '--k',
      String(fx.k),
      '--init-params',
      init,
      '--tol',
      '1e-10',
      '--max-iter',
      '500',
      '--labels',
      labels,
    ]);
    expect(status).toBe(0);
    expect(json.columns).toEqual(fx.columns);
    expect(json.n).toBe(expected.images[name].width * expected.images[name].height);
    expect(json.n_iter).toBe(fx.n_iter);
    expect(
      Math.abs(json.mean_log_likelihood - fx.mean_log_likelihood) / Math.abs(fx.mean_log_likelihood),
    ).toBeLessThan(1e-9);
    expect(relToScale(json.weights, fx.weights)).toBeLessThan(1e-9);
    expect(relToScale(json.means, fx.means)).toBeLessThan(1e-9);
    expect(relToScale(json.covariances, fx.covariances)).toBeLessThan(1e-9);
    // --labels seg.csv: the pixel table with each pixel's cluster (1-based), scikit-learn's predict.
    const lines = readFileSync(labels, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe([...fx.columns, 'cluster', 'probability'].join(','));
    const cluster = lines.slice(1).map((l) => Number(l.split(',')[fx.columns.length]) - 1);
    expect(cluster).toEqual(fx.labels);
  });

  it('--labels seg.png writes the label image: the picture’s size, each pixel in its cluster’s colour', () => {
    const fx = expected.fits['colour.png'];
    const init = path.join(tmp, 'png.init.json');
    writeFileSync(init, JSON.stringify(fx.init));
    const out = path.join(tmp, 'seg.png');
    const { json } = runMixlabJson([
      'fit',
      imagePath('colour.png'),
      '--k',
      '3',
      '--init-params',
      init,
      '--tol',
      '1e-10',
      '--labels',
      out,
    ]);
    expect(json.labels).toMatchObject({ path: out, rows: 768, labelled: 768, excluded: 0 });
    const png = decodePng(readFileSync(out));
    expect([png.width, png.height, png.channels, png.depth]).toEqual([32, 24, 3, 8]);
    const palette = LABEL_PALETTE.map(hexRgb);
    const got = Array.from({ length: 768 }, (_, p) => Array.from(png.data.slice(p * 3, p * 3 + 3)));
    expect(got).toEqual(fx.labels.map((k) => palette[k]));
  });

  it('--label-colours mean paints each cluster in the mean colour of its pixels (colour quantisation)', () => {
    const fx = expected.fits['colour.png'];
    const init = path.join(tmp, 'mean.init.json');
    writeFileSync(init, JSON.stringify(fx.init));
    const out = path.join(tmp, 'mean.png');
    const res = runMixlab([
      'fit',
      imagePath('colour.png'),
      '--k',
      '3',
      '--init-params',
      init,
      '--tol',
      '1e-10',
      '--labels',
      out,
      '--label-colours',
      'mean',
    ]);
    expect(res.status, res.stderr).toBe(0);
    const pixels = expected.images['colour.png'].pixels;
    const mean = [0, 1, 2].map((k) => {
      const members = fx.labels.flatMap((l, p) => (l === k ? [p] : []));
      return [0, 1, 2].map((c) =>
        Math.round(members.reduce((s, p) => s + pixels[p * 3 + c], 0) / members.length),
      );
    });
    const png = decodePng(readFileSync(out));
    const got = Array.from({ length: 768 }, (_, p) => Array.from(png.data.slice(p * 3, p * 3 + 3)));
    expect(got).toEqual(fx.labels.map((k) => mean[k]));
  });

  it('fits x, y and CIELAB columns when asked, and refuses a bad --colour-space with exit 2', () => {
    const { json } = runMixlabJson([
      'fit',
      imagePath('colour.png'),
      '--k',
      '2',
      '--colour-space',
      'lab',
      '--xy',
    ]);
    expect(json.columns).toEqual(['L*', 'a*', 'b*', 'x', 'y']);
    const bad = runMixlabJson(['fit', imagePath('colour.png'), '--k', '2', '--colour-space', 'hsv']);
    expect(bad.status).toBe(2);
    expect(bad.json.error.code).toBe('invalid_arguments');
  });
});

describe('mixlab fit refuses hostile images and impossible label images with exit 2', () => {
  it.each([
    ['bomb_dimensions.png', 'image_too_large'],
    ['bomb_inflate.png', 'image_invalid'],
  ])('%s: %s', (name, code) => {
    const res = runMixlabJson(['fit', imagePath(name), '--k', '2']);
    expect(res.status).toBe(2);
    expect(res.json.error.code).toBe(code);
  });

  it('a label image of a dataset that is not an image: export_not_image', () => {
    const res = runMixlabJson([
      'fit',
      path.join(fixturesDir, 'data', 'faithful.csv'),
      '--k',
      '2',
      '--labels',
      path.join(tmp, 'faithful.png'),
    ]);
    expect(res.status).toBe(2);
    expect(res.json.error.code).toBe('export_not_image');
  });
});

describe('mixlab inspect <image> takes the pixel columns as fit does', () => {
  it('--colour-space and --xy choose the columns; the JSON keeps its shape and adds the picture', () => {
    const { status, json } = runMixlabJson([
      'inspect',
      imagePath('colour.png'),
      '--xy',
      '--colour-space',
      'both',
      '--json',
    ]);
    expect(status).toBe(0);
    const { width, height } = expected.images['colour.png'];
    expect(json.rows).toBe(width * height);
    expect(json.columns.map((c: { name: string }) => c.name)).toEqual([
      'r',
      'g',
      'b',
      'L*',
      'a*',
      'b*',
      'x',
      'y',
    ]);
    expect(json.image).toEqual({ type: 'png', width, height, channels: 3, max_value: 255 });
    const x = json.columns[6];
    expect([x.min, x.max]).toEqual([0, width - 1]);
    const plain = runMixlabJson(['inspect', imagePath('colour.png'), '--json']);
    expect(plain.json.columns.map((c: { name: string }) => c.name)).toEqual(['r', 'g', 'b']);
  });

  it('prints the picture’s size in the text report and refuses a bad --colour-space with exit 2', () => {
    const text = runMixlab(['inspect', imagePath('colour.png'), '--colour-space', 'lab']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/32 × 24 pixels, colour/);
    expect(text.stdout).toMatch(/L\*/);
    const bad = runMixlabJson(['inspect', imagePath('colour.png'), '--colour-space', 'hsv', '--json']);
    expect(bad.status).toBe(2);
    expect(bad.json.error.message).toMatch(/--colour-space must be rgb, lab or both/);
  });
});
