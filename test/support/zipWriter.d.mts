/** One part of an archive built by zip(); see zipWriter.mjs. */
export interface ZipPart {
  name: string;
  data?: Buffer | string;
  /** 0 stored, 8 deflate (default). */
  method?: number;
  /** The stored bytes, when not `data` compressed by `method` (a bomb, a damaged stream). */
  compressed?: Buffer;
  /** The inflated size the headers state (default: the length of `data`). */
  declaredSize?: number;
  crc?: number;
  flags?: number;
  /** Written but left out of the central directory. */
  unlisted?: boolean;
}

export function zip(parts: ZipPart[]): Buffer;
export function repeatedDeflate(unit: Buffer, times: number): Buffer;
export function workbookParts(o: {
  sheetData?: string;
  sheetXml?: string;
  sharedStrings?: string[];
  sharedStringsXml?: string;
  styles?: string;
}): ZipPart[];
