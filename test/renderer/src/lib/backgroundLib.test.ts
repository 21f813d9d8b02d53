import { describe, expect, it } from 'vitest';
import {
  parseBackgroundProgress,
  parseMaskExportProgress,
} from '../../../../renderer/src/lib/backgroundProgress';
import {
  defaultBackgroundSettings,
  invalidSettings,
  requestOptions,
} from '../../../../renderer/src/lib/backgroundSettings';
import { frameBox, toRgba } from '../../../../renderer/src/lib/frameImage';
import { backgroundOptionsSchema } from '../../../../shared/engine/background/backgroundOptions';

describe('background progress readers', () => {
  it('accept frames and files counted up to their total, nothing else', () => {
    expect(parseBackgroundProgress({ frame: 3, frames: 40 })).toEqual({ frame: 3, frames: 40 });
    expect(parseBackgroundProgress({ frame: 41, frames: 40 })).toBeNull();
    expect(parseBackgroundProgress({ frame: '3', frames: 40 })).toBeNull();
    expect(parseBackgroundProgress({ rowsWritten: 3 })).toBeNull();
    expect(parseBackgroundProgress(null)).toBeNull();
    expect(parseMaskExportProgress({ written: 2, total: 2 })).toEqual({ written: 2, total: 2 });
    expect(parseMaskExportProgress({ written: -1, total: 2 })).toBeNull();
    expect(parseMaskExportProgress({ written: 1.5, total: 2 })).toBeNull();
  });
});

describe('background settings', () => {
  it('default to the engine’s defaults: the request they make parses to exactly them', () => {
    const parsed = backgroundOptionsSchema.parse(requestOptions(defaultBackgroundSettings()));
    expect(parsed).toEqual(backgroundOptionsSchema.parse({}));
  });

  it('carry a fixed learning rate only when automatic is off', () => {
    const s = { ...defaultBackgroundSettings(), learningRate: 0.05 };
    expect(requestOptions(s).learningRate).toBe('auto');
    expect(requestOptions({ ...s, learningAuto: false }).learningRate).toBe(0.05);
  });

  it('name the settings out of the schema’s range (an empty number field is NaN)', () => {
    const s = defaultBackgroundSettings();
    expect(invalidSettings(s)).toEqual([]);
    expect(invalidSettings({ ...s, components: 17, backgroundRatio: 0, threshold: Number.NaN })).toEqual([
      'components',
      'backgroundRatio',
      'threshold',
    ]);
    expect(invalidSettings({ ...s, components: 2.5 })).toEqual(['components']);
    expect(invalidSettings({ ...s, learningRate: 0 })).toEqual([]); // automatic: the rate is unused
    expect(invalidSettings({ ...s, learningAuto: false, learningRate: 0 })).toEqual(['learningRate']);
    // Every setting the page accepts, the engine accepts.
    const edge = {
      ...s,
      components: 16,
      learningAuto: false,
      learningRate: 1,
      backgroundRatio: 1,
      threshold: 1e6,
    };
    expect(invalidSettings(edge)).toEqual([]);
    expect(backgroundOptionsSchema.safeParse(requestOptions(edge)).success).toBe(true);
  });
});

describe('frame images', () => {
  it('spread grey over r, g and b and keep colour, opaque', () => {
    expect(Array.from(toRgba(new Uint8Array([0, 128]), 1))).toEqual([0, 0, 0, 255, 128, 128, 128, 255]);
    expect(Array.from(toRgba(new Uint8Array([1, 2, 3]), 3))).toEqual([1, 2, 3, 255]);
  });

  it('ask for a third of the pane in device pixels, within the engine’s bounds', () => {
    expect(frameBox(932, 1)).toEqual({ maxWidth: 300, maxHeight: 300 });
    expect(frameBox(932, 2)).toEqual({ maxWidth: 600, maxHeight: 600 });
    expect(frameBox(10, 1)).toEqual({ maxWidth: 64, maxHeight: 64 });
    expect(frameBox(100_000, 3)).toEqual({ maxWidth: 2048, maxHeight: 2048 });
  });
});
