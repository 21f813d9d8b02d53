import { createApp } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import {
  MixlabError,
  type AppInfo,
  type MixlabApi,
  type MixlabEvent,
  type SampleInfo,
} from '../../../shared/api';
import type { DatasetSummary } from '../../../shared/data/types';
import { clientsKey, createClients } from '../../../renderer/src/api/clients';
import {
  browserEnvKey,
  type BrowserEnv,
  type ColorSchemeQuery,
} from '../../../renderer/src/platform/browserEnv';

/** A controllable stand-in for window.mixlab: each method can be replaced per test. */
export interface FakeApi extends MixlabApi {
  emit(event: MixlabEvent): void;
  listenerCount(): number;
  calls: { method: string; arg: unknown }[];
}

export const irisSummary: DatasetSummary = {
  datasetId: 'ds-1',
  file: '/samples/iris.csv',
  format: 'csv',
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  decimal: '.',
  thousands: null,
  header: true,
  rows: 150,
  columns: [
    {
      index: 0,
      name: 'sepal_length',
      displayName: 'sepal_length',
      kind: 'numeric',
      missing: 0,
      mean: 5.843,
      std: 0.828,
    },
    { index: 4, name: 'species', displayName: 'species', kind: 'categorical', missing: 0, distinct: 3 },
  ],
  errors: [],
  sizeBytes: 4551,
};

export const appInfo: AppInfo = {
  name: 'Mixture Lab',
  version: '0.1.0',
  platform: 'linux',
  locale: 'zh-CN',
  prefersDark: false,
  engine: { pid: 1, threads: 2 },
};
export const samples: SampleInfo[] = [
  { id: 'iris', file: 'iris.csv', rows: 150, columns: 5 },
  { id: 'faithful', file: 'faithful.csv', rows: 272, columns: 2 },
  { id: 'mall_customers', file: 'mall_customers.csv', rows: 200, columns: 5 },
];

export function createFakeApi(overrides: Partial<Record<keyof MixlabApi, unknown>> = {}): FakeApi {
  const listeners = new Set<(event: MixlabEvent) => void>();
  const calls: { method: string; arg: unknown }[] = [];
  const record =
    <T>(method: string, fn: (arg: never) => Promise<T>) =>
    (arg: unknown) => {
      calls.push({ method, arg });
      return fn(arg as never);
    };
  const base = {
    getAppInfo: async () => appInfo,
    listSamples: async () => samples,
    openSample: async () => irisSummary,
    chooseDataFile: async () => null,
    chooseFrameSource: async () => null,
    importDataset: async () => irisSummary,
    getRows: async ({ start, count }: { start: number; count: number }) => ({
      start,
      cells: Array.from({ length: count }, (_, i) => [String(start + i)]),
      columns: [0],
    }),
    fit: async () => {
      throw new MixlabError('internal', 'not used');
    },
    cancelJob: async () => ({ cancelled: true }),
    ...overrides,
  } as Record<string, (arg: never) => Promise<unknown>>;
  const api: Record<string, unknown> = {};
  for (const [method, fn] of Object.entries(base))
    api[method] = typeof fn === 'function' ? record(method, fn) : fn;
  api.pathForDroppedFile = overrides.pathForDroppedFile ?? (() => null);
  api.onEvent = (listener: (event: MixlabEvent) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  api.emit = (event: MixlabEvent) => [...listeners].forEach((l) => l(event));
  api.listenerCount = () => listeners.size;
  api.calls = calls;
  return api as unknown as FakeApi;
}

export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

export function fakeDarkScheme(
  matches: boolean,
): ColorSchemeQuery & { change(matches: boolean): void; listeners: number } {
  const listeners = new Set<(e: { matches: boolean }) => void>();
  const query = {
    matches,
    addEventListener: (_: 'change', l: (e: { matches: boolean }) => void) => void listeners.add(l),
    removeEventListener: (_: 'change', l: (e: { matches: boolean }) => void) => void listeners.delete(l),
    change(next: boolean) {
      query.matches = next;
      listeners.forEach((l) => l({ matches: next }));
    },
    get listeners() {
      return listeners.size;
    },
  };
  return query;
}

/**
 * A Vue app that provides the clients (over `api`) and a browser environment, with Pinia active,
 * the way main.ts wires the real renderer. Stores created afterwards run inside the app's context.
 */
export function installStores(api: MixlabApi, env: Partial<BrowserEnv> = {}) {
  const app = createApp({ render: () => null });
  app.provide(clientsKey, createClients(api));
  app.provide(browserEnvKey, { storage: memoryStorage(), darkScheme: null, languages: ['en-US'], ...env });
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  return { app, pinia };
}

/** Resolves after pending promise callbacks have run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A promise with its resolve/reject exposed, to hold a fake call open mid-test. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
