/**
 * A bounded cache of table rows fetched from the engine in fixed-size blocks. The virtual table asks
 * for the blocks covering its window; each block is fetched once (concurrent asks share the request)
 * and the least recently used blocks are dropped beyond `maxBlocks`, so memory stays flat while the
 * user scrolls through millions of rows.
 */
export interface RowBlockCacheOptions {
  /** Rows per block, e.g. 200. */
  blockSize: number;
  /** Blocks kept; older ones are evicted (least recently used first). */
  maxBlocks: number;
  /** Fetches rows [start, start + count) as display strings, row-major. */
  fetch: (start: number, count: number) => Promise<string[][]>;
}

/** Block indices covering rows [start, end), in order. */
export function blocksForRange(start: number, end: number, blockSize: number): number[] {
  if (end <= start) return [];
  const first = Math.floor(start / blockSize);
  const last = Math.floor((end - 1) / blockSize);
  const blocks: number[] = [];
  for (let b = first; b <= last; b++) blocks.push(b);
  return blocks;
}

export class RowBlockCache {
  private readonly blocks = new Map<number, string[][]>();
  private readonly pending = new Map<number, Promise<void>>();
  private generation = 0;

  constructor(
    private readonly options: RowBlockCacheOptions,
    private readonly rowCount: number,
  ) {}

  /** The row's cells if its block is loaded, else undefined (the table shows a placeholder). */
  row(index: number): string[] | undefined {
    const block = this.blocks.get(Math.floor(index / this.options.blockSize));
    return block?.[index % this.options.blockSize];
  }

  /**
   * Makes sure rows [start, end) are loaded; resolves when they are. Rejects with the fetch error
   * (the caller shows it) — a failed block is not cached, so the next scroll retries it.
   */
  async ensure(start: number, end: number): Promise<void> {
    const wanted = blocksForRange(Math.max(0, start), Math.min(end, this.rowCount), this.options.blockSize);
    for (const b of wanted) this.touch(b);
    await Promise.all(wanted.filter((b) => !this.blocks.has(b)).map((b) => this.load(b)));
  }

  /** Forgets everything (new dataset); in-flight answers for the old data are dropped. */
  clear(): void {
    this.generation++;
    this.blocks.clear();
    this.pending.clear();
  }

  get size(): number {
    return this.blocks.size;
  }

  private load(block: number): Promise<void> {
    const existing = this.pending.get(block);
    if (existing) return existing;
    const { blockSize, fetch } = this.options;
    const start = block * blockSize;
    const count = Math.min(blockSize, this.rowCount - start);
    const generation = this.generation;
    const promise = fetch(start, count)
      .then((rows) => {
        if (generation !== this.generation) return;
        this.blocks.set(block, rows);
        this.evict();
      })
      .finally(() => {
        if (this.pending.get(block) === promise) this.pending.delete(block);
      });
    this.pending.set(block, promise);
    return promise;
  }

  /** Map iteration order is insertion order: re-inserting marks a block most recently used. */
  private touch(block: number): void {
    const rows = this.blocks.get(block);
    if (rows) {
      this.blocks.delete(block);
      this.blocks.set(block, rows);
    }
  }

  private evict(): void {
    while (this.blocks.size > this.options.maxBlocks) {
      const oldest = this.blocks.keys().next().value as number;
      this.blocks.delete(oldest);
    }
  }
}
