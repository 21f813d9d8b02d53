/**
 * The shared-string table (ECMA-376 Part 1, §18.4): `<sst><si>…</si>…</sst>`, one `<si>` per string,
 * its text in `<t>` directly or in rich-text runs `<r><t>…</t></r>` (phonetic guides `<rPh>` are not
 * part of the text). Streamed from the part; held in memory while the sheet is read, so its count and
 * total length are bounded (xlsxLimits.ts) as they grow, and so is each string (the cell limit).
 */
import type { InflateBudget } from './partStream';
import { partStream } from './partStream';
import { XmlReader, type XmlAttributes } from './xmlReader';
import { rejectXlsxTooLarge } from './xlsxLimits';
import { PartDecoder } from './workbookParts';
import type { ZipArchive, ZipEntry } from './zipArchive';

export async function readSharedStrings(
  archive: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  signal: AbortSignal,
): Promise<string[]> {
  const { limits } = budget;
  const part = entry.name;
  const strings: string[] = [];
  let chars = 0;
  let current: string | null = null;
  let phonetic = 0;
  const reader: XmlReader = new XmlReader(
    part,
    {
      open(name: string, attrs: XmlAttributes) {
        if (name === 'sst') {
          // A declared count past the limit is refused before anything is read.
          const declared = Number(attrs.get('uniqueCount') ?? 0);
          if (declared > limits.sharedStrings) throw rejectXlsxTooLarge('sharedStrings', part, limits);
        } else if (name === 'si') current = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && current !== null && phonetic === 0) reader.capture = true;
      },
      close(name: string) {
        if (name === 't') reader.capture = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si' && current !== null) {
          if (strings.length >= limits.sharedStrings) throw rejectXlsxTooLarge('sharedStrings', part, limits);
          strings.push(current);
          current = null;
        }
      },
      text(piece: string) {
        current += piece;
        chars += piece.length;
        if (current!.length > limits.cellChars) throw rejectXlsxTooLarge('cell', part, limits);
        if (chars > limits.sharedStringChars) throw rejectXlsxTooLarge('sharedStringChars', part, limits);
      },
    },
    limits,
  );
  const decoder = new PartDecoder(part);
  for await (const chunk of partStream(archive, entry, budget, { limit: limits.partBytes, signal }))
    reader.push(decoder.decode(chunk));
  reader.push(decoder.decode());
  reader.end();
  return strings;
}
