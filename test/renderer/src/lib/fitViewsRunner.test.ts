import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFitViewsRunner } from '../../../../renderer/src/lib/fitViewsRunner';
import {
  FitViewsState,
  type WorkerReply,
  type WorkerRequest,
} from '../../../../renderer/src/lib/fitViewsState';
import { computeFitViews, type FitViewsInput } from '../../../../renderer/src/lib/fitViews';

const input: FitViewsInput = {
  datasetRows: 4,
  params: {
    covarianceType: 'diag',
    nComponents: 2,
    nFeatures: 1,
    weights: Float64Array.of(0.5, 0.5),
    means: Float64Array.of(0, 5),
    covariances: Float64Array.of(1, 1),
    precisionsCholesky: Float64Array.of(1, 1),
  },
  preprocessing: {
    columns: [0],
    columnNames: ['a'],
    log: [false],
    standardize: false,
    center: [0],
    scale: [1],
  },
  labels: Int32Array.of(1, 0, 1, 0),
  certainty: Float64Array.of(0.8, 0.7, 0.99, 0.6),
  rowIndex: Uint32Array.of(0, 1, 2, 3),
  columns: [{ index: 0, name: 'a', values: Float64Array.of(5, 0, 6, 1) }],
};
const bySure = { sort: 'probability', descending: true, cluster: null } as const;

/** A Worker stand-in: records what the page posts; the test answers or fails it. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((event: { data: WorkerReply }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  posted: WorkerRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: WorkerRequest) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers every request so far as the real worker would. */
  answerAll(state = new FitViewsState()) {
    for (const r of this.posted.splice(0)) {
      const value = r.kind === 'views' ? state.views(r.fitId, r.input) : state.order(r.fitId, r.spec);
      this.onmessage?.({ data: { id: r.id, ok: true, value } });
    }
  }
  fail() {
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
    this.onerror?.(event);
    return event;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.last = null;
});

describe('createFitViewsRunner', () => {
  it('uses the worker while it works', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const runner = createFitViewsRunner();
    const views = runner.views(1, input);
    FakeWorker.last!.answerAll();
    await expect(views).resolves.toEqual(computeFitViews(input));
  });

  it('falls back to the page when the worker fails: unanswered requests are answered inline', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const runner = createFitViewsRunner();
    const views = runner.views(1, input);
    const order = runner.order(1, bySure);
    const worker = FakeWorker.last!;
    const event = worker.fail(); // e.g. the worker script could not be loaded
    expect(event.defaultPrevented).toBe(true);
    expect(worker.terminated).toBe(true);
    await expect(views).resolves.toEqual(computeFitViews(input));
    await expect(order).resolves.toEqual(Uint32Array.of(2, 0, 1, 3));
    // Later requests run in the page too; nothing more is posted to the dead worker.
    await expect(runner.order(1, { ...bySure, descending: false })).resolves.toEqual(
      Uint32Array.of(3, 1, 0, 2),
    );
    expect(worker.posted).toHaveLength(2);
  });

  it('still orders the table of a fit whose views the worker computed before it failed', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const runner = createFitViewsRunner();
    const views = runner.views(7, input);
    FakeWorker.last!.answerAll();
    await views;
    FakeWorker.last!.fail();
    await expect(runner.order(7, bySure)).resolves.toEqual(Uint32Array.of(2, 0, 1, 3));
  });

  it('runs in the page when a worker cannot even be created', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('SecurityError: refused by the Content Security Policy');
        }
      },
    );
    const runner = createFitViewsRunner();
    await expect(runner.views(1, input)).resolves.toEqual(computeFitViews(input));
  });
});
