import { describe, expect, it } from 'vitest';
import { baseName, formatBytes, formatCount, formatStat } from '../../../../renderer/src/lib/format';

describe('formatStat', () => {
  it('shows four significant digits', () => {
    expect(formatStat(5.843333)).toBe('5.843');
    expect(formatStat(0.828066)).toBe('0.8281');
    expect(formatStat(74.5)).toBe('74.5');
    expect(formatStat(12345.6)).toBe('12,350');
  });
  it('switches to scientific notation for very large and very small magnitudes', () => {
    expect(formatStat(1.5e-9)).toBe('1.50e-9');
    expect(formatStat(-2.345e12)).toBe('-2.35e12');
    expect(formatStat(0)).toBe('0');
  });
  it('marks missing and infinite statistics instead of printing NaN', () => {
    expect(formatStat(undefined)).toBe('–');
    expect(formatStat(Number.NaN)).toBe('–');
    expect(formatStat(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});

describe('formatCount, formatBytes, baseName', () => {
  it('groups thousands by locale', () => {
    expect(formatCount(1_000_000, 'en')).toBe('1,000,000');
    expect(formatCount(1_000_000, 'zh-CN')).toBe('1,000,000');
  });
  it('uses binary units with one decimal', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(4551)).toBe('4.4 KB');
    expect(formatBytes(300e6)).toBe('286.1 MB');
  });
  it('takes the file name from POSIX and Windows paths', () => {
    expect(baseName('/home/a/iris.csv')).toBe('iris.csv');
    expect(baseName('C:\\Users\\李\\数据.csv')).toBe('数据.csv');
  });
});
