/**
 * The settings a delimited file is read with — detected from the sample, or the user's overrides —
 * and the sample decoded for detection and previews.
 */
import { TextDecoder } from 'node:util';
import type { ImportOptions } from '../../../shared/data/types';
import { bomEncoding, detectEncoding, looksBinary } from './detectEncoding';
import { bytesPerRecord, detectDecimal, detectDelimiter } from './detectDialect';
import { badOption, rejectNotText, rejectUndecodable } from './rejections';
import type { Sniffed } from './sniffFile';

export interface Dialect {
  encoding: string;
  bom: boolean;
  /** The user chose the encoding (a decoding failure is then an error, not a reason to re-detect). */
  encodingForced: boolean;
  delimiter: string | null;
  decimal: '.' | ',';
  /** Average bytes per record in the sample. */
  bytesPerRecord: number;
  /** The decoded sample (without BOM). */
  sampleText: string;
}

/** Accepted spellings of a delimiter override (the CLI and the dialog pass names or characters). */
const DELIMITER_NAMES: Record<string, string> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
  pipe: '|',
  space: ' ',
};

export function normaliseDelimiter(d: string): string | null {
  const named = DELIMITER_NAMES[d.toLowerCase()];
  if (named) return named;
  if (d.toLowerCase() === 'none') return null;
  if ([...d].length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw badOption(
      `The delimiter must be one character (or comma, semicolon, tab, pipe, none); got "${d}".`,
    );
  }
  return d;
}

export function makeDecoder(encoding: string, fatal: boolean): TextDecoder {
  try {
    return new TextDecoder(encoding, { fatal });
  } catch {
    throw badOption(
      `Unknown encoding "${encoding}". Try utf-8, utf-16le, utf-16be, gbk, gb18030 or windows-1252.`,
    );
  }
}

/** Canonical name for an encoding label the user typed (`GB2312` → `gbk`, `latin1` → `windows-1252`). */
export function canonicalEncoding(label: string): string {
  return makeDecoder(label, false).encoding;
}

export function resolveDialect(sniffed: Sniffed, options: ImportOptions): Dialect {
  const { sample, whole } = sniffed;
  const forced = options.encoding !== undefined && options.encoding !== '';
  const guess = forced ? null : detectEncoding(sample, whole);
  const encoding = forced ? canonicalEncoding(options.encoding!) : guess!.encoding;
  const bom = bomEncoding(sample)?.encoding === encoding;
  if (!encoding.startsWith('utf-16') && looksBinary(sample)) throw rejectNotText('binary');
  let sampleText: string;
  try {
    // A forced encoding must decode the sample; a cut multi-byte sequence at its end is fine.
    sampleText = makeDecoder(encoding, forced).decode(sample, { stream: !whole });
  } catch {
    throw rejectUndecodable(encoding, null);
  }
  const delimiter =
    options.delimiter !== undefined
      ? normaliseDelimiter(options.delimiter)
      : detectDelimiter(sampleText, whole, sniffed.extension);
  const decimal = options.decimal ?? detectDecimal(sampleText, delimiter, whole);
  if (decimal === ',' && delimiter === ',')
    throw badOption('The decimal separator cannot be the delimiter (",").');
  return {
    encoding,
    bom,
    encodingForced: forced,
    delimiter,
    decimal,
    bytesPerRecord: bytesPerRecord(sampleText, delimiter, whole, sample.length),
    sampleText,
  };
}
