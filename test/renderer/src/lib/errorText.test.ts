import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../../renderer/src/i18n';
import { errorText } from '../../../../renderer/src/lib/errorText';

function inLocale(locale: 'en' | 'zh-CN') {
  const i18n = createAppI18n(locale).global;
  return { i18n, locale };
}

describe('errorText: refusals by code in the UI language', () => {
  const tooLarge = {
    code: 'file_too_large',
    message:
      'The file is 5 GB; Mixture Lab imports files of up to 4 GB, because the whole table is held in memory. Split the file, or export only the rows and columns you need.',
    details: { size: 5 * 2 ** 30, limit: 4 * 2 ** 30 },
  };

  it('translates an import refusal with the facts of its details, the engine sentence kept as detail', () => {
    const { i18n, locale } = inLocale('zh-CN');
    const shown = errorText(tooLarge, i18n, locale);
    expect(shown.text).toBe(
      '文件大小为 5.0 GB；Mixture Lab 最多导入 4.0 GB 的文件，因为整个表格都保存在内存中。请拆分文件，或只导出需要的行和列。',
    );
    expect(shown.detail).toBe(tooLarge.message);
  });

  it('picks the sentence a fact selects (what the bytes are, whether a quote closes)', () => {
    const { i18n, locale } = inLocale('en');
    const zip = errorText({ code: 'not_text', message: 'x', details: { detected: 'zip' } }, i18n, locale);
    expect(zip.text).toMatch(/ZIP container/);
    const quote = errorText(
      { code: 'unterminated_quote', message: 'x', details: { line: 12000, row: 11999, closeLine: null } },
      i18n,
      locale,
    );
    expect(quote.text).toMatch(/^A quote \(".*\) opens a field on line 12,000 and is never closed/);
  });

  it('says why a save failed in words, in Chinese', () => {
    const { i18n, locale } = inLocale('zh-CN');
    const shown = errorText(
      {
        code: 'save_failed',
        message: 'Could not save "/a/b.csv": the disk is full (ENOSPC).',
        details: { reason: 'ENOSPC' },
      },
      i18n,
      locale,
    );
    expect(shown.text).toBe('文件未保存（磁盘已满）。原有文件（如有）保持不变。');
  });

  it('lets a view put its own table first and names the component 1-based', () => {
    const { i18n, locale } = inLocale('zh-CN');
    const singular = {
      code: 'singular_component',
      message: 'Component 2 collapsed…',
      details: { component: 1 },
    };
    expect(errorText(singular, i18n, locale).text).toMatch(/^聚类 2 塌缩/);
    const crashed = { code: 'engine_crashed', message: 'The engine exited.' };
    expect(errorText(crashed, i18n, locale, ['fitError']).text).toBe(i18n.t('fitError.engine_crashed'));
    expect(errorText(crashed, i18n, locale).text).toBe(i18n.t('engineErrors.engine_crashed'));
  });

  it('shows an unknown code’s English sentence in English, and a general sentence with it as detail in Chinese', () => {
    const unknown = { code: 'something_new', message: 'A new refusal.' };
    const en = inLocale('en');
    expect(errorText(unknown, en.i18n, en.locale)).toEqual({ text: 'A new refusal.', detail: null });
    const zh = inLocale('zh-CN');
    expect(errorText(unknown, zh.i18n, zh.locale)).toEqual({
      text: '操作未能完成。',
      detail: 'A new refusal.',
    });
  });

  it('never shows an empty message', () => {
    const { i18n, locale } = inLocale('zh-CN');
    expect(errorText({ code: 'something_new', message: '' }, i18n, locale)).toEqual({
      text: '发生意外错误，请重试。',
      detail: null,
    });
  });
});
