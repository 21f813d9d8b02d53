import { describe, expect, it } from 'vitest';
import { isTotalLabel } from '../../../shared/data/totalRowLabels';

describe('isTotalLabel', () => {
  it.each([
    'Total',
    'TOTAL',
    ' total: ',
    'Totals',
    'Grand Total',
    'North Total',
    'Total 2023',
    'Subtotal',
    'Sub-total',
    'Sum',
    'Sum:',
    '合计',
    '合计：',
    '总计',
    '华东小计',
    '小计（华东）',
    '合計',
    'Summe',
    'Gesamt',
    'Insgesamt',
  ])('%j is a summary label', (label) => expect(isTotalLabel(label)).toBe(true));

  it.each([
    '',
    'Totally',
    'Subtotals pending review',
    'Sum of squares',
    'Summer',
    'Total cholesterol level in blood samples taken',
    'Totalitarian',
    'consumption',
  ])('%j is not', (label) => expect(isTotalLabel(label)).toBe(false));
});
