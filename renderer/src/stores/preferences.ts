import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref } from 'vue';
import { isAppLocale, resolveLocale, type AppLocale } from '../i18n';
import { useBrowserEnv, type PreferenceStorage } from '../platform/browserEnv';

export type ThemeMode = 'auto' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'mixlab.theme';
export const LOCALE_KEY = 'mixlab.locale';

const isThemeMode = (v: unknown): v is ThemeMode => v === 'auto' || v === 'light' || v === 'dark';

/** Theme and language: follow the OS until the user picks, then remember the pick. */
export const usePreferencesStore = defineStore('preferences', () => {
  const env = useBrowserEnv();
  const storage = env.storage;

  const savedTheme = read(storage, THEME_KEY);
  const themeMode = ref<ThemeMode>(isThemeMode(savedTheme) ? savedTheme : 'auto');
  const systemDark = ref(env.darkScheme?.matches ?? false);
  const theme = computed<Theme>(() =>
    themeMode.value === 'auto' ? (systemDark.value ? 'dark' : 'light') : themeMode.value,
  );

  if (env.darkScheme) {
    const query = env.darkScheme;
    const onChange = (event: { matches: boolean }) => (systemDark.value = event.matches);
    query.addEventListener('change', onChange);
    onScopeDispose(() => query.removeEventListener('change', onChange));
  }

  const savedLocale = read(storage, LOCALE_KEY);
  const localeChosen = ref(isAppLocale(savedLocale));
  const locale = ref<AppLocale>(resolveLocale(savedLocale, env.languages));

  function setThemeMode(mode: ThemeMode): void {
    themeMode.value = mode;
    write(storage, THEME_KEY, mode);
  }

  function setLocale(next: AppLocale): void {
    locale.value = next;
    localeChosen.value = true;
    write(storage, LOCALE_KEY, next);
  }

  /**
   * The OS facts from the main process (getAppInfo) are more reliable than the page's navigator
   * (Electron reports the app's locale there); use them unless the user already chose.
   */
  function adoptSystem(info: { locale: string; prefersDark: boolean }): void {
    if (!localeChosen.value) locale.value = resolveLocale(null, [info.locale, ...env.languages]);
    if (!env.darkScheme) systemDark.value = info.prefersDark;
  }

  return { themeMode, theme, systemDark, locale, localeChosen, setThemeMode, setLocale, adoptSystem };
});

function read(storage: PreferenceStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: PreferenceStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage full or disabled: the choice still holds for this session.
  }
}
