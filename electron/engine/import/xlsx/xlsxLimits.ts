/**
 * Bounds on what reading one .xlsx workbook may cost, and the coded refusals when a workbook passes
 * them. A workbook is a ZIP of XML parts, so the bytes on disk say little: deflate packs up to ~1000
 * bytes of repeated XML into one, and XML entities can expand a few bytes into gigabytes. Every
 * bound is enforced while inflating or parsing (the reader stops at the limit), never on a result
 * already in memory:
 *
 *   partBytes          1 GiB    inflated bytes of one part (a sheet of ~25 million numeric cells)
 *   totalBytes         2 GiB    inflated bytes of all parts read for one import
 *   metaPartBytes     32 MiB    workbook, relationships and styles parts (read whole)
 *   ratio / ratioFloor 100 : 1 above 16 MiB — real sheets deflate 4-20 : 1 (measured: exceljs and
 *                              Excel files, 200 000 rows × 5 columns, 45 MB of XML in 9.5 MB; 42 : 1
 *                              for a sheet of one long text repeated inline); a part that inflates
 *                              past 100 × its compressed size is a bomb
 *   verifyRatio         25 : 1 above 16 MiB — a part compressed better than this is inflated once,
 *                              only counted, before it is parsed (a bomb lying about its size is
 *                              refused in a fraction of a second instead of after parsing)
 *   sharedStrings      4 Mi strings and 128 Mi characters (UTF-16 units) in the shared-string table,
 *                              which is held in memory while the sheet is read (≤ ~400 MB)
 *   cellChars         16 Mi    characters of one cell's text (as the CSV record limit, 16 MB)
 *   tagChars           1 Mi    characters of one start tag with its attributes
 *   depth              256     nested elements (a sheet needs 7)
 *
 * DTDs are refused outright (so no entity can be declared: "billion laughs" and external entities
 * never start), and so is any entity other than XML's five and numeric character references.
 */
import { EngineError } from '../../../../shared/errors';
import { byteSize, grouped } from '../../../../shared/data/importLimits';

export interface XlsxLimits {
  partBytes: number;
  totalBytes: number;
  metaPartBytes: number;
  ratio: number;
  ratioFloor: number;
  verifyRatio: number;
  sharedStrings: number;
  sharedStringChars: number;
  cellChars: number;
  tagChars: number;
  depth: number;
}

export const XLSX_LIMITS: Readonly<XlsxLimits> = {
  partBytes: 2 ** 30,
  totalBytes: 2 * 2 ** 30,
  metaPartBytes: 32 * 2 ** 20,
  ratio: 100,
  ratioFloor: 16 * 2 ** 20,
  verifyRatio: 25,
  sharedStrings: 4 * 2 ** 20,
  sharedStringChars: 128 * 2 ** 20,
  cellChars: 16 * 2 ** 20,
  tagChars: 2 ** 20,
  depth: 256,
};

export const XlsxCodes = {
  /** Not a ZIP, truncated, damaged, or not a workbook inside. */
  Invalid: 'xlsx_invalid',
  /** A size or count bound above (a decompression bomb, a huge shared-string table). */
  TooLarge: 'xlsx_too_large',
  /** A DOCTYPE (entity declarations) in a part. */
  Dtd: 'xlsx_dtd',
} as const;

/** What the limit was, for `details.limit` (tests and programs), and its words. */
export type XlsxLimitName =
  'part' | 'total' | 'ratio' | 'sharedStrings' | 'sharedStringChars' | 'cell' | 'tag' | 'depth';

const AFTER = 'Open it in Excel or LibreOffice and save it again, or export the sheet as CSV.';

/** @param reason a sentence saying what is wrong, ending without a full stop. */
export const rejectXlsxInvalid = (reason: string, details: Record<string, unknown> = {}): EngineError =>
  new EngineError(XlsxCodes.Invalid, `This workbook cannot be read: ${reason}. ${AFTER}`, {
    ...details,
    reason,
  });

export const rejectXlsxDtd = (part: string): EngineError =>
  new EngineError(
    XlsxCodes.Dtd,
    `This workbook cannot be read: its part ${part} declares a document type (DTD). Workbooks saved by Excel or LibreOffice never do; a DTD can define entities that expand to gigabytes or read other files, so it is refused. ${AFTER}`,
    { part },
  );

/** `extra.declared`: the inflated size the part's directory entry states (part, ratio, total). */
export function rejectXlsxTooLarge(
  limit: XlsxLimitName,
  part: string,
  limits: XlsxLimits = XLSX_LIMITS,
  extra: { declared?: number } = {},
): EngineError {
  const size = extra.declared === undefined ? 'more than' : `${byteSize(extra.declared)}, more than`;
  const words: Record<XlsxLimitName, string> = {
    part: `its part ${part} inflates to ${size} ${byteSize(limits.partBytes)}, the limit for one part`,
    total: `its parts inflate to more than ${byteSize(limits.totalBytes)} in total, the limit for one workbook`,
    ratio: `its part ${part} inflates to ${size} ${limits.ratio} times its compressed size (real sheets compress 4 to 20 times): it is a decompression bomb or damaged`,
    sharedStrings: `its shared-string table holds more than ${grouped(limits.sharedStrings)} strings`,
    sharedStringChars: `its shared-string table holds more than ${grouped(limits.sharedStringChars)} characters`,
    cell: `a cell in ${part} holds more than ${byteSize(limits.cellChars)} of text`,
    tag: `${part} has an XML tag longer than ${byteSize(limits.tagChars)}`,
    depth: `${part} nests XML elements more than ${limits.depth} deep`,
  };
  return new EngineError(XlsxCodes.TooLarge, `This workbook is refused: ${words[limit]}. ${AFTER}`, {
    limit,
    part,
    ...extra,
  });
}
