/**
 * Text → bytes for the export encodings. GBK (the Chinese-Windows code page, CP936 superset) goes
 * through iconv-lite, which silently writes `?` for a character GBK cannot hold; we check each slice
 * by decoding it back and refuse with the character and row instead of losing it quietly.
 */
import iconv from 'iconv-lite';
import { EngineError } from '../../../shared/errors';
import type { ExportEncoding } from '../../../shared/export/labelExport';

export const UNENCODABLE = 'export_unencodable';
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

export interface SliceEncoder {
  /** Bytes written before the first slice (a byte-order mark), possibly empty. */
  preamble: Uint8Array;
  /** `lines` joined as given; `firstRow` (1-based file line) names the row in an error. */
  encode(lines: string[], firstRow: number): Uint8Array;
}

export function sliceEncoder(encoding: ExportEncoding): SliceEncoder {
  if (encoding !== 'gbk') {
    return {
      preamble: encoding === 'utf-8-bom' ? UTF8_BOM : new Uint8Array(0),
      encode: (lines) => Buffer.from(lines.join(''), 'utf8'),
    };
  }
  return {
    preamble: new Uint8Array(0),
    encode(lines, firstRow) {
      const text = lines.join('');
      const bytes = iconv.encode(text, 'gbk');
      if (iconv.decode(bytes, 'gbk') !== text) throw unencodable(lines, firstRow);
      return bytes;
    },
  };
}

function unencodable(lines: string[], firstRow: number): EngineError {
  for (let i = 0; i < lines.length; i++) {
    for (const ch of lines[i]) {
      if (iconv.decode(iconv.encode(ch, 'gbk'), 'gbk') !== ch) {
        const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        return new EngineError(
          UNENCODABLE,
          `Line ${firstRow + i} holds "${ch}" (U+${code}), which GBK cannot represent; export as UTF-8 instead.`,
          { line: firstRow + i, character: ch },
        );
      }
    }
  }
  return new EngineError(UNENCODABLE, 'The text cannot be represented in GBK; export as UTF-8 instead.');
}
