/**
 * Stand-in for Electron's `contextBridge` in the e2e harness: the page and the preload share one
 * JavaScript world here, so every value crossing between them is passed by Electron's rules, and
 * the tests see what the real page sees. Copied rule by rule from Electron's
 * shell/renderer/api/electron_api_context_bridge.cc (PassValueToOtherContextInner,
 * ProxyFunctionWrapper, CreateProxyForAPI, ExposeAPI; electron/electron at 96f3996, the same rules
 * on the 44-x-y branch) and docs/api/context-bridge.md, "Parameter / Error / Return Type support":
 *
 *   string, number, boolean, null, undefined, bigint, symbol   passed as they are
 *   function          a proxy; its arguments cross back, its result or exception crosses over;
 *                     a proxy sent back to the world it came from is the original again
 *   Promise           a new promise settled with the value or reason passed across
 *   Error (any subclass: V8's IsNativeError)
 *                     `new Error(message)`: name, code, details, stack, every own field lost
 *   Array             copied element by element
 *   Element, Blob     the same DOM object (File is a Blob)
 *   any other object that is not one of V8's built-in kinds — a literal and a class instance alike
 *                     copied: own enumerable properties read as values (getters run once),
 *                     prototype dropped
 *   typed arrays, Date, RegExp, Map, Set, ArrayBuffer, boxed primitives
 *                     the structured clone; what it cannot clone throws
 *   a thrown exception `Error(exception.message)`, or Electron's "unknown exception" sentence
 *
 * Symbols: the docs' table says they are dropped, but the source passes a symbol as a primitive and
 * copies symbol keys (GetOwnPropertyNames with ONLY_ENUMERABLE, no SKIP_SYMBOLS), and Electron's own
 * spec asserts both ("should proxy symbols", "… such that symbol key lookup works"); the code is
 * followed here. Not reproduced: JS Proxy objects, iterators, generators and module namespaces
 * (V8 sends them to the serializer, which refuses them; here they are copied as objects — none
 * crosses window.mixlab) and the exact prefix V8 puts on a re-thrown message.
 */

type World = 'page' | 'preload';
type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

const MAX_DEPTH = 1000;
/** ProxyFunctionWrapper's sentence for a thrown value that has no string `message`. */
export const UNKNOWN_EXCEPTION =
  'An unknown exception occurred in the isolated context, an error occurred but a valid exception was not thrown.';

/** Each proxy's original function and the world it belongs to (Electron keeps it in a private key). */
const originals = new WeakMap<AnyFunction, { fn: AnyFunction; home: World }>();

function isNativeError(value: object): boolean {
  const isError = (Error as { isError?: (v: unknown) => boolean }).isError;
  return isError ? isError(value) : value instanceof Error;
}

function isDomPassThrough(value: object): boolean {
  return (
    (typeof Element !== 'undefined' && value instanceof Element) ||
    (typeof Blob !== 'undefined' && value instanceof Blob)
  );
}

/** V8's IsPlainObject: an object that is none of the built-in kinds handled by their own rule. */
function isPlainObject(value: object): boolean {
  return !(
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Map ||
    value instanceof Set ||
    value instanceof WeakMap ||
    value instanceof WeakSet ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer) ||
    value instanceof Number ||
    value instanceof String ||
    value instanceof Boolean ||
    value instanceof BigInt ||
    value instanceof Symbol
  );
}

/** How a caught exception reads once re-thrown in the other world (v8::Message text). */
function messageOfCaught(error: unknown): string {
  return `Uncaught ${String(error)}`;
}

/** PassValueToOtherContext: `value` as the world `to` receives it from the world `from`. */
export function passValue(
  value: unknown,
  from: World,
  to: World,
  cache: Map<unknown, unknown> = new Map(),
  depth = 0,
  parent: unknown = globalThis,
): unknown {
  if (depth >= MAX_DEPTH)
    throw new TypeError(
      'Electron contextBridge recursion depth exceeded.  Nested objects deeper than 1000 are not supported.',
    );
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (cache.has(value)) return cache.get(value);

  if (typeof value === 'function') {
    const known = originals.get(value as AnyFunction);
    if (known && known.home === to) return known.fn;
    const proxy = proxyFunction(value as AnyFunction, parent, from, to);
    cache.set(value, proxy);
    return proxy;
  }
  if (value instanceof Promise) {
    const proxied = new Promise((resolve, reject) => {
      value.then(
        (result) => settleAcross(result, from, to, resolve, reject, 'result'),
        (reason) => settleAcross(reason, from, to, reject, reject, 'rejection'),
      );
    });
    cache.set(value, proxied);
    return proxied;
  }
  if (isNativeError(value)) {
    const message = (value as { message?: unknown }).message;
    return new Error(typeof message === 'string' ? message : messageOfCaught(value));
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (let i = 0; i < value.length; i++) copy.push(passValue(value[i], from, to, cache, depth + 1, value));
    cache.set(value, copy);
    return copy;
  }
  if (isDomPassThrough(value)) return value;
  if (isPlainObject(value)) {
    const copy: Record<PropertyKey, unknown> = {};
    cache.set(value, copy);
    for (const key of Reflect.ownKeys(value)) {
      if (!Object.prototype.propertyIsEnumerable.call(value, key)) continue;
      const item = (value as Record<PropertyKey, unknown>)[key];
      Object.defineProperty(copy, key, {
        value: passValue(item, from, to, cache, depth + 1, value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  const cloned = structuredClone(value);
  cache.set(value, cloned);
  return cloned;
}

/** The then/catch callbacks of a proxied promise: a value that cannot cross rejects it instead. */
function settleAcross(
  value: unknown,
  from: World,
  to: World,
  settle: (v: unknown) => void,
  reject: (reason: unknown) => void,
  what: 'result' | 'rejection',
): void {
  let passed: unknown;
  try {
    passed = passValue(value, from, to);
  } catch (error) {
    reject(
      error === undefined
        ? new Error(
            `An error was thrown while sending a promise ${what} over the context bridge but it was not actually an Error object.`,
          )
        : new Error(messageOfCaught(error)),
    );
    return;
  }
  settle(passed);
}

/**
 * ProxyFunctionWrapper: arguments cross back to `home`, the result or exception crosses to `to`.
 * The original is called on the object it was found on (`receiver`), whatever the caller's `this`.
 */
function proxyFunction(fn: AnyFunction, receiver: unknown, home: World, to: World): AnyFunction {
  const proxy = (...args: unknown[]): unknown => {
    const cache = new Map<unknown, unknown>();
    // An argument that cannot cross throws here, in the caller's world, as it is.
    const passedArgs = args.map((arg) => passValue(arg, to, home, cache));
    let result: unknown;
    try {
      result = fn.apply(receiver, passedArgs);
    } catch (exception) {
      const message =
        exception !== null && typeof exception === 'object'
          ? (exception as { message?: unknown }).message
          : undefined;
      // A new Error in the caller's world, with no link to the original: Electron keeps none.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(typeof message === 'string' ? message : UNKNOWN_EXCEPTION);
    }
    try {
      return passValue(result, home, to);
    } catch (error) {
      // eslint-disable-next-line preserve-caught-error -- as above
      throw new Error(messageOfCaught(error));
    }
  };
  originals.set(proxy, { fn, home });
  return proxy;
}

/** DeepFreeze in ExposeAPI: the exposed API cannot be changed from either side. */
function deepFreeze(value: object, seen = new Set<object>()): void {
  if (seen.has(value)) return;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const child = (value as Record<PropertyKey, unknown>)[key];
    const isObject = child !== null && (typeof child === 'object' || typeof child === 'function');
    if (isObject && !ArrayBuffer.isView(child)) deepFreeze(child as object, seen);
  }
  Object.freeze(value);
}

/** contextBridge.exposeInMainWorld: `api` passed to the page, frozen, as a read-only global. */
export function exposeInMainWorld(apiKey: string, api: unknown): void {
  const global = globalThis as Record<string, unknown>;
  if (apiKey in global)
    throw new Error('Cannot bind an API on top of an existing property on the window object');
  const exposed = passValue(api, 'preload', 'page');
  if (exposed !== null && typeof exposed === 'object' && !ArrayBuffer.isView(exposed)) deepFreeze(exposed);
  Object.defineProperty(global, apiKey, {
    value: exposed,
    writable: false,
    configurable: false,
    enumerable: true,
  });
}

export const contextBridge = { exposeInMainWorld };
