/**
 * The first look at a file: its size, first bytes, extension, and what it is (delimited text or a
 * workbook), before anything is decoded. Refuses empty files, files beyond the size limit
 * (importLimits.ts) and binary containers with a reason.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { containerKind } from './detectEncoding';
import { rejectEmptyFile, rejectNotText, rejectXls } from './rejections';
import { IMPORT_LIMITS, rejectFileTooLarge } from '../../../shared/data/importLimits';

/** Bytes read up front for detection (encoding, delimiter, decimal, record length). */
export const SAMPLE_BYTES = 1 << 20;

export interface Sniffed {
  path: string;
  size: number;
  extension: string;
  format: 'csv' | 'xlsx';
  sample: Uint8Array;
  /** The sample is the whole file. */
  whole: boolean;
}

export async function sniffFile(file: string, sampleBytes = SAMPLE_BYTES): Promise<Sniffed> {
  const { size } = await stat(file);
  if (size === 0) throw rejectEmptyFile();
  // From the size alone, before reading: a 20 GB file is refused at once, whatever it holds.
  if (size > IMPORT_LIMITS.fileBytes) throw rejectFileTooLarge(size);
  const handle = await open(file, 'r');
  let sample: Uint8Array;
  try {
    const buffer = new Uint8Array(Math.min(size, sampleBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    sample = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const extension = path.extname(file).toLowerCase();
  const container = containerKind(sample);
  if (container === 'zip' && ['.xlsx', '.xlsm'].includes(extension)) {
    return { path: file, size, extension, format: 'xlsx', sample, whole: sample.length === size };
  }
  if (container === 'ole2' && extension === '.xls') throw rejectXls();
  if (container) throw rejectNotText(container);
  return { path: file, size, extension, format: 'csv', sample, whole: sample.length === size };
}
