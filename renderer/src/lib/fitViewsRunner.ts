/**
 * Runs the per-row work of a finished fit (fitViews.ts, tableOrder.ts) off the renderer thread: in
 * a dedicated Web Worker from the same origin (the CSP allows worker-src 'self'), so the page never
 * blocks for a million-row fit. The worker keeps the last fit's labels and certainty, so re-sorting
 * the table sends only the sort spec. Where no Worker exists (unit tests in Node), or the worker
 * fails, the same functions run inline behind the same promise interface.
 */
import type { FitViews, FitViewsInput } from './fitViews';
import type { TableOrderSpec } from './tableOrder';
import { FitViewsState, type WorkerReply, type WorkerRequest } from './fitViewsState';

export interface FitViewsRunner {
  /** Views of fit `fitId`; the runner remembers it for `order`. */
  views(fitId: number, input: FitViewsInput): Promise<FitViews>;
  /** Table order for the remembered fit `fitId` (rejects if another fit replaced it). */
  order(fitId: number, spec: TableOrderSpec): Promise<Uint32Array | null>;
  dispose(): void;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** The few members of a DOM Worker used here (this module also type-checks without the DOM library). */
interface WorkerLike {
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { preventDefault(): void }) => void) | null;
  postMessage(message: WorkerRequest): void;
  terminate(): void;
}
type WorkerConstructor = new (url: URL, options: { type: 'module' }) => WorkerLike;

interface Waiter {
  request: WorkerRequest;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * The worker, or the same functions in the page if it cannot run: a worker that fails to load
 * (its script refused, a packaging slip, an exception at start) fires only `error` and never
 * answers, which would leave every view of every fit waiting. Then the runner carries on inline —
 * slower on a huge fit, but the views appear — and replays what the worker had not answered.
 */
export function createFitViewsRunner(): FitViewsRunner {
  // Named `Worker` so Vite sees `new Worker(new URL(…))` and bundles the worker script.
  const Worker = (globalThis as { Worker?: WorkerConstructor }).Worker;
  if (Worker === undefined) return inlineRunner();
  let worker: WorkerLike;
  try {
    worker = new Worker(new URL('../workers/fitViews.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inlineRunner();
  }
  const pending = new Map<number, Waiter>();
  let nextId = 0;
  let inline: FitViewsRunner | null = null;
  /**
   * The last fit sent for views: an inline runner that takes over needs it to order that fit's
   * table (the worker kept it). The page holds these arrays anyway (the fit's response and columns).
   */
  let lastViews: { fitId: number; input: FitViewsInput } | null = null;

  const runInline = (runner: FitViewsRunner, { request, resolve, reject }: Waiter) => {
    const answer =
      request.kind === 'views'
        ? runner.views(request.fitId, request.input)
        : runner.order(request.fitId, request.spec);
    answer.then(resolve, reject);
  };
  worker.onmessage = (event) => {
    const reply = event.data;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new Error(reply.message));
  };
  worker.onerror = (event) => {
    event.preventDefault(); // handled here: the page carries on without the worker
    worker.onmessage = worker.onerror = null;
    worker.terminate();
    inline = inlineRunner(() => lastViews);
    const waiting = [...pending.values()]; // in the order they were sent
    pending.clear();
    for (const waiter of waiting) runInline(inline, waiter);
  };
  const send = <T>(request: WithoutId<WorkerRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const waiter = { request: { ...request, id: ++nextId } as WorkerRequest, resolve, reject } as Waiter;
      if (waiter.request.kind === 'views')
        lastViews = { fitId: waiter.request.fitId, input: waiter.request.input };
      if (inline) return runInline(inline, waiter);
      pending.set(waiter.request.id, waiter);
      worker.postMessage(waiter.request);
    });
  return {
    views: (fitId, input) => send<FitViews>({ kind: 'views', fitId, input }),
    order: (fitId, spec) => send<Uint32Array | null>({ kind: 'order', fitId, spec }),
    dispose: () => {
      if (!inline) worker.terminate();
    },
  };
}

/**
 * The worker's functions in the page. `lastViews` primes the state for a fit whose views the
 * worker computed before it failed, so its table can still be ordered.
 */
function inlineRunner(
  lastViews: () => { fitId: number; input: FitViewsInput } | null = () => null,
): FitViewsRunner {
  const state = new FitViewsState();
  let held = -1;
  return {
    views: async (fitId, input) => {
      held = fitId;
      return state.views(fitId, input);
    },
    order: async (fitId, spec) => {
      const last = lastViews();
      if (fitId !== held && last?.fitId === fitId) {
        state.views(last.fitId, last.input);
        held = fitId;
      }
      return state.order(fitId, spec);
    },
    dispose: () => undefined,
  };
}
