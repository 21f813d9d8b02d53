import { describe, expect, it } from 'vitest';
import { imageFileName } from '../../../../renderer/src/lib/imageFileName';

describe('imageFileName', () => {
  it('makes a file name from a chart title in any script', () => {
    expect(imageFileName('Distribution of Annual Income (k$)', 'png')).toBe(
      'Distribution-of-Annual-Income-k.png',
    );
    expect(imageFileName('对数似然随迭代的变化', 'svg')).toBe('对数似然随迭代的变化.svg');
    expect(imageFileName('  ', 'svg')).toBe('chart.svg');
  });
});
