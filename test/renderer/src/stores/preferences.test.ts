import { describe, expect, it } from 'vitest';
import { LOCALE_KEY, THEME_KEY, usePreferencesStore } from '../../../../renderer/src/stores/preferences';
import { createFakeApi, fakeDarkScheme, installStores, memoryStorage } from '../../support/fakeApi';

describe('preferences store', () => {
  it('follows the OS colour scheme in Auto mode, live', () => {
    const darkScheme = fakeDarkScheme(false);
    installStores(createFakeApi(), { darkScheme });
    const prefs = usePreferencesStore();
    expect(prefs.themeMode).toBe('auto');
    expect(prefs.theme).toBe('light');
    darkScheme.change(true);
    expect(prefs.theme).toBe('dark');
  });

  it('lets the user force a theme and remembers it', () => {
    const storage = memoryStorage();
    const darkScheme = fakeDarkScheme(true);
    installStores(createFakeApi(), { storage, darkScheme });
    const prefs = usePreferencesStore();
    prefs.setThemeMode('light');
    expect(prefs.theme).toBe('light');
    darkScheme.change(true);
    expect(prefs.theme).toBe('light');
    expect(storage.data.get(THEME_KEY)).toBe('light');
  });

  it('starts from the saved theme and language', () => {
    installStores(createFakeApi(), {
      storage: memoryStorage({ [THEME_KEY]: 'dark', [LOCALE_KEY]: 'zh-CN' }),
      languages: ['en-US'],
    });
    const prefs = usePreferencesStore();
    expect(prefs.theme).toBe('dark');
    expect(prefs.locale).toBe('zh-CN');
  });

  it('follows the OS locale from the main process until the user picks a language', () => {
    installStores(createFakeApi(), { languages: ['en-US'] });
    const prefs = usePreferencesStore();
    expect(prefs.locale).toBe('en');
    prefs.adoptSystem({ locale: 'zh-CN', prefersDark: false });
    expect(prefs.locale).toBe('zh-CN');
  });

  it('keeps the user’s language over the OS locale, and remembers it', () => {
    const storage = memoryStorage();
    installStores(createFakeApi(), { storage, languages: ['zh-CN'] });
    const prefs = usePreferencesStore();
    expect(prefs.locale).toBe('zh-CN');
    prefs.setLocale('en');
    prefs.adoptSystem({ locale: 'zh-CN', prefersDark: true });
    expect(prefs.locale).toBe('en');
    expect(storage.data.get(LOCALE_KEY)).toBe('en');
  });

  it('ignores unknown saved values and storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    installStores(createFakeApi(), { storage: throwing, languages: ['fr-FR'] });
    const prefs = usePreferencesStore();
    expect(prefs.themeMode).toBe('auto');
    expect(prefs.locale).toBe('en');
    prefs.setThemeMode('dark');
    expect(prefs.theme).toBe('dark');
  });

  it('uses the OS scheme from the main process where matchMedia is missing', () => {
    installStores(createFakeApi(), { darkScheme: null });
    const prefs = usePreferencesStore();
    prefs.adoptSystem({ locale: 'en-US', prefersDark: true });
    expect(prefs.theme).toBe('dark');
  });

  it('removes its colour-scheme listener when disposed', () => {
    const darkScheme = fakeDarkScheme(false);
    installStores(createFakeApi(), { darkScheme });
    usePreferencesStore().$dispose();
    expect(darkScheme.listeners).toBe(0);
  });
});
