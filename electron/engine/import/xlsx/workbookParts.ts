/**
 * The small parts that say where a workbook's data is (ECMA-376 Part 1, §12.3 and §18.2; Part 2
 * (OPC), §9.3): the package relationships (`_rels/.rels` → the workbook part), the workbook's
 * sheets in order with their relationship ids, the workbook's relationships (→ sheet, shared-string
 * and style parts) and, from the styles, which cell formats show a number as a date. Each is read
 * whole (they are small: the metaPartBytes limit) through the strict XML reader.
 */
import { TextDecoder } from 'node:util';
import { readXml, type XmlAttributes } from './xmlReader';
import { rejectXlsxInvalid, type XlsxLimits } from './xlsxLimits';

export interface Relationship {
  type: string;
  /** The target part's name, resolved against the source part (`xl/worksheets/sheet1.xml`). */
  target: string;
  external: boolean;
}

export interface SheetRef {
  name: string;
  relationshipId: string;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  /** Dates count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  date1904: boolean;
}

/** A part's bytes as text: UTF-8 unless a UTF-16 byte order mark says otherwise (XML 1.0 §4.3.3). */
export function partText(bytes: Uint8Array, part: string): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw rejectXlsxInvalid(`its part ${part} is not valid ${encoding.toUpperCase()} text`, { part });
  }
}

/**
 * Decodes a streamed part: the encoding is chosen from its first bytes as partText does, then the
 * chunks are decoded strictly (a byte sequence that is not text refuses the workbook).
 */
export class PartDecoder {
  private decoder: TextDecoder | null = null;

  constructor(private readonly part: string) {}

  decode(chunk?: Uint8Array): string {
    if (!this.decoder) {
      const b = chunk ?? new Uint8Array(0);
      const encoding =
        b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : 'utf-8';
      this.decoder = new TextDecoder(encoding, { fatal: true });
    }
    try {
      return chunk ? this.decoder.decode(chunk, { stream: true }) : this.decoder.decode();
    } catch {
      throw rejectXlsxInvalid(
        `its part ${this.part} is not valid ${this.decoder.encoding.toUpperCase()} text`,
        {
          part: this.part,
        },
      );
    }
  }
}

const ignore = (): void => {};

/** Relationships of `part` (its `_rels/<name>.rels`), by id. */
export function parseRelationships(
  text: string,
  relsPart: string,
  limits: XlsxLimits,
): Map<string, Relationship> {
  // `xl/_rels/workbook.xml.rels` describes `xl/workbook.xml`: targets are relative to `xl/`.
  const sourceDir = relsPart.replace(/_rels\/[^/]*$/, '');
  const out = new Map<string, Relationship>();
  readXml(
    relsPart,
    text,
    {
      open(name: string, attrs: XmlAttributes) {
        if (name !== 'Relationship') return;
        const id = attrs.get('Id');
        const target = attrs.get('Target');
        if (id === undefined || target === undefined) return;
        const external = attrs.get('TargetMode') === 'External';
        out.set(id, {
          type: attrs.get('Type') ?? '',
          target: external ? target : resolvePart(sourceDir, target),
          external,
        });
      },
      close: ignore,
      text: ignore,
    },
    limits,
  );
  return out;
}

/** `target` (relative, or absolute from the package root) against the folder `dir` (`xl/`). */
export function resolvePart(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

export function parseWorkbook(text: string, part: string, limits: XlsxLimits): WorkbookInfo {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  readXml(
    part,
    text,
    {
      open(name: string, attrs: XmlAttributes) {
        if (name === 'workbookPr') {
          const v = attrs.get('date1904');
          date1904 = v === '1' || v === 'true';
        } else if (name === 'sheet') {
          const sheetName = attrs.get('name');
          const id = attrs.get('id');
          if (sheetName !== undefined && id !== undefined)
            sheets.push({ name: sheetName, relationshipId: id });
        }
      },
      close: ignore,
      text: ignore,
    },
    limits,
  );
  return { sheets, date1904 };
}

/**
 * Built-in number formats that show dates or times (ECMA-376 Part 1, §18.8.30: 14-22, and the
 * East Asian date formats 27-36, 50-58), and the mm:ss ones (45-47).
 */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * A format code shows a date when, outside quoted text and [brackets] (colours, locales, elapsed
 * time), it has a day, month, year, hour or second token — exceljs' `isDateFmt`, which this import
 * used before, so workbooks read as they did.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** For each cell format (`s` of a cell, an index into cellXfs): does it show a date? */
export function parseDateStyles(text: string, part: string, limits: XlsxLimits): boolean[] {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  readXml(
    part,
    text,
    {
      open(name: string, attrs: XmlAttributes) {
        if (name === 'numFmt') {
          const id = Number(attrs.get('numFmtId'));
          const code = attrs.get('formatCode');
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) formatIds.push(Number(attrs.get('numFmtId') ?? 0));
      },
      close(name: string) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text: ignore,
    },
    limits,
  );
  return formatIds.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

export const RELATIONSHIP = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
} as const;

/** The first relationship whose type ends with `suffix` (transitional and strict namespaces differ). */
export function relationshipOfType(rels: Map<string, Relationship>, suffix: string): Relationship | null {
  for (const rel of rels.values()) if (!rel.external && rel.type.endsWith(suffix)) return rel;
  return null;
}
