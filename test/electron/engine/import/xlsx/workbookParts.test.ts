import { describe, expect, it } from 'vitest';
import {
  isDateFormat,
  parseDateStyles,
  parseRelationships,
  resolvePart,
} from '../../../../../electron/engine/import/xlsx/workbookParts';
import { columnOfRef, dateText } from '../../../../../electron/engine/import/xlsx/sheetRows';
import { XLSX_LIMITS } from '../../../../../electron/engine/import/xlsx/xlsxLimits';

describe('workbook parts', () => {
  it('resolves relationship targets against the source folder, or the package root', () => {
    expect(resolvePart('xl/', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/worksheets/', '../sharedStrings.xml')).toBe('xl/sharedStrings.xml');
    const rels = parseRelationships(
      '<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/s.xml"/>' +
        '<Relationship Id="rId2" Type="t/hyperlink" Target="https://x" TargetMode="External"/></Relationships>',
      'xl/_rels/workbook.xml.rels',
      XLSX_LIMITS,
    );
    expect(rels.get('rId1')).toEqual({ type: 't/worksheet', target: 'xl/worksheets/s.xml', external: false });
    expect(rels.get('rId2')).toMatchObject({ target: 'https://x', external: true });
  });

  it('tells date formats from number formats, built-in and custom', () => {
    for (const code of ['yyyy-mm-dd', 'm/d/yy h:mm', '[$-804]yyyy"年"m"月"d"日"', 'hh:mm:ss', 'd-mmm'])
      expect(isDateFormat(code), code).toBe(true);
    for (const code of ['General', '0.00', '#,##0', '0.00E+00', '"days"0', '[Red]0.0'])
      expect(isDateFormat(code), code).toBe(false);
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.000"/></numFmts>' +
      '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="2"/></cellXfs></styleSheet>';
    expect(parseDateStyles(styles, 'xl/styles.xml', XLSX_LIMITS)).toEqual([false, true, true, false, false]);
  });

  it('reads cell references A…XFD and refuses anything else', () => {
    expect(['A1', 'Z9', 'AA10', 'xfd1048576', 'C'].map(columnOfRef)).toEqual([0, 25, 26, 16383, 2]);
    expect(['XFE1', 'AAAA1', '1A', 'A0', 'A12345678', 'A1B', ''].map(columnOfRef)).toEqual([
      -1, -1, -1, -1, -1, -1, -1,
    ]);
  });

  it('writes serial dates as this import always has, 1900 and 1904 systems', () => {
    expect(dateText('45047', false)).toBe('2023-05-01');
    expect(dateText('45047.5', false)).toBe('2023-05-01 12:00:00');
    expect(dateText('43585', true)).toBe('2023-05-01');
    expect(dateText('1e300', false)).toBe('1e300');
  });
});
