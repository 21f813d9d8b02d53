/**
 * Labels spreadsheets put on summary rows, in the languages of our users' exports: English (Excel's
 * Data ▸ Subtotal writes "North Total" and "Grand Total"), Simplified and Traditional Chinese
 * (合计 / 合計, 总计 / 總計, 小计 / 小計, 共计, 总和), German (Summe, Gesamt, Insgesamt), French and
 * Spanish (Total, Suma). A label matches when, trimmed, lower-cased and without a trailing colon,
 * it is one of these words or starts or ends with one (as a word, for the Latin ones), so
 * "Total:", "Total 2023", "North Total" and "华东小计" match and "Totally", "Summer", "Sum of
 * squares" do not. A label alone never makes a row a summary row: its numbers must be sums too
 * (totalRows.ts).
 */
const WORDS = [
  'grand total',
  'sub-total',
  'sub total',
  'subtotal',
  'totals',
  'total',
  'sum',
  'summe',
  'gesamtsumme',
  'gesamt',
  'insgesamt',
  'suma',
];
/** "Sum" and "Summe" only alone ("Sum of squares" is a measurement's name). */
const ALONE = new Set(['sum', 'summe', 'suma']);
const CJK = ['合计', '合計', '总计', '總計', '小计', '小計', '共计', '共計', '总和', '總和'];

/** Longest label considered (a cell of prose is not a label). */
const MAX_LABEL = 40;

export function isTotalLabel(text: string): boolean {
  if (text.length > MAX_LABEL * 2) return false;
  const label = text
    .trim()
    .replace(/[:：]+$/, '')
    .trim()
    .toLowerCase();
  if (label.length === 0 || label.length > MAX_LABEL) return false;
  for (const word of CJK) if (label.startsWith(word) || label.endsWith(word)) return true;
  for (const word of WORDS) {
    if (label === word) return true;
    if (ALONE.has(word)) continue;
    if (label.startsWith(word + ' ') || label.endsWith(' ' + word)) return true;
  }
  return false;
}
