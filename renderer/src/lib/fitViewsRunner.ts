/**
 * Runs the per-row work of a finished fit (fitViews.ts, tableOrder.ts) off the renderer thread: in
 * a dedicated Web Worker from the same origin (the CSP allows worker-src 'self'), so the page never
 * blocks for a million-row fit. The worker keeps the last fit's labels and certainty, so re-sorting
 * the table sends only the sort spec. Where no Worker exists (unit tests in Node) the same functions
 * run inline behind the same promise interface.
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
  postMessage(message: WorkerRequest): void;
  terminate(): void;
}
type WorkerConstructor = new (url: URL, options: { type: 'module' }) => WorkerLike;

export function createFitViewsRunner(): FitViewsRunner {
  // Named `Worker` so Vite sees `new Worker(new URL(…))` and bundles the worker script.
  const Worker = (globalThis as { Worker?: WorkerConstructor }).Worker;
  if (Worker === undefined) return inlineRunner();
  const worker = new Worker(new URL('../workers/fitViews.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  worker.onmessage = (event) => {
    const reply = event.data;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new Error(reply.message));
  };
  const send = <T>(request: WithoutId<WorkerRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id } as WorkerRequest);
    });
  return {
    views: (fitId, input) => send<FitViews>({ kind: 'views', fitId, input }),
    order: (fitId, spec) => send<Uint32Array | null>({ kind: 'order', fitId, spec }),
    dispose: () => worker.terminate(),
  };
}

function inlineRunner(): FitViewsRunner {
  const state = new FitViewsState();
  return {
    views: async (fitId, input) => state.views(fitId, input),
    order: async (fitId, spec) => state.order(fitId, spec),
    dispose: () => undefined,
  };
}
