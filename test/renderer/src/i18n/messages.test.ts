import { describe, expect, it } from 'vitest';
import { createAppI18n, messages, resolveLocale } from '../../../../renderer/src/i18n';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The names a message interpolates, each once (plural forms repeat them). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/**
 * A message's plural forms as vue-i18n reads them (split at `|` outside braces) and, for each, the
 * text it must render with every `{name}` given as `<name>`: `{'x'}` literals are x.
 */
function expectedForms(source: string): string[] {
  const forms: string[] = [];
  let form = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '{') {
      const end = source.indexOf('}', i);
      const inner = source.slice(i + 1, end).trim();
      form += /^'.*'$/.test(inner) ? inner.slice(1, -1) : `<${inner}>`;
      i = end + 1;
    } else if (ch === '|') {
      forms.push(form.trim());
      form = '';
      i++;
    } else {
      form += ch;
      i++;
    }
  }
  forms.push(form.trim());
  return forms;
}

describe('UI strings', () => {
  const enLeaves = leaves(messages.en as unknown as Tree);
  const zhLeaves = leaves(messages['zh-CN'] as unknown as Tree);

  it('have the same keys in English and Simplified Chinese', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...enLeaves, ...zhLeaves]) expect(value.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of enLeaves)
      expect(placeholders(zhLeaves.get(key) ?? ''), key).toEqual(placeholders(value));
  });

  it('compile and interpolate in both languages (vue-i18n message syntax, no leftovers)', () => {
    const i18n = createAppI18n('en');
    for (const locale of ['en', 'zh-CN'] as const) {
      i18n.global.locale.value = locale;
      for (const [key, value] of locale === 'en' ? enLeaves : zhLeaves) {
        const params = Object.fromEntries(placeholders(value).map((p) => [p, `<${p}>`]));
        const text = i18n.global.t(key, params);
        expect(text, key).not.toBe(key);
        expect(text, key).not.toMatch(/[{}]/);
        for (const p of Object.keys(params)) expect(text, key).toContain(`<${p}>`);
      }
    }
  });
});

describe('UI strings as vue-i18n renders them', () => {
  const i18n = createAppI18n('en');
  const cases = (['en', 'zh-CN'] as const).flatMap((locale) =>
    [...leaves(messages[locale] as unknown as Tree)].map(([key, source]) => ({ locale, key, source })),
  );

  it('lose no character: a literal |, {, } or @ is escaped, every other character is shown', () => {
    for (const { locale, key, source } of cases) {
      i18n.global.locale.value = locale;
      const params = Object.fromEntries(placeholders(source).map((p) => [p, `<${p}>`]));
      const forms = expectedForms(source);
      // vue-i18n's rule for two forms: 1 takes the first, every other count the second; one form serves all.
      for (const [count, form] of [
        [1, 0],
        [2, 1],
        [0, 1],
      ] as const)
        expect(i18n.global.t(key, params, count), `${locale} ${key} (${count})`).toBe(
          forms[Math.min(form, forms.length - 1)],
        );
    }
  });

  it('use plural forms only for counts: every form shows the count ({n} or {count})', () => {
    for (const { locale, key, source } of cases) {
      const forms = expectedForms(source);
      if (forms.length === 1) continue;
      expect(forms.length, `${locale} ${key}`).toBe(2);
      for (const form of forms) expect(form, `${locale} ${key}`).toMatch(/<n>|<count>/);
    }
  });

  it('says "1 row" and "2 rows" in English and has one form in Chinese', () => {
    i18n.global.locale.value = 'en';
    expect(i18n.global.t('count.rows', { n: '1' }, 1)).toBe('1 row');
    expect(i18n.global.t('count.rows', { n: '1,200' }, 1200)).toBe('1,200 rows');
    expect(i18n.global.t('count.columns', { n: '0' }, 0)).toBe('0 columns');
    expect(i18n.global.t('exports.delimiters.pipe')).toBe('Pipe (|)');
    i18n.global.locale.value = 'zh-CN';
    expect(i18n.global.t('count.rows', { n: '1' }, 1)).toBe('1 行');
    expect(i18n.global.t('count.rows', { n: '2' }, 2)).toBe('2 行');
    expect(i18n.global.t('exports.delimiters.pipe')).toBe('竖线（|）');
  });
});

describe('resolveLocale', () => {
  it('prefers the saved choice', () => {
    expect(resolveLocale('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
  });
  it('follows the first OS language it knows, any Chinese variant giving Simplified Chinese', () => {
    expect(resolveLocale(null, ['zh-CN'])).toBe('zh-CN');
    expect(resolveLocale(null, ['zh_TW'])).toBe('zh-CN');
    expect(resolveLocale(null, ['fr-FR', 'zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(resolveLocale('klingon', ['de-DE', 'en-GB'])).toBe('en');
  });
  it('falls back to English', () => {
    expect(resolveLocale(null, [])).toBe('en');
    expect(resolveLocale(null, [null, undefined, 'ja-JP'])).toBe('en');
  });
});
