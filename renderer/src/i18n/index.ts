import { createI18n } from 'vue-i18n';
import en, { type Messages } from './en';
import engineErrorsEn, { type EngineErrorMessages } from './engineErrors.en';
import engineErrorsZhCN from './engineErrors.zh-CN';
import zhCN from './zh-CN';
import backgroundEn, { type BackgroundMessages } from './background.en';
import backgroundZhCN from './background.zh-CN';

export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];

/** Names shown in the language switch, each in its own language. */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * The UI strings and, in files of their own, the refusals by code (`engineErrors`) and the
 * background model's screen (`background`).
 */
export type AppMessages = Messages & { engineErrors: EngineErrorMessages; background: BackgroundMessages };

export const messages: Record<AppLocale, AppMessages> = {
  en: { ...en, engineErrors: engineErrorsEn, background: backgroundEn },
  'zh-CN': { ...zhCN, engineErrors: engineErrorsZhCN, background: backgroundZhCN },
};

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * The UI language: the user's saved choice, else the first OS/browser language we have (any
 * Chinese variant gets Simplified Chinese, the only Chinese we ship), else English.
 */
export function resolveLocale(
  saved: string | null,
  candidates: readonly (string | null | undefined)[],
): AppLocale {
  if (isAppLocale(saved)) return saved;
  for (const candidate of candidates) {
    const primary = candidate?.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/**
 * Composition-API i18n (legacy off). Messages are plain strings compiled by vue-i18n's JIT compiler
 * to an AST and evaluated without `eval`/`new Function`, so it runs under the page's strict CSP.
 */
export function createAppI18n(locale: AppLocale) {
  return createI18n<[AppMessages], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages,
    missingWarn: false,
    fallbackWarn: false,
  });
}
