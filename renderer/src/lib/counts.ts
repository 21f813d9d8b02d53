/**
 * Counts in words, with the plural form the language needs ("1 row", "2 rows"; Chinese has one form)
 * and the locale's digit grouping (lib/format.ts). Messages hold their forms separated by `|`,
 * vue-i18n's plural syntax, and `t`'s third argument picks the form: English has "one" for 1 and
 * "other" for every other count, 0 included.
 */
import { useI18n } from 'vue-i18n';
import { formatCount } from './format';

/** The units of the `count` messages: "{n} row | {n} rows". */
export type CountUnit = 'rows' | 'columns' | 'threads' | 'cells' | 'restarts' | 'components' | 'iterations';

/** The part of a vue-i18n composer the counts use (a component's useI18n(), or the global one). */
export interface CountTranslator {
  t(key: string, named: Record<string, unknown>, plural: number): string;
}

/** "1 row", "1,200 rows", "1,200 行". */
export function countPhrase(i18n: CountTranslator, locale: string, unit: CountUnit, value: number): string {
  return i18n.t(`count.${unit}`, { n: formatCount(value, locale) }, value);
}

/**
 * A message with plural forms chosen by `value`, whose `{count}` (or `{n}`) is `value` grouped as
 * the locale does.
 */
export function pluralText(
  i18n: CountTranslator,
  locale: string,
  key: string,
  value: number,
  params: Record<string, unknown> = {},
): string {
  const grouped = formatCount(value, locale);
  return i18n.t(key, { n: grouped, count: grouped, ...params }, value);
}

/** Both, bound to the component's i18n and the current locale. */
export function useCounts() {
  const i18n = useI18n();
  return {
    count: (unit: CountUnit, value: number) => countPhrase(i18n, i18n.locale.value, unit, value),
    plural: (key: string, value: number, params: Record<string, unknown> = {}) =>
      pluralText(i18n, i18n.locale.value, key, value, params),
  };
}
