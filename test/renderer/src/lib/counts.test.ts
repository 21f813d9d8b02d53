import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../../renderer/src/i18n';
import { countPhrase, pluralText } from '../../../../renderer/src/lib/counts';

const inLocale = (locale: 'en' | 'zh-CN') => ({ i18n: createAppI18n(locale).global });

describe('counts in words', () => {
  it('takes the singular for 1 and the plural otherwise, grouped as the locale does', () => {
    const en = inLocale('en');
    expect(countPhrase(en.i18n, 'en', 'rows', 1)).toBe('1 row');
    expect(countPhrase(en.i18n, 'en', 'columns', 1)).toBe('1 column');
    expect(countPhrase(en.i18n, 'en', 'rows', 15)).toBe('15 rows');
    expect(countPhrase(en.i18n, 'en', 'rows', 1234567)).toBe('1,234,567 rows');
    expect(pluralText(en.i18n, 'en', 'preprocess.dropped', 1)).toBe(
      '1 row with missing values in the selected columns will be left out.',
    );
    const zh = inLocale('zh-CN');
    expect(countPhrase(zh.i18n, 'zh-CN', 'columns', 1)).toBe('1 列');
    expect(zh.i18n.t('topbar.fileMeta', { rows: '15 行', columns: '1 列' })).toBe('15 行 · 1 列');
  });
});
