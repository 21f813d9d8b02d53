import { describe, expect, it } from 'vitest';
import { MCLUST_MODEL_NAMES } from '../../../../shared/engine/model/types';
import {
  describeModel,
  inModelSet,
  MODEL_GROUPS,
  modelLetters,
  modelSetOf,
} from '../../../../renderer/src/lib/modelFamilies';
import en from '../../../../renderer/src/i18n/en';

describe('model groups and letters', () => {
  it('groups each of the fourteen once: spherical …II, diagonal …I, ellipsoidal the rest', () => {
    const all = MODEL_GROUPS.flatMap((g) => g.models);
    expect([...all].sort()).toEqual([...MCLUST_MODEL_NAMES].sort());
    for (const { group, models } of MODEL_GROUPS)
      for (const m of models) {
        const { shape, orientation } = modelLetters(m);
        const expected = shape === 'I' ? 'spherical' : orientation === 'I' ? 'diagonal' : 'ellipsoidal';
        expect(group, m).toBe(expected);
      }
  });

  it('reads volume, shape and orientation from the name; one column is its volume alone', () => {
    expect(modelLetters('VEV')).toEqual({ volume: 'V', shape: 'E', orientation: 'V' });
    expect(modelLetters('E')).toEqual({ volume: 'E', shape: 'I', orientation: 'I' });
  });

  it('describes a model in words from the messages', () => {
    const messages = en.model.mclust;
    const t = (key: string, params: Record<string, unknown>) => {
      const path = key.replace('model.mclust.', '').split('.');
      const text = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages) as string;
      return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
    };
    expect(describeModel(t, 'EVI')).toBe('volume equal · shape varies · orientation along the axes');
  });
});

describe('model sets', () => {
  it("shows scikit-learn's four under their names or mclust's, and every model in the fourteen", () => {
    for (const type of ['full', 'tied', 'diag', 'spherical', 'VVV', 'EEE', 'VVI', 'VII'] as const)
      expect(inModelSet(type, 'sklearn'), type).toBe(true);
    expect(inModelSet('EVE', 'sklearn')).toBe(false);
    expect(MCLUST_MODEL_NAMES.every((m) => inModelSet(m, 'mclust'))).toBe(true);
  });

  it('a grid is of the fourteen as soon as it holds an mclust name', () => {
    expect(modelSetOf(['full', 'diag'])).toBe('sklearn');
    expect(modelSetOf(['VVV'])).toBe('mclust');
  });
});
