import { describe, expect, it } from 'vitest';
import { formatAxisNumber } from '../../../renderer/src/charts/axisNumber';

describe('formatAxisNumber', () => {
  it('rounds a data-valued axis end to five significant digits', () => {
    expect(formatAxisNumber(1179.58006863)).toBe('1,179.6');
    expect(formatAxisNumber(-1179.58006863)).toBe('-1,179.6');
    expect(formatAxisNumber(12.3456789)).toBe('12.346');
    expect(formatAxisNumber(1200)).toBe('1,200');
    expect(formatAxisNumber(0)).toBe('0');
  });

  it('uses compact notation from 100 000 on', () => {
    expect(formatAxisNumber(2712345.6)).toBe('2.712M');
    expect(formatAxisNumber(123456)).toBe('123.5K');
    expect(formatAxisNumber(99999)).toBe('99,999');
  });

  it('follows the locale', () => {
    expect(formatAxisNumber(2712345.6, 'zh-CN')).toBe('271.2万');
    expect(formatAxisNumber(1179.58006863, 'de')).toBe('1.179,6');
  });

  it('writes tiny values in exponent form and passes non-finite values through', () => {
    expect(formatAxisNumber(0.0000123456)).toBe('1.23e-5');
    expect(formatAxisNumber(Number.NaN)).toBe('NaN');
  });
});
