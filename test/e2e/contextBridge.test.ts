/**
 * The e2e stand-in for contextBridge copies values as Electron does. Each case follows
 * electron_api_context_bridge.cc and the matching case of Electron's spec/api-context-bridge-spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { createMixlabApi, MixlabError, type MixlabApi } from '../../shared/api';
import { EngineError } from '../../shared/errors';
import { toUserError } from '../../renderer/src/api/userError';
import { exposeInMainWorld, passValue, UNKNOWN_EXCEPTION } from './contextBridge';

const toPage = (value: unknown) => passValue(value, 'preload', 'page');
const global = globalThis as Record<string, unknown>;

/** A rejection as the page's `catch` receives it. */
async function rejectionOf(promise: unknown): Promise<unknown> {
  try {
    await promise;
  } catch (reason) {
    return reason;
  }
  throw new Error('expected a rejection');
}

describe('contextBridge stand-in: values', () => {
  it('reduces an Error, and any subclass, to Error(message): name, code and details are lost', () => {
    const error = new MixlabError('cancelled', 'The import was cancelled.', { rows: 10 });
    const passed = toPage(error) as Error;
    expect(Object.getPrototypeOf(passed)).toBe(Error.prototype);
    expect(passed.message).toBe('The import was cancelled.');
    expect(passed.name).toBe('Error');
    expect(passed).not.toHaveProperty('code');
    expect(passed).not.toHaveProperty('details');
  });

  it('copies a class instance as a plain object: own enumerable fields, no prototype, no getters of its class', () => {
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
      get norm() {
        return Math.hypot(this.x, this.y);
      }
    }
    const passed = toPage(new Point(3, 4)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(passed)).toBe(Object.prototype);
    expect(passed).toEqual({ x: 3, y: 4 });
    expect(passed.norm).toBeUndefined();
  });

  it('drops non-enumerable properties and reads own getters once, as values', () => {
    const source = { shown: 1 };
    Object.defineProperty(source, 'hidden', { value: 2, enumerable: false });
    let reads = 0;
    Object.defineProperty(source, 'computed', {
      get: () => ++reads,
      enumerable: true,
    });
    const passed = toPage(source) as Record<string, unknown>;
    expect(Object.keys(passed)).toEqual(['shown', 'computed']);
    expect(passed.hidden).toBeUndefined();
    expect([passed.computed, passed.computed]).toEqual([1, 1]);
  });

  it('copies objects and arrays (a change on one side is not seen on the other), keeping shared references shared', () => {
    const shared = { k: 1 };
    const source = { a: shared, b: shared, list: [shared, 2] };
    const passed = toPage(source) as { a: object; b: object; list: unknown[] };
    expect(passed).not.toBe(source);
    expect(passed.a).toBe(passed.b);
    expect(passed.list[0]).toBe(passed.a);
    shared.k = 2;
    expect(passed.a).toEqual({ k: 1 });
  });

  it('structured-clones typed arrays and dates into new objects of the same kind', () => {
    const values = Float64Array.of(1.5, NaN, -0);
    const passed = toPage({ values, at: new Date(5) }) as { values: Float64Array; at: Date };
    expect(passed.values).toBeInstanceOf(Float64Array);
    expect(passed.values).not.toBe(values);
    expect(Array.from(passed.values)).toEqual([1.5, NaN, -0]);
    expect(passed.at).toBeInstanceOf(Date);
    expect(passed.at.getTime()).toBe(5);
  });

  it('passes symbols as primitives and copies symbol keys (the source and spec, not the docs’ table)', () => {
    const tag = Symbol('tag');
    const passed = toPage({ [tag]: 123, tag }) as Record<PropertyKey, unknown>;
    expect(passed.tag).toBe(tag);
    expect(passed[tag]).toBe(123);
  });

  it('refuses what the structured clone cannot copy', () => {
    expect(() => toPage(new WeakMap())).toThrow();
  });
});

describe('contextBridge stand-in: functions and promises', () => {
  it('proxies functions both ways; a proxy sent back is the original', () => {
    const original = (fn: (n: number) => number) => fn(123);
    const proxy = toPage(original) as typeof original;
    expect(proxy).not.toBe(original);
    expect(proxy((n) => n + 1)).toBe(124);
    expect(passValue(proxy, 'page', 'preload')).toBe(original);
  });

  it('turns a synchronously thrown object into Error(message), or Electron’s sentence without one', () => {
    const throwsCoded = toPage(() => {
      throw { code: 'cancelled', message: 'Cancelled.' };
    }) as () => void;
    expect(throwsCoded).toThrowError(new Error('Cancelled.'));
    try {
      throwsCoded();
    } catch (error) {
      expect(error).not.toHaveProperty('code');
    }
    const throwsString = toPage(() => {
      throw 'no error';
    }) as () => void;
    expect(throwsString).toThrowError(UNKNOWN_EXCEPTION);
  });

  it('settles a returned promise with the value copied, and a rejection with its reason copied', async () => {
    const api = toPage({
      resolves: async () => ({ rows: Int32Array.of(1, 2) }),
      rejectsPlain: async () => Promise.reject({ name: 'MixlabError', code: 'cancelled', message: 'No.' }),
      rejectsError: async () => Promise.reject(new EngineError('cancelled', 'No.')),
    }) as Record<string, () => Promise<unknown>>;
    await expect(api.resolves()).resolves.toEqual({ rows: Int32Array.of(1, 2) });
    const plain = await rejectionOf(api.rejectsPlain());
    expect(plain).toEqual({ name: 'MixlabError', code: 'cancelled', message: 'No.' });
    expect(plain).not.toBeInstanceOf(Error);
    const error = await rejectionOf(api.rejectsError());
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toHaveProperty('code');
  });
});

describe('contextBridge stand-in: exposeInMainWorld', () => {
  // The global is read-only and non-configurable by design: each test exposes under a fresh key.
  it('defines a read-only, deep-frozen global and refuses to overwrite an existing one', () => {
    exposeInMainWorld('__bridgeTestApi', { nested: { value: 1 }, call: () => 2 });
    const api = global.__bridgeTestApi as { nested: { value: number }; call: () => number };
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.nested)).toBe(true);
    expect(api.call()).toBe(2);
    expect(() => {
      global.__bridgeTestApi = {};
    }).toThrow();
    expect(() => exposeInMainWorld('__bridgeTestApi', {})).toThrowError(
      'Cannot bind an API on top of an existing property on the window object',
    );
  });
});

describe('window.mixlab across the bridge', () => {
  /** createMixlabApi as the preload builds it, over a transport that refuses every call. */
  function exposedApi(
    key: string,
    error: { code: string; message: string; details?: Record<string, unknown> },
  ) {
    const api = createMixlabApi(
      async () => ({ ok: false, error }),
      () => () => undefined,
      { pathForDroppedFile: () => null },
    );
    exposeInMainWorld(key, api);
    return global[key] as MixlabApi;
  }

  it('keeps a refusal’s code and details: the page rebuilds the error from the plain rejection', async () => {
    const api = exposedApi('__mixlabCoded', {
      code: 'singular_component',
      message: 'Component 2 collapsed.',
      details: { component: 1 },
    });
    const reason = await rejectionOf(api.fit({ jobId: 'fit-1', request: {} as never }));
    expect(toUserError(reason)).toEqual({
      code: 'singular_component',
      message: 'Component 2 collapsed.',
      details: { component: 1 },
    });
  });

  it('a MixlabError thrown by the preload would arrive without its code (why the preload rejects with data)', async () => {
    exposeInMainWorld('__mixlabOld', {
      cancelJob: async () => {
        throw new MixlabError('cancelled', 'Cancelled.');
      },
    });
    const api = global.__mixlabOld as { cancelJob: () => Promise<unknown> };
    expect(toUserError(await rejectionOf(api.cancelJob()))).toEqual({
      code: 'internal',
      message: 'Cancelled.',
    });
  });
});
