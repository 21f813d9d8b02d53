/**
 * A worksheet part (ECMA-376 Part 1, §18.3) as rows of cell texts, streamed: `<sheetData>` holds
 * `<row>`s of `<c>` cells; a cell's type `t` says how to read its value `<v>` (or its inline string
 * `<is>`), and its style `s` whether a number is shown as a date. Each cell becomes the text Excel
 * would write to a CSV, give or take number formats:
 *
 *   t="s"          the shared string at index v          t="inlineStr"  the text of <is>
 *   t="str", "e"   v as written (a formula's text, #N/A) t="b"          TRUE / FALSE
 *   t="d"          v (an ISO 8601 date)                  t="n" / none   v, or the date it stands for
 *
 * Cell references are optional (§18.3.1.4: `r` "may be omitted"): a cell without `r` sits in the
 * column after the previous cell of its row, a row without `r` after the previous row. A reference
 * is read as column letters then row digits, the columns A…XFD (Excel's 16 384); anything else is
 * refused as damaged. Only non-empty cells are kept, as (column, text) pairs in reading order: a
 * row that reaches column XFD costs two entries, not 16 384.
 */
import { rejectXlsxInvalid, rejectXlsxTooLarge, type XlsxLimits } from './xlsxLimits';
import type { XmlAttributes, XmlHandler, XmlReader } from './xmlReader';

/** Excel's last column, XFD (Microsoft, "Excel specifications and limits"). */
export const MAX_SHEET_COLUMNS = 16_384;

export interface SheetRow {
  /** Columns (0-based) of the non-empty cells, in reading order; `count` of them are valid. */
  columns: number[];
  texts: string[];
  count: number;
  /** One past the rightmost non-empty column. */
  width: number;
}

export interface SheetContext {
  part: string;
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: XlsxLimits;
}

/** Column index (0-based) of a reference like `AB12`, or -1 when it is not one. */
export function columnOfRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3 || col > MAX_SHEET_COLUMNS) return -1;
  // Row digits, if any: 1 to 7 of them, no leading zero.
  const digits = ref.length - i;
  if (digits > 7 || (digits > 0 && ref.charCodeAt(i) === 48)) return -1;
  for (let k = i; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
  }
  return col - 1;
}

/**
 * The handler to give an XmlReader over the sheet part: `onRow` receives each row that has a
 * non-empty cell (the object is reused: read it inside the call) and returns false to stop.
 */
export function sheetHandler(
  ctx: SheetContext,
  reader: () => XmlReader,
  onRow: (row: SheetRow) => boolean,
): XmlHandler & { stopped: boolean } {
  const row: SheetRow = { columns: [], texts: [], count: 0, width: 0 };
  let inData = false;
  let inRow = false;
  let nextColumn = 0;
  // The cell being read.
  let column = -1;
  let type = '';
  let style = -1;
  let value: string | null = null;
  let inline: string | null = null;
  let phonetic = 0;
  /** 'v' or 't' (inside <is>) while their text is captured. */
  const capture = (on: boolean): void => {
    reader().capture = on;
  };

  const cellText = (): string => {
    if (inline !== null) return inline;
    if (value === null) return '';
    switch (type) {
      case 's': {
        const index = /^\s*\d+\s*$/.test(value) ? Number(value) : -1;
        if (index < 0 || index >= ctx.sharedStrings.length)
          throw rejectXlsxInvalid(
            `a cell of ${ctx.part} refers to shared string "${value.slice(0, 20)}", but the table holds ${ctx.sharedStrings.length}`,
            { part: ctx.part },
          );
        return ctx.sharedStrings[index];
      }
      case 'b':
        return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
      case 'str':
      case 'e':
      case 'd':
      case 'inlineStr':
        return value;
      default:
        return style >= 0 && ctx.dateStyles[style] ? dateText(value, ctx.date1904) : value.trim();
    }
  };

  const handler = {
    stopped: false,
    open(name: string, attrs: XmlAttributes) {
      if (!inData) {
        if (name === 'sheetData') inData = true;
        return;
      }
      switch (name) {
        case 'row':
          inRow = true;
          row.count = 0;
          row.width = 0;
          nextColumn = 0;
          return;
        case 'c': {
          if (!inRow) return;
          const ref = attrs.get('r');
          column = ref === undefined ? nextColumn : columnOfRef(ref);
          if (column < 0 || column >= MAX_SHEET_COLUMNS)
            throw rejectXlsxInvalid(
              ref === undefined
                ? `a row of ${ctx.part} has more than ${MAX_SHEET_COLUMNS} cells`
                : `a cell of ${ctx.part} has the reference "${ref.slice(0, 20)}", which is not a cell`,
              { part: ctx.part },
            );
          nextColumn = column + 1;
          type = attrs.get('t') ?? '';
          const s = attrs.get('s');
          style = s === undefined ? -1 : Number(s);
          value = null;
          inline = null;
          return;
        }
        case 'v':
          if (column >= 0) {
            value = '';
            capture(true);
          }
          return;
        case 'is':
          if (column >= 0) inline = '';
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (inline !== null && phonetic === 0) capture(true);
          return;
      }
    },
    close(name: string) {
      switch (name) {
        case 'sheetData':
          inData = false;
          return;
        case 'v':
        case 't':
          capture(false);
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'c': {
          if (column < 0) return;
          const text = cellText();
          if (text !== '') {
            row.columns[row.count] = column;
            row.texts[row.count++] = text;
            if (column + 1 > row.width) row.width = column + 1;
          }
          column = -1;
          return;
        }
        case 'row':
          inRow = false;
          if (row.count > 0 && !handler.stopped && !onRow(row)) handler.stopped = true;
          return;
      }
    },
    text(piece: string) {
      if (inline !== null) inline += piece;
      else if (value !== null) value += piece;
      else return;
      if ((inline ?? value)!.length > ctx.limits.cellChars)
        throw rejectXlsxTooLarge('cell', ctx.part, ctx.limits);
    },
  };
  return handler;
}

/** Days since 1899-12-30 (or 1904-01-01) between the Unix epoch's 1970-01-01 and Excel's day 0. */
const EPOCH_DAYS = 25569;
const DAYS_1904 = 1462;

/**
 * A serial date number as text, as this import wrote dates before (exceljs' `excelToDate`, then
 * `2023-05-01` at midnight, else `2023-05-01 14:30:00`). A value no Date can hold stays a number.
 */
export function dateText(v: string, date1904: boolean): string {
  const serial = Number(v);
  const ms = Math.round((serial - EPOCH_DAYS + (date1904 ? DAYS_1904 : 0)) * 86_400_000);
  if (v.trim() === '' || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return v.trim();
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
