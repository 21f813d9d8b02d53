import { inject, type InjectionKey } from 'vue';

/** The slice of localStorage the preferences use. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The slice of a MediaQueryList the theme follows. */
export interface ColorSchemeQuery {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: (event: { matches: boolean }) => void): void;
  removeEventListener(type: 'change', listener: (event: { matches: boolean }) => void): void;
}

/**
 * Browser facilities the stores depend on, injected like the clients so tests (in Node) pass fakes.
 * Declared structurally, not with DOM types, so this compiles without the DOM library.
 */
export interface BrowserEnv {
  storage: PreferenceStorage | null;
  /** `(prefers-color-scheme: dark)`, or null where matchMedia does not exist. */
  darkScheme: ColorSchemeQuery | null;
  /** navigator.languages, most preferred first. */
  languages: readonly string[];
}

type BrowserGlobals = {
  localStorage?: PreferenceStorage;
  matchMedia?: (query: string) => ColorSchemeQuery;
  navigator?: { languages?: readonly string[]; language?: string };
};

export function browserEnv(): BrowserEnv {
  const g = globalThis as BrowserGlobals;
  let storage: PreferenceStorage | null;
  try {
    // Reading localStorage throws where storage is disabled; preferences then last for the session.
    storage = g.localStorage ?? null;
  } catch {
    storage = null;
  }
  const nav = g.navigator;
  return {
    storage,
    darkScheme: typeof g.matchMedia === 'function' ? g.matchMedia('(prefers-color-scheme: dark)') : null,
    languages: nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [],
  };
}

export const browserEnvKey: InjectionKey<BrowserEnv> = Symbol('mixlab.browserEnv');

export function useBrowserEnv(): BrowserEnv {
  return inject(browserEnvKey, null) ?? browserEnv();
}
