/**
 * A refusal in the user's language. Errors reach the page with a stable `code`, structured `details`
 * and the engine's English sentence (shared/errors.ts); the text shown is looked up by code — in
 * engineErrors.* (i18n/engineErrors.*.ts), then the fit's and the project dialog's own tables — with
 * the details' facts interpolated, and the English sentence is kept as the details under it, for
 * support. A code no table knows shows the English sentence in English and a general sentence with
 * the English one as details in any other language: never an untranslated sentence alone.
 */
import { useI18n } from 'vue-i18n';
import type { UserError } from '../api/userError';
import { countPhrase, type CountTranslator } from './counts';
import { formatBytes, formatCount } from './format';

export interface ErrorText {
  /** What happened and what to do, in the UI language. */
  text: string;
  /** The engine's own sentence (English), when it says more than `text`; null otherwise. */
  detail: string | null;
}

export interface ErrorTranslator extends CountTranslator {
  t(key: string, named?: Record<string, unknown>, plural?: number): string;
  te(key: string): boolean;
}

type Details = Record<string, unknown>;
interface Facts {
  details: Details;
  locale: string;
  i18n: ErrorTranslator;
}

const num = (f: Facts, value: unknown) => (typeof value === 'number' ? formatCount(value, f.locale) : '?');
const bytes = (f: Facts, value: unknown) => (typeof value === 'number' ? formatBytes(value, f.locale) : '?');
const names = (value: unknown) => (Array.isArray(value) ? value.map((v) => `“${String(v)}”`).join(', ') : '');

/** Codes whose sentence depends on a fact: the sub-key under engineErrors.<code>. */
const VARIANTS: Record<string, (d: Details) => string> = {
  not_text: (d) => (typeof d.detected === 'string' ? d.detected : 'binary'),
  unterminated_quote: (d) => (typeof d.closeLine === 'number' ? 'closed' : 'open'),
  export_unencodable: (d) => (typeof d.line === 'number' ? 'line' : 'any'),
};

/** The placeholders of each code's sentence, from its details. */
const PARAMS: Record<string, (f: Facts) => Record<string, string>> = {
  no_data_rows: (f) => ({
    columns: countPhrase(
      f.i18n,
      f.locale,
      'columns',
      Array.isArray(f.details.headerFields) ? f.details.headerFields.length : 0,
    ),
  }),
  undecodable: (f) => ({ encoding: String(f.details.encoding ?? '').toUpperCase() }),
  unknown_sheet: (f) => ({ sheets: names(f.details.sheets) }),
  unterminated_quote: (f) => ({ line: num(f, f.details.line), closeLine: num(f, f.details.closeLine) }),
  file_too_large: (f) => ({ size: bytes(f, f.details.size), limit: bytes(f, f.details.limit) }),
  record_too_long: (f) => ({ limit: bytes(f, f.details.limit) }),
  too_many_columns: (f) => ({ columns: num(f, f.details.columns), limit: num(f, f.details.limit) }),
  too_many_cells: (f) => ({ columns: num(f, f.details.columns), limit: num(f, f.details.limit) }),
  save_failed: (f) => {
    const reason = typeof f.details.reason === 'string' ? f.details.reason : 'unknown';
    const key = `engineErrors.saveReason.${reason}`;
    return { reason: f.i18n.te(key) ? f.i18n.t(key) : f.i18n.t('engineErrors.saveReason.unknown') };
  },
  export_unencodable: (f) => ({ line: num(f, f.details.line), character: String(f.details.character ?? '') }),
  model_columns_missing: (f) => ({ columns: names(f.details.missing) }),
  // The fit's own table (fitError.*) names the component from the details, 1-based.
  singular_component: (f) => ({
    component: typeof f.details.component === 'number' ? String(f.details.component + 1) : '?',
  }),
};

/** The tables a code is looked up in, in order (a view may put its own first: `prefer`). */
const TABLES = ['engineErrors', 'fitError', 'project.refused'];

export function errorText(
  error: UserError,
  i18n: ErrorTranslator,
  locale: string,
  prefer: readonly string[] = [],
): ErrorText {
  const message = error.message.trim();
  const details = error.details ?? {};
  const variant = VARIANTS[error.code]?.(details);
  const keys = [...prefer, ...TABLES].flatMap((table) => [
    ...(variant ? [`${table}.${error.code}.${variant}`] : []),
    `${table}.${error.code}`,
  ]);
  const key = keys.find((k) => i18n.te(k));
  if (key) {
    const text = i18n.t(key, PARAMS[error.code]?.({ details, locale, i18n }) ?? {});
    return { text, detail: message && message !== text ? message : null };
  }
  if (!message) return { text: i18n.t('errors.unexpected'), detail: null };
  if (locale === 'en' || locale.startsWith('en-')) return { text: message, detail: null };
  return { text: i18n.t('engineErrors.fallback'), detail: message };
}

/** errorText bound to the component's i18n and the current locale. */
export function useErrorText(prefer: readonly string[] = []): (error: UserError) => ErrorText {
  const i18n = useI18n();
  return (error) => errorText(error, i18n, i18n.locale.value, prefer);
}
