import { describe, expect, it } from 'vitest';
import { blocksForRange, RowBlockCache } from '../../../../renderer/src/lib/rowBlocks';
import { deferred } from '../../support/fakeApi';

function rows(start: number, count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [`r${start + i}`]);
}

describe('blocksForRange', () => {
  it('lists the blocks that cover a row range', () => {
    expect(blocksForRange(0, 10, 100)).toEqual([0]);
    expect(blocksForRange(95, 105, 100)).toEqual([0, 1]);
    expect(blocksForRange(100, 200, 100)).toEqual([1]);
    expect(blocksForRange(10, 10, 100)).toEqual([]);
  });
});

describe('RowBlockCache', () => {
  it('fetches each block once and serves rows from it', async () => {
    const requests: [number, number][] = [];
    const cache = new RowBlockCache(
      { blockSize: 100, maxBlocks: 10, fetch: async (s, c) => (requests.push([s, c]), rows(s, c)) },
      250,
    );
    await cache.ensure(90, 120);
    await cache.ensure(95, 110);
    expect(requests).toEqual([
      [0, 100],
      [100, 100],
    ]);
    expect(cache.row(99)).toEqual(['r99']);
    expect(cache.row(100)).toEqual(['r100']);
    expect(cache.row(200)).toBeUndefined();
  });

  it('asks for a short last block at the end of the table', async () => {
    const requests: [number, number][] = [];
    const cache = new RowBlockCache(
      { blockSize: 100, maxBlocks: 10, fetch: async (s, c) => (requests.push([s, c]), rows(s, c)) },
      250,
    );
    await cache.ensure(240, 400);
    expect(requests).toEqual([[200, 50]]);
    expect(cache.row(249)).toEqual(['r249']);
  });

  it('shares one request between concurrent asks for the same block', async () => {
    let calls = 0;
    const gate = deferred<string[][]>();
    const cache = new RowBlockCache(
      { blockSize: 100, maxBlocks: 10, fetch: () => (calls++, gate.promise) },
      100,
    );
    const a = cache.ensure(0, 10);
    const b = cache.ensure(5, 20);
    gate.resolve(rows(0, 100));
    await Promise.all([a, b]);
    expect(calls).toBe(1);
  });

  it('keeps memory bounded by evicting the least recently used blocks', async () => {
    const cache = new RowBlockCache(
      { blockSize: 10, maxBlocks: 3, fetch: async (s, c) => rows(s, c) },
      1_000_000,
    );
    for (const start of [0, 10, 20]) await cache.ensure(start, start + 1);
    await cache.ensure(0, 1); // touch block 0: now block 1 is the oldest
    await cache.ensure(500_000, 500_001);
    expect(cache.size).toBe(3);
    expect(cache.row(0)).toBeDefined();
    expect(cache.row(10)).toBeUndefined();
    expect(cache.row(500_000)).toEqual(['r500000']);
  });

  it('does not cache a failed block, so the next scroll retries it', async () => {
    let fail = true;
    const cache = new RowBlockCache(
      {
        blockSize: 10,
        maxBlocks: 3,
        fetch: async (s, c) => {
          if (fail) throw new Error('engine busy');
          return rows(s, c);
        },
      },
      100,
    );
    await expect(cache.ensure(0, 5)).rejects.toThrow('engine busy');
    fail = false;
    await cache.ensure(0, 5);
    expect(cache.row(3)).toEqual(['r3']);
  });

  it('drops answers that arrive after clear() (a new dataset was opened)', async () => {
    const gate = deferred<string[][]>();
    const cache = new RowBlockCache({ blockSize: 10, maxBlocks: 3, fetch: () => gate.promise }, 100);
    const pending = cache.ensure(0, 5);
    cache.clear();
    gate.resolve(rows(0, 10));
    await pending;
    expect(cache.row(0)).toBeUndefined();
  });
});
