import { describe, expect, it } from 'vitest';
import { jsonShape } from '../../../electron/common/jsonShape';

const shape = (text: string, values = 1000, depth = 10) =>
  jsonShape(Buffer.from(text, 'utf8'), { values, depth });

describe('jsonShape: values and nesting from the bytes, strings skipped', () => {
  it('counts separators and openings outside strings, and the deepest nesting', () => {
    expect(shape('{"a":[1,2,3],"b":{"c":[[]]}}')).toEqual({ ok: true, values: 8, depth: 4 });
    expect(shape('42')).toEqual({ ok: true, values: 0, depth: 0 });
  });

  it('ignores commas, brackets and escaped quotes inside strings', () => {
    expect(shape('["a,b,[c]{", "say \\"[,]\\"", "ends with backslash \\\\", 1]')).toEqual({
      ok: true,
      values: 4,
      depth: 1,
    });
  });

  it('stops at the first limit it passes', () => {
    expect(shape(`[${'0,'.repeat(20)}0]`, 10)).toEqual({ ok: false, exceeded: 'values' });
    expect(shape(`${'['.repeat(11)}${']'.repeat(11)}`)).toEqual({ ok: false, exceeded: 'depth' });
    expect(shape(`${'['.repeat(10)}${']'.repeat(10)}`)).toMatchObject({ ok: true, depth: 10 });
  });

  it('leaves an unterminated string to JSON.parse (which says where)', () => {
    expect(shape('{"a": "never closed')).toMatchObject({ ok: true });
  });
});
