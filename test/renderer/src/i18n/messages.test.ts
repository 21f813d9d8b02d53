import { describe, expect, it } from 'vitest';
import en from '../../../../renderer/src/i18n/en';
import zhCN from '../../../../renderer/src/i18n/zh-CN';
import { createAppI18n, resolveLocale } from '../../../../renderer/src/i18n';

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

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  const enLeaves = leaves(en as Tree);
  const zhLeaves = leaves(zhCN as Tree);

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
