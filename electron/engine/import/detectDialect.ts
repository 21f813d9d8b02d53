/**
 * Delimiter and number locale from a sample of the decoded text.
 *
 * Delimiter: each candidate (comma, semicolon, tab, pipe) splits the sample's records, quotes
 * respected; the winner is the one whose field counts agree best — the share of records (header
 * included) with the most common count, which must be ≥ 2. Counting the header matters: in a
 * tab file whose names contain commas ("Smith, John") the comma split is consistent over the data
 * lines but not with the header. Ties go to the larger field count, then to the order favoured by
 * the file extension (.tsv/.tab → tab first). No candidate with ≥ 2 fields → single column (null).
 *
 * Decimal: only when the delimiter is not a comma. Cells that are numbers under exactly one of the
 * two locales vote (`4,5` and `1.234,5` for ','; `12.5` for '.'); `1.200` fits both and does not
 * vote. Without votes a semicolon file is taken as decimal comma (why Excel writes ';' at all).
 */
import { DelimitedScanner, fieldText } from './csvScanner';
import { SCAN_NUMBER, scanNumber, type NumberScan } from '../../../shared/data/numberGrammar';

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;
const MAX_RECORDS = 200;

interface Split {
  counts: number[];
  cells: string[][];
}

/** Splits up to MAX_RECORDS records of `text`; `whole` = the text is the entire file. */
export function splitSample(
  text: string,
  delimiter: string | null,
  whole: boolean,
  keepCells = false,
): Split {
  const counts: number[] = [];
  const cells: string[][] = [];
  const scanner = new DelimitedScanner(delimiter ? delimiter.charCodeAt(0) : -1, {
    record(buf, starts, ends, flags, n) {
      counts.push(n);
      if (keepCells) {
        const row: string[] = [];
        for (let i = 0; i < n; i++) row.push(fieldText(buf, starts[i], ends[i], flags[i]));
        cells.push(row);
      }
      return counts.length < MAX_RECORDS;
    },
  });
  scanner.push(text, whole);
  return { counts, cells };
}

export function detectDelimiter(text: string, whole: boolean, extension: string): string | null {
  const order: string[] = ['.tsv', '.tab'].includes(extension)
    ? ['\t', ',', ';', '|']
    : [...DELIMITER_CANDIDATES];
  let best: { d: string; share: number; fields: number } | null = null;
  for (const d of order) {
    const { counts } = splitSample(text, d, whole);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [c, f] of freq) if (f > modeFreq || (f === modeFreq && c > mode)) [mode, modeFreq] = [c, f];
    if (mode < 2) continue;
    const share = modeFreq / counts.length;
    if (
      !best ||
      share > best.share + 1e-12 ||
      (Math.abs(share - best.share) <= 1e-12 && mode > best.fields)
    ) {
      best = { d, share, fields: mode };
    }
  }
  return best ? best.d : null;
}

export function detectDecimal(text: string, delimiter: string | null, whole: boolean): '.' | ',' {
  if (delimiter === ',') return '.';
  const { cells } = splitSample(text, delimiter, whole, true);
  const scan: NumberScan = { value: 0, format: 0 };
  let comma = 0;
  let dot = 0;
  for (const row of cells.slice(1)) {
    for (const cell of row) {
      const asDot = scanNumber(cell, 0, cell.length, false, scan) === SCAN_NUMBER;
      const asComma = scanNumber(cell, 0, cell.length, true, scan) === SCAN_NUMBER;
      if (asComma && !asDot) comma++;
      else if (asDot && !asComma) dot++;
    }
  }
  if (comma !== dot) return comma > dot ? ',' : '.';
  return delimiter === ';' ? ',' : '.';
}

/** Average bytes per record over the whole sample (sizes the column arrays of a big file). */
export function bytesPerRecord(
  text: string,
  delimiter: string | null,
  whole: boolean,
  sampleBytes: number,
): number {
  let records = 0;
  new DelimitedScanner(delimiter ? delimiter.charCodeAt(0) : -1, {
    record() {
      records++;
      return true;
    },
  }).push(text, whole);
  return records > 0 ? sampleBytes / records : 64;
}
